package io.verbatim.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.health.StoreMetrics;
import io.verbatim.store.messaging.OutboxRelay;
import io.verbatim.store.messaging.OutboxSender;
import io.verbatim.store.persistence.OutboxEvent;
import io.verbatim.store.persistence.TranscriptStore;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17: several store-service replicas relay one outbox. Two relays, each with its own Kafka producer as two
 * replicas have, run at the same time on an outbox full of documents larger than a batch: before, each locked a
 * batch of rows ({@code FOR UPDATE SKIP LOCKED}), so the two halves of one document went out through two producers
 * at once, out of {@code ordinal} order. A relay now claims a whole document under an advisory lock.
 */
@QuarkusTest
// outbox batches of 30 rows, which end inside a document's STATEMENTS rows: a relay claiming rows would split it
@TestProfile(RelayAndAdminProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OutboxRelayReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int STATEMENTS = 25;

    @Inject
    TranscriptStore store;

    @Inject
    OutboxRelay relay;

    @Inject
    StoreConfig config;

    @Inject
    StoreMetrics metrics;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<KafkaProducer<String, String>> producers = new ArrayList<>();
    private TopicReader announcements;

    @BeforeEach
    void pauseTheServicesOwnRelay() {
        relay.pause();
        announcements = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.STATEMENTS_NEW);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        producers.forEach(KafkaProducer::close);
        announcements.close();
        relay.resume();
    }

    @Test
    @Timeout(300)
    void twoRelaysOnOneOutboxAnnounceEveryStatementOnceInOrdinalOrderWithinEachDocument() throws Exception {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            documents.add("replicas-" + i + "-" + UUID.randomUUID());
        }
        CountingSender senderA = new CountingSender(producer());
        CountingSender senderB = new CountingSender(producer());
        OutboxRelay relayA = secondRelay(senderA);
        OutboxRelay relayB = secondRelay(senderB);
        AtomicBoolean writing = new AtomicBoolean(true);

        Future<?> writer = threads.submit(() -> {
            documents.forEach(document -> store.store(document(document, STATEMENTS)));
            writing.set(false);
        });
        Future<?> runA = threads.submit(() -> relayUntilDone(relayA, writing, documents));
        Future<?> runB = threads.submit(() -> relayUntilDone(relayB, writing, documents));
        writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        runA.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        runB.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Map<String, List<StatementNew>> published = announcedByDocument(documents);
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(documents);
        published.forEach((document, statements) -> assertThat(statements).as(document)
                .extracting(StatementNew::ordinal).containsExactlyElementsOf(ordinals(STATEMENTS)));
        assertThat(senderA.sent.get() + senderB.sent.get()).isEqualTo(documents.size() * STATEMENTS);
        assertThat(senderA.sent.get()).as("rows relay A published").isPositive();
        assertThat(senderB.sent.get()).as("rows relay B published").isPositive();
    }

    /**
     * At least once, never reordered: a relay whose database connection is cut after the broker acknowledged part
     * of its batch (as when its process is killed between the send and the commit) loses nothing; the rows it sent
     * stay pending and are published again from the first row of their document not marked sent, so the first copy
     * of every statement comes in ordinal order and only rows of the cut transaction come twice.
     */
    @Test
    @Timeout(300)
    void relayCutOffAfterTheBrokerAcknowledgedLosesNothingAndRepeatsOnlyItsBatchInOrder() throws Exception {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String document = "cut-" + i + "-" + UUID.randomUUID();
            documents.add(document);
            store.store(document(document, STATEMENTS));
        }
        Set<String> sentInTheCutTransaction = ConcurrentHashMap.newKeySet();
        AtomicBoolean cut = new AtomicBoolean();
        AtomicBoolean dead = new AtomicBoolean();
        KafkaProducer<String, String> producerA = producer();
        AtomicInteger sentByA = new AtomicInteger();
        OutboxSender senderA = row -> {
            if (dead.get()) {
                return CompletableFuture.failedFuture(new IllegalStateException("the process is gone"));
            }
            CompletableFuture<Void> acknowledged = sendAndWait(producerA, row);
            if (!cut.get()) {
                sentInTheCutTransaction.add(row.eventId);
            }
            // the 40th row: the second document of A's first batch is half sent when its connection is cut
            if (sentByA.incrementAndGet() == 40 && cut.compareAndSet(false, true)) {
                terminateTheConnectionHolding(row);
                dead.set(true);
            }
            return acknowledged;
        };
        OutboxRelay relayA = secondRelay(senderA);
        OutboxRelay relayB = secondRelay(new CountingSender(producer()));
        AtomicBoolean writing = new AtomicBoolean(false);

        Future<?> runA = threads.submit(() -> {
            int firstRun = relayA.relayPending();
            dead.set(false); // restarted
            assertThat(firstRun).as("rows A marked sent before its connection was cut").isZero();
            relayUntilDone(relayA, writing, documents);
        });
        Future<?> runB = threads.submit(() -> relayUntilDone(relayB, writing, documents));
        runA.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        runB.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(cut).isTrue();
        List<ConsumerRecord<String, String>> records = announcements.readToEnd(WAIT).stream()
                .filter(r -> documents.contains(r.key())).toList();
        Map<String, List<StatementNew>> firstCopies = announcedByDocument(documents);
        assertThat(firstCopies.keySet()).containsExactlyInAnyOrderElementsOf(documents);
        firstCopies.forEach((document, statements) -> assertThat(statements).as(document)
                .extracting(StatementNew::ordinal).containsExactlyElementsOf(ordinals(STATEMENTS)));
        Map<String, Integer> copies = new HashMap<>();
        records.forEach(r -> copies.merge(eventIdOf(r), 1, Integer::sum));
        Set<String> repeated = new HashSet<>();
        copies.forEach((eventId, count) -> {
            if (count > 1) {
                repeated.add(eventId);
            }
        });
        assertThat(repeated).as("rows the cut relay had sent, published again").isNotEmpty()
                .isSubsetOf(sentInTheCutTransaction);
        assertThat(copies.values()).allSatisfy(count -> assertThat(count).isBetween(1, 2));
        // each document's records: runs of consecutive ordinals, each restarting where a committed run ended
        records.stream().collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                java.util.stream.Collectors.mapping(r -> EventJson.read(r.value(), StatementNew.class).ordinal(),
                        java.util.stream.Collectors.toList())))
                .forEach((document, ordinals) -> assertThat(isRestartedRuns(ordinals)).as(document + " " + ordinals)
                        .isTrue());
    }

    /** Whether {@code ordinals} is 1..n, possibly with a prefix 1..k (k < n) of it sent before (a cut transaction). */
    private static boolean isRestartedRuns(List<Integer> ordinals) {
        int expected = 1;
        for (int ordinal : ordinals) {
            if (ordinal == expected) {
                expected++;
            } else if (ordinal != 1) {
                return false;
            } else {
                expected = 2;
            }
        }
        return expected == STATEMENTS + 1;
    }

    private void relayUntilDone(OutboxRelay relay, AtomicBoolean writing, List<String> documents) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            relay.relayPending();
            return !writing.get() && pendingRows(documents) == 0;
        });
    }

    private OutboxRelay secondRelay(OutboxSender sender) {
        return new OutboxRelay(sender, config, metrics, 8 * 1024 * 1024);
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer());
        producers.add(producer);
        return producer;
    }

    /** A replica's own producer, counting the records the broker acknowledged. */
    private static final class CountingSender implements OutboxSender {
        private final KafkaProducer<String, String> producer;
        private final AtomicInteger sent = new AtomicInteger();

        CountingSender(KafkaProducer<String, String> producer) {
            this.producer = producer;
        }

        @Override
        public CompletableFuture<Void> send(OutboxEvent row) {
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(row.topic, row.recordKey, row.payload), (metadata, failure) -> {
                if (failure == null) {
                    sent.incrementAndGet();
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
            return acknowledged;
        }
    }

    private static CompletableFuture<Void> sendAndWait(KafkaProducer<String, String> producer, OutboxEvent row) {
        try {
            producer.send(new ProducerRecord<>(row.topic, row.recordKey, row.payload)).get(30, TimeUnit.SECONDS);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Cuts the database connection of the relay transaction that holds {@code row}'s document, from outside it. */
    private static void terminateTheConnectionHolding(OutboxEvent row) {
        var settings = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                settings.getValue("quarkus.datasource.jdbc.url", String.class),
                settings.getValue("quarkus.datasource.username", String.class),
                settings.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(pid) "
                        + "from pg_locks where locktype = 'advisory' and objsubid = 2 and classid = ?::oid "
                        + "and objid = hashtext(?)::oid and granted")) {
            terminate.setLong(1, 0x76657231L);
            terminate.setString(2, row.topic + '/' + row.recordKey);
            var result = terminate.executeQuery();
            assertThat(result.next()).as("a backend held the document's lock").isTrue();
            assertThat(result.getBoolean(1)).as("backend terminated").isTrue();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long pendingRows(List<String> documents) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey in ?1 and sentAt is null and parkedAt is null", documents));
    }

    /** The first copy of every statement of {@code documents} on statements.new, per document in topic order. */
    private Map<String, List<StatementNew>> announcedByDocument(List<String> documents) {
        Map<String, List<StatementNew>> byDocument = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : announcements.readToEnd(WAIT)) {
            if (!documents.contains(record.key())) {
                continue;
            }
            StatementNew statement = EventJson.read(record.value(), StatementNew.class);
            if (seen.add(statement.eventId())) {
                byDocument.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(statement);
            }
        }
        return byDocument;
    }

    private static String eventIdOf(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value(), StatementNew.class).eventId();
    }

    private static List<Integer> ordinals(int count) {
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ordinals.add(i);
        }
        return ordinals;
    }

    private static TranscriptParsed document(String documentId, int statements) {
        List<TranscriptParsed.Statement> turns = new ArrayList<>();
        for (int i = 1; i <= statements; i++) {
            String speaker = i % 2 == 1 ? "Vladimir Putin" : "Kim Jong-un";
            turns.add(new TranscriptParsed.Statement(i, new TranscriptParsed.Speaker(speaker, null, speaker), null,
                    List.of("Statement " + i + " of " + documentId + "."), List.of()));
        }
        return TranscriptParsed.builder().documentId(documentId).contentHash("h").parserVersion("test")
                .kind(TranscriptParsed.KIND_TRANSCRIPT).title(documentId).publishedAt("2024-06-19").language("en")
                .statements(turns).source("test").fetchedAt(java.time.Instant.now()).build();
    }
}
