package io.verbatim.ingest.messaging;

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
 */
@ApplicationScoped
public class RawDocumentPublisher {

    public static final String CHANNEL = "transcripts-raw";

    private final Emitter<String> emitter;
    private final IngestConfig config;

    public RawDocumentPublisher(@Channel(CHANNEL) Emitter<String> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public CompletionStage<TranscriptFetched> publish(TranscriptFetched event) {
        CompletableFuture<TranscriptFetched> acknowledged = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", event.eventType().getBytes(StandardCharsets.UTF_8));
        headers.add(ContractVersion.HEADER, ContractVersion.CURRENT.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.documentId())
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(EventJson.write(event), Metadata.of(metadata),
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
}
