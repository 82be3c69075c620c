package io.verbatim.ingest.fetch;

import io.verbatim.httpguard.IpAddressPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the {@link PageFetcher}. Plain values, so the Quarkus configuration can be mapped onto them later.
 *
 * @param userAgent the User-Agent header; its product token (before the first '/') is the robot name matched in
 *     robots.txt
 * @param connectTimeout longest wait for a TCP (and TLS) connection
 * @param readTimeout longest wait for the response headers and for each read of the body
 * @param fetchDeadline longest time one whole fetch may take, every redirect hop included: connecting, the response
 *     headers and the whole body (a server trickling one byte at a time within the read time-out is cut off here)
 * @param maxBodyBytes largest body accepted, counted after decompression
 * @param maxRedirects most redirects followed for one fetch
 * @param allowedHosts hosts (names or address literals, as written in URLs) exempt from the {@link IpAddressPolicy}
 * @param maxConnections most connections open at once, in use and kept alive together (at most
 *     {@link #MAX_CONNECTIONS_PER_SITE} to one site); the connection pool keeps state only for the sites it holds a
 *     connection to, so it is bounded by this too, however many sites are fetched
 * @param connectionIdleTime how long a connection may stay unused in the pool; an older one is closed by the next
 *     fetch (zero: no connection is kept between fetches)
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration fetchDeadline,
        long maxBodyBytes,
        int maxRedirects,
        Set<String> allowedHosts,
        int maxConnections,
        Duration connectionIdleTime) {

    /** The configuration property an operator uses to allowlist hosts, named in every refusal. */
    public static final String ALLOWED_HOSTS_SETTING = "verbatim.ingest.allowed-hosts";

    public static final String DEFAULT_USER_AGENT = "Verbatim/0.1 (+https://github.com/verbatim; transcript archiver)";
    public static final int DEFAULT_MAX_CONNECTIONS = 25;
    public static final Duration DEFAULT_CONNECTION_IDLE_TIME = Duration.ofSeconds(30);
    /** Most connections open to one site (scheme, host and port): the crawl asks one site one thing at a time. */
    public static final int MAX_CONNECTIONS_PER_SITE = 2;

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(fetchDeadline, "fetchDeadline");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
        allowedHosts = Set.copyOf(allowedHosts);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        Objects.requireNonNull(connectionIdleTime, "connectionIdleTime");
        if (connectionIdleTime.isNegative()) {
            throw new IllegalArgumentException("connectionIdleTime must not be negative");
        }
    }

    /**
     * 10 s to connect, 30 s per read, 60 s per whole fetch, 5 MiB bodies, 5 redirects, no allowlisted host, 25
     * connections, closed after 30 s unused.
     */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 5L * 1024 * 1024, 5, Set.of(), DEFAULT_MAX_CONNECTIONS,
                DEFAULT_CONNECTION_IDLE_TIME);
    }

    public FetchSettings withAllowedHosts(Set<String> hosts) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, fetchDeadline, maxBodyBytes, maxRedirects,
                hosts, maxConnections, connectionIdleTime);
    }

    public FetchSettings withReadTimeout(Duration timeout) {
        return new FetchSettings(userAgent, connectTimeout, timeout, fetchDeadline, maxBodyBytes, maxRedirects,
                allowedHosts, maxConnections, connectionIdleTime);
    }

    public FetchSettings withFetchDeadline(Duration deadline) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, deadline, maxBodyBytes, maxRedirects,
                allowedHosts, maxConnections, connectionIdleTime);
    }

    public FetchSettings withMaxBodyBytes(long bytes) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, fetchDeadline, bytes, maxRedirects,
                allowedHosts, maxConnections, connectionIdleTime);
    }

    public FetchSettings withUserAgent(String agent) {
        return new FetchSettings(agent, connectTimeout, readTimeout, fetchDeadline, maxBodyBytes, maxRedirects,
                allowedHosts, maxConnections, connectionIdleTime);
    }

    public FetchSettings withConnectionPool(int connections, Duration idleTime) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, fetchDeadline, maxBodyBytes, maxRedirects,
                allowedHosts, connections, idleTime);
    }

    /** The name this crawler answers to in robots.txt: the User-Agent's product token, lower case ("verbatim"). */
    public String robotName() {
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
