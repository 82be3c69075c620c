package io.verbatim.local;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Posts corpus variants to ingest-service's submit API, with the source address as {@code sourceUrl}. */
public final class VariantSubmitter {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String apiKey;
    private final String sourceName;

    public VariantSubmitter(String ingestUrl, String apiKey, String sourceName) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
        this.sourceName = sourceName;
    }

    /** Sends one variant; the answer is 202 with the ids, or a problem. Connection failures complete exceptionally. */
    public CompletableFuture<HttpResponse<String>> submit(CorpusVariants.Variant variant) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/transcripts?sourceName="
                        + URLEncoder.encode(sourceName, StandardCharsets.UTF_8) + "&sourceUrl="
                        + URLEncoder.encode(variant.sourceUrl(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", variant.contentType() + "; charset=utf-8")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(variant.body()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
