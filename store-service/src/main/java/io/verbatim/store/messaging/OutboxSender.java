package io.verbatim.store.messaging;

import io.verbatim.store.persistence.OutboxEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one outbox row to its topic and completes when the broker acknowledged it (or fails with the reason). The
 * relay's own sender goes through the {@code statements-new} and {@code speakers-changed} channels; a second relay
 * on the same outbox (another replica, or a test's second instance) brings its own producer.
 */
@FunctionalInterface
public interface OutboxSender {

    CompletableFuture<Void> send(OutboxEvent row);
}
