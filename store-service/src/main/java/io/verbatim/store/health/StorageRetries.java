package io.verbatim.store.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.events.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * Storing a record failed for a reason that is not the record's (the database or the transaction manager failed)
 * and is being tried again; {@link StorageRetryReadiness} keeps the service not ready until a store succeeds. Counts
 * the failed attempts in {@code verbatim_store_retries_total}.
 */
@ApplicationScoped
public class StorageRetries {

    private static final Logger LOG = Logger.getLogger(StorageRetries.class);

    private record Failing(Instant since, long attempts, String lastFailure) {
    }

    private final AtomicReference<Failing> failing = new AtomicReference<>();
    private final Counter retries;

    public StorageRetries(MeterRegistry registry) {
        this.retries = Counter.builder("verbatim.store.retries")
                .description("stores that failed for a reason other than the record and are tried again")
                .register(registry);
    }

    /** A store of {@code documentId} failed with {@code failure}, not the record's fault: it will be tried again. */
    public void failed(String documentId, Throwable failure) {
        String reason = DeadLetterHeaders.reasonOf(failure);
        Failing now = failing.updateAndGet(previous -> previous == null
                ? new Failing(Instant.now(), 1, reason)
                : new Failing(previous.since(), previous.attempts() + 1, reason));
        retries.increment();
        LOG.warnf("storing document %s failed (attempt %d since %s), trying again: %s", documentId,
                now.attempts(), now.since(), reason);
    }

    /** A store succeeded: whatever failed before has passed. */
    public void succeeded() {
        Failing before = failing.getAndSet(null);
        if (before != null) {
            LOG.infof("storing works again after %d failed attempts in %d s", before.attempts(),
                    Duration.between(before.since(), Instant.now()).toSeconds());
        }
    }

    /** The health of storing: up, or down with when the failures began, how many and the last one's reason. */
    HealthCheckResponse health() {
        Failing now = failing.get();
        if (now == null) {
            return HealthCheckResponse.up("storage");
        }
        return HealthCheckResponse.named("storage").down()
                .withData("failingSince", now.since().toString())
                .withData("failedAttempts", now.attempts())
                .withData("lastFailure", now.lastFailure())
                .build();
    }
}
