package io.verbatim.store.bench;

import static io.verbatim.bench.RunReport.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.bench.RunReport;
import io.verbatim.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Phase 3 of the store benchmark (issue 15), the quote check: sequential {@code POST /api/quotes/check} on the
 * stored statements, with quotes cut from the corpus paragraphs the statements were built from (seeded): a fragment
 * as said, the same with a word dropped, and a splice of two paragraphs' halves that nobody said.
 */
final class QuoteCheckLatency {

    static final String SECTION = "Quote check latency";
    private static final List<String> KINDS = List.of("verbatim fragment", "a word dropped", "spliced (never said)");

    private final RunReport report;

    QuoteCheckLatency(RunReport report) {
        this.report = report;
    }

    void run(String baseUrl, Connection db, List<String> paragraphs, int checks, long seed) throws Exception {
        long total = Sql.count(db, "select count(*) from statement");
        log("quote check latency on %,d statements: %d sequential requests", total, checks);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String quote = quote(paragraphs, i % KINDS.size(), random);
            if (post(client, baseUrl, quote) == null) {
                failures.add("(warm-up) " + quote);
            }
        }
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k, new Latencies()));
        Latencies all = new Latencies();
        int verbatimFoundWhole = 0;
        int verbatimChecks = 0;
        for (int i = 0; i < checks; i++) {
            int kind = i % KINDS.size();
            String quote = quote(paragraphs, kind, random);
            long start = System.nanoTime();
            JsonNode answer = post(client, baseUrl, quote);
            long elapsed = System.nanoTime() - start;
            if (answer == null) {
                failures.add(quote);
                continue;
            }
            all.add(elapsed);
            byKind.get(KINDS.get(kind)).add(elapsed);
            if (kind == 0) {
                verbatimChecks++;
                if (answer.path("matches").path(0).path("score").asDouble() == 1.0) {
                    verbatimFoundWhole++;
                }
            }
        }
        report.put(SECTION, "quote check: " + all.count() + " × POST /api/quotes/check over " + total
                + " statements", all.summary());
        byKind.forEach((kind, latencies) -> report.put(SECTION, "  " + kind, String.format("p50 %.1f  p95 %.1f  max %.1f ms",
                latencies.percentile(50), latencies.percentile(95), latencies.max())));
        report.put(SECTION, "verbatim fragments answered with score 1.0", verbatimFoundWhole + " of " + verbatimChecks);
        report.put(SECTION, "not answered (503 after the statement timeout, or another error; not in the times)",
                Integer.toString(failures.size()));
        for (int i = 0; i < Math.min(5, failures.size()); i++) {
            report.put(SECTION, "  not answered, " + (i + 1), failures.get(i));
        }
        log("quote check done");
    }

    /** A quote of 12–25 words: kind 0 as said, 1 with a word dropped, 2 two paragraphs' halves spliced. */
    static String quote(List<String> paragraphs, int kind, Random random) {
        List<String> words = fragment(paragraphs.get(random.nextInt(paragraphs.size())), random);
        if (kind == 1 && words.size() > 3) {
            words.remove(1 + random.nextInt(words.size() - 2));
        } else if (kind == 2) {
            List<String> other = fragment(paragraphs.get(random.nextInt(paragraphs.size())), random);
            List<String> spliced = new ArrayList<>(words.subList(0, words.size() / 2));
            spliced.addAll(other.subList(other.size() / 2, other.size()));
            words = spliced;
        }
        return String.join(" ", words);
    }

    private static List<String> fragment(String paragraph, Random random) {
        String[] all = paragraph.strip().split("\\s+");
        int length = Math.min(all.length, 12 + random.nextInt(14));
        int start = random.nextInt(all.length - length + 1);
        return new ArrayList<>(List.of(all).subList(start, start + length));
    }

    private static JsonNode post(HttpClient client, String baseUrl, String quote) throws Exception {
        String body = EventJson.mapper().writeValueAsString(Map.of("quote", quote, "limit", 5));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/quotes/check"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            log("POST /api/quotes/check answered %d: %s", response.statusCode(), response.body());
            return null;
        }
        return EventJson.mapper().readTree(response.body());
    }
}
