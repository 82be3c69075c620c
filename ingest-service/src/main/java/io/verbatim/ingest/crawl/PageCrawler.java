package io.verbatim.ingest.crawl;

import io.verbatim.events.Sha256;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.fetch.CacheValidators;
import io.verbatim.ingest.fetch.FetchResult;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.fetch.PageFetcher;
import io.verbatim.ingest.fetch.RobotsPolicy;
import io.verbatim.ingest.messaging.EventTooLargeException;
import io.verbatim.ingest.messaging.RawDocumentPublisher;
import io.verbatim.ingest.source.DocumentTypes;
import io.verbatim.ingest.state.CrawlState;
import io.verbatim.ingest.state.FeedSource;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Fetches the pages that are due, at most one request per host per politeness interval: pending pages from the
 * crawl state (new feed entries, single pages, failures whose retry time has come) and known pages queued for a
 * conditional re-check. A changed page is published as {@code transcript.fetched} (a new revision of the same
 * {@code documentId}); an unchanged one (304, or the same content hash) is not. Only the pages of hosts this replica
 * owns are held in its crawl state, and each fetch runs while it owns the host ({@link IngestStateStore#whileOwning}).
 */
@ApplicationScoped
public class PageCrawler {

    private static final Logger LOG = Logger.getLogger(PageCrawler.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(6);
    /**
     * The most known pages waiting for a re-check. Feed polls add at most {@code max-entries-per-poll} each; when a
     * slow host lets them pile up past this, further re-checks are skipped (the next poll asks for them again).
     */
    static final int MAX_QUEUED_RECHECKS = 10_000;

    private final IngestStateStore state;
    private final PageFetcher fetcher;
    private final RobotsPolicy robots;
    private final HostPoliteness politeness;
    private final RawDocumentPublisher publisher;
    private final CrawlMetrics metrics;
    private final IngestConfig config;
    private final Set<String> rechecks = ConcurrentHashMap.newKeySet();

    public PageCrawler(IngestStateStore state, PageFetcher fetcher, RobotsPolicy robots, HostPoliteness politeness,
            RawDocumentPublisher publisher, CrawlMetrics metrics, IngestConfig config) {
        this.state = state;
        this.fetcher = fetcher;
        this.robots = robots;
        this.politeness = politeness;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Queues a known page for a conditional re-check on the next pass; returns false when the queue is full
     * ({@value #MAX_QUEUED_RECHECKS} pages) and the page was not queued.
     */
    public boolean recheck(String canonicalUrl) {
        if (rechecks.size() >= MAX_QUEUED_RECHECKS && !rechecks.contains(canonicalUrl)) {
            return false;
        }
        rechecks.add(canonicalUrl);
        return true;
    }

    /**
     * Fetches due pages for up to {@code budget}: in rounds of at most one request per host whose politeness delay
     * has passed, waiting between rounds when the next host is ready within the budget. Returns how many pages were
     * fetched.
     */
    public int fetchDue(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int total = 0;
        while (true) {
            int fetched = fetchRound(Instant.now());
            total += fetched;
            if (fetched > 0) {
                continue;
            }
            Duration wait = shortestWait(Instant.now());
            long remaining = deadline - System.nanoTime();
            if (wait == null || wait.toNanos() >= remaining) {
                return total;
            }
            try {
                Thread.sleep(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
    }

    /** How long until some host with due work may be asked, or null if nothing is due. */
    private Duration shortestWait(Instant now) {
        return java.util.stream.Stream.concat(
                        state.pendingUrls().stream().filter(u -> u.isDue(now)).map(CrawlState::url),
                        rechecks.stream())
                .map(politeness::delayBeforeNextRequest)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private int fetchRound(Instant now) {
        List<CrawlState> due = state.pendingUrls().stream().filter(u -> u.isDue(now))
                .sorted(Comparator.comparing(CrawlState::url)).toList();
        Set<String> hostsAsked = new HashSet<>();
        int fetched = 0;
        for (CrawlState page : due) {
            if (takeTurn(page.url(), hostsAsked) && state.whileOwning(page.url(), () -> fetch(page, now))) {
                fetched++;
            }
        }
        for (String url : List.copyOf(rechecks)) {
            CrawlState page = state.url(url).orElse(null);
            if (page == null) {
                rechecks.remove(url);
            } else if (takeTurn(url, hostsAsked)) {
                rechecks.remove(url);
                if (state.whileOwning(url, () -> fetch(page, now))) {
                    fetched++;
                }
            }
        }
        return fetched;
    }

    private boolean takeTurn(String url, Set<String> hostsAsked) {
        String host = host(url);
        return !hostsAsked.contains(host) && politeness.delayBeforeNextRequest(url).isZero() && hostsAsked.add(host);
    }

    private void fetch(CrawlState page, Instant now) {
        FeedSource source = page.sourceId() == null ? null : state.source(page.sourceId()).orElse(null);
        if (!robots.isAllowed(page.url())) {
            state.putUrl(page.refused("disallowed by robots.txt", now));
            metrics.record(source, "refused", 0);
            LOG.infof("page %s not fetched: disallowed by robots.txt", page.url());
            return;
        }
        politeness.requestStarted(page.url());
        FetchResult result = fetcher.fetch(page.url(), CacheValidators.of(page.etag(), page.lastModified()));
        politeness.requestFinished(page.url(), result);
        switch (result.outcome()) {
            case FETCHED -> published(page, source, (FetchResult.Fetched) result, now);
            case NOT_MODIFIED -> {
                FetchResult.NotModified same = (FetchResult.NotModified) result;
                state.putUrl(page.fetched(same.etag().orElse(page.etag()),
                        same.lastModified().orElse(page.lastModified()), page.contentHash(), now));
                metrics.record(source, "not_modified", 0);
            }
            case REFUSED -> {
                String reason = ((FetchResult.Refused) result).reason();
                state.putUrl(page.refused(reason, now));
                metrics.record(source, "refused", 0);
                LOG.warnf("page %s refused: %s", page.url(), reason);
            }
            case FAILED -> {
                FetchResult.Failed failed = (FetchResult.Failed) result;
                Instant retryAt = failed.retryAfter().orElse(now.plus(retryDelay(page.failures())));
                state.putUrl(page.failed(failed.reason(), now, retryAt));
                metrics.record(source, "failed", 0);
                LOG.warnf("page %s failed (attempt %d), retry at %s: %s", page.url(), page.failures() + 1, retryAt,
                        failed.reason());
            }
        }
    }

    private void published(CrawlState page, FeedSource source, FetchResult.Fetched fetched, Instant now) {
        String hash = Sha256.hex(fetched.body());
        if (hash.equals(page.contentHash())) {
            state.putUrl(page.fetched(fetched.etag().orElse(null), fetched.lastModified().orElse(null), hash, now));
            metrics.record(source, "not_modified", fetched.byteCount());
            return;
        }
        String contentType = documentType(fetched.contentType());
        TranscriptFetched event = TranscriptFetched.of(page.url(), source == null ? "page" : source.name(), now,
                contentType, fetched.body());
        try {
            publisher.publish(event).toCompletableFuture().join();
        } catch (CompletionException e) {
            Optional<EventTooLargeException> tooLarge = EventTooLargeException.causeOf(e);
            if (tooLarge.isEmpty()) {
                throw e;
            }
            // It can never be published: remember that, so neither this pass nor a later feed poll fetches it again.
            state.putUrl(page.refused(tooLarge.get().getMessage(), now));
            metrics.record(source, "refused", fetched.byteCount());
            LOG.warnf("page %s refused: %s", page.url(), tooLarge.get().getMessage());
            return;
        }
        state.putUrl(page.fetched(fetched.etag().orElse(null), fetched.lastModified().orElse(null), hash, now));
        metrics.record(source, "fetched", fetched.byteCount());
        LOG.infof("page %s published as document %s", page.url(), event.documentId());
    }

    private Duration retryDelay(int failures) {
        Duration delay = config.feeds().retryDelay().multipliedBy(1L << Math.min(failures, 16));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    static String documentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.equals(DocumentTypes.PLAIN) || type.equals(DocumentTypes.MARKDOWN)) {
            return type;
        }
        return DocumentTypes.HTML;
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
