package io.verbatim.httpguard;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which addresses an outgoing HTTP client may connect to: public unicast addresses only, unless the operator
 * allowlisted the host name (a setting of the service using it, named in every refusal: ingest-service's
 * {@code verbatim.ingest.allowed-hosts} for the page fetcher, notify-service's {@code verbatim.notify.allowed-hosts}
 * for webhook targets).
 *
 * <p>Refused IPv4: "this network" 0.0.0.0/8 (incl. the unspecified 0.0.0.0), private 10/8, 172.16/12, 192.168/16,
 * CGNAT 100.64/10, loopback 127/8, link-local 169.254/16 (incl. the cloud metadata address 169.254.169.254), the IETF
 * protocol block 192.0.0/24, documentation ranges, the 6to4 relay 192.88.99/24, benchmarking 198.18/15, multicast
 * 224/4, reserved 240/4 and the broadcast address 255.255.255.255.
 *
 * <p>Refused IPv6: unspecified ::, loopback ::1, IPv4-compatible ::/96, <b>IPv4-mapped ::ffff:0:0/96 whatever IPv4
 * address it embeds</b> (the JDK already turns most mapped literals into plain IPv4 addresses, which are then checked
 * as IPv4; one that stays IPv6 is refused outright rather than trusted to be routed as its embedded address), NAT64
 * 64:ff9b::/96 and 64:ff9b:1::/48, Teredo 2001::/32 and 6to4 2002::/16 (each can carry a packet to any IPv4 address),
 * documentation 2001:db8::/32, discard 100::/64, unique-local fc00::/7, link-local fe80::/10, the former site-local
 * fec0::/10, multicast ff00::/8 and anything else outside the global unicast block 2000::/3.
 *
 * <p>Allowlisted host names are compared case-insensitively with the host as written in the URL (a name or an address
 * literal); an allowlisted host may resolve to any address.
 */
public final class IpAddressPolicy {

    private final Set<String> allowedHosts;
    private final String allowedHostsSetting;

    /**
     * @param allowedHosts        hosts exempt from the policy
     * @param allowedHostsSetting the configuration property an operator uses to allowlist hosts, named in refusals
     */
    public IpAddressPolicy(Set<String> allowedHosts, String allowedHostsSetting) {
        this.allowedHostsSetting = allowedHostsSetting;
        this.allowedHosts = allowedHosts.stream()
                .map(IpAddressPolicy::normalHost)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAllowlisted(String host) {
        return host != null && allowedHosts.contains(normalHost(host));
    }

    /**
     * Why a connection to {@code address}, reached through {@code host}, is refused; empty when it is allowed.
     *
     * @param host the host as written in the URL (a name or an address literal)
     * @param address one of the addresses the host resolved to
     */
    public Optional<String> refusal(String host, InetAddress address) {
        if (isAllowlisted(host)) {
            return Optional.empty();
        }
        return forbiddenRange(address).map(range -> {
            String literal = address.getHostAddress();
            String subject = normalHost(host).equals(normalHost(literal))
                    ? "host " + literal + " is " + range
                    : "host " + host + " resolves to " + literal + ", " + range;
            return "refused: " + subject + " (add the host to " + allowedHostsSetting + " to allow it)";
        });
    }

    /** Names the forbidden class the address falls in, e.g. "a private address"; empty for a public address. */
    public static Optional<String> forbiddenRange(InetAddress address) {
        if (address instanceof Inet4Address) {
            return Optional.ofNullable(forbiddenIpv4(address.getAddress()));
        }
        if (address instanceof Inet6Address) {
            return Optional.ofNullable(forbiddenIpv6(address.getAddress()));
        }
        return Optional.of("an address of an unknown family");
    }

    private static String forbiddenIpv4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        int c = bytes[2] & 0xff;
        int d = bytes[3] & 0xff;
        if (a == 0) {
            return (b | c | d) == 0 ? "an unspecified address" : "a \"this network\" address";
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return "a private address";
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        }
        if (a == 127) {
            return "a loopback address";
        }
        if (a == 169 && b == 254) {
            return c == 169 && d == 254 ? "a link-local address (the cloud metadata service)" : "a link-local address";
        }
        if (a == 192 && b == 0 && c == 0) {
            return "an IETF protocol address";
        }
        if ((a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return "a documentation address";
        }
        if (a == 192 && b == 88 && c == 99) {
            return "a 6to4 relay address";
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return "a benchmarking address";
        }
        if (a >= 224 && a <= 239) {
            return "a multicast address";
        }
        if (a == 255 && b == 255 && c == 255 && d == 255) {
            return "the broadcast address";
        }
        if (a >= 240) {
            return "a reserved address";
        }
        return null;
    }

    private static String forbiddenIpv6(byte[] bytes) {
        if (allZero(bytes, 0, 10)) {
            if ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                return "an IPv4-mapped IPv6 address";
            }
            if (allZero(bytes, 10, 16)) {
                return "an unspecified address";
            }
            if (allZero(bytes, 10, 15) && bytes[15] == 1) {
                return "a loopback address";
            }
            if (allZero(bytes, 10, 12)) {
                return "an IPv4-compatible IPv6 address";
            }
        }
        int first = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        int second = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        int third = ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff);
        if (first == 0x64 && second == 0xff9b && (third == 1 || allZero(bytes, 4, 12))) {
            return "a NAT64 address";
        }
        if (first == 0x2001 && second == 0) {
            return "a Teredo address";
        }
        if (first == 0x2001 && second == 0xdb8) {
            return "a documentation address";
        }
        if (first == 0x2002) {
            return "a 6to4 address";
        }
        if (first == 0x100 && allZero(bytes, 2, 8)) {
            return "a discard-only address";
        }
        if ((first & 0xfe00) == 0xfc00) {
            return "a unique-local address";
        }
        if ((first & 0xffc0) == 0xfe80) {
            return "a link-local address";
        }
        if ((first & 0xffc0) == 0xfec0) {
            return "a site-local address";
        }
        if ((first & 0xff00) == 0xff00) {
            return "a multicast address";
        }
        if ((first & 0xe000) != 0x2000) {
            return "an address outside the global unicast range";
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String normalHost(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
