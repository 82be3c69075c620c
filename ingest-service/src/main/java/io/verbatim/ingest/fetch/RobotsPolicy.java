package io.verbatim.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.verbatim.ingest.fetch.FetchResult.Failed;
import io.verbatim.ingest.fetch.FetchResult.Fetched;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Obeys robots.txt (RFC 9309). Each site's file (per scheme, host and port) is fetched through the safe
 * {@link PageFetcher}, parsed with crawler-commons for the fetcher's robot name, and cached:
 *
 * <ul>
 *   <li>2xx: its rules, kept for {@code ttl} (default 24 h);
 *   <li>4xx other than 429 (incl. 404): no robots.txt, so everything is allowed, kept for {@code ttl};
 *   <li>429, 5xx, a network failure or a refusal (e.g. the file is too large or redirects to a forbidden
 *       address): the site is treated as "disallow all", kept only for {@code unreachableTtl} (default 1 h), so a
 *       site that was briefly down is crawled again within the hour without asking for robots.txt on every page.
 * </ul>
 *
 * At most {@code maxSites} sites are cached (default 10,000), so a feed linking to thousands of sites cannot grow
 * the cache without bound: when it is full, expired entries go first, then the entry closest to its expiry. A site
 * dropped early only has its robots.txt fetched again when it is next asked about.
 *
 * <p>Two threads asking at once about an uncached site may both fetch its robots.txt; the later answer wins.
 */
public final class RobotsPolicy {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_UNREACHABLE_TTL = Duration.ofHours(1);
    public static final int DEFAULT_MAX_SITES = 10_000;

    private final PageFetcher fetcher;
    private final Clock clock;
    private final Duration ttl;
    private final Duration unreachableTtl;
    private final List<String> robotNames;
    private final int maxSites;
    private final Map<String, CachedRules> cache = new ConcurrentHashMap<>();

    public RobotsPolicy(PageFetcher fetcher, Clock clock) {
        this(fetcher, clock, DEFAULT_MAX_SITES);
    }

    /**
     * @param maxSites the most sites whose rules are cached ({@code verbatim.ingest.fetch.max-robots-sites})
     */
    public RobotsPolicy(PageFetcher fetcher, Clock clock, int maxSites) {
        this(fetcher, clock, DEFAULT_TTL, DEFAULT_UNREACHABLE_TTL, maxSites);
    }

    public RobotsPolicy(PageFetcher fetcher, Clock clock, Duration ttl, Duration unreachableTtl, int maxSites) {
        if (maxSites < 1) {
            throw new IllegalArgumentException("maxSites must be at least 1, not " + maxSites);
        }
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.unreachableTtl = unreachableTtl;
        this.maxSites = maxSites;
        this.robotNames = List.of(fetcher.settings().robotName());
    }

    /** How many sites' rules are cached now (at most {@code maxSites}). */
    public int cachedSites() {
        return cache.size();
    }

    /** Whether robots.txt lets us fetch {@code url}; false for a URL that cannot be parsed. */
    public boolean isAllowed(String url) {
        Optional<URI> uri = parse(url);
        if (uri.isEmpty()) {
            return false;
        }
        if ("/robots.txt".equals(uri.get().getRawPath())) {
            return true;
        }
        return rulesFor(uri.get()).isAllowed(uri.get().toString());
    }

    /** The site's Crawl-delay for us, when its robots.txt sets one. */
    public Optional<Duration> crawlDelay(String url) {
        Optional<URI> uri = parse(url);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        long millis = rulesFor(uri.get()).getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(millis));
    }

    private BaseRobotRules rulesFor(URI uri) {
        String site = site(uri);
        Instant now = clock.instant();
        CachedRules cached = cache.get(site);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.rules();
        }
        CachedRules fresh = load(site, now);
        cache(site, fresh, now);
        return fresh.rules();
    }

    private synchronized void cache(String site, CachedRules rules, Instant now) {
        if (!cache.containsKey(site) && cache.size() >= maxSites) {
            cache.values().removeIf(cached -> !now.isBefore(cached.expiresAt()));
            while (cache.size() >= maxSites) {
                cache.entrySet().stream().min(Map.Entry.comparingByValue(
                                java.util.Comparator.comparing(CachedRules::expiresAt)))
                        .ifPresent(e -> cache.remove(e.getKey(), e.getValue()));
            }
        }
        cache.put(site, rules);
    }

    private CachedRules load(String site, Instant now) {
        String robotsUrl = site + "/robots.txt";
        FetchResult result = fetcher.fetch(robotsUrl);
        if (result instanceof Fetched fetched) {
            BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(robotsUrl,
                    fetched.body().getBytes(StandardCharsets.UTF_8), "text/plain", robotNames);
            return new CachedRules(rules, now.plus(ttl));
        }
        if (result instanceof Failed failed && failed.status().isPresent()) {
            int status = failed.status().getAsInt();
            if (status >= 400 && status < 500 && status != 429) {
                return new CachedRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(ttl));
            }
        }
        return new CachedRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now.plus(unreachableTtl));
    }

    private static String site(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = PageFetcher.toUri(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record CachedRules(BaseRobotRules rules, Instant expiresAt) {
    }
}
