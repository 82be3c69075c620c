package io.verbatim.httpguard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Compares the key a client sent with the configured one as SHA-256 digests, so the comparison takes the same time
 * whatever the key and reveals nothing of its length. Blanks around either key are ignored. Without a configured key
 * nothing matches.
 */
public final class ApiKeyMatcher {

    private final byte[] expected;

    public ApiKeyMatcher(Optional<String> configured) {
        this.expected = configured.map(String::strip).filter(key -> !key.isEmpty()).map(ApiKeyMatcher::sha256)
                .orElse(null);
    }

    /** Whether a non-blank key is configured. */
    public boolean isConfigured() {
        return expected != null;
    }

    /** Whether {@code sent} (the header's value, or null when absent) is the configured key. */
    public boolean matches(String sent) {
        return expected != null && sent != null && MessageDigest.isEqual(expected, sha256(sent.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
