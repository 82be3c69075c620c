package io.verbatim.httpguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only: InetAddress.getByName parses them without a DNS look-up. */
class IpAddressPolicyTest {

    private final IpAddressPolicy policy = new IpAddressPolicy(Set.of(), "verbatim.ingest.allowed-hosts");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1        | a loopback address",
        "127.255.255.254  | a loopback address",
        "::1              | a loopback address",
        "10.0.0.5         | a private address",
        "172.16.0.1       | a private address",
        "172.31.255.255   | a private address",
        "192.168.1.1      | a private address",
        "169.254.0.1      | a link-local address",
        "169.254.169.254  | a link-local address (the cloud metadata service)",
        "fe80::1          | a link-local address",
        "224.0.0.1        | a multicast address",
        "239.255.255.250  | a multicast address",
        "ff02::1          | a multicast address",
        "0.0.0.0          | an unspecified address",
        "::               | an unspecified address",
        "0.1.2.3          | a \"this network\" address",
        "255.255.255.255  | the broadcast address",
        "240.0.0.1        | a reserved address",
        "100.64.0.1       | a carrier-grade NAT address",
        "100.127.255.254  | a carrier-grade NAT address",
        "fc00::1          | a unique-local address",
        "fd12:3456:789a::1| a unique-local address",
        "fec0::1          | a site-local address",
        "64:ff9b::808:808 | a NAT64 address",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo address",
        "2002:c000:0204::1| a 6to4 address",
        "2001:db8::1      | a documentation address",
        "192.0.2.1        | a documentation address",
        "198.18.0.1       | a benchmarking address",
        "::7f00:1         | an IPv4-compatible IPv6 address",
        "4000::1          | an address outside the global unicast range",
    })
    void refusesEveryNonPublicAddressClass(String literal, String range) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        Optional<String> refusal = policy.refusal(literal, address);

        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2a00:1450:4001:80b::200e"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        Optional<String> refusal = policy.refusal(literal, address);

        assertThat(refusal).isEmpty();
    }

    @Test
    void refusalNamesTheAddressItsClassAndTheSettingThatAllowsIt() throws UnknownHostException {
        InetAddress address = InetAddress.getByName("10.0.0.5");

        Optional<String> refusal = policy.refusal("10.0.0.5", address);

        assertThat(refusal).hasValue("refused: host 10.0.0.5 is a private address "
                + "(add the host to verbatim.ingest.allowed-hosts to allow it)");
    }

    @Test
    void refusalOfANameSaysWhatItResolvedTo() throws UnknownHostException {
        InetAddress address = InetAddress.getByName("127.0.0.1");

        Optional<String> refusal = policy.refusal("intranet.example", address);

        assertThat(refusal).hasValue("refused: host intranet.example resolves to 127.0.0.1, a loopback address "
                + "(add the host to verbatim.ingest.allowed-hosts to allow it)");
    }

    @Test
    void ipv4MappedIpv6AddressIsRefusedEvenWhenItMapsToAPublicAddress() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        Optional<String> refusal = policy.refusal("[::ffff:8.8.8.8]", address);

        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("IPv4-mapped"));
    }

    @Test
    void mappedLiteralTheJdkTurnsIntoIpv4IsCheckedAsIpv4() throws UnknownHostException {
        InetAddress address = InetAddress.getByName("::ffff:169.254.169.254");

        Optional<String> refusal = policy.refusal("::ffff:169.254.169.254", address);

        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("cloud metadata"));
    }

    @Test
    void allowlistedHostMayUseAnyAddress() throws UnknownHostException {
        IpAddressPolicy allowing = new IpAddressPolicy(Set.of("Intranet.Example"), "verbatim.ingest.allowed-hosts");

        Optional<String> refusal = allowing.refusal("intranet.example.", InetAddress.getByName("10.1.2.3"));

        assertThat(refusal).isEmpty();
    }
}
