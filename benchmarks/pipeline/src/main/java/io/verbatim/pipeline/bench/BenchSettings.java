package io.verbatim.pipeline.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one run. Each is {@code --name=value} on the command line, else the system property
 * {@code pipelinebench.name}, else its default; {@link #usage()} lists them all.
 */
final class BenchSettings {

    /** Name, default and meaning of every setting, in the order {@code --help} prints them. */
    private static final String[][] KNOWN = {
            {"root", ".", "repository root: the services' target/quarkus-app and the corpus are read there"},
            {"data", "<root>/benchmarks/pipeline/target/bench-data", "broker, database and logs; emptied first"},
            {"documents", "3000", "saturation: distinct corpus variants submitted as fast as the cluster takes them"},
            {"concurrency", "16", "saturation: submit requests in flight at most"},
            {"latency-seconds", "60", "latency: how long the fixed-rate schedule runs"},
            {"latency-fraction", "0.5", "latency: the rate as a fraction of the measured saturation documents/s"},
            {"starts", "3", "start-up: timed starts of each service (the median is reported)"},
            {"perf-records", "10000", "raw Kafka: records the producer perf test writes and the consumer reads"},
            {"phases", "startup,saturation,latency,kafka", "which phases run (the latency phase needs saturation)"},
            {"jfr", "false", "true: JFR profile of each service during the saturation run, hot methods printed"},
            {"timeout-seconds", "600", "give up waiting for the pipeline to deliver after this (per phase)"},
    };

    private final Map<String, String> given = new LinkedHashMap<>();

    BenchSettings(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                given.put("help", "true");
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                String name = arg.substring(2, arg.indexOf('='));
                if (defaultOf(name) == null) {
                    throw new IllegalArgumentException("unknown setting --" + name + " (try --help)");
                }
                given.put(name, arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("expected --name=value, got " + arg + " (try --help)");
            }
        }
    }

    boolean help() {
        return given.containsKey("help");
    }

    private static String defaultOf(String name) {
        for (String[] known : KNOWN) {
            if (known[0].equals(name)) {
                return known[1];
            }
        }
        return null;
    }

    private String value(String name) {
        String value = given.getOrDefault(name, System.getProperty("pipelinebench." + name));
        return value == null || value.isBlank() ? defaultOf(name) : value.strip();
    }

    Path root() {
        return Path.of(value("root")).toAbsolutePath().normalize();
    }

    Path data() {
        String data = value("data");
        return data.startsWith("<root>") ? root().resolve(data.substring("<root>/".length()))
                : Path.of(data).toAbsolutePath().normalize();
    }

    int count(String name) {
        return Integer.parseInt(value(name).replace("_", "").replace(",", ""));
    }

    double fraction(String name) {
        return Double.parseDouble(value(name));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(value(name));
    }

    Set<String> phases() {
        return Set.of(value("phases").split("\\s*,\\s*"));
    }

    /** The settings in effect, for the report. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (String[] known : KNOWN) {
            if (!known[0].equals("root") && !known[0].equals("data")) {
                text.append(text.isEmpty() ? "" : " ").append("--").append(known[0]).append('=').append(value(known[0]));
            }
        }
        return text.toString();
    }

    static String usage() {
        StringBuilder text = new StringBuilder("java -jar benchmarks/pipeline/target/pipeline-benchmarks.jar "
                + "[--name=value ...]   (from the repository root)\n\n");
        for (String[] known : KNOWN) {
            text.append(String.format("  --%s=%s%n        %s%n", known[0], known[1], known[2]));
        }
        text.append("\nEach may also be given as a system property, e.g. -Dpipelinebench.documents=1000.\n"
                + "The services' JVM options come from VERBATIM_SERVICE_JAVA_OPTS, as for ./run-local.sh.\n");
        return text.toString();
    }
}
