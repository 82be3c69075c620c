package io.verbatim.ingest.crawl;

import io.quarkus.scheduler.Scheduled;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Drives the crawl: every tick it polls the feeds that are due, then fetches the pages that are due. One thread
 * does both, so the per-host politeness is never raced. Nothing runs until the crawl state is loaded.
 */
@ApplicationScoped
public class CrawlLoop {

    private static final Logger LOG = Logger.getLogger(CrawlLoop.class);
    /** How long one tick may spend fetching pages before it lets the feeds be polled again. */
    private static final java.time.Duration PAGE_BUDGET = java.time.Duration.ofSeconds(10);

    private final IngestStateStore state;
    private final FeedPoller feeds;
    private final PageCrawler pages;

    public CrawlLoop(IngestStateStore state, FeedPoller feeds, PageCrawler pages) {
        this.state = state;
        this.feeds = feeds;
        this.pages = pages;
    }

    @Scheduled(every = "${verbatim.ingest.feeds.tick:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!state.isLoaded()) {
            return;
        }
        try {
            Instant now = Instant.now();
            feeds.pollDue(now);
            pages.fetchDue(PAGE_BUDGET);
        } catch (RuntimeException e) {
            // an unreachable broker or publisher must never stop the loop: the next tick tries again
            LOG.warnf("crawl pass interrupted, will go on at the next tick: %s", e.getMessage());
        }
    }
}
