package io.verbatim.httpguard;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for a service's API key at start-up, the same for every service with a protected API (ingest-service's
 * submit and admin APIs, notify-service's subscriptions API): in the {@code prod} profile (the packaged service, its
 * container image) the service does not start while the key is unset, blank or a well-known placeholder, and the
 * refusal says how to set one. In the {@code dev} and {@code test} profiles it starts, and without a key its protected
 * API refuses every request ({@link ApiKeyMatcher}).
 */
public final class ApiKeyRule {

    /** Quarkus's production profile, active in the packaged service unless another one is chosen. */
    public static final String PROD_PROFILE = "prod";

    /** Placeholders that ship in examples and templates, compared without case and surrounding blanks. */
    public static final Set<String> KNOWN_WEAK_KEYS = Set.of("change-me", "changeme", "change_me", "changeit",
            "secret", "password", "admin", "apikey", "api-key", "api_key", "key", "test", "test-api-key", "verbatim",
            "default", "example", "placeholder", "replace-me", "123456", "xxx");

    private final String variable;
    private final String service;
    private final String kubernetesSecret;

    /**
     * @param variable         the environment variable that holds the key ({@code VERBATIM_API_KEY})
     * @param service          the service's name, as the refusal names it ({@code ingest-service})
     * @param kubernetesSecret the Kubernetes Secret the deployment reads the key from
     */
    public ApiKeyRule(String variable, String service, String kubernetesSecret) {
        this.variable = Objects.requireNonNull(variable);
        this.service = Objects.requireNonNull(service);
        this.kubernetesSecret = Objects.requireNonNull(kubernetesSecret);
    }

    /** Why the service must not start with this key in these profiles, or empty when it may. */
    public Optional<String> startupProblem(Optional<String> apiKey, List<String> activeProfiles) {
        if (!activeProfiles.contains(PROD_PROFILE)) {
            return Optional.empty();
        }
        String key = apiKey.map(String::strip).orElse("");
        if (key.isEmpty()) {
            return Optional.of(variable + " is not set: " + service + " does not start in the prod profile "
                    + "without an API key. " + howToSet());
        }
        if (KNOWN_WEAK_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
            return Optional.of(variable + " is a well-known placeholder (\"" + key + "\"): " + service
                    + " does not start in the prod profile with it. " + howToSet());
        }
        return Optional.empty();
    }

    /** The sentence every refusal ends with. */
    public String howToSet() {
        return "Set " + variable + " to a long random value, for example " + variable
                + "=\"$(openssl rand -hex 32)\" (docker-compose reads it from the environment or a .env file; "
                + "Kubernetes from the Secret " + kubernetesSecret + "), and start " + service + " again.";
    }
}
