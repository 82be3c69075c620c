package io.verbatim.ingest.crawl;

import io.quarkus.scheduler.Scheduled;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

/**
 * Drives the crawl: every tick it takes the pages other replicas listed for this one's hosts, polls the feeds that are
 * due, then fetches the pages that are due, all on the hosts this replica owns. One thread does it all, and each host
 * is owned by one replica, so the per-host politeness is never raced. Nothing runs until the crawl state is loaded.
 *
 * <p>A {@link RuntimeException} (an unreachable broker, a publisher that does not answer) ends the pass; the next tick
 * goes on. An {@link Error} (an {@code OutOfMemoryError}, a {@code StackOverflowError}) stops the loop for good: it is
 * logged, no pass runs again (so nothing is retried in a loop on a damaged JVM) and {@link CrawlLoopHealth} takes
 * liveness and readiness DOWN, so the orchestrator restarts the service. A real {@code OutOfMemoryError} exits the JVM
 * before this ({@code -XX:+ExitOnOutOfMemoryError} in the image).
 */
@ApplicationScoped
public class CrawlLoop {

    private static final Logger LOG = Logger.getLogger(CrawlLoop.class);
    /** How long one tick may spend fetching pages before it lets the feeds be polled again. */
    private static final java.time.Duration PAGE_BUDGET = java.time.Duration.ofSeconds(10);

    private final IngestStateStore state;
    private final FeedPoller feeds;
    private final PageCrawler pages;
    private final CrawlLoopHealth health;

    public CrawlLoop(IngestStateStore state, FeedPoller feeds, PageCrawler pages, @Liveness CrawlLoopHealth health) {
        this.state = state;
        this.feeds = feeds;
        this.pages = pages;
        this.health = health;
    }

    @Scheduled(every = "${verbatim.ingest.feeds.tick:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!state.isLoaded() || health.stopped()) {
            return;
        }
        health.passStarted();
        try {
            Instant now = Instant.now();
            feeds.takeListed();
            feeds.pollDue(now);
            pages.fetchDue(PAGE_BUDGET);
        } catch (RuntimeException e) {
            // an unreachable broker or publisher must never stop the loop: the next tick tries again
            LOG.warnf("crawl pass interrupted, will go on at the next tick: %s", e.getMessage());
        } catch (Error e) {
            health.stoppedBy(e);
            LOG.errorf(e, "crawl loop stopped by %s; liveness is DOWN so that the service is restarted", e);
        } finally {
            health.passEnded();
        }
    }
}
