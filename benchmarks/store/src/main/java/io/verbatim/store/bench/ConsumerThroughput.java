package io.verbatim.store.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.events.Topics;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedDocument;
import io.verbatim.testsupport.ConsumerGroups;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Phase 1 of the store benchmark, consumer throughput: transcripts written to {@code transcripts.parsed} as fast as
 * a producer can, timed until every one is stored and the outbox is empty (every {@code statement.new} published).
 */
final class ConsumerThroughput {

    static final String SECTION = "Consumer throughput";
    private static final String GROUP = "store-service";

    /** Statements per second stored and published, and stored only; NaN when the load did not complete. */
    record Result(boolean complete, double publishedRate, double storedRate) {
        static final Result INCOMPLETE = new Result(false, Double.NaN, Double.NaN);
    }

    private final RunReport report;

    ConsumerThroughput(RunReport report) {
        this.report = report;
    }

    /**
     * Writes the warm-up transcripts and waits for them, then the measured ones, timed until every one is stored
     * and published; checks the counts. Returns the rates, or {@link Result#INCOMPLETE} when the timeout came first.
     */
    Result run(String bootstrap, Admin admin, Connection db, List<GeneratedDocument> warmup,
            List<GeneratedDocument> measured, int statementsPerDocument, Duration timeout) throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            if (!warmup.isEmpty()) {
                log("warm-up: %d transcripts", warmup.size());
                long start = System.nanoTime();
                send(producer, warmup);
                Progress progress = awaitStored(admin, db, warmup.size(), Duration.ofMinutes(3));
                if (!progress.published()) {
                    throw new IllegalStateException("the warm-up transcripts were not stored within 3 minutes");
                }
                log("warm-up stored and published in %.1f s", (System.nanoTime() - start) / 1e9);
            }

            int expectedDocuments = warmup.size() + measured.size();
            long statements = (long) measured.size() * statementsPerDocument;
            log("measured load: %d transcripts, %,d statements", measured.size(), statements);
            long start = System.nanoTime();
            send(producer, measured);
            double produced = (System.nanoTime() - start) / 1e9;
            log("producer done in %.1f s (%.0f transcripts/s written)", produced, measured.size() / produced);
            Progress progress = awaitStored(admin, db, expectedDocuments, timeout);
            double storedSeconds = (progress.storedAt() - start) / 1e9;
            report.put(SECTION, "producer: transcripts written to transcripts.parsed", String.format(
                    "%.1f s (%,.0f transcripts/s, %,.0f statements/s)", produced, measured.size() / produced,
                    statements / produced));
            if (!progress.published()) {
                long storedDocuments = progress.documents() - warmup.size();
                long storedStatements = Sql.count(db, "select count(*) from statement") - (long) warmup.size()
                        * statementsPerDocument;
                double seconds = timeout.toMillis() / 1000.0;
                report.put(SECTION, "consumer: INCOMPLETE", String.format("after %.0f s only %,d of %,d transcripts stored "
                        + "(%,d statements, %.0f statements/s); %,d outbox rows unsent", seconds, storedDocuments,
                        measured.size(), storedStatements, storedStatements / seconds, progress.unsent()));
                report.note("The consumer did not finish within --load-timeout; the rate is over what was stored.");
                return Result.INCOMPLETE;
            }
            double publishedSeconds = (progress.publishedAt() - start) / 1e9;
            long lagZeroAt = awaitLagZero(admin, Duration.ofMinutes(1));
            long stored = Sql.count(db, "select count(*) from statement");
            long outbox = Sql.count(db, "select count(*) from outbox_event");
            long announced = endOffsets(admin, Topics.STATEMENTS_NEW);
            long deadLetters = endOffsets(admin, Topics.TRANSCRIPTS_PARSED_DLQ);
            long expectedStatements = (long) expectedDocuments * statementsPerDocument;
            if (stored != expectedStatements || deadLetters != 0 || announced < expectedStatements) {
                throw new IllegalStateException(String.format("check failed: %d statements stored (expected %d), "
                        + "%d statement.new on the topic, %d dead letters", stored, expectedStatements, announced,
                        deadLetters));
            }
            report.put(SECTION, "consumer: stored (last transcript committed)", String.format(
                    "%.1f s → %,.0f statements/s, %,.1f transcripts/s", storedSeconds, statements / storedSeconds,
                    measured.size() / storedSeconds));
            report.put(SECTION, "consumer: stored and published (outbox empty)", String.format(
                    "%.1f s → %,.0f statements/s, %,.1f transcripts/s", publishedSeconds,
                    statements / publishedSeconds, measured.size() / publishedSeconds));
            report.put(SECTION, "consumer: group store-service at lag 0", String.format("%.1f s (offsets are committed "
                    + "periodically, so this trails the store)", (lagZeroAt - start) / 1e9));
            report.put(SECTION, "check", String.format("%,d statements, %,d outbox rows, %,d records on statements.new, "
                    + "%d dead letters", stored, outbox, announced, deadLetters));
            return new Result(true, statements / publishedSeconds, statements / storedSeconds);
        }
    }

    private record Progress(long documents, long unsent, long storedAt, long publishedAt) {
        boolean published() {
            return publishedAt > 0;
        }
    }

    /** Polls the database until {@code documents} transcripts are stored and no outbox row is unsent. */
    private static Progress awaitStored(Admin admin, Connection db, long documents, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long storedAt = 0;
        long lastReport = System.nanoTime();
        long stored = 0;
        long unsent = 0;
        while (System.nanoTime() < deadline) {
            stored = Sql.count(db, "select count(*) from transcript");
            unsent = Sql.count(db, "select count(*) from outbox_event where sent_at is null");
            long now = System.nanoTime();
            if (stored >= documents && storedAt == 0) {
                storedAt = now;
            }
            if (storedAt != 0 && unsent == 0) {
                return new Progress(stored, 0, storedAt, now);
            }
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                long deadLetters = endOffsets(admin, Topics.TRANSCRIPTS_PARSED_DLQ);
                log("  %,d of %,d transcripts stored, %,d outbox rows unsent, %d dead letters", stored, documents,
                        unsent, deadLetters);
                if (deadLetters > 0) {
                    throw new IllegalStateException("store-service dead-lettered " + deadLetters + " transcripts");
                }
            }
            Thread.sleep(100);
        }
        return new Progress(stored, unsent, storedAt == 0 ? System.nanoTime() : storedAt, 0);
    }

    private static long awaitLagZero(Admin admin, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ConsumerGroups.lag(admin, GROUP, Topics.TRANSCRIPTS_PARSED) == 0) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("consumer group " + GROUP + " still lags after " + timeout);
    }

    private static void send(KafkaProducer<String, String> producer, List<GeneratedDocument> documents) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (GeneratedDocument document : documents) {
            producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS_PARSED, document.documentId(), document.json()),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("could not write to " + Topics.TRANSCRIPTS_PARSED, failure.get());
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(256L * 1024 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toSet());
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }
}
