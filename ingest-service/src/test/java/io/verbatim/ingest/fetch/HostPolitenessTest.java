package io.verbatim.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ingest.fetch.FetchResult.Failed;
import io.verbatim.ingest.fetch.FetchResult.NotModified;
import io.verbatim.ingest.fetch.FetchResult.Refused;
import io.verbatim.httpguard.RetryAfterHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {

    private static final String PAGE = "http://en.kremlin.ru/events/president/news/74318";
    private static final String OTHER_PAGE = "http://en.kremlin.ru/events/president/news/74319";
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final HostPoliteness politeness = new HostPoliteness(clock);

    @Test
    void firstRequestToAHostNeedNotWait() {
        Duration delay = politeness.delayBeforeNextRequest(PAGE);

        assertThat(delay).isZero();
    }

    @Test
    void nextRequestToTheSameHostWaitsTheMinimumDelay() {
        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, fetched());

        Duration delay = politeness.delayBeforeNextRequest(OTHER_PAGE);

        assertThat(delay).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delayRunsOutAsTimePasses() {
        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, fetched());
        clock.advance(Duration.ofMillis(1500));

        Duration delay = politeness.delayBeforeNextRequest(OTHER_PAGE);
        clock.advance(Duration.ofMillis(500));
        Duration later = politeness.delayBeforeNextRequest(OTHER_PAGE);

        assertThat(delay).isEqualTo(Duration.ofMillis(500));
        assertThat(later).isZero();
    }

    @Test
    void otherHostsAreNotDelayed() {
        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, fetched());

        Duration delay = politeness.delayBeforeNextRequest("http://kremlin.ru/events/president/news/74318");

        assertThat(delay).isZero();
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsDelaysTheNextRequest() {
        Optional<Instant> retryAfter = RetryAfterHeader.parse("120", clock.instant());
        politeness.requestStarted(PAGE);

        politeness.requestFinished(PAGE, failed(429, retryAfter));

        assertThat(politeness.delayBeforeNextRequest(PAGE)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void tooManyRequestsWithRetryAfterDateDelaysTheNextRequestUntilThen() {
        Optional<Instant> retryAfter = RetryAfterHeader.parse("Sat, 28 Nov 2026 13:30:00 GMT", clock.instant());
        politeness.requestStarted(PAGE);

        politeness.requestFinished(PAGE, failed(429, retryAfter));

        assertThat(politeness.nextRequestAt(PAGE)).isEqualTo(Instant.parse("2026-11-28T13:30:00Z"));
        assertThat(politeness.delayBeforeNextRequest(PAGE)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void retryAfterShorterThanTheMinimumDelayStillWaitsTheMinimumDelay() {
        politeness.requestStarted(PAGE);

        politeness.requestFinished(PAGE, failed(503, Optional.of(clock.instant().plusSeconds(1))));

        assertThat(politeness.delayBeforeNextRequest(PAGE)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsWithoutRetryAfterBackOffExponentiallyUpToTheCap() {
        Duration[] delays = new Duration[9];

        for (int i = 0; i < delays.length; i++) {
            politeness.requestStarted(PAGE);
            politeness.requestFinished(PAGE, failed(503, Optional.empty()));
            delays[i] = politeness.delayBeforeNextRequest(PAGE);
            clock.advance(delays[i]);
        }

        assertThat(delays).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofSeconds(960), Duration.ofSeconds(1920),
                Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void forbiddenAndNetworkFailuresBackOffToo() {
        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, failed(403, Optional.empty()));
        clock.advance(politeness.delayBeforeNextRequest(PAGE));

        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, new Failed(PAGE, "timed out", OptionalInt.empty(), Optional.empty()));

        assertThat(politeness.delayBeforeNextRequest(PAGE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void notFoundDoesNotBackOff() {
        politeness.requestStarted(PAGE);

        politeness.requestFinished(PAGE, failed(404, Optional.empty()));

        assertThat(politeness.delayBeforeNextRequest(PAGE)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void successResetsTheBackOff() {
        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, failed(500, Optional.empty()));
        clock.advance(politeness.delayBeforeNextRequest(PAGE));
        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, new NotModified(PAGE, PAGE, Optional.empty(), Optional.empty()));
        clock.advance(politeness.delayBeforeNextRequest(PAGE));

        politeness.requestStarted(PAGE);
        politeness.requestFinished(PAGE, failed(500, Optional.empty()));

        assertThat(politeness.delayBeforeNextRequest(PAGE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusalChangesNothing() {
        politeness.requestFinished(PAGE, new Refused(PAGE, "refused: host is private"));

        Duration delay = politeness.delayBeforeNextRequest(PAGE);

        assertThat(delay).isZero();
    }

    @Test
    void crawlDelayLargerThanTheMinimumDelayIsHonoured() {
        HostPoliteness withCrawlDelay = new HostPoliteness(clock, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofHours(1), url -> Optional.of(Duration.ofSeconds(10)));
        withCrawlDelay.requestStarted(PAGE);
        withCrawlDelay.requestFinished(PAGE, fetched());

        Duration delay = withCrawlDelay.delayBeforeNextRequest(OTHER_PAGE);

        assertThat(delay).isEqualTo(Duration.ofSeconds(10));
    }

    /**
     * Issue 12, finding 6 (unbounded in-memory maps): a feed linking to thousands of hosts added one entry per host
     * for the life of the instance. Now a host whose pace no longer matters is forgotten, and the map stays bounded.
     */
    @Test
    void hostsWhosePaceNoLongerMattersAreForgottenSoTheMapStaysBounded() {
        HostPoliteness bounded = bounded(100);
        List<Integer> tracked = new ArrayList<>();

        for (int i = 0; i < 5_000; i++) {
            String url = "http://host-" + i + ".example/page";
            assertThat(bounded.delayBeforeNextRequest(url)).as("delay for a new host, request %d", i).isZero();
            bounded.requestStarted(url);
            bounded.requestFinished(url, fetched());
            tracked.add(bounded.trackedHosts());
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(tracked).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(100));
        assertThat(bounded.delayBeforeNextRequest("http://host-4999.example/other"))
                .as("the last host still keeps its pace").isEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void whileEveryTrackedHostMustStillWaitANewHostWaitsForRoomInsteadOfEvictingOne() {
        HostPoliteness bounded = bounded(3);
        bounded.requestStarted("http://failing.example/page");
        bounded.requestFinished("http://failing.example/page", failed(503, Optional.empty()));
        for (String host : List.of("a", "b")) {
            bounded.requestStarted("http://" + host + ".example/page");
            bounded.requestFinished("http://" + host + ".example/page", fetched());
        }

        Duration newHostWhileFull = bounded.delayBeforeNextRequest("http://new.example/page");
        clock.advance(Duration.ofSeconds(2));
        Duration newHostOnceRoom = bounded.delayBeforeNextRequest("http://new.example/page");
        bounded.requestStarted("http://new.example/page");

        assertThat(newHostWhileFull).isEqualTo(Duration.ofSeconds(2));
        assertThat(newHostOnceRoom).isZero();
        assertThat(bounded.trackedHosts()).isLessThanOrEqualTo(3);
        assertThat(bounded.delayBeforeNextRequest("http://failing.example/other"))
                .as("the failing host's back-off is kept").isEqualTo(Duration.ofSeconds(28));
    }

    private HostPoliteness bounded(int maxHosts) {
        return new HostPoliteness(clock, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1),
                url -> Optional.empty(), maxHosts);
    }

    private static FetchResult fetched() {
        return new FetchResult.Fetched(PAGE, PAGE, 200, "text/html", java.nio.charset.StandardCharsets.UTF_8,
                "<p>ok</p>", Optional.empty(), Optional.empty(), 9);
    }

    private static Failed failed(int status, Optional<Instant> retryAfter) {
        return new Failed(PAGE, "HTTP " + status, OptionalInt.of(status), retryAfter);
    }
}
