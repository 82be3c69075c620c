package io.verbatim.store.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.verbatim.events.ContractVersion;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.health.StoreMetrics;
import io.verbatim.store.persistence.OutboxEvent;
import io.verbatim.store.persistence.TranscriptStore;
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
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes the transactional outbox to Kafka. Several relays (one per store-service replica) share the outbox, and
 * the unit they claim is a <em>document</em>: all pending rows of one record key (a {@code statement.new}'s
 * {@code documentId}, a {@code speakers.changed}'s {@code speakerId}) on one topic. A relay takes a transaction-scoped
 * advisory lock on the key ({@code pg_try_advisory_xact_lock}; a key another relay holds is skipped, never waited
 * for), reads every pending row of it in the order they were written ({@code created_at}, then {@code id}: ordinal
 * order within one stored revision), sends them in that order, waits for the broker's acknowledgement of every
 * record, and in the same transaction marks sent the rows the broker acknowledged. The lock is held until that
 * commit, so no two relays ever publish rows of one document at the same time, and a relay that reads a document
 * after another released it sees that relay's rows as sent. A batch is whole documents, at least
 * {@code batch-size} rows when that many are pending.
 *
 * <p>A crash before the commit (the process killed, the connection dropped) releases the lock and leaves the rows
 * pending: the next relay to claim the document publishes them again from its first row not marked sent, in order.
 * Delivery is at least once, and subscribers deduplicate on {@code eventId}. If a record fails for a reason other
 * than its size, it and every later row of its document stay pending (a later row the broker acknowledged is
 * published again with it), so a document's rows are never marked sent past a gap.
 *
 * <p>A row that can never be published as it is, because its record is larger than the {@code statements-new}
 * producer's {@code max.request.size} (checked before sending) or the client or broker refuses it with
 * {@link RecordTooLargeException}, is parked: {@code parked_at} and {@code park_reason} are set, a warning is logged
 * and {@code verbatim_outbox_parked_total} counts it. It does not hold back its document: the rows after it are
 * published (in order) and marked sent as usual, so nothing is published twice because of it.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "statements-new";
    /** The channel of {@code speakers.changed}: rows of that topic go out through it. */
    public static final String SPEAKERS_CHANGED_CHANNEL = "speakers-changed";
    static final java.net.URI CLOUD_EVENT_SOURCE = java.net.URI.create("urn:verbatim:store-service");

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * The lock class of the relay's advisory locks ({@code pg_try_advisory_xact_lock(int, int)}: this class and the
     * key's {@code hashtext}), apart from the single-{@code bigint} locks Flyway takes. Two keys with the same hash
     * merely wait for each other.
     */
    static final int DOCUMENT_LOCK_CLASS = 0x76657231; // "ver1"

    private final OutboxSender sender;
    private final StoreConfig config;
    private final StoreMetrics metrics;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    private final int maxRequestSize;

    @jakarta.inject.Inject
    public OutboxRelay(@Channel(CHANNEL) Emitter<String> emitter,
            @Channel(SPEAKERS_CHANGED_CHANNEL) Emitter<String> speakersChanged, StoreConfig config,
            StoreMetrics metrics) {
        this(row -> send(Topics.SPEAKERS_CHANGED.equals(row.topic) ? speakersChanged : emitter, row), config,
                metrics, producerMaxRequestSize(ConfigProvider.getConfig()));
    }

    /**
     * A relay that sends through {@code sender}: a second relay on the same outbox, as another replica runs it. It
     * has no schedule of its own; its owner calls {@link #relayPending()}.
     */
    public OutboxRelay(OutboxSender sender, StoreConfig config, StoreMetrics metrics, int maxRequestSize) {
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        this.maxRequestSize = maxRequestSize;
        LOG.infof("outbox relay parks announcements larger than the statements-new producer's "
                + "max.request.size of %d bytes", maxRequestSize);
    }

    /**
     * The {@code max.request.size} the {@code statements-new} producer really uses: the channel's setting, else the
     * connector's, else the global {@code kafka.} one, else the Kafka client's default (1 MiB).
     */
    static int producerMaxRequestSize(Config config) {
        for (String property : List.of(
                "mp.messaging.outgoing." + CHANNEL + "." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                "mp.messaging.connector.smallrye-kafka." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                "kafka." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            var value = config.getOptionalValue(property, Integer.class);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return 1024 * 1024;
    }

    @Scheduled(every = "${verbatim.store.outbox.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = UntilApplicationStarted.class)
    void onSchedule() {
        relayPending();
    }

    void onOutboxWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranscriptStore.OutboxWritten written) {
        wanted.set(true);
        wakeUps.execute(this::relayPending);
    }

    void onSpeakersCorrected(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) io.verbatim.store.speaker.SpeakerCorrections.Corrected corrected) {
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
                Batch batch;
                do {
                    batch = relayBatch();
                    published += batch.sent();
                } while (batch.handled() > 0 && batch.retryLater() == 0);
                if (batch.retryLater() > 0) {
                    return published;
                }
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish, will retry: %s", e.getMessage());
                return published;
            } finally {
                running.unlock();
            }
        } while (wanted.get());
        return published;
    }

    /** What one relay transaction did: rows marked sent, rows parked, rows left pending for a later attempt. */
    private record Batch(int sent, int parked, int retryLater) {

        int handled() {
            return sent + parked;
        }
    }

    private Batch relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> rows = claimDocuments();
            if (rows.isEmpty()) {
                return new Batch(0, 0, 0);
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            int parked = 0;
            for (OutboxEvent row : rows) {
                String tooLarge = tooLargeToSend(row);
                if (tooLarge != null) {
                    park(row, tooLarge);
                    parked++;
                    acks.add(null);
                } else {
                    acks.add(sendRow(row));
                }
            }
            awaitAll(acks);
            Instant sentAt = Instant.now();
            int sent = 0;
            int retryLater = 0;
            Throwable firstFailure = null;
            java.util.Set<String> gapIn = new java.util.HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                CompletableFuture<Void> ack = acks.get(i);
                if (ack == null) {
                    continue;
                }
                OutboxEvent row = rows.get(i);
                String document = row.topic + '/' + row.recordKey;
                Throwable failure = failureOf(ack);
                if (failure != null && causedBy(failure, RecordTooLargeException.class)) {
                    park(row, "refused as too large: " + rootMessage(failure));
                    parked++;
                } else if (failure != null || gapIn.contains(document)) {
                    // never mark a row sent past an earlier row of its document that is still pending
                    gapIn.add(document);
                    retryLater++;
                    firstFailure = firstFailure == null ? failure : firstFailure;
                } else {
                    row.sentAt = sentAt;
                    metrics.published(row.fetchedAt, sentAt);
                    sent++;
                }
            }
            if (retryLater > 0) {
                LOG.warnf("outbox relay could not publish %d of %d events (%d documents), will retry them: %s",
                        retryLater, rows.size(), gapIn.size(),
                        firstFailure != null ? rootMessage(firstFailure) : "an earlier row of the document failed");
            }
            LOG.debugf("outbox relay published %d events, parked %d", sent, parked);
            return new Batch(sent, parked, retryLater);
        });
    }

    /**
     * Claims whole documents for this transaction, oldest first, until the claimed rows reach {@code batch-size}:
     * every pending row of each key whose advisory lock this transaction got, in the order they were written. Keys
     * another relay holds are skipped. Called inside the relay's transaction; the locks go with its commit.
     */
    @SuppressWarnings("unchecked")
    private List<OutboxEvent> claimDocuments() {
        var entityManager = OutboxEvent.getEntityManager();
        int batchSize = config.outbox().batchSize();
        List<Object[]> keys = entityManager.createNativeQuery("select topic, record_key from outbox_event "
                + "where sent_at is null and parked_at is null group by topic, record_key order by min(id) limit :limit")
                .setParameter("limit", batchSize)
                .getResultList();
        List<OutboxEvent> rows = new ArrayList<>();
        for (Object[] key : keys) {
            if (rows.size() >= batchSize) {
                break;
            }
            String topic = (String) key[0];
            String recordKey = (String) key[1];
            Object locked = entityManager.createNativeQuery(
                    "select pg_try_advisory_xact_lock(:lockClass, hashtext(:document))")
                    .setParameter("lockClass", DOCUMENT_LOCK_CLASS)
                    .setParameter("document", topic + '/' + recordKey)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                continue; // another relay is publishing this document
            }
            // a new statement of the transaction: it sees what the relay that held the lock before committed
            rows.addAll(entityManager.createNativeQuery("select * from outbox_event where topic = :topic "
                    + "and record_key = :recordKey and sent_at is null and parked_at is null "
                    + "order by created_at, id for update", OutboxEvent.class)
                    .setParameter("topic", topic)
                    .setParameter("recordKey", recordKey)
                    .getResultList());
        }
        return rows;
    }

    /**
     * Why {@code row} can never be published as it is, or null. Its payload, key and headers alone already exceed the
     * producer's {@code max.request.size} (the record adds its framing and the CloudEvents headers on top), so the
     * client would refuse it with {@link RecordTooLargeException}; a record just below that is still caught when the
     * client or the broker refuses it.
     */
    private String tooLargeToSend(OutboxEvent row) {
        long bytes = utf8Length(row.payload) + utf8Length(row.recordKey) + utf8Length(row.eventType)
                + utf8Length(row.speakerId) + utf8Length(row.eventId);
        if (bytes <= maxRequestSize) {
            return null;
        }
        return "statement.new of at least " + bytes + " bytes exceeds the statements-new producer's "
                + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + " of " + maxRequestSize + " bytes";
    }

    private void park(OutboxEvent row, String reason) {
        row.parkedAt = Instant.now();
        row.parkReason = reason;
        metrics.parked();
        LOG.warnf("outbox row %d parked, not published: event %s of document %s (%d payload characters): %s",
                row.id, row.eventId, row.recordKey, row.payload.length(), reason);
    }

    /** Waits for every acknowledgement, successful or not, up to the publish timeout. */
    private void awaitAll(List<CompletableFuture<Void>> acks) throws InterruptedException {
        CompletableFuture<?>[] settled = acks.stream().filter(java.util.Objects::nonNull)
                .map(ack -> ack.handle((ok, failure) -> null)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(settled).get(config.outbox().publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the rows not acknowledged in time stay pending and are published again later
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The failure of a settled acknowledgement, a timeout for one that has not settled, or null for success. */
    private static Throwable failureOf(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return new TimeoutException("no acknowledgement within the publish timeout");
        }
        try {
            ack.join();
            return null;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private CompletableFuture<Void> sendRow(OutboxEvent row) {
        try {
            return sender.send(row);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Sends {@code row} through {@code channel}; the returned future completes with the broker's acknowledgement. */
    private static CompletableFuture<Void> send(Emitter<String> channel, OutboxEvent row) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", row.eventType.getBytes(StandardCharsets.UTF_8));
        headers.add(ContractVersion.HEADER, ContractVersion.CURRENT.getBytes(StandardCharsets.UTF_8));
        if (row.speakerId != null) {
            // statement.new: the statement's speaker; speakers.changed: the speaker after the change
            headers.add(StatementNew.SPEAKER_ID_HEADER, row.speakerId.getBytes(StandardCharsets.UTF_8));
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
        // one channel per topic, each mapped to its topic in application.properties
        try {
            channel.send(Message.of(row.payload, Metadata.of(metadata, cloudEvent),
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
