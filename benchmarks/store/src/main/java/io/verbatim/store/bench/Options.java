package io.verbatim.store.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings of one run: {@code --name=value} on the command line, else the system property {@code storebench.name},
 * else the default.
 */
final class Options {

    private final Map<String, String> arguments = new HashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                arguments.put("help", "true");
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg + " (try --help)");
            }
            int eq = arg.indexOf('=');
            arguments.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    String text(String name, String fallback) {
        String value = arguments.get(name);
        if (value == null) {
            value = System.getProperty("storebench." + name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", "").replace(",", ""));
    }

    long number(String name, long fallback) {
        return Long.parseLong(text(name, Long.toString(fallback)).replace("_", "").replace(",", ""));
    }

    Duration duration(String name, Duration fallback) {
        return Duration.parse(text(name, fallback.toString()));
    }

    boolean help() {
        return arguments.containsKey("help");
    }

    static final String USAGE = """
            java -jar benchmarks/store/target/store-benchmarks.jar [--name=value ...]   (from the repository root)

              --root=.                  repository root: store-service/target/quarkus-app is read there
              --documents=2000          transcripts written to transcripts.parsed and timed
              --statements=50           statements per transcript
              --warmup-documents=20     stored (and not timed) before the measured load
              --seed=42                 the text generator's seed
              --load-timeout=PT10M      give up waiting for the consumer after this (and report what was stored)
              --searches=200            sequential timed GET /api/statements?q=...&limit=20
              --deep-pages=200          pages of the cursor walk (limit=20 each) on the commonest query word
              --quote-checks=300        POST /api/quotes/check requests, sequential (a third each: verbatim, a word dropped, spliced)
              --fill-to=0               before the quote checks, COPY further generated statements straight into the
                                        statement table until it holds this many (0: only what the service stored)
              --trigram-index=false     true: create a GIN trigram index on statement.text before the load (its storing cost)
              --copy-runs=3             timed runs of each COPY variant (the summary gives their mean and each)
              --logs=<root>/benchmarks/store/target/bench-logs   store-service's log file goes there
            Each option may also be given as a system property: -Dstorebench.documents=500
            """;
}
