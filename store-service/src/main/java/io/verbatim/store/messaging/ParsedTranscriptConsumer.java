package io.verbatim.store.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private final KafkaClientService kafkaClients;

    public ParsedTranscriptConsumer(ParsedTranscriptStorage storage,
            @Channel(DEAD_LETTERS) KafkaTransactions<String> deadLetters, KafkaClientService kafkaClients) {
        this.storage = storage;
        this.deadLetters = deadLetters;
        this.kafkaClients = kafkaClients;
    }

    @Incoming(INCOMING)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        // The database work runs off the event loop, inside the transaction's work, so that any failure aborts
        // the transaction; the broker's transaction clock only starts with the first dead letter or the offsets.
        return deadLetters.withTransaction(batch, emitter -> Uni.createFrom()
                        .item(() -> storeAll(batch.getRecords()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(refused -> refused.forEach(emitter::send))
                        .replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(this::readAgain);
    }

    /**
     * The batch was not committed: back to the last committed offsets (storing it again is a no-op), so that the
     * next batch cannot commit offsets past it. If even that fails, the channel fails rather than going on.
     */
    private Uni<Void> readAgain(Throwable failure) {
        LOG.warnf("batch not committed, reading it again from the last committed offsets: %s", failure.toString());
        return kafkaClients.getConsumer(INCOMING).resetToLastCommittedPositions()
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).atMost(10);
    }

    /** Stores every record of the batch in order; returns the dead letters of those that are not valid events. */
    private List<Message<String>> storeAll(List<KafkaRecord<String, String>> records) {
        List<Message<String>> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                storage.store(record.getPayload());
            } catch (RuntimeException | StackOverflowError e) {
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
