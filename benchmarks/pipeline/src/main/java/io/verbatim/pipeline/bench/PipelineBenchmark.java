package io.verbatim.pipeline.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.ServiceProcess;
import io.verbatim.local.VariantSubmitter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark (not part of {@code ./mvnw verify}). It starts the whole cluster as {@code ./run-local.sh}
 * does ({@link ClusterProcesses}: a KRaft broker and PostgreSQL as child processes, the three packaged services) on a
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
 * Each phase is a class of its own ({@link StartupPhase}, {@link SaturationPhase}, {@link LatencyPhase},
 * {@link RawKafkaPhase}) over one {@link Workload}. It prints a report ({@link RunReport}, also written to
 * {@code <data>/../pipeline-benchmark-report.txt}) and stops what it started.
 */
public final class PipelineBenchmark {

    private static final String SOURCE_NAME = "pipeline-benchmark";
    private static final String MARKER = ".pipeline-benchmark-data";

    private final BenchSettings settings;
    private final RunReport report = new RunReport("Verbatim end-to-end benchmark");

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

        CorpusVariants corpus = CorpusVariants.load();
        String apiKey = "bench-" + Long.toHexString(System.nanoTime());
        Map<String, Map<String, String>> environment = Map.of(ClusterProcesses.INGEST,
                Map.of("VERBATIM_INGEST_SOURCES", "none"));
        log("starting the cluster in %s", data);
        ClusterProcesses cluster = ClusterProcesses.start(ClusterProcesses.Settings.local(root, data, apiKey, environment), System.out);
        Thread stopper = new Thread(cluster::close, "pipeline-benchmark-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        StatementWatcher watcher = null;
        try {
            if (settings.phases().contains("startup")) {
                new StartupPhase(cluster, settings, report).run();
            }
            VariantSubmitter submitter = new VariantSubmitter(cluster.service(ClusterProcesses.INGEST).baseUrl(),
                    apiKey, SOURCE_NAME);
            ProcessMeter meter = new ProcessMeter(targets(cluster));
            Thread.sleep(5000);
            Map<String, Long> idle = meter.memoryKb();
            watcher = new StatementWatcher(cluster.bootstrapServers());
            watcher.start();
            Workload workload = new Workload(cluster, corpus, submitter, watcher, settings, report);
            workload.warmUp();
            SaturationPhase.Result saturation = null;
            if (settings.phases().contains("saturation")) {
                saturation = new SaturationPhase(cluster, workload, settings, report).run(meter, idle);
            }
            if (saturation != null && settings.phases().contains("latency")) {
                new LatencyPhase(workload, settings, report).run(saturation.documentsPerSecond());
            }
            if (settings.phases().contains("kafka")) {
                new RawKafkaPhase(cluster, workload, settings, report).run(saturation);
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

    private static List<ProcessMeter.Target> targets(ClusterProcesses cluster) throws IOException {
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
}
