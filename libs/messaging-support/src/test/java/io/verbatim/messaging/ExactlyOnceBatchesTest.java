package io.verbatim.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExactlyOnceBatchesTest {

    @Test
    void pauseBeforeReadingAFailedBatchAgainDoublesUpToThirtySeconds() {
        assertThat(ExactlyOnceBatches.backOff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(ExactlyOnceBatches.backOff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ExactlyOnceBatches.backOff(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ExactlyOnceBatches.backOff(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ExactlyOnceBatches.backOff(1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
