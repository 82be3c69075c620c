package io.verbatim.store.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.local.ServiceProcess;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedDocument;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;

/**
 * The store-service benchmark (not part of {@code ./mvnw verify}). On one machine it starts a real Kafka broker
 * (in this JVM) and a real PostgreSQL 17, runs the packaged store-service as a child process, and measures, one
 * phase after the other:
 * <ol>
 *   <li>{@link ConsumerThroughput}: transcripts written to {@code transcripts.parsed} as fast as a producer can,
 *       timed until every one is stored and published;</li>
 *   <li>{@link SearchLatency}: {@code GET /api/statements?q=...&limit=20} on the stored statements, and a deep
 *       cursor walk;</li>
 *   <li>{@link QuoteCheckLatency}: {@code POST /api/quotes/check} on the stored statements;</li>
 *   <li>{@link CopyRate}: PostgreSQL's own {@code COPY} of the same statements into a table of the same shape.</li>
 * </ol>
 * It prints the report ({@link RunReport}) and stops everything it started.
 */
public final class StoreBenchmark {

    private static final String RUN = "Run";

    private final Options options;
    private final RunReport report = new RunReport("store-service benchmark");

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

    private void run() throws Exception {
        Path root = Path.of(options.text("root", ".")).toAbsolutePath().normalize();
        Path logs = Path.of(options.text("logs", root.resolve("benchmarks/store/target/bench-logs").toString()));
        int documents = options.integer("documents", 2000);
        int statementsPerDocument = options.integer("statements", 50);
        int warmupDocuments = options.integer("warmup-documents", 20);
        long seed = options.number("seed", 42);
        Duration loadTimeout = options.duration("load-timeout", Duration.ofMinutes(10));
        int searches = options.integer("searches", 200);
        int deepPages = options.integer("deep-pages", 200);
        int quoteChecks = options.integer("quote-checks", 300);
        int copyRuns = Math.max(1, options.integer("copy-runs", 3));
        long fillTo = options.number("fill-to", 0);
        boolean trigramIndex = Boolean.parseBoolean(options.text("trigram-index", "false"));

        report.put(RUN, "date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.put(RUN, "machine", "nproc " + Runtime.getRuntime().availableProcessors() + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")");
        report.load("at start");

        List<String> paragraphs = TranscriptGenerator.paragraphsOfTheCorpus();
        TranscriptGenerator generator = new TranscriptGenerator(paragraphs, seed);
        log("corpus docs: %d distinct paragraphs", generator.paragraphCount());
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
        report.put(RUN, "workload", String.format("%,d transcripts × %d statements = %,d statements (+ %,d warm-up), "
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
            int port = ServiceProcess.freePort();
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
                    Admin admin = ConsumerThroughput.admin(broker.bootstrapServers())) {
                db.setAutoCommit(true);
                report.put(RUN, "trigram index on statement.text", trigramIndex
                        ? "created before the load (--trigram-index=true: not part of store-service's schema)"
                        : "none (store-service's schema)");
                if (trigramIndex) {
                    // what storing costs with a GIN trigram index, the quote check's first design (docs/benchmarks.md)
                    Sql.execute(db, "create index statement_text_trgm_idx on statement using gin (text gin_trgm_ops)");
                }
                ConsumerThroughput.Result consumer = new ConsumerThroughput(report).run(broker.bootstrapServers(),
                        admin, db, warmup, measured, statementsPerDocument, loadTimeout);
                new SearchLatency(report).run(service.baseUrl(), db, searches, deepPages);
                if (fillTo > 0) {
                    long filled = StatementFill.fill(db, new TranscriptGenerator(paragraphs, seed + 1),
                            "fill-" + seed, statementsPerDocument, fillTo);
                    report.put(QuoteCheckLatency.SECTION, "statements written straight into the table first "
                            + "(--fill-to=" + fillTo + ")", String.format("%,d (generated as the load's, seed %d, "
                            + "by COPY; not stored by the service)", filled, seed + 1));
                }
                new QuoteCheckLatency(report).run(service.baseUrl(), db, paragraphs, quoteChecks, seed);
                report.load("after the load and searches");
                service.close();
                started.set(null);
                service = null;
                new CopyRate(report).run(db, consumer.complete() ? measured : CopyRate.storedOnly(db, measured),
                        statementsPerDocument, copyRuns, consumer);
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
        report.load("at the end");
        report.note("The broker runs inside this JVM and PostgreSQL (fsync off) on the same machine: they, the "
                + "producer and store-service share its cores; other processes' load shows in the load averages.");
        report.print(System.out);
    }
}
