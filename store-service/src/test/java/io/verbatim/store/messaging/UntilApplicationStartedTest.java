package io.verbatim.store.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntilApplicationStartedTest {

    @Test
    void scheduledRunsAreSkippedUntilStartUpHasFinishedAndGoAheadAfter() {
        UntilApplicationStarted predicate = new UntilApplicationStarted();
        assertThat(predicate.test(null)).as("before StartupEvent").isTrue();

        predicate.onStart(null);

        assertThat(predicate.test(null)).as("after StartupEvent").isFalse();
    }
}
