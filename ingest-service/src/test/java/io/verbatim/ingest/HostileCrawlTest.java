package io.verbatim.ingest;

import static io.verbatim.ingest.IngestFlowTest.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.state.FeedSource;
import io.verbatim.ingest.state.IngestStateStore;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The crawler against hostile sites (issue 12, findings 4, 5 and 6), with a short fetch deadline (2 s) and a small
 * cap on entries per feed poll (50) so that each bound shows within seconds.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(HostileCrawlTest.ShortBounds.class)
class HostileCrawlTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    public static class ShortBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("verbatim.ingest.allowed-hosts", "127.0.0.1,127.0.0.2",
                    "verbatim.ingest.fetch.deadline", "2s",
                    "verbatim.ingest.feeds.max-entries-per-poll", "50");
        }
    }

    @Inject
    IngestStateStore state;
    @Inject
    HostPoliteness politeness;

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private TopicReader raw;
    private String sourceId;

    @BeforeEach
    void connect() {
        raw = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSCRIPTS_RAW);
        Awaitility.await().atMost(WAIT).until(() -> api().get("/api/sources").statusCode() == 200);
    }

    @AfterEach
    void disconnect() throws Exception {
        if (sourceId != null) {
            api().delete("/api/sources/" + sourceId);
        }
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        raw.close();
    }

    /**
     * Finding 4: a server sending one byte at a time, each within the read time-out, held the single crawl thread for
     * as long as it liked, and every other host waited. Now the fetch ends at its deadline with that reason, the
     * host backs off, and the page of another host is fetched.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTricklingHostIsCutOffAtTheDeadlineAndAnotherHostsPageIsStillFetched() {
        HostileSite trickling = site("127.0.0.2").trickle("/slow");
        HostileSite ordinary = site("127.0.0.1").page("/good");
        String slow = trickling.url("/slow");
        String good = ordinary.url("/good");

        queuePage(slow);
        Awaitility.await().atMost(WAIT).until(() -> trickling.hits("/slow") == 1);
        queuePage(good);

        raw.awaitRecords(1, r -> r.key().equals(Sha256.hex(good)), WAIT);
        JsonPath page = pageState(slow);
        assertThat(page.getString("status")).isEqualTo("pending");
        assertThat(page.getString("reason")).isEqualTo("gave up on " + slow
                + ": the whole fetch took longer than its deadline of 2000 ms");
        assertThat(politeness.delayBeforeNextRequest(slow)).isGreaterThan(Duration.ofSeconds(10));
    }

    /**
     * Finding 5: 2 MB of NUL bytes become about 12 MB of {@code \u0000} escapes in the event's JSON, over the
     * producer's max.request.size: the publication failed, the page was never recorded and was fetched again every
     * round (and, fetched first, it kept the pages after it from ever being fetched). Now it is recorded as refused
     * with its reason and not fetched again when later polls list it.
     */
    @Test
    void aPageWhoseEventCanNeverBePublishedIsRefusedWithItsReasonAndNotFetchedAgain() {
        HostileSite site = site("127.0.0.1").nulBytes("/a-nul", 2_000_000).page("/b-ok");
        site.on("/feed", feedOf(site, "/a-nul", "/b-ok"));
        sourceId = addSource(site.url("/feed"));

        raw.awaitRecords(1, r -> r.key().equals(Sha256.hex(site.url("/b-ok"))), WAIT);
        Awaitility.await().atMost(WAIT).until(() -> "refused".equals(pageState(site.url("/a-nul")).getString("status")));
        int pollsSoFar = site.hits("/feed");
        Awaitility.await().atMost(WAIT).until(() -> site.hits("/feed") >= pollsSoFar + 3);

        assertThat(pageState(site.url("/a-nul")).getString("reason"))
                .startsWith("the transcript.fetched event of document " + Sha256.hex(site.url("/a-nul")))
                .contains("12,0").contains("the limit is 7,340,032 bytes (verbatim.ingest.max-event-bytes)");
        assertThat(site.hits("/a-nul")).isEqualTo(1);
        assertThat(raw.readToEnd(WAIT)).noneMatch(r -> r.key().equals(Sha256.hex(site.url("/a-nul"))));
    }

    /**
     * Finding 6: one poll of a feed listing thousands of entries added every one of them (one synchronous state
     * write each). Now a poll takes at most the cap of new entries (50 here); the next polls take the next ones.
     */
    @Test
    void aFeedWithThousandsOfEntriesAddsAtMostTheCapPerPoll() {
        HostileSite site = site("127.0.0.1").page("/entry/");
        List<Integer> knownAtEachPoll = new CopyOnWriteArrayList<>();
        byte[] feed = site.rss("/entry/", 2_000);
        site.on("/big-feed", exchange -> {
            knownAtEachPoll.add(urlsOf(site.url("/big-feed")));
            HostileSite.respond(exchange, 200, "application/rss+xml", feed);
        });

        sourceId = addSource(site.url("/big-feed"));

        Awaitility.await().atMost(WAIT).until(() -> knownAtEachPoll.size() >= 3);
        assertThat(knownAtEachPoll.subList(0, 3)).containsExactly(0, 50, 100);
    }

    private int urlsOf(String feedUrl) {
        return state.sources().stream().filter(s -> s.url().equals(feedUrl)).findFirst().map(FeedSource::id)
                .map(id -> state.urlsOf(id).size()).orElse(-1);
    }

    private com.sun.net.httpserver.HttpHandler feedOf(HostileSite site, String... paths) {
        byte[] feed = site.rss(paths);
        return exchange -> HostileSite.respond(exchange, 200, "application/rss+xml", feed);
    }

    private HostileSite site(String address) {
        HostileSite site = new HostileSite(address);
        opened.add(site);
        return site;
    }

    private static void queuePage(String url) {
        api().contentType("application/json").body(Map.of("url", url)).post("/api/pages").then().statusCode(202);
    }

    private static JsonPath pageState(String url) {
        return api().queryParam("url", url).get("/api/pages").then().extract().jsonPath();
    }

    private static String addSource(String url) {
        return api().contentType("application/json").body(Map.of("url", url)).post("/api/sources")
                .then().statusCode(201).extract().path("id");
    }
}
