package io.verbatim.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyRequirementTest {

    private static final List<String> PROD = List.of("prod");

    @Test
    void prodRefusesAnUnsetKeyAndSaysHowToSetOne() {
        assertThat(ApiKeyRequirement.problem(Optional.empty(), PROD)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("VERBATIM_API_KEY is not set").contains("openssl rand -hex 32"));
    }

    @Test
    void prodRefusesABlankKey() {
        assertThat(ApiKeyRequirement.problem(Optional.of("  \t"), PROD)).hasValueSatisfying(problem ->
                assertThat(problem).contains("VERBATIM_API_KEY is not set"));
    }

    @Test
    void prodRefusesTheOldComposeDefaultInAnyCaseAndWithBlanks() {
        for (String key : List.of("change-me", " Change-Me ", "CHANGEME", "secret")) {
            assertThat(ApiKeyRequirement.problem(Optional.of(key), PROD)).as(key).hasValueSatisfying(problem ->
                    assertThat(problem).contains("well-known placeholder").contains("openssl rand -hex 32"));
        }
    }

    @Test
    void prodAcceptsARandomKey() {
        assertThat(ApiKeyRequirement.problem(Optional.of("3f9c2a7d51e04b8c9a6d2e1f0b7c4a58"), PROD)).isEmpty();
    }

    @Test
    void prodIsCheckedWhenOtherProfilesAreActiveToo() {
        assertThat(ApiKeyRequirement.problem(Optional.of("change-me"), List.of("staging", "prod"))).isPresent();
    }

    @Test
    void devAndTestProfilesStartWithoutAKey() {
        assertThat(ApiKeyRequirement.problem(Optional.empty(), List.of("test"))).isEmpty();
        assertThat(ApiKeyRequirement.problem(Optional.of("change-me"), List.of("dev"))).isEmpty();
    }
}
