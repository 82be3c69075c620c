package io.verbatim.store.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the outbox relay falls behind: the oldest unsent row is older than {@code max-lag}. */
@Readiness
@ApplicationScoped
public class OutboxLagReadiness implements HealthCheck {

    private final StoreConfig config;

    public OutboxLagReadiness(StoreConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) OutboxEvent.getEntityManager()
                .createNativeQuery("select count(*), min(created_at) from outbox_event where sent_at is null")
                .getSingleResult());
        long unsent = ((Number) row[0]).longValue();
        Duration age = row[1] == null ? Duration.ZERO : Duration.between(toInstant(row[1]), Instant.now());
        return HealthCheckResponse.named("outbox relay")
                .status(age.compareTo(config.outbox().maxLag()) <= 0)
                .withData("unsent", unsent)
                .withData("oldestUnsentSeconds", age.toSeconds())
                .withData("maxLagSeconds", config.outbox().maxLag().toSeconds())
                .build();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
