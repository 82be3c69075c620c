package io.verbatim.store.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the outbox relay is behind: pending rows (neither sent nor parked) and the age of the oldest, and how many
 * rows are parked (they are never retried by themselves, so they do not count as lag). One query, read by health and
 * metrics.
 */
public record OutboxBacklog(long unsent, Duration oldestAge, long parked) {

    public static OutboxBacklog measure() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) OutboxEvent.getEntityManager()
                .createNativeQuery("select count(*) filter (where parked_at is null), "
                        + "min(created_at) filter (where parked_at is null), "
                        + "count(*) filter (where parked_at is not null) "
                        + "from outbox_event where sent_at is null")
                .getSingleResult());
        Duration age = row[1] == null ? Duration.ZERO : Duration.between(SqlTimestamps.toInstant(row[1]), Instant.now());
        return new OutboxBacklog(((Number) row[0]).longValue(), age, ((Number) row[2]).longValue());
    }
}
