package io.verbatim.ingest.crawl;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.verbatim.events.SourceUrls;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.fetch.CacheValidators;
import io.verbatim.ingest.fetch.FetchResult;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.fetch.PageFetcher;
import io.verbatim.ingest.fetch.RobotsPolicy;
import io.verbatim.ingest.state.CrawlState;
import io.verbatim.ingest.state.FeedSource;
import io.verbatim.ingest.state.IngestStateStore;
import io.verbatim.ingest.state.ListedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Polls the Atom/RSS feeds of the active sources (parsed with Rome), politely and conditionally, and hands every
 * entry's page to the {@link PageCrawler}: new entries are recorded as pending in the crawl state (so a restart
 * loses none), known ones are queued for a conditional re-check. Backfill follows {@code rel="next"} links up to the
 * configured depth.
 *
 * <p>With several replicas a feed is polled by the owner of its host ({@link IngestStateStore#whileOwning}); its
 * entries on hosts owned elsewhere are handed to their owners as {@link ListedEntry} records, so each page is fetched
 * by the one replica that paces its host.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final IngestStateStore state;
    private final PageFetcher fetcher;
    private final RobotsPolicy robots;
    private final HostPoliteness politeness;
    private final PageCrawler pages;
    private final CrawlMetrics metrics;
    private final IngestConfig config;

    public FeedPoller(IngestStateStore state, PageFetcher fetcher, RobotsPolicy robots, HostPoliteness politeness,
            PageCrawler pages, CrawlMetrics metrics, IngestConfig config) {
        this.state = state;
        this.fetcher = fetcher;
        this.robots = robots;
        this.politeness = politeness;
        this.pages = pages;
        this.metrics = metrics;
        this.config = config;
    }

    /** Polls every active source whose interval has passed and whose host may be asked now. */
    public void pollDue(Instant now) {
        for (FeedSource source : state.sources()) {
            boolean due = source.lastPolledAt() == null
                    || !source.lastPolledAt().plus(config.feeds().pollInterval()).isAfter(now);
            if (!source.paused() && due && state.owns(source.url())
                    && politeness.delayBeforeNextRequest(source.url()).isZero()) {
                state.whileOwning(source.url(), () -> poll(source, now));
            }
        }
    }

    /**
     * Takes the pages other replicas listed for the hosts this one owns (feed entries on another replica's host,
     * {@code POST /api/pages} there): a new one is recorded as pending while its source has room, a known one queued
     * for a re-check (a refused one only when asked for through the API). Then their tombstones are written.
     */
    public void takeListed() {
        List<ListedEntry> entries = state.takeListed();
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Integer> room = new HashMap<>();
        List<CrawlState> added = new ArrayList<>();
        int dropped = 0;
        for (ListedEntry entry : entries) {
            Optional<CrawlState> existing = state.url(entry.url());
            if (existing.isEmpty()) {
                int left = room.computeIfAbsent(String.valueOf(entry.sourceId()),
                        s -> state.roomForNewUrls(entry.sourceId()));
                if (left > 0 && added.stream().noneMatch(a -> a.url().equals(entry.url()))) {
                    added.add(CrawlState.discovered(entry.url(), entry.sourceId()));
                    room.put(String.valueOf(entry.sourceId()), left - 1);
                } else if (left <= 0) {
                    dropped++;
                }
            } else if (entry.requested() || !CrawlState.REFUSED.equals(existing.get().status())) {
                pages.recheck(entry.url());
            }
        }
        state.putUrls(added);
        state.listedTaken(entries);
        LOG.debugf("%d pages listed by other replicas taken: %d new", entries.size(), added.size());
        if (dropped > 0) {
            LOG.warnf("%d pages listed by other replicas dropped: no room for pending pages "
                    + "(verbatim.ingest.crawl-state.max-pending-per-source %d, max-urls %d)", dropped,
                    config.crawlState().maxPendingPerSource(), config.crawlState().maxUrls());
        }
    }

    private void poll(FeedSource source, Instant now) {
        if (!robots.isAllowed(source.url())) {
            metrics.record(source, "refused", 0);
            state.recordPoll(source.polled(null, now, source.feedEtag(), source.feedLastModified()));
            LOG.warnf("feed %s is disallowed by robots.txt", source.url());
            return;
        }
        FetchResult result = request(source.url(), CacheValidators.of(source.feedEtag(), source.feedLastModified()));
        switch (result.outcome()) {
            case NOT_MODIFIED -> state.recordPoll(source.polled(null, now, source.feedEtag(), source.feedLastModified()));
            case FETCHED -> {
                FetchResult.Fetched fetched = (FetchResult.Fetched) result;
                Optional<SyndFeed> feed = parse(source, fetched.body());
                if (feed.isEmpty()) {
                    state.recordPoll(source.polled(null, now, null, null));
                    return;
                }
                List<String> links = new ArrayList<>(entryLinks(feed.get(), fetched.finalUrl()));
                links.addAll(backfill(source, feed.get(), fetched.finalUrl()));
                Taken taken = enqueue(source, links);
                boolean capped = taken.leftForLater() > 0;
                // When entries were left, the validators are not kept: the next poll reads the whole feed again
                // (instead of a 304) and takes the next ones.
                state.recordPoll(source.polled(feed.get().getTitle(), now, capped ? null : fetched.etag().orElse(null),
                        capped ? null : fetched.lastModified().orElse(null)));
                LOG.infof("feed %s: %d entries, %d new, %d re-checked", source.url(), links.size(), taken.added(),
                        taken.rechecked());
                if (capped) {
                    LOG.warnf("feed %s: %d more new entries than verbatim.ingest.feeds.max-entries-per-poll (%d) "
                            + "or the room for pending pages (verbatim.ingest.crawl-state.max-pending-per-source "
                            + "%d, max-urls %d) are left for the next polls", source.url(), taken.leftForLater(),
                            config.feeds().maxEntriesPerPoll(), config.crawlState().maxPendingPerSource(),
                            config.crawlState().maxUrls());
                }
            }
            case REFUSED -> {
                metrics.record(source, "refused", 0);
                state.recordPoll(source.polled(null, now, source.feedEtag(), source.feedLastModified()));
                LOG.warnf("feed %s refused: %s", source.url(), ((FetchResult.Refused) result).reason());
            }
            case FAILED -> {
                metrics.record(source, "failed", 0);
                LOG.warnf("feed %s failed, will retry: %s", source.url(), ((FetchResult.Failed) result).reason());
            }
        }
    }

    private List<String> backfill(FeedSource source, SyndFeed first, String firstUrl) {
        List<String> links = new ArrayList<>();
        SyndFeed page = first;
        String pageUrl = firstUrl;
        for (int depth = 0; depth < config.feeds().backfillDepth(); depth++) {
            Optional<String> next = nextLink(page, pageUrl);
            if (next.isEmpty() || !robots.isAllowed(next.get())) {
                break;
            }
            FetchResult result = request(next.get(), CacheValidators.NONE);
            if (!(result instanceof FetchResult.Fetched fetched)) {
                break;
            }
            Optional<SyndFeed> parsed = parse(source, fetched.body());
            if (parsed.isEmpty()) {
                break;
            }
            page = parsed.get();
            pageUrl = fetched.finalUrl();
            links.addAll(entryLinks(page, pageUrl));
        }
        return links;
    }

    private FetchResult request(String url, CacheValidators validators) {
        politeness.requestStarted(url);
        FetchResult result = fetcher.fetch(url, validators);
        politeness.requestFinished(url, result);
        return result;
    }

    /** What one poll took from a feed: new entries recorded, known ones queued for a re-check, new ones left. */
    private record Taken(int added, int rechecked, int leftForLater) {
    }

    /**
     * Takes at most {@code max-entries-per-poll} entries: new ones first (recorded as pending in one batch of state
     * writes), then known ones for a conditional re-check. New ones are also bounded by the room the crawl state has
     * for pending pages ({@link IngestStateStore#roomForNewUrls(String)}). A refused page is not re-checked by a feed
     * poll (only when someone asks for it through {@code POST /api/pages}), so a page that can never be published is
     * fetched once. Looking every listed entry up keeps the entries a feed still lists from being forgotten.
     */
    private Taken enqueue(FeedSource source, List<String> links) {
        int cap = config.feeds().maxEntriesPerPoll();
        int newCap = Math.min(cap, state.roomForNewUrls(source.id()));
        Set<String> seen = new LinkedHashSet<>();
        List<CrawlState> added = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<ListedEntry> elsewhere = new ArrayList<>();
        int left = 0;
        for (String link : links) {
            String canonical;
            try {
                canonical = SourceUrls.canonical(link);
            } catch (IllegalArgumentException e) {
                LOG.debugf("feed %s: entry link %s skipped: %s", source.url(), link, e.getMessage());
                continue;
            }
            if (!seen.add(canonical)) {
                continue;
            }
            if (!state.owns(canonical)) {
                if (added.size() + elsewhere.size() < cap) {
                    elsewhere.add(new ListedEntry(canonical, source.id(), false));
                } else {
                    left++;
                }
                continue;
            }
            Optional<CrawlState> existing = state.url(canonical);
            if (existing.isEmpty()) {
                if (added.size() < newCap) {
                    added.add(CrawlState.discovered(canonical, source.id()));
                } else {
                    left++;
                }
            } else if (!CrawlState.REFUSED.equals(existing.get().status())) {
                known.add(canonical);
            }
        }
        state.putUrls(added);
        state.listForOwners(elsewhere);
        int rechecked = 0;
        for (String url : known) {
            if (added.size() + elsewhere.size() + rechecked >= cap || !pages.recheck(url)) {
                break;
            }
            rechecked++;
        }
        return new Taken(added.size() + elsewhere.size(), rechecked, left);
    }

    private Optional<SyndFeed> parse(FeedSource source, String body) {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return Optional.of(input.build(new StringReader(body)));
        } catch (FeedException | IllegalArgumentException e) {
            metrics.record(source, "failed", 0);
            LOG.warnf("feed %s is not a readable Atom/RSS feed: %s", source.url(), e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> entryLinks(SyndFeed feed, String base) {
        List<String> links = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if (link == null) {
                link = entry.getLinks().stream().filter(l -> l.getRel() == null || "alternate".equals(l.getRel()))
                        .map(SyndLink::getHref).findFirst().orElse(null);
            }
            if (link != null && !link.isBlank()) {
                links.add(resolve(base, link.strip()));
            }
        }
        return links;
    }

    private static Optional<String> nextLink(SyndFeed feed, String base) {
        return feed.getLinks().stream().filter(l -> "next".equals(l.getRel())).map(SyndLink::getHref)
                .filter(href -> href != null && !href.isBlank()).map(href -> resolve(base, href.strip())).findFirst();
    }

    private static String resolve(String base, String link) {
        try {
            return URI.create(base).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }
}
