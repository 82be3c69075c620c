package io.verbatim.ingest.crawl;

import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the crawl loop can still do its work: DOWN (liveness and readiness) once an {@link Error} has stopped it,
 * or while one pass has been running longer than {@code verbatim.ingest.feeds.stall-timeout}. Either way the service
 * must be restarted; a crawl that cannot run must never look alive.
 */
@Liveness
@Readiness
@ApplicationScoped
public class CrawlLoopHealth implements HealthCheck {

    private final Duration stallTimeout;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant passStartedAt;
    private volatile Throwable stoppedBy;

    public CrawlLoopHealth(IngestConfig config) {
        this.stallTimeout = config.feeds().stallTimeout();
    }

    void passStarted() {
        passStartedAt = clock.instant();
    }

    void passEnded() {
        passStartedAt = null;
    }

    void stoppedBy(Throwable error) {
        stoppedBy = error;
    }

    boolean stopped() {
        return stoppedBy != null;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest crawl loop").up();
        Throwable error = stoppedBy;
        Instant started = passStartedAt;
        if (error != null) {
            response.down().withData("error", error.toString());
        } else if (started != null && Duration.between(started, clock.instant()).compareTo(stallTimeout) > 0) {
            response.down().withData("stalled", "one pass has run since " + started + ", longer than " + stallTimeout);
        }
        return response.build();
    }
}
