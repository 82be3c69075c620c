package io.verbatim.notify.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.verbatim.events.http.Problem;
import io.verbatim.httpguard.ApiKeyMatcher;
import io.verbatim.httpguard.ApiKeyRule;
import io.verbatim.notify.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The subscriptions API ({@code /api/*}) takes the key of {@code VERBATIM_NOTIFY_API_KEY} in the {@code X-API-Key}
 * header, as ingest-service's submit API does; health and metrics ({@code /q/*}) stay open. Keys are compared as
 * SHA-256 digests in constant time ({@link ApiKeyMatcher}). The start-up rule is ingest-service's
 * ({@link ApiKeyRule}): in the {@code prod} profile notify-service does not start while the key is unset, blank or a
 * well-known placeholder; in {@code dev} and {@code test} it starts and, without a key, refuses every API request
 * (401).
 */
@ApplicationScoped
public class SubscriptionApiKey {

    public static final String HEADER = "X-API-Key";
    static final ApiKeyRule RULE = new ApiKeyRule("VERBATIM_NOTIFY_API_KEY", "notify-service",
            "notify-service-api-key");
    private static final Logger LOG = Logger.getLogger(SubscriptionApiKey.class);

    private final Optional<String> configured;
    private final ApiKeyMatcher key;

    public SubscriptionApiKey(NotifyConfig config) {
        this.configured = config.apiKey();
        this.key = new ApiKeyMatcher(configured);
    }

    void refuseWeakKeyInProd(@Observes StartupEvent event) {
        problem(configured, ConfigUtils.getProfiles()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        if (!key.isConfigured()) {
            LOG.warn("VERBATIM_NOTIFY_API_KEY is not set: the subscriptions API refuses every request");
        }
    }

    /** Why notify-service must not start with this key in these profiles, or empty when it may. */
    static Optional<String> problem(Optional<String> apiKey, List<String> activeProfiles) {
        return RULE.startupProblem(apiKey, activeProfiles);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String sent = request.getHeaderString(HEADER);
        if (key.matches(sent)) {
            return Optional.empty();
        }
        String detail = sent == null ? "send the API key in the " + HEADER + " header" : "the API key is not valid";
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, detail));
    }
}
