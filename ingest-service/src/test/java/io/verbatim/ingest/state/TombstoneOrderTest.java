package io.verbatim.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.testsupport.KafkaTestResource;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tombstone that forgets the least recently used settled URL (issue 12, finding 6's bound) races with a write of
 * the same URL on another thread: the crawl thread records a page it fetched (or a feed poll lists it again) while a
 * {@code POST /api/pages} on an HTTP thread adds a page and pushes that URL out, or the other way round. The state in
 * memory and the state read back from {@code ingest.state} after a restart must agree: a write that the service
 * counts must not be followed by an older decision's tombstone. Before the fix both interleavings below left the URL
 * in memory but a tombstone last in the topic, so a restart forgot a page that was fetched, and the next feed poll
 * fetched and published it again. Real broker; each interleaving is made to happen by holding one thread at the
 * point where the other must come in ({@link IngestStateStore.WriteObserver}); max-urls is 3.
 *
 * <p>The crawl state is partitioned by host and owned through a consumer group (issue 17): the service here is the
 * only member of its own group, so it owns every partition, and the test writes once it owns the partition of the
 * test's host. The restart is a second store in another group, so it is given every partition and rebuilds them from
 * the beginning, as the next owner of the host would.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(TombstoneOrderTest.ThreeUrls.class)
class TombstoneOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final Map<String, String> SETTINGS = Map.of("verbatim.ingest.crawl-state.max-urls", "3",
            "verbatim.ingest.state-topic", "ingest.state.tombstone-order",
            "verbatim.ingest.ownership.group-id", "ingest-service.tombstone-order");

    public static class ThreeUrls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SETTINGS;
        }
    }

    @Inject
    IngestStateStore state;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private String site;

    @BeforeEach
    void loaded() throws InterruptedException {
        assertThat(state.awaitLoaded(WAIT)).isTrue();
        site = "https://tombstone.example/" + UUID.randomUUID() + "/";
        Awaitility.await().atMost(WAIT).until(() -> state.owns(site + "x"));
    }

    @AfterEach
    void stopObserving() {
        store().observeWrites(new IngestStateStore.WriteObserver() {
        });
    }

    // thread A decides to forget X, thread B writes X, then A's tombstone for X is sent
    @Test
    @Timeout(180)
    void aPageRecordedAgainAfterTheDecisionToForgetItIsStillKnownAfterARestart() throws Exception {
        String x = threeSettledPagesXLeastRecentlyUsed();
        CountDownLatch decided = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store().observeWrites(new IngestStateStore.WriteObserver() {
            @Override
            public void forgetting(List<String> urls) {
                if (urls.contains(x)) {
                    decided.countDown();
                    await(release);
                }
            }
        });
        Thread a = start("A: adds a page, forgets x", () -> state.putUrl(fetched(site + "z", "z")));
        await(decided);

        Thread b = start("B: records x fetched again", () -> state.putUrl(fetched(x, "second")));
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> b.getState() == Thread.State.TERMINATED || waitsFor(b, a));
        release.countDown();
        a.join(WAIT.toMillis());
        b.join(WAIT.toMillis());

        assertThat(state.url(x)).map(CrawlState::contentHash).as("x in memory").contains("second");
        assertRestartReadsWhatMemoryHolds(x, site + "y1", site + "y2", site + "z");
    }

    // thread B's write of X is acknowledged, thread A decides to forget X (still held with its older state), then B
    // counts its write in memory
    @Test
    @Timeout(180)
    void aPageWhoseNewStateIsAcknowledgedIsNotForgottenBeforeItCounts() throws Exception {
        String x = threeSettledPagesXLeastRecentlyUsed();
        CountDownLatch acknowledged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store().observeWrites(new IngestStateStore.WriteObserver() {
            @Override
            public void acknowledged(CrawlState written) {
                if (written.url().equals(x)) {
                    acknowledged.countDown();
                    await(release);
                }
            }
        });
        Thread b = start("B: records x fetched again", () -> state.putUrl(fetched(x, "second")));
        await(acknowledged);

        state.putUrl(fetched(site + "z", "z"));
        release.countDown();
        b.join(WAIT.toMillis());

        assertThat(state.url(x)).map(CrawlState::contentHash).as("x in memory").contains("second");
        assertRestartReadsWhatMemoryHolds(x, site + "y1", site + "y2", site + "z");
    }

    /** Fills the state (max-urls 3) with x, y1 and y2, fetched in that order; returns x. */
    private String threeSettledPagesXLeastRecentlyUsed() {
        String x = site + "x";
        state.putUrl(fetched(x, "first"));
        state.putUrl(fetched(site + "y1", "y1"));
        state.putUrl(fetched(site + "y2", "y2"));
        return x;
    }

    /**
     * A second store (in a group of its own, so it owns every partition) rebuilds the partitions from the start, as
     * the service does after a restart.
     */
    private void assertRestartReadsWhatMemoryHolds(String... urls) throws InterruptedException {
        IngestStateStore restarted = new IngestStateStore(kafkaConfig, restartConfig());
        restarted.start();
        try {
            assertThat(restarted.awaitLoaded(WAIT)).isTrue();
            Awaitility.await().atMost(WAIT).until(() -> restarted.owns(urls[0]));
            assertThat(restarted.urlCount()).as("URLs held after the restart").isLessThanOrEqualTo(3);
            for (String url : urls) {
                Optional<String> inMemory = state.url(url).map(CrawlState::contentHash);
                assertThat(restarted.url(url).map(CrawlState::contentHash)).as("%s after a restart", url)
                        .isEqualTo(inMemory);
            }
        } finally {
            restarted.close();
        }
    }

    /** The service's settings with a consumer group of its own. */
    private static IngestConfig restartConfig() {
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("verbatim.ingest.ownership.group-id",
                "ingest-service.tombstone-order.restart-" + UUID.randomUUID());
        return new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build().getConfigMapping(IngestConfig.class);
    }

    private IngestStateStore store() {
        return ClientProxy.unwrap(state);
    }

    /** Whether thread {@code waiting} is blocked on a lock that thread {@code holder} holds. */
    private static boolean waitsFor(Thread waiting, Thread holder) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(waiting.getId());
        return info != null && info.getLockOwnerId() == holder.getId();
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the other thread did not get there within " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CrawlState fetched(String url, String contentHash) {
        return CrawlState.discovered(url, null).fetched(null, null, contentHash, Instant.now());
    }
}
