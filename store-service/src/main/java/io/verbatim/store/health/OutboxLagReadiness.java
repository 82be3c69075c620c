package io.verbatim.store.health;

import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.OutboxBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the outbox relay falls behind: the oldest pending row is older than {@code max-lag}. Parked rows
 * (never publishable as they are, see {@code OutboxRelay}) are not lag: they are reported, not counted.
 */
@Readiness
@ApplicationScoped
public class OutboxLagReadiness implements HealthCheck {

    private final StoreConfig config;

    public OutboxLagReadiness(StoreConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog backlog = OutboxBacklog.measure();
        return HealthCheckResponse.named("outbox relay")
                .status(backlog.oldestAge().compareTo(config.outbox().maxLag()) <= 0)
                .withData("unsent", backlog.unsent())
                .withData("oldestUnsentSeconds", backlog.oldestAge().toSeconds())
                .withData("maxLagSeconds", config.outbox().maxLag().toSeconds())
                .withData("parked", backlog.parked())
                .build();
    }
}
