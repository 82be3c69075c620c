package io.verbatim.httpguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyMatcherTest {

    @Test
    void theConfiguredKeyMatchesWithOrWithoutSurroundingBlanks() {
        ApiKeyMatcher matcher = new ApiKeyMatcher(Optional.of(" 9c41e0d2b7 "));

        assertThat(matcher.isConfigured()).isTrue();
        assertThat(matcher.matches("9c41e0d2b7")).isTrue();
        assertThat(matcher.matches("\t9c41e0d2b7 ")).isTrue();
    }

    @Test
    void anotherKeyAPrefixOfItAndNoKeyDoNotMatch() {
        ApiKeyMatcher matcher = new ApiKeyMatcher(Optional.of("9c41e0d2b7"));

        assertThat(matcher.matches("9c41e0d2b8")).isFalse();
        assertThat(matcher.matches("9c41e0d2b")).isFalse();
        assertThat(matcher.matches("")).isFalse();
        assertThat(matcher.matches(null)).isFalse();
    }

    @Test
    void withoutAConfiguredKeyNothingMatchesNotEvenABlankHeader() {
        ApiKeyMatcher unset = new ApiKeyMatcher(Optional.empty());
        ApiKeyMatcher blank = new ApiKeyMatcher(Optional.of("   "));

        assertThat(unset.isConfigured()).isFalse();
        assertThat(blank.isConfigured()).isFalse();
        assertThat(unset.matches("")).isFalse();
        assertThat(blank.matches("   ")).isFalse();
        assertThat(blank.matches("")).isFalse();
    }
}
