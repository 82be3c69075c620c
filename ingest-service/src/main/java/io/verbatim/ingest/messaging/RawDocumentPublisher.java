package io.verbatim.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.verbatim.events.ContractVersion;
import io.verbatim.events.EventJson;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes {@code transcript.fetched} events on {@code transcripts.raw}, keyed by document id. The returned stage
 * completes only once the broker has acknowledged the record (acks=all), so a caller never reports success for a
 * document that could still be lost.
 *
 * <p>The event's JSON is measured before it is sent: one larger than {@code verbatim.ingest.max-event-bytes} fails the
 * stage at once with an {@link EventTooLargeException} (counted in {@code verbatim_ingest_oversized_events_total}),
 * so the caller can refuse it for good instead of retrying a record the broker will never take.
 */
@ApplicationScoped
public class RawDocumentPublisher {

    public static final String CHANNEL = "transcripts-raw";

    private final Emitter<String> emitter;
    private final IngestConfig config;
    private final Counter oversized;

    public RawDocumentPublisher(@Channel(CHANNEL) Emitter<String> emitter, IngestConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        this.oversized = registry.counter("verbatim.ingest.oversized.events");
    }

    public CompletionStage<TranscriptFetched> publish(TranscriptFetched event) {
        String json = EventJson.write(event);
        long bytes = utf8Length(json);
        if (bytes > config.maxEventBytes()) {
            oversized.increment();
            return CompletableFuture.failedFuture(
                    new EventTooLargeException(event.documentId(), bytes, config.maxEventBytes()));
        }
        CompletableFuture<TranscriptFetched> acknowledged = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", event.eventType().getBytes(StandardCharsets.UTF_8));
        headers.add(ContractVersion.HEADER, ContractVersion.CURRENT.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.documentId())
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(json, Metadata.of(metadata),
                () -> {
                    acknowledged.complete(event);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged.orTimeout(config.publishTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The length of {@code text} in UTF-8, without encoding it (a lone surrogate counts as 3, an upper bound). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
