package io.verbatim.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** notify-service applies ingest-service's start-up rule to VERBATIM_NOTIFY_API_KEY. */
class SubscriptionApiKeyTest {

    @Test
    void prodRefusesToStartWithoutAKeyAndSaysWhichVariableToSet() {
        assertThat(SubscriptionApiKey.problem(Optional.empty(), List.of("prod"))).hasValueSatisfying(problem ->
                assertThat(problem).contains("VERBATIM_NOTIFY_API_KEY is not set").contains("notify-service")
                        .contains("openssl rand -hex 32"));
    }

    @Test
    void prodRefusesABlankKeyAndAPlaceholder() {
        assertThat(SubscriptionApiKey.problem(Optional.of(" \t"), List.of("prod"))).isPresent();
        assertThat(SubscriptionApiKey.problem(Optional.of("change-me"), List.of("prod"))).hasValueSatisfying(
                problem -> assertThat(problem).contains("well-known placeholder"));
    }

    @Test
    void prodStartsWithARandomKeyAndTestStartsWithout() {
        assertThat(SubscriptionApiKey.problem(Optional.of("0d6f1c9a84e2b3575a1e"), List.of("prod"))).isEmpty();
        assertThat(SubscriptionApiKey.problem(Optional.empty(), List.of("test"))).isEmpty();
    }
}
