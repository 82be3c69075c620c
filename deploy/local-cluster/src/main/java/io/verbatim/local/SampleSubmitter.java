package io.verbatim.local;

import io.verbatim.corpus.Corpus;
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

/**
 * Submits sample transcripts to ingest-service's submit API, as a user would with curl: by default two documents of
 * the corpus (the seed and a Kremlin page), or every document of a folder ({@code VERBATIM_SAMPLES_DIR}).
 */
public final class SampleSubmitter {

    /** The corpus documents submitted by default, in this order. */
    public static final List<String> SAMPLES = List.of("00-seed-pyongyang-talks.txt",
            "01-kremlin-le-pen-meeting.html");

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
            accepted += submit(file.getFileName().toString(), HttpRequest.BodyPublishers.ofFile(file));
        }
        return accepted;
    }

    /** Submits {@link #SAMPLES} from the corpus; returns how many were accepted. */
    public int submitSamples() throws IOException, InterruptedException {
        int accepted = 0;
        for (String name : SAMPLES) {
            accepted += submit(name, HttpRequest.BodyPublishers.ofByteArray(Corpus.bytes(Corpus.DOCS, name)));
        }
        return accepted;
    }

    private int submit(String fileName, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/transcripts?sourceName="
                        + URLEncoder.encode("sample:" + fileName, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType(Path.of(fileName)) + "; charset=utf-8")
                .header("X-API-Key", apiKey)
                .POST(body)
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            out.printf("  submitted %s: HTTP %d %s%n", fileName, response.statusCode(), response.body());
            return 0;
        }
        String documentId = io.verbatim.events.EventJson.mapper().readTree(response.body()).path("documentId").asText();
        out.printf("  submitted %s: accepted as document %s…%n", fileName,
                documentId.substring(0, Math.min(12, documentId.length())));
        return 1;
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
