package io.verbatim.parse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the parser-versus-bare-jsoup table from a JMH JSON result file
 * ({@code java -jar benchmarks.jar -rf json -rff result.json}):
 *
 * <pre>java -cp parse-benchmarks/target/benchmarks.jar io.verbatim.parse.bench.BenchmarkReport [--min] result.json</pre>
 *
 * <p>By default each cell is JMH's mean over the measurement iterations. With {@code --min} it is the fastest
 * iteration instead, which is the steadier figure when other work shares the machine (a busy build machine only ever
 * makes an iteration slower).
 *
 * One row per gold document ({@link DocumentBenchmark}), one row for the average unlabelled page
 * ({@link UnlabelledCorpusBenchmark}), then the totals: gold documents, the 40 unlabelled pages and the whole corpus.
 */
public final class BenchmarkReport {

    /** The budget: the parser may cost at most this many bare jsoup parses of the same bytes. */
    static final double MAX_RATIO = 2.0;

    private static final String DOCUMENT = DocumentBenchmark.class.getName();
    private static final String UNLABELLED = UnlabelledCorpusBenchmark.class.getName();
    private static final String UNLABELLED_ROW = "unlabelled/*.html (average page)";

    private BenchmarkReport() {
    }

    /** A mean time in µs and its 99.9 % confidence half-width as JMH reports it. */
    record Score(double micros, double error) {
        Score plus(Score other) {
            return new Score(micros + other.micros, error + other.error);
        }

        Score times(int n) {
            return new Score(micros * n, error * n);
        }
    }

    /** The parser's and jsoup's score for one row. */
    static final class Row {
        Score parser;
        Score jsoup;
        String size = "";
    }

    public static void main(String[] args) throws IOException {
        boolean fastest = args.length == 2 && args[0].equals("--min");
        if (args.length != 1 && !fastest) {
            System.err.println("usage: BenchmarkReport [--min] <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[args.length - 1]).toFile());
        print(results, fastest, System.out);
    }

    static void print(JsonNode results, boolean fastest, PrintStream out) {
        out.println(fastest ? "fastest measurement iteration of each benchmark:"
                : "mean of the measurement iterations, ± JMH's 99.9 % confidence half-width:");
        Map<String, Row> documents = new LinkedHashMap<>();
        Row unlabelled = null;
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            int dot = benchmark.lastIndexOf('.');
            String owner = benchmark.substring(0, dot);
            String method = benchmark.substring(dot + 1);
            Score score = score(result.path("primaryMetric"), fastest);
            Row row;
            if (owner.equals(DOCUMENT)) {
                String document = result.path("params").path("document").asText();
                row = documents.computeIfAbsent(document, d -> new Row());
                row.size = sizeOf(document);
            } else if (owner.equals(UNLABELLED)) {
                unlabelled = unlabelled == null ? new Row() : unlabelled;
                row = unlabelled;
            } else {
                continue;
            }
            switch (method) {
                case "parser" -> row.parser = score;
                case "jsoup" -> row.jsoup = score;
                default -> {
                }
            }
        }

        String format = "%-44s %8s %20s %20s %7s%n";
        out.printf(format, "document", "size", "parser µs/doc", "bare jsoup µs/doc", "ratio");
        out.println("-".repeat(44 + 1 + 8 + 1 + 20 + 1 + 20 + 1 + 7));
        List<Row> complete = new ArrayList<>();
        for (Map.Entry<String, Row> e : documents.entrySet()) {
            printRow(out, format, e.getKey(), e.getValue());
            if (e.getValue().parser != null && e.getValue().jsoup != null) {
                complete.add(e.getValue());
            }
        }
        if (unlabelled != null) {
            unlabelled.size = averageSize();
            printRow(out, format, UNLABELLED_ROW, unlabelled);
        }
        out.println("-".repeat(44 + 1 + 8 + 1 + 20 + 1 + 20 + 1 + 7));

        Row gold = sum(complete);
        if (gold != null) {
            printRow(out, format, "total, " + complete.size() + " gold documents", gold);
        }
        Row pages = null;
        if (unlabelled != null && unlabelled.parser != null && unlabelled.jsoup != null) {
            pages = new Row();
            pages.parser = unlabelled.parser.times(UnlabelledCorpusBenchmark.PAGES);
            pages.jsoup = unlabelled.jsoup.times(UnlabelledCorpusBenchmark.PAGES);
            printRow(out, format, "total, " + UnlabelledCorpusBenchmark.PAGES + " unlabelled pages", pages);
        }
        Row whole = gold == null ? pages : pages == null ? gold : sum(List.of(gold, pages));
        if (whole != null) {
            int count = complete.size() + (pages == null ? 0 : UnlabelledCorpusBenchmark.PAGES);
            printRow(out, format, "total, whole corpus (" + count + " documents)", whole);
            double ratio = whole.parser.micros / whole.jsoup.micros;
            out.printf(Locale.ROOT, "%nparser / bare jsoup over the corpus: %.2f× (budget %.1f×): %s%n", ratio,
                    MAX_RATIO, ratio <= MAX_RATIO ? "within budget"
                            : String.format(Locale.ROOT, "OVER budget by %.0f %%", (ratio / MAX_RATIO - 1) * 100));
        }
        if (!fastest) {
            out.println("(totals add the half-widths)");
        }
    }

    private static void printRow(PrintStream out, String format, String name, Row row) {
        out.printf(Locale.ROOT, format, name, row.size, show(row.parser), show(row.jsoup),
                row.parser == null || row.jsoup == null ? "" :
                        String.format(Locale.ROOT, "%.2f×", row.parser.micros / row.jsoup.micros));
    }

    private static String show(Score score) {
        if (score == null) {
            return "—";
        }
        return Double.isNaN(score.error)
                ? String.format(Locale.ROOT, "%.1f", score.micros)
                : String.format(Locale.ROOT, "%.1f ± %.1f", score.micros, score.error);
    }

    private static Row sum(List<Row> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Row total = new Row();
        total.parser = new Score(0, 0);
        total.jsoup = new Score(0, 0);
        for (Row row : rows) {
            total.parser = total.parser.plus(row.parser);
            total.jsoup = total.jsoup.plus(row.jsoup);
        }
        return total;
    }

    private static Score score(JsonNode metric, boolean fastest) {
        double factor = switch (metric.path("scoreUnit").asText("us/op")) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            default -> throw new IllegalArgumentException("unexpected unit " + metric.path("scoreUnit").asText()
                    + "; run in AverageTime mode");
        };
        if (fastest) {
            double min = Double.POSITIVE_INFINITY;
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    min = Math.min(min, iteration.asDouble());
                }
            }
            return new Score(min * factor, Double.NaN);
        }
        JsonNode error = metric.path("scoreError");
        double err = error.isNumber() ? error.asDouble() : Double.NaN; // "NaN" (a string) with a single iteration
        return new Score(metric.path("score").asDouble() * factor, err * factor);
    }

    private static String sizeOf(String document) {
        try {
            return kib(CorpusFiles.docSize(document));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String averageSize() {
        try {
            List<String> pages = CorpusFiles.unlabelledPages();
            long total = 0;
            for (String page : pages) {
                total += CorpusFiles.unlabelledSize(page);
            }
            return kib(total / pages.size());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
