package io.verbatim.store.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.verbatim.events.ContractVersion;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.health.StoreMetrics;
import io.verbatim.store.persistence.OutboxEvent;
import io.verbatim.store.persistence.StatementStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes the transactional outbox to Kafka: it locks a batch of unsent rows ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances never publish the same row at once), sends them in id order, waits for the broker's
 * acknowledgement of every record, and marks them sent in the same transaction. A crash before the commit leaves
 * the rows unsent and they are published again: delivery is at least once, and subscribers deduplicate on
 * {@code eventId}.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "statements-new";
    public static final String SPEAKER_HEADER = "verbatim-speaker-id";
    static final java.net.URI CLOUD_EVENT_SOURCE = java.net.URI.create("urn:verbatim:store-service");

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final StoreConfig config;
    private final StoreMetrics metrics;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(@Channel(CHANNEL) Emitter<String> emitter, StoreConfig config, StoreMetrics metrics) {
        this.emitter = emitter;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${verbatim.store.outbox.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        relayPending();
    }

    void onOutboxWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatementStore.OutboxWritten written) {
        wanted.set(true);
        wakeUps.execute(this::relayPending);
    }

    private volatile boolean paused;

    /** Stops publishing (rows accumulate in the outbox), as if the relay had died after the commit. */
    public void pause() {
        paused = true;
    }

    /** Publishes again, starting with every row left unsent. */
    public void resume() {
        paused = false;
        wakeUps.execute(this::relayPending);
    }

    /** Publishes every unsent row; returns how many were published. */
    public int relayPending() {
        if (paused) {
            return 0;
        }
        int published = 0;
        do {
            if (!running.tryLock()) {
                wanted.set(true);
                return published;
            }
            try {
                wanted.set(false);
                int batch;
                do {
                    batch = relayBatch();
                    published += batch;
                } while (batch == config.outbox().batchSize());
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish, will retry: %s", e.getMessage());
                return published;
            } finally {
                running.unlock();
            }
        } while (wanted.get());
        return published;
    }

    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> rows = OutboxEvent.getEntityManager()
                    .createNativeQuery("select * from outbox_event where sent_at is null order by id limit :limit "
                            + "for update skip locked", OutboxEvent.class)
                    .setParameter("limit", config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                acks.add(send(row));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.outbox().publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Instant sentAt = Instant.now();
            rows.forEach(row -> {
                row.sentAt = sentAt;
                metrics.published(row.fetchedAt, sentAt);
            });
            LOG.debugf("outbox relay published %d events", rows.size());
            return rows.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", row.eventType.getBytes(StandardCharsets.UTF_8));
        headers.add(ContractVersion.HEADER, ContractVersion.CURRENT.getBytes(StandardCharsets.UTF_8));
        if (row.speakerId != null) {
            headers.add(SPEAKER_HEADER, row.speakerId.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.recordKey)
                .withHeaders(headers)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.eventId)
                .withType(row.eventType)
                .withSource(CLOUD_EVENT_SOURCE)
                .withSubject(row.recordKey)
                .withDataContentType("application/json")
                .withTimestamp(row.createdAt.atZone(java.time.ZoneOffset.UTC))
                .build();
        try {
            emitter.send(Message.of(row.payload, Metadata.of(metadata, cloudEvent),
                    () -> {
                        acknowledged.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        acknowledged.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    void shutdown(@Observes io.quarkus.runtime.ShutdownEvent event) {
        // stop before the persistence layer goes away; unsent rows stay for the next start
        paused = true;
        wakeUps.shutdownNow();
    }
}
