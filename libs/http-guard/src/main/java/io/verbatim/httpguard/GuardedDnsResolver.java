package io.verbatim.httpguard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves host names for the HTTP client and checks every address against the {@link IpAddressPolicy} before the
 * client may connect to it. The addresses returned are the very ones connected to, so a name that resolves (or
 * re-resolves, as in DNS rebinding) to a forbidden address never gets a connection. If any address of a host is
 * forbidden the whole host is refused.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final IpAddressPolicy policy;
    private final DnsResolver delegate;

    public GuardedDnsResolver(IpAddressPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    public GuardedDnsResolver(IpAddressPolicy policy, DnsResolver delegate) {
        this.policy = policy;
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address for host " + host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(host, address);
            if (refusal.isPresent()) {
                throw new AddressRefusedException(refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> socketAddresses = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            socketAddresses.add(new InetSocketAddress(address, port));
        }
        return socketAddresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /** Thrown, in place of a connection, when a host resolves to an address the policy forbids. */
    public static final class AddressRefusedException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        AddressRefusedException(String reason) {
            super(reason);
        }
    }
}
