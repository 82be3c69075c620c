package io.verbatim.ingest.state;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the crawl state has been read back from {@code ingest.state}. */
@Readiness
@ApplicationScoped
public class IngestStateReadiness implements HealthCheck {

    private final IngestStateStore state;

    public IngestStateReadiness(IngestStateStore state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ingest crawl state").status(state.isLoaded())
                .withData("sources", state.sources().size()).build();
    }
}
