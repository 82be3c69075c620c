package io.verbatim.notify.persistence;

import java.time.Instant;

/** One line of a subscription's delivery log. */
public record DeliveryRecord(long id, String eventId, String status, int attempts, Integer lastStatus,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {
}
