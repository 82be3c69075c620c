package io.verbatim.notify.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential back-off with jitter. The wait after try {@code n} is drawn evenly from half to the
 * whole of {@code initial × 2^(n-1)}, capped at {@code max}, so that receivers coming back after an outage are not
 * hit by every sender at the same instant.
 */
public record RetrySchedule(Duration initial, Duration max) {

    /** The wait after the {@code attempt}-th failed try (1-based). */
    public Duration after(int attempt) {
        long initialMillis = Math.max(1, initial.toMillis());
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initialMillis << shift);
        if (ceiling <= 1) {
            return Duration.ofMillis(Math.max(ceiling, 0));
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
