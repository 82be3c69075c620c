package io.verbatim.httpguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void deltaSecondsCountFromNow() {
        Optional<Instant> until = RetryAfterHeader.parse(" 3600 ", NOW);

        assertThat(until).hasValue(NOW.plusSeconds(3600));
    }

    @Test
    void httpDateIsAnAbsoluteTime() {
        Optional<Instant> until = RetryAfterHeader.parse("Sun, 29 Nov 2026 08:49:37 GMT", NOW);

        assertThat(until).hasValue(Instant.parse("2026-11-29T08:49:37Z"));
    }

    @Test
    void unreadableValueIsIgnored() {
        Optional<Instant> until = RetryAfterHeader.parse("soon", NOW);

        assertThat(until).isEmpty();
    }
}
