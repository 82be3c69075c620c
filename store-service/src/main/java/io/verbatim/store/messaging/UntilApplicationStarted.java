package io.verbatim.store.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Skips scheduled runs until the application has started. The outbox relay's timer starts with the scheduler, which
 * can be before the messaging channels are wired when start-up is slow (a loaded machine, a restart after a crash);
 * a run then fails to create the relay ("Unable to connect an emitter with the channel") and logs an error for
 * nothing. After {@link StartupEvent} every run goes ahead.
 */
@Singleton
public class UntilApplicationStarted implements Scheduled.SkipPredicate {

    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started;
    }
}
