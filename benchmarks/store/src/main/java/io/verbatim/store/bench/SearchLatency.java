package io.verbatim.store.bench;

import static io.verbatim.bench.RunReport.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.bench.RunReport;
import io.verbatim.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase 2 of the store benchmark, search latency: {@code GET /api/statements?q=...&limit=20} on the stored
 * statements, sequential, a deep cursor walk, and the speaker filter.
 */
final class SearchLatency {

    static final String SECTION = "Search latency";
    /**
     * Queries, common to rare: single words, a phrase, two pairs of words that seldom meet in one statement (every
     * word of a query must match), and a word that matches nothing.
     */
    private static final List<String> QUERIES = List.of("president", "people", "economy", "vaccine",
            "\"prime minister\"", "Kalamazoo", "lipids", "Kalamazoo Pyongyang", "lipids economy", "zeppelin");

    private final RunReport report;

    SearchLatency(RunReport report) {
        this.report = report;
    }

    void run(String baseUrl, Connection db, int searches, int deepPages) throws Exception {
        long total = Sql.count(db, "select count(*) from statement");
        log("search latency on %,d statements: %d sequential requests over %d queries", total, searches,
                QUERIES.size());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Long> matches = new LinkedHashMap<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select count(*) from statement where search @@ websearch_to_tsquery('english', ?)")) {
            for (String query : QUERIES) {
                statement.setString(1, query);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    matches.put(query, rows.getLong(1));
                }
            }
        }
        // warm-up: the service's JIT, Hibernate's query plan cache, PostgreSQL's buffers
        for (int round = 0; round < 3; round++) {
            for (String query : QUERIES) {
                get(client, searchUrl(baseUrl, query, null));
            }
        }
        Map<String, Latencies> byQuery = new LinkedHashMap<>();
        QUERIES.forEach(q -> byQuery.put(q, new Latencies()));
        Latencies all = new Latencies();
        for (int i = 0; i < searches; i++) {
            String query = QUERIES.get(i % QUERIES.size());
            long start = System.nanoTime();
            get(client, searchUrl(baseUrl, query, null));
            long elapsed = System.nanoTime() - start;
            byQuery.get(query).add(elapsed);
            all.add(elapsed);
        }
        report.put(SECTION, "search: " + all.count() + " × GET /api/statements?q=…&limit=20 over " + total
                + " statements", all.summary());
        byQuery.forEach((query, latencies) -> report.put(SECTION, "  q=" + query + " (" + String.format("%,d",
                matches.get(query)) + " matches)", String.format("p50 %.1f  max %.1f ms", latencies.percentile(50),
                latencies.max())));

        // the cursor walk: one common word, page after page
        String deepQuery = QUERIES.get(0);
        Latencies pages = new Latencies();
        Set<String> seen = new HashSet<>();
        int rows = 0;
        int duplicates = 0;
        String cursor = null;
        while (pages.count() < deepPages) {
            long start = System.nanoTime();
            JsonNode page = get(client, searchUrl(baseUrl, deepQuery, cursor));
            pages.add(System.nanoTime() - start);
            for (JsonNode item : page.path("items")) {
                rows++;
                if (!seen.add(item.path("statementId").asText())) {
                    duplicates++;
                }
            }
            JsonNode next = page.path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                break;
            }
            cursor = next.asText();
        }
        report.put(SECTION, String.format("search: cursor walk q=%s, %d pages of 20 (%,d rows, %d repeated)", deepQuery,
                pages.count(), rows, duplicates), String.format("%s; page 1 %.1f, last page %.1f ms", pages.summary(),
                pages.first(), pages.last()));
        if (duplicates > 0) {
            report.note("The cursor walk saw " + duplicates + " statements twice.");
        }

        Latencies speakers = new Latencies();
        String speakerUrl = baseUrl + "/api/statements?limit=20&speaker="
                + URLEncoder.encode("Vladimir Putin", StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            get(client, speakerUrl);
        }
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            get(client, speakerUrl);
            speakers.add(System.nanoTime() - start);
        }
        report.put(SECTION, "speaker filter: 50 × GET /api/statements?speaker=Vladimir%20Putin&limit=20", speakers.summary());
        log("search done");
    }

    private static String searchUrl(String baseUrl, String query, String cursor) {
        return baseUrl + "/api/statements?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }

    private static JsonNode get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return EventJson.mapper().readTree(response.body());
    }
}
