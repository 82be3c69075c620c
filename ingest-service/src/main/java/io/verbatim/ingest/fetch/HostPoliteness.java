package io.verbatim.ingest.fetch;

import io.verbatim.ingest.fetch.FetchResult.Failed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the pace of requests to each host (by host name, whatever the scheme or port). It never sleeps: it says how
 * long to wait, so a scheduler can do something else meanwhile. The caller's loop:
 *
 * <pre>{@code
 * if (!politeness.delayBeforeNextRequest(url).isZero()) { reschedule; }
 * politeness.requestStarted(url);
 * FetchResult result = fetcher.fetch(url);
 * politeness.requestFinished(url, result);
 * }</pre>
 *
 * <p>Between the end of one request and the start of the next to the same host there is at least the minimum delay
 * (default 2 s) or the site's robots.txt Crawl-delay, whichever is larger (a Crawl-delay above the back-off cap is
 * cut to that cap). A {@link Failed} result with status 403, 429 or 5xx, or with no status at all (time-out,
 * connection refused), backs the host off: until the server's Retry-After when it sent one, else for an exponential
 * delay (initial back-off, doubled for each further failure in a row, capped at the maximum, default 1 h). A
 * fetched or not-modified result resets the back-off. Refusals change nothing: no request was made.
 *
 * <p>Thread-safe. At most {@code maxHosts} hosts are tracked (default 10,000), so a feed linking to thousands of
 * hosts cannot grow the map without bound. A host is forgotten once what it holds no longer matters: its next
 * request may start and it has no failure in a row, or its back-off ended more than the maximum back-off ago (then
 * only its failure count is lost, and a new failure backs it off from the initial delay again). Forgetting such a
 * host changes nothing for the next request to it. While the map is full of hosts that must still wait, a host not
 * tracked yet waits too, until the first of them may be forgotten; so politeness is never traded for room.
 */
public final class HostPoliteness {

    public static final Duration DEFAULT_MIN_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(1);
    public static final int DEFAULT_MAX_HOSTS = 10_000;

    private final Clock clock;
    private final Duration minDelay;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Function<String, Optional<Duration>> crawlDelays;
    private final int maxHosts;
    private final Function<String, Instant> ownedSince;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    /** No host can be forgotten before this instant (a lower bound: updated on every change). */
    private volatile Instant firstForgettableAt = Instant.MIN;

    public HostPoliteness(Clock clock) {
        this(clock, DEFAULT_MIN_DELAY, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, url -> Optional.empty());
    }

    /**
     * @param crawlDelays the Crawl-delay for a URL's site, e.g. {@code robotsPolicy::crawlDelay}
     */
    public HostPoliteness(Clock clock, Duration minDelay, Duration initialBackoff, Duration maxBackoff,
            Function<String, Optional<Duration>> crawlDelays) {
        this(clock, minDelay, initialBackoff, maxBackoff, crawlDelays, DEFAULT_MAX_HOSTS);
    }

    /**
     * @param maxHosts the most hosts tracked at once ({@code verbatim.ingest.fetch.max-hosts})
     */
    public HostPoliteness(Clock clock, Duration minDelay, Duration initialBackoff, Duration maxBackoff,
            Function<String, Optional<Duration>> crawlDelays, int maxHosts) {
        this(clock, minDelay, initialBackoff, maxBackoff, crawlDelays, maxHosts, url -> Instant.MIN);
    }

    /**
     * @param ownedSince since when this replica crawls the URL's host ({@code IngestStateStore::ownedSince}): the
     *                   first request after a hand-over waits one spacing from then, since the previous owner's last
     *                   request may have ended just before it
     */
    public HostPoliteness(Clock clock, Duration minDelay, Duration initialBackoff, Duration maxBackoff,
            Function<String, Optional<Duration>> crawlDelays, int maxHosts, Function<String, Instant> ownedSince) {
        this.ownedSince = Objects.requireNonNull(ownedSince);
        this.clock = Objects.requireNonNull(clock);
        this.minDelay = Objects.requireNonNull(minDelay);
        this.initialBackoff = Objects.requireNonNull(initialBackoff);
        this.maxBackoff = Objects.requireNonNull(maxBackoff);
        this.crawlDelays = Objects.requireNonNull(crawlDelays);
        if (maxHosts < 1) {
            throw new IllegalArgumentException("maxHosts must be at least 1, not " + maxHosts);
        }
        this.maxHosts = maxHosts;
    }

    /**
     * When the next request to the URL's host may start (now or earlier when it may start at once). A host not
     * tracked yet may start at once, unless every tracked host must still wait and there is no room for another:
     * then it waits until the first of them may be forgotten.
     */
    public Instant nextRequestAt(String url) {
        Instant owned = ownedSince.apply(url);
        Instant tracked = trackedNextRequestAt(url);
        return owned.equals(Instant.MIN) ? tracked : later(tracked, owned.plus(spacing(url)));
    }

    private Instant trackedNextRequestAt(String url) {
        HostState state = hosts.get(hostOf(url));
        if (state != null) {
            return state.notBefore();
        }
        if (hosts.size() < maxHosts) {
            return Instant.MIN;
        }
        Instant now = clock.instant();
        forgetSettledHosts(now);
        return hosts.size() < maxHosts ? Instant.MIN : firstForgettableAt;
    }

    /** How many hosts are tracked now (at most {@code maxHosts}). */
    public int trackedHosts() {
        return hosts.size();
    }

    /** How long to wait before the next request to the URL's host; zero when it may go now. */
    public Duration delayBeforeNextRequest(String url) {
        Instant now = clock.instant();
        Instant next = nextRequestAt(url);
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    /** Records that a request to the URL's host starts now. */
    public void requestStarted(String url) {
        Instant now = clock.instant();
        Instant earliestNext = now.plus(spacing(url));
        HostState state = hosts.merge(hostOf(url), new HostState(earliestNext, 0),
                (old, started) -> new HostState(later(old.notBefore(), earliestNext), old.failuresInARow()));
        changed(state, now);
    }

    /** Records how a request to the URL's host ended, backing the host off or resetting its back-off. */
    public void requestFinished(String url, FetchResult result) {
        Instant now = clock.instant();
        Duration spacing = spacing(url);
        HostState state = hosts.compute(hostOf(url), (host, old) -> {
            Instant notBefore = later(old == null ? Instant.MIN : old.notBefore(), now.plus(spacing));
            int failures = old == null ? 0 : old.failuresInARow();
            switch (result.outcome()) {
                case FETCHED:
                case NOT_MODIFIED:
                    return new HostState(notBefore, 0);
                case FAILED:
                    Failed failed = (Failed) result;
                    if (!backsOff(failed)) {
                        return new HostState(notBefore, failures);
                    }
                    int inARow = failures + 1;
                    Instant until = failed.retryAfter().orElseGet(() -> now.plus(backoff(inARow)));
                    return new HostState(later(notBefore, until), inARow);
                default:
                    return old;
            }
        });
        if (state != null) {
            changed(state, now);
        }
    }

    private void changed(HostState state, Instant now) {
        Instant forgettable = forgettableAt(state);
        if (forgettable.isBefore(firstForgettableAt)) {
            firstForgettableAt = forgettable;
        }
        if (hosts.size() > maxHosts) {
            forgetSettledHosts(now);
        }
        if (hosts.size() > maxHosts) {
            forgetHostsClosestToTheirTurn();
        }
    }

    /** When a host's entry holds nothing the next request needs (see the class comment). */
    private Instant forgettableAt(HostState state) {
        return state.failuresInARow() == 0 ? state.notBefore() : state.notBefore().plus(maxBackoff);
    }

    /** Forgets the hosts that hold nothing any more; cheap when none can be yet. */
    private synchronized void forgetSettledHosts(Instant now) {
        if (now.isBefore(firstForgettableAt)) {
            return;
        }
        Instant first = Instant.MAX;
        for (Iterator<HostState> it = hosts.values().iterator(); it.hasNext(); ) {
            Instant forgettable = forgettableAt(it.next());
            if (!forgettable.isAfter(now)) {
                it.remove();
            } else if (forgettable.isBefore(first)) {
                first = forgettable;
            }
        }
        firstForgettableAt = first;
    }

    /**
     * Only when a caller started a request to a new host without asking first (a feed's next page on another host)
     * while the map was full: forgets the hosts whose turn comes first, so the bound holds.
     */
    private synchronized void forgetHostsClosestToTheirTurn() {
        while (hosts.size() > maxHosts) {
            hosts.entrySet().stream().min(Map.Entry.comparingByValue(
                            java.util.Comparator.comparing(this::forgettableAt)))
                    .ifPresent(e -> hosts.remove(e.getKey(), e.getValue()));
        }
    }

    private static boolean backsOff(Failed failed) {
        if (failed.status().isEmpty()) {
            return true;
        }
        int status = failed.status().getAsInt();
        return status == 403 || status == 429 || status >= 500;
    }

    private Duration backoff(int failuresInARow) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failuresInARow && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private Duration spacing(String url) {
        Duration crawlDelay = crawlDelays.apply(url).orElse(Duration.ZERO);
        if (crawlDelay.compareTo(maxBackoff) > 0) {
            crawlDelay = maxBackoff;
        }
        return crawlDelay.compareTo(minDelay) > 0 ? crawlDelay : minDelay;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String hostOf(String url) {
        String host = PageFetcher.toUri(url).getHost();
        if (host == null) {
            throw new IllegalArgumentException(url + " has no host");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private record HostState(Instant notBefore, int failuresInARow) {
    }
}
