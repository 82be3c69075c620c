package io.verbatim.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void eachWaitIsBetweenHalfAndAllOfTheDoubledBackOffAndNeverPastTheCap() {
        for (int i = 0; i < 200; i++) {
            assertThat(schedule.after(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(schedule.after(3)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
            assertThat(schedule.after(20)).isBetween(Duration.ofMinutes(5).dividedBy(2), Duration.ofMinutes(5));
        }
    }

    @Test
    void theWaitsAreJittered() {
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> schedule.after(4)).distinct().count();

        assertThat(distinct).isGreaterThan(1);
    }
}
