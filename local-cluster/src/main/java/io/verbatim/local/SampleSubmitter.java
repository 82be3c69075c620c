package io.verbatim.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Submits the bundled sample transcripts to ingest-service's submit API, as a user would with curl. */
public final class SampleSubmitter {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String apiKey;
    private final PrintStream out;

    public SampleSubmitter(String ingestUrl, String apiKey, PrintStream out) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
        this.out = out;
    }

    /**
     * Submits every .txt, .md and .html file of the folder in name order, except the folder's own notes
     * ({@code README.md}, {@code SOURCES.md}); returns how many were accepted.
     */
    public int submitAll(Path folder) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(p -> contentType(p) != null)
                    .filter(p -> !List.of("README.md", "SOURCES.md").contains(p.getFileName().toString()))
                    .sorted().toList();
        }
        int accepted = 0;
        for (Path file : files) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/transcripts?sourceName="
                            + URLEncoder.encode("sample:" + file.getFileName(), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", contentType(file) + "; charset=utf-8")
                    .header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                String documentId = io.verbatim.events.EventJson.mapper().readTree(response.body())
                        .path("documentId").asText();
                out.printf("  submitted %s: accepted as document %s…%n", file.getFileName(),
                        documentId.substring(0, Math.min(12, documentId.length())));
                accepted++;
            } else {
                out.printf("  submitted %s: HTTP %d %s%n", file.getFileName(), response.statusCode(), response.body());
            }
        }
        return accepted;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return "text/plain";
        }
        if (name.endsWith(".md")) {
            return "text/markdown";
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        return null;
    }
}
