package io.verbatim.notify.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes a delivery notify-service gave up on to {@value Topics#NOTIFY_DELIVERIES_DLQ}: the webhook body as value,
 * keyed by subscription id, with the reason in {@link DeadLetterHeaders#REASON} like the other dead-letter topics,
 * plus {@value #SUBSCRIPTION_HEADER}, {@value #EVENT_HEADER} and {@value #ATTEMPTS_HEADER}. Waits for the broker's
 * acknowledgement (acks=all) before the delivery is marked dead.
 */
@ApplicationScoped
public class DeliveryDeadLetters {

    public static final String CHANNEL = "deliveries-dlq";
    public static final String SUBSCRIPTION_HEADER = "verbatim-subscription-id";
    public static final String EVENT_HEADER = "verbatim-event-id";
    public static final String ATTEMPTS_HEADER = "dead-letter-attempts";

    private final Emitter<String> emitter;

    public DeliveryDeadLetters(@Channel(CHANNEL) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(String subscriptionId, String eventId, int attempts, String reason, byte[] body)
            throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SUBSCRIPTION_HEADER, subscriptionId.getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(ATTEMPTS_HEADER, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(new String(body, StandardCharsets.UTF_8))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(subscriptionId)
                        .withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        acked.get(30, TimeUnit.SECONDS);
    }
}
