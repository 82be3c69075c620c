package io.verbatim.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.verbatim.ingest.fetch.FetchResult.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher's connection pool stays within its bound however many sites are fetched (issue 12: the robots.txt
 * cache's benchmark measured the heap 3.9 MB higher after 10,000 further sites with the cache still at its bound of
 * 10,000; a heap histogram showed 10,000 more {@code HttpRoute}s and {@code StrictConnPool$PerRoutePool}s: the pool
 * kept an empty per-site entry for every site it had ever connected to). Each local server on its own port is a
 * site of its own.
 */
class PageFetcherConnectionPoolTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private static final FetchSettings SETTINGS = FetchSettings.defaults()
            .withAllowedHosts(Set.of(LocalHttpServer.HOST));

    private final List<LocalHttpServer> sites = new ArrayList<>();
    /** The client port of each request received, in order: one port is one connection. */
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private PageFetcher fetcher;

    @AfterEach
    void stop() throws IOException {
        if (fetcher != null) {
            fetcher.close();
        }
        sites.forEach(LocalHttpServer::close);
    }

    /**
     * Failed before the fix: after one page from each of 12 sites the pool held state for all 12 (one empty entry per
     * site, never removed), although at most 3 connections were open.
     */
    @Test
    void poolHoldsNoMoreSitesThanItsConnectionBoundAfterFetchingFromManySites() {
        fetcher = new PageFetcher(SETTINGS.withConnectionPool(3, Duration.ofMinutes(10)), CLOCK);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pages.add(site().url("/robots.txt"));
        }

        List<FetchResult> results = pages.stream().map(fetcher::fetch).toList();

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(Fetched.class));
        assertThat(clientPorts).hasSize(12);
        assertThat(fetcher.pooledSites()).isBetween(1, 3);
        assertThat(fetcher.idleConnections()).isBetween(1, 3);
    }

    @Test
    void connectionToASiteIsKeptAliveForItsNextFetch() {
        fetcher = new PageFetcher(SETTINGS, CLOCK);
        LocalHttpServer site = site();

        FetchResult first = fetcher.fetch(site.url("/robots.txt"));
        FetchResult second = fetcher.fetch(site.url("/news/1"));

        assertThat(List.of(first, second)).allSatisfy(result -> assertThat(result).isInstanceOf(Fetched.class));
        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isEqualTo(clientPorts.get(0));
        assertThat(fetcher.pooledSites()).isEqualTo(1);
        assertThat(fetcher.idleConnections()).isEqualTo(1);
    }

    @Test
    void zeroIdleTimeKeepsNoConnectionBetweenFetches() {
        fetcher = new PageFetcher(SETTINGS.withConnectionPool(3, Duration.ZERO), CLOCK);
        LocalHttpServer site = site();

        FetchResult first = fetcher.fetch(site.url("/robots.txt"));
        int idleAfterFirst = fetcher.idleConnections();
        FetchResult second = fetcher.fetch(site.url("/news/1"));

        assertThat(List.of(first, second)).allSatisfy(result -> assertThat(result).isInstanceOf(Fetched.class));
        assertThat(idleAfterFirst).isZero();
        assertThat(fetcher.idleConnections()).isZero();
        assertThat(fetcher.pooledSites()).isZero();
        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
    }

    /**
     * Failed before the fix: the deadline timer of every fetch stayed queued until its deadline (60 s by default)
     * although the fetch had cancelled it, so a fast crawl held one timer per fetch of the last minute.
     */
    @Test
    void finishedFetchesLeaveNoDeadlineScheduled() {
        fetcher = new PageFetcher(SETTINGS, CLOCK);
        LocalHttpServer site = site();

        for (int i = 0; i < 20; i++) {
            assertThat(fetcher.fetch(site.url("/news/" + i))).isInstanceOf(Fetched.class);
        }

        assertThat(clientPorts).hasSize(20);
        assertThat(fetcher.scheduledDeadlines()).isZero();
    }

    @Test
    void connectionSettingsOutsideTheirRangeAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SETTINGS.withConnectionPool(0, Duration.ofSeconds(30)))
                .withMessage("maxConnections must be at least 1, not 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SETTINGS.withConnectionPool(3, Duration.ofSeconds(-1)))
                .withMessage("connectionIdleTime must not be negative");
    }

    /** A new local server on a port of its own, answering every path with a short robots.txt. */
    private LocalHttpServer site() {
        LocalHttpServer site = new LocalHttpServer().on("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            LocalHttpServer.respond(exchange, 200, "User-agent: *\nDisallow: /search\n"
                    .getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        });
        sites.add(site);
        return site;
    }
}
