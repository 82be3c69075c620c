package io.verbatim.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One chaos run: how many corpus documents to feed and how fast, how often each service is killed, how many poison
 * records of each kind go in, and the limits the audit holds the cluster to.
 *
 * @param root             the checkout (service jars and the corpus are found below it)
 * @param data             a fresh folder for the broker's and the database's data and the logs
 * @param documents        distinct corpus documents fed through the submit API
 * @param feedRate         documents per second the feeder submits at (the faults happen while it feeds)
 * @param killsPerService  kill -9 and restart of each service
 * @param brokerRestarts   kill -9 and restart of the Kafka broker
 * @param databaseRestarts immediate stop and restart of PostgreSQL
 * @param poisonPerKind    poison records of each kind ({@link PoisonRecords.Kind})
 * @param seed             seeds the fault order, the moments and the pauses
 * @param readinessLimit   every service must be ready again this soon after each restart
 * @param drainTimeout     how long the pipeline may take to catch up after the last fault before it counts as stuck
 */
public record ChaosSettings(Path root, Path data, int documents, double feedRate, int killsPerService,
        int brokerRestarts, int databaseRestarts, int poisonPerKind, long seed, Duration readinessLimit,
        Duration drainTimeout) {

    /** The run the issue asks for: 2,000 documents, three kills per service, one broker and one database restart. */
    public static ChaosSettings full(Path root, Path data) {
        return new ChaosSettings(root, data, 2000, 15, 3, 1, 1, 3, 20261129L, Duration.ofSeconds(30),
                Duration.ofMinutes(5));
    }

    /**
     * Reads {@code --name=value} arguments over {@link #full}: documents, feed-rate, kills-per-service,
     * broker-restarts, database-restarts, poison-per-kind, seed, data.
     */
    public static ChaosSettings fromArguments(Path root, Path defaultData, String... arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + argument);
            }
            int equals = argument.indexOf('=');
            values.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        ChaosSettings full = full(root, defaultData);
        ChaosSettings settings = new ChaosSettings(root,
                values.containsKey("data") ? Path.of(values.remove("data")).toAbsolutePath() : defaultData,
                intValue(values, "documents", full.documents()),
                Double.parseDouble(values.getOrDefault("feed-rate", Double.toString(full.feedRate()))),
                intValue(values, "kills-per-service", full.killsPerService()),
                intValue(values, "broker-restarts", full.brokerRestarts()),
                intValue(values, "database-restarts", full.databaseRestarts()),
                intValue(values, "poison-per-kind", full.poisonPerKind()),
                Long.parseLong(values.getOrDefault("seed", Long.toString(full.seed()))),
                full.readinessLimit(), full.drainTimeout());
        values.keySet().removeAll(java.util.List.of("feed-rate", "seed"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown settings " + values.keySet());
        }
        return settings;
    }

    private static int intValue(Map<String, String> values, String name, int fallback) {
        String value = values.remove(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    public int poisonRecords() {
        return poisonPerKind * PoisonRecords.Kind.values().length;
    }
}
