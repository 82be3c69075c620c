package io.verbatim.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the three Verbatim services, run from its packaged {@code quarkus-run.jar} as a child process with its
 * own environment and a log file of its own.
 */
public final class ServiceProcess implements AutoCloseable {

    /** JVM options for a service when {@code VERBATIM_SERVICE_JAVA_OPTS} is not set: small and quick to start. */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Path root;
    private final String name;
    private final int replica;
    private final int port;
    private final Map<String, String> environment;
    private final Path logDirectory;
    private final Process process;
    private final Path log;

    private ServiceProcess(Path root, String name, int replica, int port, Map<String, String> environment,
            Path logDirectory, Process process, Path log) {
        this.root = root;
        this.name = name;
        this.replica = replica;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logDirectory = logDirectory;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} on {@code port}, with {@code environment}
     * added to this process's environment, logging to {@code <logDirectory>/<name>.log}.
     */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> environment,
            Path logDirectory) throws IOException {
        return start(root, name, 1, port, environment, logDirectory);
    }

    /**
     * Starts replica {@code replica} (1, 2, …) of the service: as {@link #start(Path, String, int, Map, Path)}, the
     * log of replicas after the first being {@code <name>-<replica>.log}.
     */
    public static ServiceProcess start(Path root, String name, int replica, int port,
            Map<String, String> environment, Path logDirectory) throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests package)");
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(id(name, replica) + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaOptions());
        command.addAll(List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(root, name, replica, port, environment, logDirectory, builder.start(), log);
    }

    /** {@code VERBATIM_SERVICE_JAVA_OPTS} split on white space, else {@link #DEFAULT_JAVA_OPTIONS}. */
    public static List<String> javaOptions() {
        String configured = System.getenv("VERBATIM_SERVICE_JAVA_OPTS");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_JAVA_OPTIONS;
        }
        return List.of(configured.strip().split("\\s+"));
    }

    /** Starts the same service again, on the same port with the same environment; this one must have ended. */
    public ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return start(root, name, replica, port, environment, logDirectory);
    }

    /** Ends the process at once with SIGKILL, as a crash would: no shutdown hook, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** A port nothing listens on right now, for a service or a test server. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String name() {
        return name;
    }

    /** Which replica of its service this is, from 1. */
    public int replica() {
        return replica;
    }

    /** The service's name for its first replica, {@code <name>-<replica>} for the others. */
    public String id() {
        return id(name, replica);
    }

    static String id(String name, int replica) {
        return replica == 1 ? name : name + "-" + replica;
    }

    /**
     * Asks the process to stop (SIGTERM) and waits until it has ended, forcing it after {@code grace}; returns
     * whether it ended by itself. {@link #restart} starts it again.
     */
    public boolean stopGracefully(Duration grace) throws InterruptedException {
        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor();
        return false;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(id() + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(id() + " was not ready within " + timeout + "; see " + log);
    }

    /** Asks the service to stop (SIGTERM, Quarkus shuts down gracefully), then forces it after a grace period. */
    @Override
    public void close() {
        stop(process, Duration.ofSeconds(20));
    }

    /** Sends SIGTERM, waits up to {@code grace} for a clean exit, then kills the process. */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
