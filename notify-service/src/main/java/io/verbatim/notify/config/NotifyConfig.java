package io.verbatim.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** notify-service's settings, prefix {@code verbatim.notify}; docs/notify-service.md lists them. */
@ConfigMapping(prefix = "verbatim.notify")
public interface NotifyConfig {

    /** The configuration property that allowlists webhook hosts, named in refusals. */
    String ALLOWED_HOSTS_SETTING = "verbatim.notify.allowed-hosts";

    /**
     * The key clients send in the {@code X-API-Key} header for {@code /api/*} ({@code VERBATIM_NOTIFY_API_KEY}).
     * Unset means the subscriptions API refuses every request.
     */
    Optional<String> apiKey();

    /**
     * Webhook hosts that may resolve to private or loopback addresses ({@code VERBATIM_NOTIFY_ALLOWED_HOSTS}, names
     * or address literals as written in the URL). Empty in production.
     */
    Optional<Set<String>> allowedHosts();

    /** Where store-service's API is reached by readers: the base of the {@code permalink} of each webhook body. */
    @WithDefault("http://localhost:8083")
    String storePublicUrl();

    /** Most subscriptions kept at once; one more is refused with 409. */
    @WithDefault("10000")
    int maxSubscriptions();

    /** How the subscription index follows changes made by other instances. */
    @WithDefault("5s")
    Duration indexRefreshInterval();

    /** This instance's name, owner of the delivery leases it takes (a restarted instance takes its own back at once). */
    @WithDefault("notify-service")
    String instanceId();

    Delivery delivery();

    interface Delivery {

        /** Tries per delivery, the first included; after the last one the delivery is dead-lettered. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait before the second try; each further wait doubles, with jitter, up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Longest Retry-After honoured; a longer one is cut to this. */
        @WithDefault("1h")
        Duration maxRetryAfter();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for the receiver's answer, and for one whole try (connect, send, answer). */
        @WithDefault("10s")
        Duration responseTimeout();

        /** Deliveries in flight at once, each to a different subscription. */
        @WithDefault("32")
        int workers();

        /** How often the dispatcher looks for deliveries that are due. */
        @WithDefault("200ms")
        Duration pollInterval();

        @WithDefault("Verbatim-Webhooks/0.1")
        String userAgent();
    }
}
