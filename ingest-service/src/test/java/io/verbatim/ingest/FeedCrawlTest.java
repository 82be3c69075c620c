package io.verbatim.ingest;

import static io.verbatim.ingest.IngestFlowTest.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.SiteServer;
import io.verbatim.testsupport.TopicReader;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feed polling against a local copy of the real Kremlin site slice (feed, 20 pages, robots.txt). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FeedCrawlTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String FEED = "/events/president/news/feed";

    private SiteServer site;
    private TopicReader raw;
    private String sourceId;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void start() {
        site = new SiteServer("en.kremlin.ru");
        raw = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSCRIPTS_RAW);
        Awaitility.await().atMost(WAIT).until(() -> api().get("/api/sources").statusCode() == 200);
    }

    @AfterEach
    void stop() {
        if (sourceId != null) {
            api().delete("/api/sources/" + sourceId);
        }
        raw.close();
        site.close();
    }

    @Test
    void theFeedsTwentyEntriesBecomeTwentyDocumentsAndLaterPollsPublishNoneAgain() {
        sourceId = addSource(site.url(FEED));

        List<ConsumerRecord<String, String>> records = raw.awaitRecords(20, this::fromThisSite, WAIT);

        assertThat(records).hasSize(20);
        Set<String> urls = records.stream().map(r -> EventJson.read(r.value(), TranscriptFetched.class).sourceUrl())
                .collect(Collectors.toSet());
        assertThat(urls).hasSize(20).allMatch(u -> u.startsWith(site.url("/events/president/news/")));
        TranscriptFetched first = EventJson.read(records.get(0).value(), TranscriptFetched.class);
        assertThat(first.documentId()).isEqualTo(Sha256.hex(first.sourceUrl()));
        assertThat(first.contentType()).isEqualTo("text/html");
        assertThat(first.sourceName()).isEqualTo("Website of the President of Russia: President: News");

        Awaitility.await().atMost(WAIT).until(() -> site.requestsFor(FEED).stream()
                .filter(r -> r.status() == 304).count() >= 2);
        assertThat(raw.readToEnd(WAIT)).filteredOn(this::fromThisSite).hasSize(20);
        assertThat(site.requests()).filteredOn(r -> r.path().startsWith("/events/president/news/6"))
                .allMatch(r -> r.status() == 200).hasSize(20);
    }

    @Test
    void aServerIgnoringConditionalRequestsIsCaughtByTheContentHash() {
        site.ignoreConditionalRequests();
        sourceId = addSource(site.url(FEED));
        raw.awaitRecords(20, this::fromThisSite, WAIT);

        Awaitility.await().atMost(WAIT).until(() -> site.requests().stream()
                .filter(r -> r.path().startsWith("/events/president/news/6") && r.conditional()).count() >= 20);
        // each refetched page is counted not_modified once its hash matched, after the decision not to publish
        Awaitility.await().atMost(WAIT).until(() -> notModified(sourceId) >= 20);

        assertThat(raw.readToEnd(WAIT)).filteredOn(this::fromThisSite).hasSize(20);
    }

    @Test
    void aPageDisallowedByRobotsTxtIsNeverFetched() {
        String disallowed = site.url("/events/president/news/copy/63953");

        api().contentType("application/json").body(Map.of("url", disallowed)).post("/api/pages")
                .then().statusCode(202);

        Awaitility.await().atMost(WAIT).until(() -> !site.requestsFor("/robots.txt").isEmpty());
        Awaitility.await().atMost(WAIT).until(() -> "refused".equals(pageStatus(disallowed)));
        assertThat(site.requestsFor("/events/president/news/copy/63953")).isEmpty();
    }

    @Test
    void a429WithRetryAfterDelaysTheNextRequestToThatHost() {
        String path = "/events/president/news/63953";
        site.forceOnce(path, 429, Map.of("Retry-After", "2"));

        api().contentType("application/json").body(Map.of("url", site.url(path))).post("/api/pages")
                .then().statusCode(202);

        raw.awaitRecords(1, r -> r.key().equals(Sha256.hex(site.url(path))), WAIT);
        List<SiteServer.Request> tries = site.requestsFor(path);
        assertThat(tries).extracting(SiteServer.Request::status).containsExactly(429, 200);
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(1900));
    }

    private boolean fromThisSite(ConsumerRecord<String, String> record) {
        return record.value().contains(site.baseUrl());
    }

    private String addSource(String url) {
        return api().contentType("application/json").body(Map.of("url", url)).post("/api/sources")
                .then().statusCode(201).extract().path("id");
    }

    private String pageStatus(String url) {
        return api().get("/api/pages?url=" + url).then().extract().path("status");
    }

    private double notModified(String source) {
        Counter counter = registry.find("verbatim.ingest.documents").tag("source", source)
                .tag("outcome", "not_modified").counter();
        return counter == null ? 0 : counter.count();
    }

}
