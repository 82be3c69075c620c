package io.verbatim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.Topics;
import io.verbatim.local.ServiceProcess;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.SiteServer;
import io.verbatim.testsupport.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** ingest-service keeps its crawl state in Kafka: after a restart it publishes nothing it published before. */
class IngestRestartIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String FEED = "/events/president/news/feed";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aRestartedIngestServicePublishesNothingTwiceAndMetricsCountTheCrawl() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(ContractTopics.ALL);
        try (SiteServer site = new SiteServer("en.kremlin.ru");
                TopicReader raw = new TopicReader(broker.bootstrapServers(), Topics.TRANSCRIPTS_RAW)) {
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "VERBATIM_API_KEY", "restart-test-key",
                    "VERBATIM_INGEST_SOURCES", site.url(FEED),
                    "VERBATIM_INGEST_ALLOWED_HOSTS", "127.0.0.1",
                    "VERBATIM_INGEST_FETCH_HOST_DELAY", "20ms",
                    "VERBATIM_INGEST_FEEDS_POLL_INTERVAL", "1s");
            Path logs = Path.of("target/e2e-logs/restart");
            int port = ServiceProcess.freePort();

            try (ServiceProcess ingest = ServiceProcess.start(ROOT, "ingest-service", port, env, logs)) {
                ingest.awaitReady(Duration.ofSeconds(120));
                raw.awaitRecords(20, r -> r.value().contains(site.baseUrl()), WAIT);
                String metrics = get(ingest.baseUrl() + "/q/metrics");
                assertThat(metrics).containsPattern("verbatim_ingest_documents_total\\{[^}]*outcome=\"fetched\"[^}]*} 20\\.0");
                assertThat(metrics).contains("verbatim_ingest_bytes_total");
            }
            int feedPollsBefore = site.requestsFor(FEED).size();

            try (ServiceProcess again = ServiceProcess.start(ROOT, "ingest-service", port, env, logs)) {
                again.awaitReady(Duration.ofSeconds(120));
                Awaitility.await().atMost(WAIT).until(() -> site.requestsFor(FEED).size() >= feedPollsBefore + 2);

                assertThat(raw.readToEnd(WAIT)).filteredOn(r -> r.value().contains(site.baseUrl()))
                        .hasSize(20);
                assertThat(site.requests()).filteredOn(r -> r.path().startsWith("/events/president/news/6"))
                        .hasSize(20);
                assertThat(site.requestsFor(FEED).subList(feedPollsBefore, site.requestsFor(FEED).size()))
                        .allMatch(r -> r.status() == 304);
            }
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
