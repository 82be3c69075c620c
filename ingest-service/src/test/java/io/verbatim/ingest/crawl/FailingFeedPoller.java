package io.verbatim.ingest.crawl;

import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.fetch.PageFetcher;
import io.verbatim.ingest.fetch.RobotsPolicy;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A feed poller whose every pass ends in an {@link OutOfMemoryError}; enabled only by {@link CrawlLoopErrorTest}. */
@Alternative
@Singleton
public class FailingFeedPoller extends FeedPoller {

    static final AtomicInteger PASSES = new AtomicInteger();

    @Inject
    public FailingFeedPoller(IngestStateStore state, PageFetcher fetcher, RobotsPolicy robots,
            HostPoliteness politeness, PageCrawler pages, CrawlMetrics metrics, IngestConfig config) {
        super(state, fetcher, robots, politeness, pages, metrics, config);
    }

    @Override
    public void pollDue(Instant now) {
        PASSES.incrementAndGet();
        throw new OutOfMemoryError("Java heap space (simulated by the test)");
    }
}
