package io.verbatim.store.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;

/** How far the outbox relay is behind: unsent rows and the age of the oldest. One query, read by health and metrics. */
public record OutboxBacklog(long unsent, Duration oldestAge) {

    public static OutboxBacklog measure() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) OutboxEvent.getEntityManager()
                .createNativeQuery("select count(*), min(created_at) from outbox_event where sent_at is null")
                .getSingleResult());
        Duration age = row[1] == null ? Duration.ZERO : Duration.between(SqlTimestamps.toInstant(row[1]), Instant.now());
        return new OutboxBacklog(((Number) row[0]).longValue(), age);
    }
}
