package io.verbatim.httpguard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks a URL passes before any request is made to it: http or https, a host, no user credentials, and, for an
 * address literal, an address the {@link IpAddressPolicy} allows (no DNS look-up happens for a literal, so it is
 * checked here). A host name is checked later, on every address it resolves to, by {@link GuardedDnsResolver}.
 */
public final class TargetUrls {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TargetUrls() {
    }

    /** Why a request to {@code target} is refused before it is made (a sentence starting "refused: "); empty if not. */
    public static Optional<String> refusal(URI target, IpAddressPolicy policy) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("refused: only http and https URLs are fetched, not " + target);
        }
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("refused: " + target + " has no valid host name");
        }
        if (target.getRawUserInfo() != null) {
            return Optional.of("refused: " + host + ": URLs with user credentials (user@host) are not fetched");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (IPV4_LITERAL.matcher(bare).matches() && !validIpv4(bare)) {
            return Optional.of("refused: " + host + " is not a valid address");
        }
        if (IPV4_LITERAL.matcher(bare).matches() || bare.contains(":")) {
            try {
                return policy.refusal(bare, InetAddress.getByName(bare));
            } catch (UnknownHostException e) {
                return Optional.of("refused: " + host + " is not a valid address");
            }
        }
        return Optional.empty();
    }

    private static boolean validIpv4(String literal) {
        for (String octet : literal.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
