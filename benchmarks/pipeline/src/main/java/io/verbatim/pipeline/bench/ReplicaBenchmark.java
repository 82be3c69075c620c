package io.verbatim.pipeline.bench;

import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.LocalPostgres;
import io.verbatim.testsupport.ConsumerGroups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One against two (or more) replicas of parse-service and store-service (issue 17; not part of
 * {@code ./mvnw verify}). For each replica count: a fresh cluster ({@link ClusterProcesses} with that many
 * processes of each service), a warm-up, then {@code documents} distinct corpus variants written straight to
 * {@code transcripts.raw} (as ingest-service writes them, so that ingest-service and the submit API are not what is
 * measured) as fast as the broker takes them; timed from the first record to parse-service's group having
 * consumed them all, and to store-service's group having consumed {@code transcripts.parsed} with the outbox empty
 * (every statement announced on {@code statements.new}). Prints documents/s and statements/s per count.
 *
 * <pre>
 * java -cp benchmarks/pipeline/target/pipeline-benchmarks.jar io.verbatim.pipeline.bench.ReplicaBenchmark \
 *     [documents=1500] [replicas=1,2] [rounds=1]
 * </pre>
 */
public final class ReplicaBenchmark {

    private record Result(int replicas, int round, int documents, long statements, long parsedMillis,
            long announcedMillis, String load) {

        double documentsPerSecond(long millis) {
            return documents * 1000.0 / millis;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("documents", "1500", "replicas", "1,2",
                "rounds", "1"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair[1]);
        }
        int documents = Integer.parseInt(options.get("documents"));
        int rounds = Integer.parseInt(options.get("rounds"));
        Path root = Path.of(System.getProperty("verbatim.home", ".")).toAbsolutePath().normalize();
        CorpusVariants corpus = CorpusVariants.load();
        List<Result> results = new ArrayList<>();
        int offset = 0;
        for (int round = 1; round <= rounds; round++) {
            for (String count : options.get("replicas").split(",")) {
                int replicas = Integer.parseInt(count.trim());
                Path data = root.resolve("benchmarks/pipeline/target/replica-bench-" + replicas + "-"
                        + System.currentTimeMillis());
                results.add(run(root, data, replicas, round, corpus, offset, documents));
                offset += documents + 100;
            }
        }
        System.out.println();
        System.out.println("replicas of parse- and store-service | round | documents | statements | "
                + "parse-service caught up | every statement announced | load average before");
        for (Result r : results) {
            System.out.printf("%d | %d | %d | %d | %.1f s, %.1f documents/s | %.1f s, %.1f documents/s, %.0f "
                    + "statements/s | %s%n", r.replicas(), r.round(), r.documents(), r.statements(),
                    r.parsedMillis() / 1000.0, r.documentsPerSecond(r.parsedMillis()), r.announcedMillis() / 1000.0,
                    r.documentsPerSecond(r.announcedMillis()), r.statements() * 1000.0 / r.announcedMillis(),
                    r.load());
        }
        System.exit(0);
    }

    private static Result run(Path root, Path data, int replicas, int round, CorpusVariants corpus, int offset,
            int documents) throws Exception {
        System.out.printf("%n== %d replica(s) of each service, round %d, data in %s%n", replicas, round, data);
        Map<String, Map<String, String>> environment = Map.of(ClusterProcesses.INGEST,
                Map.of("VERBATIM_INGEST_SOURCES", "none"));
        try (ClusterProcesses cluster = ClusterProcesses.start(ClusterProcesses.Settings.local(root, data,
                "bench-" + System.nanoTime(), environment).withReplicas(replicas), System.out);
                KafkaProducer<String, String> producer = producer(cluster.bootstrapServers());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers()))) {
            System.out.println("- warm-up: 100 documents");
            write(producer, corpus, offset, 100);
            awaitDone(cluster, admin, System.nanoTime());
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            long before = statementsAnnounced(cluster);
            System.out.printf("- %d documents into transcripts.raw%n", documents);
            long start = System.nanoTime();
            write(producer, corpus, offset + 100, documents);
            long[] done = awaitDone(cluster, admin, start);
            long statements = statementsAnnounced(cluster) - before;
            System.out.printf("  parsed after %d ms, announced after %d ms, %d statements%n", done[0], done[1],
                    statements);
            return new Result(replicas, round, documents, statements, done[0], done[1], load);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "8388608");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void write(KafkaProducer<String, String> producer, CorpusVariants corpus, int first, int count)
            throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            CorpusVariants.Variant variant = corpus.variant(i);
            TranscriptFetched event = TranscriptFetched.of(variant.sourceUrl(), "replica-benchmark", Instant.now(),
                    variant.contentType(), new String(variant.body(), StandardCharsets.UTF_8));
            sent.add(producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS_RAW, event.documentId(),
                    EventJson.write(event))));
        }
        for (Future<?> future : sent) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    /** Milliseconds since {@code start} until parse-service caught up, and until everything was announced. */
    private static long[] awaitDone(ClusterProcesses cluster, Admin admin, long start) throws Exception {
        long parsed = -1;
        long deadline = start + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (parsed < 0 && ConsumerGroups.unconsumed(admin, cluster.bootstrapServers(), "parse-service",
                    Topics.TRANSCRIPTS_RAW) == 0) {
                parsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            if (parsed >= 0 && ConsumerGroups.unconsumed(admin, cluster.bootstrapServers(), "store-service",
                    Topics.TRANSCRIPTS_PARSED) == 0 && pendingOutboxRows(cluster) == 0) {
                return new long[] {parsed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the pipeline did not catch up within 15 minutes");
    }

    private static long pendingOutboxRows(ClusterProcesses cluster) throws Exception {
        return query(cluster, "select count(*) from outbox_event where sent_at is null and parked_at is null");
    }

    private static long statementsAnnounced(ClusterProcesses cluster) throws Exception {
        return query(cluster, "select count(*) from outbox_event where sent_at is not null and topic = '"
                + Topics.STATEMENTS_NEW + "'");
    }

    private static long query(ClusterProcesses cluster, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), LocalPostgres.USERNAME,
                LocalPostgres.PASSWORD); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
