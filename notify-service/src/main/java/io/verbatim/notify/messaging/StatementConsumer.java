package io.verbatim.notify.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.StatementNew;
import io.verbatim.notify.match.SubscriptionIndex;
import io.verbatim.notify.match.SubscriptionRegistry;
import io.verbatim.notify.persistence.DeliveryQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code statements.new} as any subscriber would (consumer group {@code notify-service}, the contract's JSON
 * through {@link EventJson}), matches each statement against every subscription ({@link SubscriptionIndex}) and
 * enqueues one delivery per match. A batch's deliveries are inserted in one transaction, keyed (subscription,
 * eventId) with {@code on conflict do nothing}; only then does the method return and the batch's offsets get
 * committed. A crash in between makes the batch be read again, and the second insert adds nothing: each delivery is
 * enqueued exactly once. A record that is not a {@code statement.new} is skipped with a warning and counted
 * ({@code verbatim_notify_unreadable_statements_total}): store-service publishes only what it stored.
 */
@ApplicationScoped
public class StatementConsumer {

    public static final String INCOMING = "statements-new";

    private static final Logger LOG = Logger.getLogger(StatementConsumer.class);

    private final SubscriptionRegistry registry;
    private final DeliveryQueue queue;
    private final MeterRegistry metrics;
    private final Timer matching;

    public StatementConsumer(SubscriptionRegistry registry, DeliveryQueue queue, MeterRegistry metrics) {
        this.registry = registry;
        this.queue = queue;
        this.metrics = metrics;
        this.matching = Timer.builder("verbatim.notify.matching").description("matching one batch of statements "
                + "against every subscription").register(metrics);
    }

    @Incoming(INCOMING)
    @Blocking
    public void consume(List<String> records) {
        SubscriptionIndex index = registry.index();
        List<DeliveryQueue.Matched> batch = new ArrayList<>();
        matching.record(() -> {
            for (String json : records) {
                StatementNew statement;
                try {
                    statement = EventJson.read(json, StatementNew.class);
                } catch (MalformedEventException e) {
                    metrics.counter("verbatim.notify.unreadable.statements").increment();
                    LOG.warnf("statements.new record skipped, not a statement.new: %s", e.getMessage());
                    continue;
                }
                Set<String> matched = index.matching(statement);
                if (!matched.isEmpty()) {
                    batch.add(new DeliveryQueue.Matched(statement.eventId(), json, matched));
                }
            }
        });
        enqueueWithRetries(batch);
        metrics.counter("verbatim.notify.statements.read").increment(records.size());
    }

    /** The database may be restarting: try for a while, then fail the channel (readiness goes down). */
    private void enqueueWithRetries(List<DeliveryQueue.Matched> batch) {
        long wait = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                queue.enqueue(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 8) {
                    throw e;
                }
                LOG.warnf("enqueueing %d matched statements failed (try %d), again in %d ms: %s", batch.size(),
                        attempt, wait, e.getMessage());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = Math.min(wait * 2, 10_000);
            }
        }
    }
}
