package io.verbatim.pipeline.bench;

import io.verbatim.local.LocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's own yardsticks, {@code kafka-producer-perf-test} and {@code kafka-consumer-perf-test} (the main
 * classes {@code org.apache.kafka.tools.ProducerPerformance} and {@code ConsumerPerformance} of
 * {@code org.apache.kafka:kafka-tools}), each run in a child JVM against the same broker, on a topic of its own with
 * as many partitions as the pipeline's. The producer uses ingest-service's settings for {@code transcripts.raw}
 * ({@code acks=all}, idempotence, lz4, 8 MiB requests); the consumer fetches up to 8 MiB per partition, as
 * parse-service does.
 */
final class KafkaPerfTools {

    static final String TOPIC = "bench.kafka-perf";

    /** What a tool reported: records/s and MB/s (1 MB = 10^6 bytes of record values), and for the producer its
     * send-to-acknowledgement latency percentiles in ms. */
    record Figures(long records, double recordsPerSecond, double megabytesPerSecond, String latency) {
    }

    private static final Pattern PRODUCER_RESULT = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th");

    private final String bootstrapServers;
    private final Path logDirectory;

    KafkaPerfTools(String bootstrapServers, Path logDirectory) {
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
    }

    Figures produce(int records, int recordSize) throws Exception {
        LocalKafka.createTopics(bootstrapServers, List.of(TOPIC));
        List<String> output = run("producer-perf", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "compression.type=lz4", "max.request.size=8388608");
        for (String line : output) {
            Matcher m = PRODUCER_RESULT.matcher(line);
            if (m.find() && line.contains("99.9th")) {
                return new Figures(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), String.format("p50 %s / p95 %s / p99 %s / max %s ms",
                                m.group(6), m.group(7), m.group(8), m.group(5)));
            }
        }
        throw new IllegalStateException("no result from the producer perf test; see " + log("producer-perf"));
    }

    Figures consume(int records) throws Exception {
        List<String> output = run("consumer-perf", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", TOPIC, "--messages", Integer.toString(records),
                "--group", "bench-perf-" + UUID.randomUUID(), "--fetch-size", "8388608", "--timeout", "60000");
        for (int i = 0; i + 1 < output.size(); i++) {
            if (output.get(i).startsWith("start.time")) {
                List<String> names = Arrays.stream(output.get(i).split(",")).map(String::strip).toList();
                String[] values = output.get(i + 1).split(",");
                // fetch.*: from the first fetch on, without the time spent joining the group
                return new Figures(Long.parseLong(values[names.indexOf("data.consumed.in.nMsg")].strip()),
                        Double.parseDouble(values[names.indexOf("fetch.nMsg.sec")].strip()),
                        Double.parseDouble(values[names.indexOf("fetch.MB.sec")].strip()), "");
            }
        }
        throw new IllegalStateException("no result from the consumer perf test; see " + log("consumer-perf"));
    }

    private Path log(String name) {
        return logDirectory.resolve(name + ".log");
    }

    /** Runs a tool's main class in a JVM of its own with this benchmark's class path; returns its output. */
    private List<String> run(String name, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Files.createDirectories(logDirectory);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile()).start();
        int exit = process.waitFor();
        List<String> output = Files.readAllLines(log(name));
        if (exit != 0) {
            throw new IllegalStateException(name + " exited with " + exit + "; see " + log(name));
        }
        return output;
    }
}
