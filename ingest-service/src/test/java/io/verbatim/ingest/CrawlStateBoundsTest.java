package io.verbatim.ingest;

import static io.verbatim.ingest.IngestFlowTest.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.ingest.state.CrawlState;
import io.verbatim.ingest.state.IngestStateStore;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 6 (unbounded in-memory maps): a feed listing new URLs at every poll grew the crawl state's map of
 * every URL ever seen without end. Now it holds at most {@code verbatim.ingest.crawl-state.max-urls} (100 here), the
 * least recently used settled URLs are forgotten (with a tombstone in {@code ingest.state}), and a page its feed still
 * lists is never forgotten, so it is still not published twice. Pending pages of one source stay within
 * {@code max-pending-per-source} (30 here).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(CrawlStateBoundsTest.SmallState.class)
class CrawlStateBoundsTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int MAX_URLS = 100;
    private static final int MAX_PENDING_PER_SOURCE = 30;
    private static final int NEW_ENTRIES_PER_POLL = 10;

    public static class SmallState implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("verbatim.ingest.allowed-hosts", "127.0.0.1,127.0.0.2",
                    "verbatim.ingest.crawl-state.max-urls", Integer.toString(MAX_URLS),
                    "verbatim.ingest.crawl-state.max-pending-per-source", Integer.toString(MAX_PENDING_PER_SOURCE));
        }
    }

    @Inject
    IngestStateStore state;

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private final List<String> sourceIds = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() {
        Awaitility.await().atMost(WAIT).until(() -> api().get("/api/sources").statusCode() == 200);
    }

    @AfterEach
    void disconnect() throws Exception {
        for (String id : sourceIds) {
            api().delete("/api/sources/" + id);
        }
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aFeedListingNewPagesAtEveryPollKeepsTheCrawlStateBoundedAndAStillListedPageIsPublishedOnce() {
        HostileSite site = open(new HostileSite("127.0.0.1")).page("/keep").page("/entry/");
        AtomicInteger polls = new AtomicInteger();
        List<Integer> heldAtEachPoll = new CopyOnWriteArrayList<>();
        site.on("/feed", exchange -> {
            int poll = polls.getAndIncrement();
            heldAtEachPoll.add(state.urlCount());
            List<String> paths = new ArrayList<>(List.of("/keep"));
            for (int i = 0; i < NEW_ENTRIES_PER_POLL; i++) {
                paths.add("/entry/" + poll + "-" + i);
            }
            HostileSite.respond(exchange, 200, "application/rss+xml", site.rss(paths.toArray(String[]::new)));
        });
        String keep = site.url("/keep");
        String first = site.url("/entry/0-0");

        sourceIds.add(addSource(site.url("/feed")));

        int pollsPast = MAX_URLS / NEW_ENTRIES_PER_POLL + 5;
        Awaitility.await().atMost(WAIT).until(() -> polls.get() > pollsPast && site.hits("/keep") >= pollsPast);
        assertThat(site.hitsUnder("/entry/")).as("pages fetched").isGreaterThan(MAX_URLS);
        assertThat(heldAtEachPoll).as("URLs held at each poll").allSatisfy(held -> assertThat(held)
                .isLessThanOrEqualTo(MAX_URLS));
        assertThat(state.url(first)).as("the first entry, no longer listed").isEmpty();
        assertThat(state.url(keep)).map(CrawlState::status).contains(CrawlState.FETCHED);
        try (TopicReader raw = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSCRIPTS_RAW);
                TopicReader crawlState = new TopicReader(KafkaBroker.shared().bootstrapServers(),
                        "ingest.state")) {
            assertThat(raw.readToEnd(WAIT)).filteredOn(r -> r.key().equals(Sha256.hex(keep)))
                    .as("publications of the page the feed still lists").hasSize(1);
            assertThat(crawlState.readToEnd(WAIT)).filteredOn(r -> r.key().equals("url:" + first))
                    .last().satisfies(r -> assertThat(r.value()).as("tombstone of the forgotten entry").isNull());
        }
    }

    /** The pages of a host that always answers 503 stay pending (retried later); a poll adds no more than the bound. */
    @Test
    void aSourceWhosePagesAllFailHoldsNoMorePendingPagesThanItsBound() {
        HostileSite down = open(new HostileSite("127.0.0.2"));
        down.on("/down/", exchange -> HostileSite.respond(exchange, 503, "text/plain", new byte[0]));
        byte[] feed = down.rss("/down/", 200);
        HostileSite site = open(new HostileSite("127.0.0.1"));
        AtomicInteger polls = new AtomicInteger();
        List<Integer> pendingAtEachPoll = new CopyOnWriteArrayList<>();
        String[] id = new String[1];
        site.on("/dead-feed", exchange -> {
            polls.incrementAndGet();
            pendingAtEachPoll.add(id[0] == null ? 0 : pendingOf(id[0]));
            HostileSite.respond(exchange, 200, "application/rss+xml", feed);
        });

        id[0] = addSource(site.url("/dead-feed"));
        sourceIds.add(id[0]);

        Awaitility.await().atMost(WAIT).until(() -> polls.get() >= 4);
        assertThat(pendingAtEachPoll).allSatisfy(pending -> assertThat(pending)
                .isLessThanOrEqualTo(MAX_PENDING_PER_SOURCE));
        assertThat(pendingOf(id[0])).isEqualTo(MAX_PENDING_PER_SOURCE);
    }

    private int pendingOf(String sourceId) {
        return (int) state.urlsOf(sourceId).stream().filter(u -> CrawlState.PENDING.equals(u.status())).count();
    }

    private HostileSite open(HostileSite site) {
        opened.add(site);
        return site;
    }

    private static String addSource(String url) {
        return api().contentType("application/json").body(Map.of("url", url)).post("/api/sources")
                .then().statusCode(201).extract().path("id");
    }
}
