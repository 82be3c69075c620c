package io.verbatim.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code main} of {@code ./run-local.sh}, what a user talks to: reads the {@code VERBATIM_*} settings, starts
 * the cluster ({@link ClusterProcesses}, which does the starting and stopping) with its data under one folder of the
 * checkout, submits the samples (two corpus documents), prints every new statement from {@code statements.new} and
 * the service URLs, and stops everything it started on Ctrl-C. An external broker or database is used instead when
 * {@code KAFKA_BOOTSTRAP_SERVERS} or {@code QUARKUS_DATASOURCE_JDBC_URL} is set.
 */
public final class RunLocalCommand {

    private final PrintStream out = System.out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        new RunLocalCommand().run();
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("verbatim.home", setting("VERBATIM_HOME", "."))).toAbsolutePath()
                .normalize();
        Path data = Path.of(setting("VERBATIM_DATA_DIR", root.resolve(".verbatim-data").toString()));
        Files.createDirectories(data);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-cluster-stop"));

        out.println("Verbatim local cluster; data and logs under " + data);
        ClusterProcesses.Settings settings = new ClusterProcesses.Settings(root, data,
                intSetting("VERBATIM_KAFKA_PORT", 9092), intSetting("VERBATIM_KAFKA_CONTROLLER_PORT", 9093),
                intSetting("VERBATIM_POSTGRES_PORT", 15432), intSetting("VERBATIM_INGEST_PORT", 8081),
                intSetting("VERBATIM_PARSE_PORT", 8082), intSetting("VERBATIM_STORE_PORT", 8083),
                intSetting("VERBATIM_NOTIFY_PORT", 8084), apiKey(data),
                System.getenv("KAFKA_BOOTSTRAP_SERVERS"), System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                Map.of(ClusterProcesses.INGEST, Map.of("VERBATIM_INGEST_INBOX_DIRECTORY",
                        setting("VERBATIM_INGEST_INBOX_DIRECTORY", data.resolve("inbox").toString()))),
                intSetting("VERBATIM_REPLICAS", 1));
        ClusterProcesses cluster = ClusterProcesses.start(settings, out);
        started.push(cluster);
        String bootstrap = cluster.bootstrapServers();
        String apiKey = cluster.apiKey();
        ServiceProcess ingest = cluster.service(ClusterProcesses.INGEST);
        List<ServiceProcess> services = cluster.services();

        StatementPrinter printer = new StatementPrinter(bootstrap, out);
        started.push(printer);
        printer.start(Duration.ofSeconds(30));

        String samplesDir = System.getenv("VERBATIM_SAMPLES_DIR");
        SampleSubmitter submitter = new SampleSubmitter(ingest.baseUrl(), apiKey, out);
        if (samplesDir == null || samplesDir.isBlank()) {
            out.println("- submitting the samples (corpus documents " + String.join(", ", SampleSubmitter.SAMPLES)
                    + "); new statements follow as they arrive");
            awaitFirstStatement(printer, submitter::submitSamples);
        } else if (Files.isDirectory(Path.of(samplesDir))) {
            out.println("- submitting the documents in " + samplesDir + "; new statements follow as they arrive");
            awaitFirstStatement(printer, () -> submitter.submitAll(Path.of(samplesDir)));
        }

        out.println();
        out.println("Verbatim is running:");
        out.println("  pages to read      " + services.get(2).baseUrl() + "/  (search, speakers, transcripts, "
                + services.get(2).baseUrl() + "/check to check a quote)");
        out.println("  API key            " + apiKey + "  (X-API-Key header; set VERBATIM_API_KEY to choose it)");
        out.println("  submit a document  curl -H 'X-API-Key: " + apiKey + "' -H 'Content-Type: text/plain' "
                + "--data-binary @FILE " + ingest.baseUrl() + "/api/transcripts");
        out.println("  inbox folder       " + settings.serviceEnvironment().get(ClusterProcesses.INGEST)
                .get("VERBATIM_INGEST_INBOX_DIRECTORY"));
        out.println("  statements         " + services.get(2).baseUrl() + "/api/statements?speaker=Vladimir%20Putin");
        out.println("  a transcript       " + services.get(2).baseUrl() + "/api/transcripts/{documentId}");
        out.println("  subscribe a webhook curl -H 'X-API-Key: " + apiKey + "' -H 'Content-Type: application/json' "
                + cluster.service(ClusterProcesses.NOTIFY).baseUrl() + "/api/subscriptions -d '{\"url\": "
                + "\"https://…\", \"query\": \"grain\"}'");
        for (ServiceProcess service : services) {
            out.printf("  %-18s %s/q/health  %s/q/metrics%n", service.name(), service.baseUrl(), service.baseUrl());
        }
        out.println("  logs               " + cluster.logs());
        out.println("New statements are printed below as they arrive. Press Ctrl-C to stop everything.");
        stopped.await();
    }

    private interface Submission {
        int submit() throws Exception;
    }

    /** Submits, then reports how long the first statement took to arrive on {@code statements.new} (30 s at most). */
    private void awaitFirstStatement(StatementPrinter printer, Submission submission) throws Exception {
        long submittedAt = System.nanoTime();
        submission.submit();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (printer.printed() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (printer.printed() == 0) {
            out.println("  no new statement within 30 s: the samples were stored by an earlier run "
                    + "(nothing is stored twice), or see the logs");
        } else {
            out.printf("  first statement arrived %d ms after submission%n",
                    Duration.ofNanos(System.nanoTime() - submittedAt).toMillis());
        }
    }

    private synchronized void stopAll() {
        if (started.isEmpty()) {
            stopped.countDown();
            return;
        }
        out.println();
        out.println("Stopping the local cluster ...");
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                out.println("  while stopping: " + e.getMessage());
            }
        }
        out.println("Stopped.");
        stopped.countDown();
    }

    /** The API key: {@code VERBATIM_API_KEY}, else one generated once and kept in the data folder. */
    private static String apiKey(Path data) throws java.io.IOException {
        String configured = System.getenv("VERBATIM_API_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = data.resolve("api-key");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String generated = java.util.HexFormat.of().formatHex(random);
        Files.writeString(file, generated + "\n");
        return generated;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(setting(name, Integer.toString(fallback)));
    }
}
