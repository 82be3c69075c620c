package io.verbatim.ingest.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.verbatim.ingest.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * In the {@code prod} profile (the packaged service, its container image) ingest-service does not start without a
 * usable API key: unset, blank and the well-known placeholders are refused with a message that says how to set one.
 * The {@code dev} and {@code test} profiles keep the old behaviour (no key: every {@code /api/*} request refused).
 */
@ApplicationScoped
public class ApiKeyRequirement {

    /** Placeholders that ship in examples and templates, compared without case and surrounding blanks. */
    static final Set<String> KNOWN_WEAK_KEYS = Set.of("change-me", "changeme", "change_me", "changeit", "secret",
            "password", "admin", "apikey", "api-key", "api_key", "key", "test", "test-api-key", "verbatim",
            "default", "example", "placeholder", "replace-me", "123456", "xxx");

    static final String HOW_TO_SET = "Set VERBATIM_API_KEY to a long random value, for example "
            + "VERBATIM_API_KEY=\"$(openssl rand -hex 32)\" (docker-compose reads it from the environment or a .env "
            + "file; Kubernetes from the Secret ingest-service-api-key), and start ingest-service again.";

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
        if (!activeProfiles.contains(LaunchMode.PROD_PROFILE)) {
            return Optional.empty();
        }
        String key = apiKey.map(String::strip).orElse("");
        if (key.isEmpty()) {
            return Optional.of("VERBATIM_API_KEY is not set: ingest-service does not start in the prod profile "
                    + "without an API key. " + HOW_TO_SET);
        }
        if (KNOWN_WEAK_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
            return Optional.of("VERBATIM_API_KEY is a well-known placeholder (\"" + key + "\"): ingest-service "
                    + "does not start in the prod profile with it. " + HOW_TO_SET);
        }
        return Optional.empty();
    }
}
