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
 * refreshed every 5 s off the scrape path), and {@code verbatim_pipeline_latency_seconds}, a histogram of the time
 * from a document's {@code fetchedAt} to the broker's acknowledgement of its statement on {@code statements.new}.
 */
@ApplicationScoped
public class StoreMetrics {

    private final Counter statements;
    private final Timer latency;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public StoreMetrics(MeterRegistry registry) {
        statements = Counter.builder("verbatim.store.statements").description("statements stored")
                .register(registry);
        latency = Timer.builder("verbatim.pipeline.latency")
                .description("from fetchedAt to publication on statements.new")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        registry.gauge("verbatim.store.outbox.unsent", unsent);
        registry.gauge("verbatim.store.outbox.oldest.seconds", oldestSeconds);
    }

    public void statementsStored(int count) {
        statements.increment(count);
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
    }
}
