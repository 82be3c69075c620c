package io.verbatim.ingest.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.verbatim.httpguard.ApiKeyRule;
import io.verbatim.ingest.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * In the {@code prod} profile (the packaged service, its container image) ingest-service does not start without a
 * usable API key: unset, blank and the well-known placeholders are refused with a message that says how to set one.
 * The {@code dev} and {@code test} profiles keep the old behaviour (no key: every {@code /api/*} request refused).
 * The rule is libs/http-guard's {@link ApiKeyRule}, which notify-service applies to its own key too.
 */
@ApplicationScoped
public class ApiKeyRequirement {

    static final ApiKeyRule RULE = new ApiKeyRule("VERBATIM_API_KEY", "ingest-service", "ingest-service-api-key");

    private final ApiAccessConfig config;

    public ApiKeyRequirement(ApiAccessConfig config) {
        this.config = config;
    }

    void refuseWeakKeyInProd(@Observes StartupEvent event) {
        problem(config.apiKey(), ConfigUtils.getProfiles()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why ingest-service must not start with this key in these profiles, or empty when it may. */
    static Optional<String> problem(Optional<String> apiKey, List<String> activeProfiles) {
        return RULE.startupProblem(apiKey, activeProfiles);
    }
}
