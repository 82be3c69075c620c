package io.verbatim.store.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.verbatim.store.persistence.OutboxBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * store-service's own metrics: {@code verbatim_store_statements_total} (statements stored),
 * {@code verbatim_store_outbox_unsent} and {@code verbatim_store_outbox_oldest_seconds} (outbox backlog and age,
 * refreshed every 5 s off the scrape path; parked rows are not in them), {@code verbatim_store_outbox_parked} (rows
 * parked now, same refresh), {@code verbatim_outbox_parked_total} (rows this instance parked),
 * {@code verbatim_store_stale_revisions_total} (revisions ignored because a newer fetch is stored), and
 * {@code verbatim_pipeline_latency_seconds}, a histogram of the time from a document's {@code fetchedAt} to the
 * broker's acknowledgement of its statement on {@code statements.new}.
 */
@ApplicationScoped
public class StoreMetrics {

    private final Counter statements;
    private final Timer latency;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong parkedNow = new AtomicLong();
    private final Counter parked;
    private final Counter staleRevisions;

    public StoreMetrics(MeterRegistry registry) {
        statements = Counter.builder("verbatim.store.statements").description("statements stored")
                .register(registry);
        latency = Timer.builder("verbatim.pipeline.latency")
                .description("from fetchedAt to publication on statements.new")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        staleRevisions = Counter.builder("verbatim.store.stale.revisions")
                .description("revisions ignored because a newer fetch of the document is stored")
                .register(registry);
        registry.gauge("verbatim.store.outbox.unsent", unsent);
        registry.gauge("verbatim.store.outbox.oldest.seconds", oldestSeconds);
        registry.gauge("verbatim.store.outbox.parked", parkedNow);
        parked = Counter.builder("verbatim.outbox.parked")
                .description("outbox rows parked because they can never be published as they are")
                .register(registry);
    }

    public void statementsStored(int count) {
        statements.increment(count);
    }

    public void staleRevisionIgnored() {
        staleRevisions.increment();
    }

    public void parked() {
        parked.increment();
    }

    public void published(Instant fetchedAt, Instant publishedAt) {
        if (fetchedAt != null && !fetchedAt.isAfter(publishedAt)) {
            latency.record(Duration.between(fetchedAt, publishedAt));
        }
    }

    private volatile boolean stopping;

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "5s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshOutbox() {
        if (stopping) {
            return;
        }
        OutboxBacklog backlog = OutboxBacklog.measure();
        unsent.set(backlog.unsent());
        oldestSeconds.set(backlog.oldestAge().toSeconds());
        parkedNow.set(backlog.parked());
    }
}
