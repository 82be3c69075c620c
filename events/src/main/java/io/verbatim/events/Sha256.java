package io.verbatim.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form every id and hash of the contract takes. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** Hash of several parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
    public static String ofParts(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            String value = part == null ? "" : part;
            joined.append(value.length()).append(':').append(value).append('\n');
        }
        return hex(joined.toString());
    }
}
