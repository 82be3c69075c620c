package io.verbatim.local;

import io.verbatim.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as running processes: a Kafka broker ({@link LocalKafka}) and PostgreSQL ({@link LocalPostgres}) as
 * child processes (unless external ones are given), the topics, then ingest-, parse- and store-service from their
 * packaged jars ({@link ServiceProcess}); {@link #close} stops them all. It talks to no user: the run command
 * ({@link RunLocalCommand}), the chaos harness and the end-to-end benchmark all start the cluster through it; the
 * last two also kill and restart its parts ({@link #replace}). With {@code replicas} above 1 each service runs as that
 * many processes on ports of their own, each with an instance id of its own (its Kafka transactional id).
 */
public final class ClusterProcesses implements AutoCloseable {

    public static final String INGEST = "ingest-service";
    public static final String PARSE = "parse-service";
    public static final String STORE = "store-service";
    public static final String NOTIFY = "notify-service";

    /** The topics of the contract, created with 3 partitions when missing. */
    public static final List<String> TOPICS = List.of(Topics.TRANSCRIPTS_RAW, Topics.TRANSCRIPTS_RAW_DLQ,
            Topics.TRANSCRIPTS_PARSED, Topics.TRANSCRIPTS_PARSED_DLQ, Topics.STATEMENTS_NEW,
            Topics.NOTIFY_DELIVERIES_DLQ);

    /**
     * Where and how to start. A port of 0 takes a free one. {@code externalBootstrap} and {@code externalJdbcUrl}
     * (with user and password in {@code serviceEnvironment}) replace the local broker or database when set. The ports
     * are those of each service's first replica; the others take free ones. A negative {@code notifyPort} leaves
     * notify-service out (the chaos harness and the pipeline benchmark); it runs as one process whatever
     * {@code replicas} says.
     */
    public record Settings(Path root, Path data, int kafkaPort, int kafkaControllerPort, int postgresPort,
            int ingestPort, int parsePort, int storePort, int notifyPort, String apiKey, String externalBootstrap,
            String externalJdbcUrl, Map<String, Map<String, String>> serviceEnvironment, int replicas) {

        public Settings {
            if (replicas < 1) {
                throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
            }
        }

        /** Everything local on free ports, without notify-service, with extra environment per service name. */
        public static Settings local(Path root, Path data, String apiKey,
                Map<String, Map<String, String>> serviceEnvironment) {
            return new Settings(root, data, 0, 0, 0, 0, 0, 0, -1, apiKey, null, null, serviceEnvironment, 1);
        }

        /** The same with {@code replicas} processes of each service. */
        public Settings withReplicas(int replicas) {
            return new Settings(root, data, kafkaPort, kafkaControllerPort, postgresPort, ingestPort, parsePort,
                    storePort, notifyPort, apiKey, externalBootstrap, externalJdbcUrl, serviceEnvironment, replicas);
        }
    }

    private final Settings settings;
    private final Path logs;
    private final PrintStream out;
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private String bootstrapServers;
    private String jdbcUrl;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private ClusterProcesses(Settings settings, PrintStream out) {
        this.settings = settings;
        this.logs = settings.data().resolve("logs");
        this.out = out;
    }

    /** Starts everything and waits until every service is ready; stops what it started if that fails. */
    public static ClusterProcesses start(Settings settings, PrintStream out) throws Exception {
        ClusterProcesses cluster = new ClusterProcesses(settings, out);
        try {
            cluster.startAll();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(logs);
        bootstrapServers = settings.externalBootstrap();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            out.println("- starting Kafka (KRaft, one node)");
            kafka = LocalKafka.start(settings.data().resolve("kafka"), port(settings.kafkaPort()),
                    port(settings.kafkaControllerPort()), logs);
            bootstrapServers = kafka.bootstrapServers();
        }
        out.println("  Kafka at " + bootstrapServers);
        LocalKafka.createTopics(bootstrapServers, TOPICS);

        Map<String, String> database = new HashMap<>();
        jdbcUrl = settings.externalJdbcUrl();
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            out.println("- starting PostgreSQL");
            postgres = LocalPostgres.start(settings.data().resolve("postgres"), port(settings.postgresPort()), logs);
            jdbcUrl = postgres.jdbcUrl();
            database.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USERNAME);
            database.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        }
        database.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        out.println("  PostgreSQL at " + jdbcUrl);

        Map<String, String> ingestEnv = new HashMap<>();
        ingestEnv.put("VERBATIM_API_KEY", settings.apiKey());
        ingestEnv.put("VERBATIM_INGEST_INBOX_DIRECTORY", settings.data().resolve("inbox").toString());
        out.println("- starting ingest-service, parse-service, store-service"
                + (settings.replicas() > 1 ? ", " + settings.replicas() + " replicas of each" : ""));
        for (int replica = 1; replica <= settings.replicas(); replica++) {
            startService(INGEST, replica, replica == 1 ? settings.ingestPort() : 0, ingestEnv);
            startService(PARSE, replica, replica == 1 ? settings.parsePort() : 0, Map.of());
            startService(STORE, replica, replica == 1 ? settings.storePort() : 0, database);
        }
        if (settings.notifyPort() >= 0) {
            Map<String, String> notifyEnv = new HashMap<>(database);
            notifyEnv.put("VERBATIM_NOTIFY_API_KEY", settings.apiKey());
            notifyEnv.put("VERBATIM_NOTIFY_STORE_PUBLIC_URL", "http://localhost:" + service(STORE).port());
            out.println("- starting notify-service");
            startService(NOTIFY, 1, settings.notifyPort(), notifyEnv);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(180));
            out.println("  " + service.id() + " ready at " + service.baseUrl());
        }
    }

    private void startService(String name, int replica, int port, Map<String, String> own) throws IOException {
        Map<String, String> environment = new HashMap<>(own);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        // one instance id per replica: a restarted replica takes over its predecessor's Kafka transactional id,
        // two running replicas never share one; the data folder tells clusters sharing one external broker apart
        String instance = "local-" + io.verbatim.events.Sha256.hex(settings.data().toAbsolutePath().toString())
                .substring(0, 12);
        environment.put("VERBATIM_INSTANCE_ID", replica == 1 ? instance : instance + "-" + replica);
        environment.putAll(settings.serviceEnvironment().getOrDefault(name, Map.of()));
        ServiceProcess service = ServiceProcess.start(settings.root(), name, replica, port(port), environment, logs);
        services.put(service.id(), service);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path logs() {
        return logs;
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /** The local broker, or null when an external one is used. */
    public LocalKafka kafka() {
        return kafka;
    }

    /** The local database server, or null when an external one is used. */
    public LocalPostgres postgres() {
        return postgres;
    }

    /** The first replica of service {@code name}, or the process with that {@link ServiceProcess#id()}. */
    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    /** Every replica of service {@code name}, first to last. */
    public List<ServiceProcess> replicas(String name) {
        return services.values().stream().filter(s -> s.name().equals(name)).toList();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** Records a restarted service in place of the one it replaces, so that {@link #close} stops the new one. */
    public void replace(ServiceProcess restarted) {
        service(restarted.id());
        services.put(restarted.id(), restarted);
    }

    /** Records a restarted broker. */
    public void replace(LocalKafka restarted) {
        kafka = restarted;
    }

    /** Records a restarted database server. */
    public void replace(LocalPostgres restarted) {
        postgres = restarted;
    }

    /** Stops the services (SIGTERM, then SIGKILL after a grace period), then the database and the broker. */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        for (ServiceProcess service : running) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** {@code requested}, or a free port when it is 0. */
    static int port(int requested) throws IOException {
        return requested != 0 ? requested : ServiceProcess.freePort();
    }
}
