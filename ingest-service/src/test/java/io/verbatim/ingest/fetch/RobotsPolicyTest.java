package io.verbatim.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsPolicyTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final LocalHttpServer server = new LocalHttpServer();
    private final PageFetcher fetcher = new PageFetcher(
            FetchSettings.defaults().withAllowedHosts(Set.of(LocalHttpServer.HOST)), clock);
    private final RobotsPolicy robots = new RobotsPolicy(fetcher, clock);

    @AfterEach
    void stop() throws IOException {
        fetcher.close();
        server.close();
    }

    @Test
    void kremlinRobotsTxtAllowsNewsPagesAndDisallowsSearchAndCopies() {
        server.on("/robots.txt", 200, kremlinRobotsTxt(), "Content-Type", "text/plain");

        boolean news = robots.isAllowed(server.url("/events/president/news/74318"));
        boolean feed = robots.isAllowed(server.url("/events/president/news/feed"));
        boolean search = robots.isAllowed(server.url("/search?query=Putin"));
        boolean copy = robots.isAllowed(server.url("/events/president/news/copy/74318"));
        boolean subscribe = robots.isAllowed(server.url("/subscribe/daily/subscribe"));

        assertThat(news).isTrue();
        assertThat(feed).isTrue();
        assertThat(search).isFalse();
        assertThat(copy).isFalse();
        assertThat(subscribe).isFalse();
    }

    @Test
    void robotsTxtIsFetchedOncePerSiteWithinItsTtl() {
        server.on("/robots.txt", 200, kremlinRobotsTxt(), "Content-Type", "text/plain");
        robots.isAllowed(server.url("/events/president/news/1"));
        clock.advance(Duration.ofHours(23));

        robots.isAllowed(server.url("/events/president/news/2"));
        int hitsWithinTtl = server.hits("/robots.txt");
        clock.advance(Duration.ofHours(2));
        robots.isAllowed(server.url("/events/president/news/3"));

        assertThat(hitsWithinTtl).isEqualTo(1);
        assertThat(server.hits("/robots.txt")).isEqualTo(2);
    }

    @Test
    void robotsTxtAnsweringWithAServerErrorDisallowsEverythingForAnHour() {
        server.on("/robots.txt", 503, "down");

        boolean whileDown = robots.isAllowed(server.url("/events/president/news/74318"));
        clock.advance(Duration.ofMinutes(59));
        boolean stillCached = robots.isAllowed(server.url("/events/president/news/74318"));
        int hitsWithinTheHour = server.hits("/robots.txt");
        clock.advance(Duration.ofMinutes(2));
        robots.isAllowed(server.url("/events/president/news/74318"));

        assertThat(whileDown).isFalse();
        assertThat(stillCached).isFalse();
        assertThat(hitsWithinTheHour).isEqualTo(1);
        assertThat(server.hits("/robots.txt")).isEqualTo(2);
    }

    /**
     * Issue 12, finding 6 (unbounded in-memory maps): every site asked about stayed cached. Now at most the bound is
     * cached: expired rules go first, then those closest to expiry, so a site's 24-hour rules outlast the hour-long
     * "unreachable" entries of other sites.
     */
    @Test
    void robotsCacheHoldsAtMostItsBoundOfSitesAndDropsExpiredRulesFirst() {
        RobotsPolicy bounded = new RobotsPolicy(fetcher, clock, 5);
        server.on("/robots.txt", 404, "");
        bounded.isAllowed(server.url("/page"));
        List<Integer> cached = new ArrayList<>();

        for (int port = 1; port <= 20; port++) {
            bounded.isAllowed("http://" + LocalHttpServer.HOST + ":" + port + "/page");
            cached.add(bounded.cachedSites());
        }
        bounded.isAllowed(server.url("/other"));
        int robotsHitsWithinTtl = server.hits("/robots.txt");
        clock.advance(Duration.ofHours(2));
        bounded.isAllowed("http://" + LocalHttpServer.HOST + ":21/page");

        assertThat(cached).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(5));
        assertThat(robotsHitsWithinTtl).as("the site with 24-hour rules stayed cached").isEqualTo(1);
        assertThat(bounded.cachedSites()).as("expired entries gone: the 24-hour site and the new one").isEqualTo(2);
    }

    @Test
    void unreachableRobotsTxtDisallowsEverything() throws IOException {
        String page = server.url("/events/president/news/74318");
        server.close();

        boolean allowed = robots.isAllowed(page);

        assertThat(allowed).isFalse();
    }

    @Test
    void missingRobotsTxtAllowsEverything() {
        server.on("/robots.txt", 404, "not found");

        boolean allowed = robots.isAllowed(server.url("/search?query=anything"));

        assertThat(allowed).isTrue();
    }

    @Test
    void crawlDelayForOurRobotIsExposed() {
        server.on("/robots.txt", 200, "User-agent: verbatim\nCrawl-delay: 10\nDisallow: /private\n\n"
                + "User-agent: *\nDisallow: /\n", "Content-Type", "text/plain");

        Duration delay = robots.crawlDelay(server.url("/events")).orElseThrow();
        boolean allowed = robots.isAllowed(server.url("/events"));

        assertThat(delay).isEqualTo(Duration.ofSeconds(10));
        assertThat(allowed).isTrue();
    }

    @Test
    void siteWithoutCrawlDelayHasNone() {
        server.on("/robots.txt", 200, kremlinRobotsTxt(), "Content-Type", "text/plain");

        boolean hasDelay = robots.crawlDelay(server.url("/events")).isPresent();

        assertThat(hasDelay).isFalse();
    }

    private static String kremlinRobotsTxt() {
        try (InputStream in = RobotsPolicyTest.class.getResourceAsStream("/sites/en.kremlin.ru/robots.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
