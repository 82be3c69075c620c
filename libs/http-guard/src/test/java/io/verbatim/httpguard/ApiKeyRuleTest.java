package io.verbatim.httpguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyRuleTest {

    private final ApiKeyRule rule = new ApiKeyRule("VERBATIM_NOTIFY_API_KEY", "notify-service",
            "notify-service-api-key");

    @Test
    void refusalNamesTheServiceItsVariableAndItsKubernetesSecret() {
        Optional<String> problem = rule.startupProblem(Optional.empty(), List.of("prod"));

        assertThat(problem).hasValueSatisfying(text -> assertThat(text)
                .startsWith("VERBATIM_NOTIFY_API_KEY is not set: notify-service does not start in the prod profile")
                .contains("VERBATIM_NOTIFY_API_KEY=\"$(openssl rand -hex 32)\"")
                .contains("the Secret notify-service-api-key")
                .endsWith("start notify-service again."));
    }

    @Test
    void everyKnownPlaceholderIsRefusedInProdWhateverItsCase() {
        for (String placeholder : ApiKeyRule.KNOWN_WEAK_KEYS) {
            assertThat(rule.startupProblem(Optional.of(placeholder.toUpperCase() + "\n"), List.of("prod")))
                    .as(placeholder).hasValueSatisfying(text -> assertThat(text).contains("well-known placeholder"));
        }
    }

    @Test
    void aPlaceholderWithinALongerKeyIsAccepted() {
        assertThat(rule.startupProblem(Optional.of("secret-4b1d9e0c77a2f6835e19"), List.of("prod"))).isEmpty();
    }

    @Test
    void outsideProdNothingIsRefused() {
        assertThat(rule.startupProblem(Optional.empty(), List.of("dev"))).isEmpty();
        assertThat(rule.startupProblem(Optional.of("secret"), List.of("test"))).isEmpty();
        assertThat(rule.startupProblem(Optional.empty(), List.of())).isEmpty();
    }
}
