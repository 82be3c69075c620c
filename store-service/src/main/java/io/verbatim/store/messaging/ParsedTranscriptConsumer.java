package io.verbatim.store.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code transcript.parsed} from {@code transcripts.parsed} in batches and stores each record
 * ({@link ParsedTranscriptStorage}: idempotent, retried through database outages). A record that is not a valid
 * event goes to {@code transcripts.parsed.dlq}, unchanged, with the reason in its headers. The dead letters of a
 * batch and its consumed offsets are committed in one Kafka transaction after the database work, so a crash at any
 * moment neither loses nor repeats a dead letter; a batch read again after a crash is stored again as a no-op.
 */
@ApplicationScoped
public class ParsedTranscriptConsumer {

    public static final String INCOMING = "transcripts-parsed";
    public static final String DEAD_LETTERS = "transcripts-parsed-dlq";

    private static final Logger LOG = Logger.getLogger(ParsedTranscriptConsumer.class);

    private final ParsedTranscriptStorage storage;
    private final KafkaTransactions<String> deadLetters;

    public ParsedTranscriptConsumer(ParsedTranscriptStorage storage,
            @Channel(DEAD_LETTERS) KafkaTransactions<String> deadLetters) {
        this.storage = storage;
        this.deadLetters = deadLetters;
    }

    @Incoming(INCOMING)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return Uni.createFrom().item(() -> storeAll(batch.getRecords()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(refused -> deadLetters.withTransactionAndAck(batch, emitter -> {
                    refused.forEach(emitter::send);
                    return Uni.createFrom().voidItem();
                }));
    }

    /** Stores every record of the batch in order; returns the dead letters of those that are not valid events. */
    private List<Message<String>> storeAll(List<KafkaRecord<String, String>> records) {
        List<Message<String>> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                storage.store(record.getPayload());
            } catch (RuntimeException | StackOverflowError e) {
                // dead-lettered in the batch's transaction: an escaping failure would skip the batch
                long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
                LOG.warnf("record %s-%d@%d dead-lettered: %s", record.getTopic(), record.getPartition(), offset,
                        e.getMessage());
                RecordHeaders headers = new RecordHeaders();
                DeadLetterHeaders.describe(e, record.getTopic(), record.getPartition(), offset)
                        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
                refused.add(Message.of(record.getPayload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.TRANSCRIPTS_PARSED_DLQ).withKey(record.getKey()).withHeaders(headers)
                        .build()));
            }
        }
        return refused;
    }
}
