package io.verbatim.local;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run from the
 * {@code org.apache.kafka:kafka_2.13} artifact as a child process. Its log directory lives under the local data
 * folder, so topics and offsets survive a restart; the storage is formatted on first start only.
 * For the run command, the chaos harness and the pipeline benchmark: a separate process can be killed with
 * {@code kill -9} and restarted on its data, as a real broker would be. Tests that only need a broker use
 * test-support's in-process {@code KafkaBroker} instead, which starts faster and leaves nothing behind.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path home;
    private final int brokerPort;
    private final int controllerPort;
    private final Path logDirectory;
    private final Process process;

    private LocalKafka(Path home, int brokerPort, int controllerPort, Path logDirectory, Process process) {
        this.home = home;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.process = process;
    }

    public static LocalKafka start(Path home, int brokerPort, int controllerPort, Path logDirectory)
            throws IOException, InterruptedException {
        return start(home, brokerPort, controllerPort, logDirectory, Duration.ofSeconds(60));
    }

    /** As above, waiting up to {@code readyTimeout} for the broker to answer (a loaded machine may need more). */
    public static LocalKafka start(Path home, int brokerPort, int controllerPort, Path logDirectory,
            Duration readyTimeout) throws IOException, InterruptedException {
        Path dataDirectory = home.resolve("data");
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logDirectory);
        Path config = home.resolve("server.properties");
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", dataDirectory.toString());
        props.setProperty("num.partitions", "3");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("message.max.bytes", "8388608");
        try (Writer writer = Files.newBufferedWriter(config)) {
            props.store(writer, "written by Verbatim's local cluster on every start");
        }
        Path log = logDirectory.resolve("kafka.log");
        String classpath = System.getProperty("java.class.path");
        if (!Files.exists(dataDirectory.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(ServiceProcess.javaExecutable(), "-cp", classpath,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "kafka.tools.StorageTool", "format",
                    "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + log);
            }
        }
        Process broker = new ProcessBuilder(ServiceProcess.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", classpath, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "kafka.Kafka", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        LocalKafka kafka = new LocalKafka(home, brokerPort, controllerPort, logDirectory, broker);
        kafka.awaitReady(readyTimeout, log);
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the broker at once with SIGKILL: no controlled shutdown; its log segments stay as they were. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the broker again on the same ports and data; this one must have ended. */
    public LocalKafka restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the Kafka broker is still running");
        }
        return start(home, brokerPort, controllerPort, logDirectory);
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue() + "; see "
                        + log);
            }
            try (Admin admin = admin(bootstrapServers())) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                TimeUnit.MILLISECONDS.sleep(300);
            }
        }
        throw new IllegalStateException("the Kafka broker was not ready within " + timeout + "; see " + log);
    }

    /** Creates the topics that do not exist yet, with 3 partitions each. */
    public static void createTopics(String bootstrapServers, List<String> topics)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    @Override
    public void close() {
        ServiceProcess.stop(process, Duration.ofSeconds(30));
    }
}
