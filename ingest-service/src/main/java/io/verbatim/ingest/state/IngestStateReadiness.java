package io.verbatim.ingest.state;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the sources have been read back from every partition of {@code ingest.state}. Owning partitions is not
 * required: a replica the group has given no hosts yet (or none at all, when there are more replicas than partitions)
 * still serves the submit and admin API.
 */
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
                .withData("sources", state.sources().size())
                .withData("partitions", state.ownedPartitions().stream().sorted().toList().toString()).build();
    }
}
