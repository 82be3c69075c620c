package io.verbatim.ingest.crawl;

import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.fetch.FetchSettings;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.fetch.PageFetcher;
import io.verbatim.ingest.fetch.RobotsPolicy;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;

/** Builds the plain-Java fetching parts from the typed configuration, once per application. */
@ApplicationScoped
public class FetchComponents {

    @Produces
    @ApplicationScoped
    PageFetcher pageFetcher(IngestConfig config) {
        IngestConfig.Fetch fetch = config.fetch();
        return new PageFetcher(new FetchSettings(fetch.userAgent(), fetch.connectTimeout(), fetch.readTimeout(),
                fetch.deadline(), config.maxBodyBytes(), fetch.maxRedirects(), config.allowedHosts().orElse(Set.of())),
                Clock.systemUTC());
    }

    void close(@Disposes PageFetcher fetcher) throws IOException {
        fetcher.close();
    }

    @Produces
    @ApplicationScoped
    RobotsPolicy robotsPolicy(PageFetcher fetcher, IngestConfig config) {
        return new RobotsPolicy(fetcher, Clock.systemUTC(), config.fetch().maxRobotsSites());
    }

    @Produces
    @ApplicationScoped
    HostPoliteness hostPoliteness(IngestConfig config, RobotsPolicy robots, IngestStateStore state) {
        return new HostPoliteness(Clock.systemUTC(), config.fetch().hostDelay(), HostPoliteness.DEFAULT_INITIAL_BACKOFF,
                HostPoliteness.DEFAULT_MAX_BACKOFF, robots::crawlDelay, config.fetch().maxHosts(), state::ownedSince);
    }
}
