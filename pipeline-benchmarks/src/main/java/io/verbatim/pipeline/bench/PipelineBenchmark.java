package io.verbatim.pipeline.bench;

import io.verbatim.events.EventJson;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.RunningCluster;
import io.verbatim.local.ServiceProcess;
import io.verbatim.local.VariantSubmitter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark (not part of {@code ./mvnw verify}). It starts the whole cluster as {@code ./run-local.sh}
 * does ({@link RunningCluster}: a KRaft broker and PostgreSQL as child processes, the three packaged services) on a
 * fresh data folder, and measures:
 * <ol>
 *   <li>start-up time of each service to {@code /q/health/ready}, median of several starts;</li>
 *   <li>resident memory of each process idle, and at its peak under load;</li>
 *   <li>saturation: distinct corpus variants submitted through the submit API as fast as the cluster takes them,
 *       timed from the first submit to the last of their statements on {@code statements.new}; per-stage progress
 *       from the broker's offsets, CPU time of every process;</li>
 *   <li>latency at a fraction of that rate, on a fixed (open-loop) schedule: per document from its scheduled
 *       submit to its first and to its last statement;</li>
 *   <li>the broker's own producer and consumer perf tests with records of the documents' average size.</li>
 * </ol>
 * It prints a report (also written to {@code <data>/../pipeline-benchmark-report.txt}) and stops what it started.
 */
public final class PipelineBenchmark {

    /** Variant numbers of the warm-up documents, apart from the measured ones. */
    private static final int WARMUP_BASE = 1_000_000;
    private static final String SOURCE_NAME = "pipeline-benchmark";
    private static final String MARKER = ".pipeline-benchmark-data";

    private final BenchSettings settings;
    private final Report report = new Report();
    private RunningCluster cluster;
    private CorpusVariants corpus;
    private VariantSubmitter submitter;
    private StatementWatcher watcher;
    /** Statements each corpus template yields (learnt in the warm-up), by template name. */
    private final Map<String, Integer> statementsPerTemplate = new HashMap<>();
    private int nextVariant;

    private PipelineBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = new BenchSettings(args);
        if (settings.help()) {
            System.out.print(BenchSettings.usage());
        } else {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            new PipelineBenchmark(settings).run();
            System.exit(0); // the Kafka clients' non-daemon threads must not keep the JVM up
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    private void run() throws Exception {
        Path root = settings.root();
        Path data = settings.data();
        freshDataFolder(data);
        report.put("Run", "date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.put("Run", "machine", "nproc " + Runtime.getRuntime().availableProcessors() + ", "
                + memTotal() + ", JDK " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        report.put("Run", "services' JVM options", String.join(" ", ServiceProcess.javaOptions())
                + (ServiceProcess.javaOptions().equals(ServiceProcess.DEFAULT_JAVA_OPTIONS)
                        ? "  (the run command's default)" : "  (VERBATIM_SERVICE_JAVA_OPTS)"));
        report.put("Run", "settings", settings.describe());
        report.load("at start");

        corpus = CorpusVariants.load(root);
        String apiKey = "bench-" + Long.toHexString(System.nanoTime());
        Map<String, Map<String, String>> environment = Map.of(RunningCluster.INGEST,
                Map.of("VERBATIM_INGEST_SOURCES", "none"));
        log("starting the cluster in %s", data);
        cluster = RunningCluster.start(RunningCluster.Settings.local(root, data, apiKey, environment), System.out);
        Thread stopper = new Thread(cluster::close, "pipeline-benchmark-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            if (settings.phases().contains("startup")) {
                startup();
            }
            submitter = new VariantSubmitter(cluster.service(RunningCluster.INGEST).baseUrl(), apiKey, SOURCE_NAME);
            ProcessMeter meter = new ProcessMeter(targets());
            Thread.sleep(5000);
            Map<String, Long> idle = meter.memoryKb();
            watcher = new StatementWatcher(cluster.bootstrapServers());
            watcher.start();
            warmUp();
            Saturation saturation = null;
            if (settings.phases().contains("saturation")) {
                saturation = saturation(meter, idle);
            }
            if (saturation != null && settings.phases().contains("latency")) {
                latency(saturation.documentsPerSecond());
            }
            if (settings.phases().contains("kafka")) {
                rawKafka(saturation);
            }
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            log("stopping the cluster");
            cluster.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        report.load("at the end");
        try (PrintStream file = new PrintStream(Files.newOutputStream(data.resolveSibling(
                "pipeline-benchmark-report.txt")), true, StandardCharsets.UTF_8)) {
            report.print(file);
        }
        report.print(System.out);
        log("report also in %s; logs in %s", data.resolveSibling("pipeline-benchmark-report.txt"),
                data.resolve("logs"));
    }

    /** Empties the data folder, but only one this benchmark made (or a missing or empty one). */
    private static void freshDataFolder(Path data) throws IOException {
        if (Files.isDirectory(data)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(data)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(data.resolve(MARKER))) {
                throw new IllegalStateException(data + " is not empty and was not made by this benchmark");
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "made by io.verbatim.pipeline.bench.PipelineBenchmark\n");
    }

    private List<ProcessMeter.Target> targets() throws IOException {
        List<ProcessMeter.Target> targets = new ArrayList<>();
        for (ServiceProcess service : cluster.services()) {
            targets.add(ProcessMeter.Target.jvm(service.name(), service.pid()));
        }
        if (cluster.kafka() != null) {
            targets.add(ProcessMeter.Target.jvm("Kafka broker", cluster.kafka().pid()));
        }
        if (cluster.postgres() != null) {
            targets.add(ProcessMeter.Target.tree("PostgreSQL (all processes, PSS)", cluster.postgres().postmaster()));
        }
        targets.add(ProcessMeter.Target.jvm("this benchmark's JVM", ProcessHandle.current().pid()));
        return targets;
    }

    // ---------------------------------------------------------------- start-up

    private void startup() throws Exception {
        int starts = settings.count("starts");
        report.load("before start-up");
        for (String name : List.of(RunningCluster.INGEST, RunningCluster.PARSE, RunningCluster.STORE)) {
            double[] millis = new double[starts];
            for (int i = 0; i < starts; i++) {
                ServiceProcess old = cluster.service(name);
                old.close();
                long began = System.nanoTime();
                ServiceProcess started = old.restart();
                cluster.replace(started);
                awaitReady(started);
                millis[i] = (System.nanoTime() - began) / 1e6;
                log("%s ready %.0f ms after its process started", name, millis[i]);
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            report.put("Start-up to /q/health/ready 200 (median of " + starts + ", the others)", name,
                    String.format("%,.0f ms   (%s)", sorted[starts / 2], Arrays.stream(millis)
                            .mapToObj(m -> String.format("%,.0f", m)).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        report.load("after start-up");
    }

    /** Polls readiness every 25 ms, finer than {@link ServiceProcess#awaitReady}. */
    private static void awaitReady(ServiceProcess service) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " died while starting; see " + service.log());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(service.name() + " was not ready within 2 minutes; see " + service.log());
    }

    // ---------------------------------------------------------------- submitting and waiting

    /** One submitted document; times are {@link System#nanoTime()}. */
    record Submission(CorpusVariants.Variant variant, long scheduled, long sent, long answered, int status,
            String documentId) {

        boolean accepted() {
            return status == 202 && documentId != null;
        }
    }

    private CompletableFuture<Submission> submit(CorpusVariants.Variant variant, long scheduled) {
        long sent = System.nanoTime();
        return submitter.submit(variant).handle((response, failure) -> {
            long answered = System.nanoTime();
            if (failure != null) {
                return new Submission(variant, scheduled, sent, answered, -1, null);
            }
            String id = null;
            if (response.statusCode() == 202) {
                try {
                    id = EventJson.mapper().readTree(response.body()).path("documentId").asText(null);
                } catch (IOException e) {
                    // counted as not accepted
                }
            }
            return new Submission(variant, scheduled, sent, answered, response.statusCode(), id);
        });
    }

    /** Submits {@code count} new variants with at most {@code concurrency} requests in flight. */
    private List<Submission> submitClosedLoop(int count, int concurrency) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Submission>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.acquire();
            CompletableFuture<Submission> submission = submit(corpus.variant(nextVariant++), System.nanoTime());
            submission.whenComplete((s, f) -> slots.release());
            pending.add(submission);
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private int expectedStatements(Submission submission) {
        return statementsPerTemplate.getOrDefault(submission.variant().template(), 0);
    }

    /**
     * Waits until every statement expected of the accepted submissions has arrived on {@code statements.new}, or
     * nothing has arrived for a minute, or the phase's time is up. Returns the statements that arrived.
     */
    private long awaitDelivered(List<Submission> submissions) throws InterruptedException {
        List<String> ids = submissions.stream().filter(Submission::accepted).map(Submission::documentId).toList();
        long expected = submissions.stream().filter(Submission::accepted).mapToLong(this::expectedStatements).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.count("timeout-seconds"));
        long delivered = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            long now = watcher.statementsOf(ids);
            if (now != delivered) {
                delivered = now;
                lastProgress = System.nanoTime();
            }
            if (delivered >= expected) {
                return delivered;
            }
            if (System.nanoTime() > deadline || System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(1)) {
                log("gave up waiting: %,d of %,d statements arrived", delivered, expected);
                return delivered;
            }
            Thread.sleep(50);
        }
    }

    // ---------------------------------------------------------------- warm-up

    /**
     * One variant of every corpus template, submitted and waited for until the pipeline is drained: it warms the
     * services up and tells how many statements each template yields (some yield none: they are refused or have no
     * statements), so that later phases know when a document is complete.
     */
    private void warmUp() throws Exception {
        nextVariant = WARMUP_BASE;
        log("warm-up: one variant of each of the %d corpus templates", corpus.templates());
        List<Submission> warmup = submitClosedLoop(corpus.templates(), 4);
        long refused = warmup.stream().filter(s -> !s.accepted()).count();
        if (refused > 0) {
            throw new IllegalStateException(refused + " warm-up documents were not accepted; see "
                    + cluster.service(RunningCluster.INGEST).log());
        }
        try (StageProgress progress = new StageProgress(cluster.bootstrapServers(),
                cluster.service(RunningCluster.PARSE).baseUrl(), cluster.service(RunningCluster.STORE).baseUrl())) {
            progress.awaitDrained(Duration.ofSeconds(settings.count("timeout-seconds")));
        }
        // the outbox relay publishes after the consumer commits: wait for statements.new to fall quiet
        while (System.nanoTime() - watcher.lastArrival() < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(200);
        }
        int withStatements = 0;
        long statements = 0;
        for (Submission submission : warmup) {
            StatementWatcher.Arrivals arrivals = watcher.of(submission.documentId());
            int count = arrivals == null ? 0 : arrivals.count();
            statementsPerTemplate.put(submission.variant().template(), count);
            withStatements += count > 0 ? 1 : 0;
            statements += count;
        }
        log("warm-up done: %d of %d templates yield statements, %d statements in all", withStatements,
                warmup.size(), statements);
        report.put("Workload", "corpus", String.format("%d templates (parse-service/src/test/resources/corpus), "
                + "%d of them yield statements, %,d statements per round of the %d", corpus.templates(),
                withStatements, statements, corpus.templates()));
        nextVariant = 0;
    }

    // ---------------------------------------------------------------- saturation

    record Saturation(double documentsPerSecond, double averageBodyBytes) {
    }

    private Saturation saturation(ProcessMeter meter, Map<String, Long> idle) throws Exception {
        int documents = settings.count("documents");
        int concurrency = settings.count("concurrency");
        report.load("before saturation");
        log("saturation: %,d documents, at most %d requests in flight", documents, concurrency);
        JfrProfiles profiles = null;
        if (settings.flag("jfr")) {
            profiles = new JfrProfiles(settings.data().resolveSibling("jfr"), cluster.services());
            profiles.start();
        }
        Map<String, Long> cpuBefore = meter.cpuMillis();
        meter.startSampling(500);
        List<Submission> submissions;
        long delivered;
        List<StageProgress.StageFigures> stages;
        try (StageProgress progress = new StageProgress(cluster.bootstrapServers(),
                cluster.service(RunningCluster.PARSE).baseUrl(), cluster.service(RunningCluster.STORE).baseUrl())) {
            progress.start();
            submissions = submitClosedLoop(documents, concurrency);
            log("all %,d submissions answered; waiting for their statements", documents);
            delivered = awaitDelivered(submissions);
            stages = progress.stop();
        }
        Map<String, Long> peak = meter.stopSampling();
        Map<String, Long> cpuAfter = meter.cpuMillis();
        if (profiles != null) {
            profiles.stop();
        }
        report.load("after saturation");

        List<Submission> accepted = submissions.stream().filter(Submission::accepted).toList();
        long first = submissions.stream().mapToLong(Submission::sent).min().orElseThrow();
        long lastAnswer = submissions.stream().mapToLong(Submission::answered).max().orElseThrow();
        long lastStatement = accepted.stream().map(s -> watcher.of(s.documentId())).filter(a -> a != null)
                .mapToLong(StatementWatcher.Arrivals::last).max().orElse(lastAnswer);
        double seconds = (lastStatement - first) / 1e9;
        long expected = accepted.stream().mapToLong(this::expectedStatements).sum();
        long incomplete = accepted.stream().filter(s -> {
            StatementWatcher.Arrivals a = watcher.of(s.documentId());
            return (a == null ? 0 : a.count()) != expectedStatements(s);
        }).count();
        double bodyBytes = submissions.stream().mapToLong(s -> s.variant().body().length).average().orElse(0);
        double docsPerSecond = accepted.size() / seconds;
        String section = "Saturation (" + String.format("%,d", documents) + " documents, " + concurrency
                + " in flight)";
        report.put(section, "accepted by the submit API", String.format("%,d of %,d (%,.1f KiB average body); all "
                + "answered after %.1f s = %,.1f documents/s accepted", accepted.size(), documents, bodyBytes / 1024,
                (lastAnswer - first) / 1e9, documents / ((lastAnswer - first) / 1e9)));
        report.put(section, "statements on statements.new", String.format("%,d of %,d expected; %d documents "
                + "incomplete", delivered, expected, incomplete));
        report.put(section, "first submit -> last statement", String.format("%.1f s", seconds));
        report.put(section, "** end-to-end rate **", String.format("%,.1f documents/s, %,.0f statements/s, %.2f MB/s "
                + "of documents", docsPerSecond, delivered / seconds, docsPerSecond * bodyBytes / 1e6));
        for (StageProgress.StageFigures stage : stages) {
            report.put(section, "stage " + stage.stage(), String.format("%,d %s in %.0f s busy: %,.1f/s%s%s",
                    stage.count(), stage.unit(), stage.busySeconds(), stage.rate(),
                    Double.isNaN(stage.peakRate()) ? "" : String.format(", best 5 s %,.1f/s", stage.peakRate()),
                    stage.maxBacklog() > 0 ? String.format("; most waiting in front of it %,d", stage.maxBacklog())
                            : ""));
        }
        long cores = Runtime.getRuntime().availableProcessors();
        cpuBefore.forEach((name, before) -> {
            long used = cpuAfter.getOrDefault(name, before) - before;
            report.put(section + ": CPU time", name, String.format("%,.1f ms per document, %4.0f %% of one core "
                    + "(%d cores)", (double) used / accepted.size(), 100.0 * used / 1000 / seconds, cores));
        });
        idle.forEach((name, kb) -> report.put("Resident memory: idle after start / peak during saturation",
                name, String.format("%,6.0f MiB / %,6.0f MiB", kb / 1024.0, peak.getOrDefault(name, 0L) / 1024.0)));
        if (profiles != null) {
            profiles.summarize(System.out, 15);
        }
        return new Saturation(docsPerSecond, bodyBytes);
    }

    // ---------------------------------------------------------------- latency

    private void latency(double saturationRate) throws Exception {
        double rate = saturationRate * settings.fraction("latency-fraction");
        int seconds = settings.count("latency-seconds");
        int count = Math.max(1, (int) Math.round(rate * seconds));
        long interval = (long) (1e9 / rate);
        report.load("before latency");
        log("latency: %,d documents at %.2f/s for %d s (fixed schedule)", count, rate, seconds);
        List<CompletableFuture<Submission>> pending = new ArrayList<>(count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long lateSends = 0;
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - scheduled > TimeUnit.MILLISECONDS.toNanos(10)) {
                lateSends++;
            }
            pending.add(submit(corpus.variant(nextVariant++), scheduled));
        }
        List<Submission> submissions = pending.stream().map(CompletableFuture::join).toList();
        long delivered = awaitDelivered(submissions);
        report.load("after latency");

        List<Double> accept = new ArrayList<>();
        List<Double> toFirst = new ArrayList<>();
        List<Double> toLast = new ArrayList<>();
        long missing = 0;
        for (Submission s : submissions) {
            accept.add((s.answered() - s.scheduled()) / 1e6);
            if (!s.accepted() || expectedStatements(s) == 0) {
                continue;
            }
            StatementWatcher.Arrivals arrivals = watcher.of(s.documentId());
            if (arrivals == null || arrivals.count() < expectedStatements(s)) {
                missing++;
                continue;
            }
            toFirst.add((arrivals.first() - s.scheduled()) / 1e6);
            toLast.add((arrivals.last() - s.scheduled()) / 1e6);
        }
        String section = String.format("Latency at %.0f %% of saturation: %.2f documents/s for %d s, open loop",
                100 * settings.fraction("latency-fraction"), rate, seconds);
        report.put(section, "documents", String.format("%,d submitted (%d sent > 10 ms late), %,d with statements "
                + "complete, %d incomplete; %,d statements", count, lateSends, toFirst.size(), missing, delivered));
        report.put(section, "submit -> 202 accepted", percentiles(accept));
        report.put(section, "submit -> first statement", percentiles(toFirst));
        report.put(section, "submit -> last statement", percentiles(toLast));
    }

    /** p50 / p90 / p99 / max by nearest rank, in ms. */
    static String percentiles(List<Double> millis) {
        if (millis.isEmpty()) {
            return "no samples";
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        StringBuilder text = new StringBuilder();
        for (double p : new double[] {50, 90, 99, 100}) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            text.append(text.isEmpty() ? "" : " / ").append(String.format("%,.0f",
                    sorted[Math.max(0, Math.min(sorted.length, rank) - 1)]));
        }
        return "p50 / p90 / p99 / max  " + text + " ms  (n=" + sorted.length + ")";
    }

    // ---------------------------------------------------------------- raw Kafka

    private void rawKafka(Saturation saturation) throws Exception {
        int recordSize = saturation != null ? (int) Math.round(saturation.averageBodyBytes())
                : (int) Math.round(Stream.iterate(0, i -> i + 1).limit(corpus.templates())
                        .mapToInt(i -> corpus.variant(i).body().length).average().orElse(0));
        int records = settings.count("perf-records");
        KafkaPerfTools tools = new KafkaPerfTools(cluster.bootstrapServers(), cluster.logs());
        report.load("before raw Kafka");
        log("raw Kafka: producer perf test, %,d records of %,d bytes, acks=all", records, recordSize);
        KafkaPerfTools.Figures producer = tools.produce(records, recordSize);
        log("raw Kafka: consumer perf test");
        KafkaPerfTools.Figures consumer = tools.consume(records);
        report.load("after raw Kafka");
        String section = "Raw Kafka, same broker and machine (services idle), " + String.format("%,d", records)
                + " records of " + String.format("%,d", recordSize) + " bytes";
        report.put(section, "kafka-producer-perf-test (acks=all, idempotent, lz4)", String.format("%,.1f records/s, "
                + "%,.1f MB/s; latency %s", producer.recordsPerSecond(), producer.megabytesPerSecond(),
                producer.latency()));
        report.put(section, "kafka-consumer-perf-test (fetch.* figures)", String.format("%,.1f records/s, %,.1f MB/s",
                consumer.recordsPerSecond(), consumer.megabytesPerSecond()));
        if (saturation != null) {
            double pipelineMb = saturation.documentsPerSecond() * saturation.averageBodyBytes() / 1e6;
            report.put(section, "** pipeline / producer perf test **", String.format("%.4f of its records/s "
                    + "(%.1f× slower), %.4f of its MB/s", saturation.documentsPerSecond() / producer.recordsPerSecond(),
                    producer.recordsPerSecond() / saturation.documentsPerSecond(),
                    pipelineMb / producer.megabytesPerSecond()));
            report.put(section, "pipeline / consumer perf test", String.format("%.4f of its records/s (%.1f× slower)",
                    saturation.documentsPerSecond() / consumer.recordsPerSecond(),
                    consumer.recordsPerSecond() / saturation.documentsPerSecond()));
        }
    }

    // ---------------------------------------------------------------- the report

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.0f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "memory unknown";
    }

    /** Sections of measure/value rows, printed as aligned tables; load averages as they were taken. */
    static final class Report {
        private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

        void put(String section, String measure, String value) {
            sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(measure, value);
        }

        /** Notes the load averages (1, 5, 15 minutes) now, as {@code uptime} shows them. */
        void load(String when) {
            String load;
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
                load = fields[0] + ", " + fields[1] + ", " + fields[2];
            } catch (IOException e) {
                load = "unknown";
            }
            put("Load average (1, 5, 15 min; other work shares the machine)", when, load);
            log("load average %s: %s", when, load);
        }

        void print(PrintStream out) {
            out.println();
            out.println("=== Verbatim end-to-end benchmark ===");
            sections.forEach((section, rows) -> {
                int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
                out.println();
                out.println(section);
                rows.forEach((measure, value) -> out.printf("  %-" + width + "s  %s%n", measure, value));
            });
        }
    }
}
