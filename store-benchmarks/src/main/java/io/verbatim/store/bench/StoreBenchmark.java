package io.verbatim.store.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.local.ServiceProcess;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedDocument;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedStatement;
import io.verbatim.testsupport.ConsumerGroups;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The store-service benchmark (not part of {@code ./mvnw verify}). On one machine it starts a real Kafka broker
 * (in this JVM) and a real PostgreSQL 17, runs the packaged store-service as a child process, and measures:
 * <ol>
 *   <li>consumer throughput: N transcripts written to {@code transcripts.parsed} as fast as a producer can, timed
 *       until every one is stored and the outbox is empty (every {@code statement.new} published);</li>
 *   <li>search latency of {@code GET /api/statements?q=...&limit=20} on the stored statements, sequential, and a
 *       deep cursor walk;</li>
 *   <li>PostgreSQL's own bulk rate: {@code COPY} of the same statements into a table shaped like
 *       {@code statement} (same columns, generated tsvector, GIN and other indexes, foreign keys).</li>
 * </ol>
 * It prints a summary table and stops everything it started.
 */
public final class StoreBenchmark {

    private static final String GROUP = "store-service";
    private static final String COPY_TABLE = "bench_statement_copy";
    /**
     * Queries, common to rare: single words, a phrase, two pairs of words that seldom meet in one statement (every
     * word of a query must match), and a word that matches nothing.
     */
    private static final List<String> QUERIES = List.of("president", "people", "economy", "vaccine",
            "\"prime minister\"", "Kalamazoo", "lipids", "Kalamazoo Pyongyang", "lipids economy", "zeppelin");

    private final Options options;
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private StoreBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = new Options(args);
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        new StoreBenchmark(options).run();
        // the broker's and clients' non-daemon threads must not keep the JVM up
        System.exit(0);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    private void run() throws Exception {
        Path root = Path.of(options.text("root", ".")).toAbsolutePath().normalize();
        Path corpus = Path.of(options.text("corpus",
                root.resolve("parse-service/src/test/resources/corpus/docs").toString()));
        Path logs = Path.of(options.text("logs", root.resolve("store-benchmarks/target/bench-logs").toString()));
        int documents = options.integer("documents", 2000);
        int statementsPerDocument = options.integer("statements", 50);
        int warmupDocuments = options.integer("warmup-documents", 20);
        long seed = options.number("seed", 42);
        Duration loadTimeout = options.duration("load-timeout", Duration.ofMinutes(10));
        int searches = options.integer("searches", 200);
        int deepPages = options.integer("deep-pages", 200);

        summary.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        summary.put("machine", "nproc " + Runtime.getRuntime().availableProcessors() + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")");
        summary.put("load average at start", loadAverage());

        List<String> paragraphs = TranscriptGenerator.paragraphsOf(corpus);
        TranscriptGenerator generator = new TranscriptGenerator(paragraphs, seed);
        log("corpus %s: %d distinct paragraphs", corpus, generator.paragraphCount());
        List<GeneratedDocument> warmup = new ArrayList<>(warmupDocuments);
        for (int i = 0; i < warmupDocuments; i++) {
            warmup.add(generator.document("warmup-" + seed, i, statementsPerDocument));
        }
        List<GeneratedDocument> measured = new ArrayList<>(documents);
        long jsonBytes = 0;
        for (int i = 0; i < documents; i++) {
            GeneratedDocument document = generator.document("bench-" + seed, i, statementsPerDocument);
            jsonBytes += document.json().getBytes(StandardCharsets.UTF_8).length;
            measured.add(document);
        }
        long measuredStatements = (long) documents * statementsPerDocument;
        log("generated %d + %d warm-up transcripts of %d statements (%.1f MB of transcript.parsed JSON)", documents,
                warmupDocuments, statementsPerDocument, jsonBytes / 1e6);
        summary.put("workload", String.format("%,d transcripts × %d statements = %,d statements (+ %,d warm-up), "
                + "%.1f MB JSON, %d corpus paragraphs, seed %d", documents, statementsPerDocument, measuredStatements,
                (long) warmupDocuments * statementsPerDocument, jsonBytes / 1e6, generator.paragraphCount(), seed));

        log("starting PostgreSQL and Kafka");
        PostgresServer postgres = PostgresServer.start();
        KafkaBroker broker = null;
        ServiceProcess service = null;
        AtomicReference<ServiceProcess> started = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            ServiceProcess running = started.get();
            if (running != null) {
                running.close();
            }
        }, "store-benchmark-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            broker = KafkaBroker.start();
            broker.createTopics(ContractTopics.ALL);
            String database = postgres.createDatabase("store_bench");
            String jdbcUrl = postgres.jdbcUrl(database);
            int port = freePort();
            log("starting store-service on port %d (log: %s)", port, logs.resolve("store-service.log"));
            Files.deleteIfExists(logs.resolve("store-service.log"));
            service = ServiceProcess.start(root, "store-service", port, Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                    "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USERNAME,
                    "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD), logs);
            started.set(service);
            service.awaitReady(Duration.ofMinutes(3));
            log("store-service ready");

            try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.USERNAME,
                    PostgresServer.PASSWORD);
                    Admin admin = admin(broker.bootstrapServers())) {
                db.setAutoCommit(true);
                boolean complete = load(broker.bootstrapServers(), admin, db, warmup, measured, statementsPerDocument,
                        loadTimeout);
                search(service.baseUrl(), db, searches, deepPages);
                summary.put("load average after the load and searches", loadAverage());
                service.close();
                started.set(null);
                service = null;
                copy(db, complete ? measured : storedOnly(db, measured), statementsPerDocument);
            }
        } finally {
            if (service != null) {
                service.close();
                started.set(null);
            }
            if (broker != null) {
                broker.close();
            }
            postgres.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        summary.put("load average at the end", loadAverage());
        printSummary();
    }

    // ---------------------------------------------------------------------------------------------------------
    // consumer throughput

    private boolean load(String bootstrap, Admin admin, Connection db, List<GeneratedDocument> warmup,
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
            summary.put("producer: transcripts written to transcripts.parsed", String.format(
                    "%.1f s (%,.0f transcripts/s, %,.0f statements/s)", produced, measured.size() / produced,
                    statements / produced));
            if (!progress.published()) {
                long storedDocuments = progress.documents() - warmup.size();
                long storedStatements = count(db, "select count(*) from statement") - (long) warmup.size()
                        * statementsPerDocument;
                double seconds = timeout.toMillis() / 1000.0;
                summary.put("consumer: INCOMPLETE", String.format("after %.0f s only %,d of %,d transcripts stored "
                        + "(%,d statements, %.0f statements/s); %,d outbox rows unsent", seconds, storedDocuments,
                        measured.size(), storedStatements, storedStatements / seconds, progress.unsent()));
                notes.add("The consumer did not finish within --load-timeout; the rate is over what was stored.");
                return false;
            }
            double publishedSeconds = (progress.publishedAt() - start) / 1e9;
            long lagZeroAt = awaitLagZero(admin, Duration.ofMinutes(1));
            long stored = count(db, "select count(*) from statement");
            long outbox = count(db, "select count(*) from outbox_event");
            long announced = endOffsets(admin, Topics.STATEMENTS_NEW);
            long deadLetters = endOffsets(admin, Topics.TRANSCRIPTS_PARSED_DLQ);
            long expectedStatements = (long) expectedDocuments * statementsPerDocument;
            if (stored != expectedStatements || deadLetters != 0 || announced < expectedStatements) {
                throw new IllegalStateException(String.format("check failed: %d statements stored (expected %d), "
                        + "%d statement.new on the topic, %d dead letters", stored, expectedStatements, announced,
                        deadLetters));
            }
            summary.put("consumer: stored (last transcript committed)", String.format(
                    "%.1f s → %,.0f statements/s, %,.1f transcripts/s", storedSeconds, statements / storedSeconds,
                    measured.size() / storedSeconds));
            summary.put("consumer: stored and published (outbox empty)", String.format(
                    "%.1f s → %,.0f statements/s, %,.1f transcripts/s", publishedSeconds,
                    statements / publishedSeconds, measured.size() / publishedSeconds));
            summary.put("consumer: group store-service at lag 0", String.format("%.1f s (offsets are committed "
                    + "periodically, so this trails the store)", (lagZeroAt - start) / 1e9));
            summary.put("check", String.format("%,d statements, %,d outbox rows, %,d records on statements.new, "
                    + "%d dead letters", stored, outbox, announced, deadLetters));
            consumerRate = statements / publishedSeconds;
            consumerStoredRate = statements / storedSeconds;
            return true;
        }
    }

    private double consumerRate = Double.NaN;
    private double consumerStoredRate = Double.NaN;

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
            stored = count(db, "select count(*) from transcript");
            unsent = count(db, "select count(*) from outbox_event where sent_at is null");
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

    private static Admin admin(String bootstrap) {
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

    // ---------------------------------------------------------------------------------------------------------
    // search latency

    private void search(String baseUrl, Connection db, int searches, int deepPages) throws Exception {
        long total = count(db, "select count(*) from statement");
        log("search latency on %,d statements: %d sequential requests over %d queries", total, searches,
                QUERIES.size());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Long> matches = new LinkedHashMap<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select count(*) from statement where search @@ websearch_to_tsquery('english', ?)")) {
            for (String query : QUERIES) {
                statement.setString(1, query);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    matches.put(query, rows.getLong(1));
                }
            }
        }
        // warm-up: the service's JIT, Hibernate's query plan cache, PostgreSQL's buffers
        for (int round = 0; round < 3; round++) {
            for (String query : QUERIES) {
                get(client, searchUrl(baseUrl, query, null));
            }
        }
        Map<String, Latencies> byQuery = new LinkedHashMap<>();
        QUERIES.forEach(q -> byQuery.put(q, new Latencies()));
        Latencies all = new Latencies();
        for (int i = 0; i < searches; i++) {
            String query = QUERIES.get(i % QUERIES.size());
            long start = System.nanoTime();
            get(client, searchUrl(baseUrl, query, null));
            long elapsed = System.nanoTime() - start;
            byQuery.get(query).add(elapsed);
            all.add(elapsed);
        }
        summary.put("search: " + all.count() + " × GET /api/statements?q=…&limit=20 over " + total
                + " statements", all.summary());
        byQuery.forEach((query, latencies) -> summary.put("  q=" + query + " (" + String.format("%,d",
                matches.get(query)) + " matches)", String.format("p50 %.1f  max %.1f ms", latencies.percentile(50),
                latencies.max())));

        // the cursor walk: one common word, page after page
        String deepQuery = QUERIES.get(0);
        Latencies pages = new Latencies();
        Set<String> seen = new HashSet<>();
        int rows = 0;
        int duplicates = 0;
        String cursor = null;
        while (pages.count() < deepPages) {
            long start = System.nanoTime();
            JsonNode page = get(client, searchUrl(baseUrl, deepQuery, cursor));
            pages.add(System.nanoTime() - start);
            for (JsonNode item : page.path("items")) {
                rows++;
                if (!seen.add(item.path("statementId").asText())) {
                    duplicates++;
                }
            }
            JsonNode next = page.path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                break;
            }
            cursor = next.asText();
        }
        summary.put(String.format("search: cursor walk q=%s, %d pages of 20 (%,d rows, %d repeated)", deepQuery,
                pages.count(), rows, duplicates), String.format("%s; page 1 %.1f, last page %.1f ms", pages.summary(),
                pages.first(), pages.last()));
        if (duplicates > 0) {
            notes.add("The cursor walk saw " + duplicates + " statements twice.");
        }

        Latencies speakers = new Latencies();
        String speakerUrl = baseUrl + "/api/statements?limit=20&speaker="
                + URLEncoder.encode("Vladimir Putin", StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            get(client, speakerUrl);
        }
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            get(client, speakerUrl);
            speakers.add(System.nanoTime() - start);
        }
        summary.put("speaker filter: 50 × GET /api/statements?speaker=Vladimir%20Putin&limit=20", speakers.summary());
        log("search done");
    }

    private static String searchUrl(String baseUrl, String query, String cursor) {
        return baseUrl + "/api/statements?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }

    private static JsonNode get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return EventJson.mapper().readTree(response.body());
    }

    // ---------------------------------------------------------------------------------------------------------
    // PostgreSQL's own bulk rate

    /** The measured documents whose transcript is in the database (when the load did not complete). */
    private static List<GeneratedDocument> storedOnly(Connection db, List<GeneratedDocument> documents)
            throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select document_id from transcript")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        return documents.stream().filter(d -> stored.contains(d.documentId())).toList();
    }

    private void copy(Connection db, List<GeneratedDocument> documents, int statementsPerDocument) throws Exception {
        if (documents.isEmpty()) {
            return;
        }
        long rows = documents.stream().mapToLong(d -> d.statements().size()).sum();
        log("COPY: %,d rows into %s (same shape as statement)", rows, COPY_TABLE);
        Map<String, Long> transcriptIds = new HashMap<>();
        Map<String, Long> speakerIds = new HashMap<>();
        try (Statement statement = db.createStatement()) {
            try (ResultSet result = statement.executeQuery("select document_id, id from transcript")) {
                while (result.next()) {
                    transcriptIds.put(result.getString(1), result.getLong(2));
                }
            }
            try (ResultSet result = statement.executeQuery(
                    "select distinct on (speaker_label) speaker_label, speaker_id from statement")) {
                while (result.next()) {
                    speakerIds.put(result.getString(1), result.getLong(2));
                }
            }
            statement.execute("drop table if exists " + COPY_TABLE);
            // columns, defaults, the generated tsvector, every index (GIN included) and the foreign keys
            statement.execute("create table " + COPY_TABLE + " (like statement including all)");
            statement.execute("alter table " + COPY_TABLE
                    + " add foreign key (transcript_id) references transcript (id) on delete cascade,"
                    + " add foreign key (speaker_id) references speaker (id)");
            statement.execute("checkpoint");
        }
        // the rows, encoded before the clock starts (as the transcripts were before the producer started)
        List<byte[]> chunks = new ArrayList<>(documents.size());
        long id = 1;
        for (GeneratedDocument document : documents) {
            StringBuilder csv = new StringBuilder();
            long transcriptId = transcriptIds.get(document.documentId());
            for (GeneratedStatement s : document.statements()) {
                csv.append(id++).append(',')
                        .append(Sha256.ofParts("copy", document.documentId(), Integer.toString(s.ordinal())))
                        .append(',').append(transcriptId).append(',').append(speakerIds.get(s.label())).append(',')
                        .append(s.ordinal()).append(',');
                quoted(csv, s.label()).append(',');
                quoted(csv, s.role()).append(',');
                quoted(csv, s.annotation()).append(',');
                quoted(csv, s.text()).append(',');
                quoted(csv, EventJson.write(s.paragraphs())).append(',');
                csv.append("\"[]\",2026-01-01 00:00:00+00\n");
            }
            chunks.add(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        String copySql = "copy " + COPY_TABLE + " (id, statement_id, transcript_id, speaker_id, ordinal, "
                + "speaker_label, speaker_role, annotation, text, paragraphs, remarks, stored_at) "
                + "from stdin with (format csv)";
        CopyManager copyManager = db.unwrap(PGConnection.class).getCopyAPI();

        // a small COPY first (not timed), so that neither variant pays for a cold start
        copyOnce(db, copyManager, copySql, chunks.subList(0, Math.min(10, chunks.size())), false);
        int runs = Math.max(1, options.integer("copy-runs", 3));
        double[] singleSeconds = new double[runs];
        double[] perDocumentTimes = new double[runs];
        for (int run = 0; run < runs; run++) {
            // 1. one COPY, one transaction: PostgreSQL's best case
            singleSeconds[run] = copyOnce(db, copyManager, copySql, chunks, false);
            log("  run %d, one COPY: %,d rows in %.1f s", run + 1, rows, singleSeconds[run]);
            // 2. one COPY and one commit per transcript: the consumer's transaction granularity
            perDocumentTimes[run] = copyOnce(db, copyManager, copySql, chunks, true);
            log("  run %d, one COPY per transcript: %,d rows in %.1f s", run + 1, rows, perDocumentTimes[run]);
        }
        long searchable = count(db, "select count(*) from " + COPY_TABLE
                + " where search @@ websearch_to_tsquery('english', 'president')");
        long copiedRows = count(db, "select count(*) from " + COPY_TABLE);
        if (copiedRows != rows) {
            throw new IllegalStateException("COPY left " + copiedRows + " rows, expected " + rows);
        }
        log("  the copy has %,d rows, %,d match 'president' through its generated tsvector", copiedRows, searchable);
        try (Statement statement = db.createStatement()) {
            statement.execute("drop table " + COPY_TABLE);
        }
        double single = java.util.Arrays.stream(singleSeconds).average().orElseThrow();
        double perDocumentSeconds = java.util.Arrays.stream(perDocumentTimes).average().orElseThrow();
        long perDocumentRows = rows;
        double singleRate = rows / single;
        double perDocumentRate = perDocumentRows / perDocumentSeconds;
        summary.put(String.format("PostgreSQL COPY, %,d rows in one transaction (mean of %d)", rows, runs),
                String.format("%.1f s → %,.0f rows/s (runs: %s)", single, singleRate, rates(rows, singleSeconds)));
        summary.put(String.format("PostgreSQL COPY, one COPY + commit per transcript (%d rows each, mean of %d)",
                statementsPerDocument, runs), String.format("%.1f s → %,.0f rows/s (runs: %s)", perDocumentSeconds,
                perDocumentRate, rates(rows, perDocumentTimes)));
        if (!Double.isNaN(consumerRate)) {
            summary.put("ratio consumer (stored and published) / COPY one transaction",
                    String.format("%.3f (COPY is %.1f× faster)", consumerRate / singleRate, singleRate / consumerRate));
            summary.put("ratio consumer (stored and published) / COPY per transcript",
                    String.format("%.3f (COPY is %.1f× faster)", consumerRate / perDocumentRate,
                            perDocumentRate / consumerRate));
            summary.put("ratio consumer (stored only) / COPY one transaction",
                    String.format("%.3f", consumerStoredRate / singleRate));
        }
    }

    private static String rates(long rows, double[] seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(t -> String.format("%,.0f", rows / t))
                .collect(Collectors.joining(", ")) + " rows/s";
    }

    /** Empties the copy table, then COPYs the chunks: in one transaction, or one COPY and commit per chunk. */
    private static double copyOnce(Connection db, CopyManager copyManager, String copySql, List<byte[]> chunks,
            boolean commitPerChunk) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("truncate " + COPY_TABLE);
            statement.execute("checkpoint");
        }
        long start = System.nanoTime();
        if (commitPerChunk) {
            for (byte[] chunk : chunks) {
                CopyIn in = copyManager.copyIn(copySql);
                in.writeToCopy(chunk, 0, chunk.length);
                in.endCopy();
            }
        } else {
            db.setAutoCommit(false);
            CopyIn in = copyManager.copyIn(copySql);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            for (byte[] chunk : chunks) {
                buffer.write(chunk);
                if (buffer.size() >= 1 << 20) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            in.endCopy();
            db.commit();
            db.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static StringBuilder quoted(StringBuilder csv, String value) {
        if (value == null) {
            return csv; // unquoted empty: NULL in CSV
        }
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", load);
        }
    }

    private void printSummary() {
        int width = summary.keySet().stream().mapToInt(String::length).max().orElse(20);
        System.out.println();
        System.out.println("=== store-service benchmark ===");
        summary.forEach((name, value) -> System.out.printf("%-" + width + "s  %s%n", name, value));
        System.out.println("The broker runs inside this JVM and PostgreSQL (fsync off) on the same machine: "
                + "they, the producer and store-service share its cores; other processes' load shows in the "
                + "load averages above.");
        notes.forEach(System.out::println);
    }
}
