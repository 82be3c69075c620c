package io.verbatim.store.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.Topics;
import io.verbatim.messaging.ExactlyOnceBatches;
import io.verbatim.store.persistence.ParsedTranscriptStorage;
import io.verbatim.store.persistence.TranscriptRejectedByDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code transcript.parsed} from {@code transcripts.parsed} in batches and stores each record
 * ({@link ParsedTranscriptStorage}: idempotent, retried through database outages). A record proven bad (not a valid
 * event, or data PostgreSQL refuses) goes to {@code transcripts.parsed.dlq}, unchanged, with the reason in its
 * headers; any other failure is the environment's and never dead-letters a record. The dead letters of a
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
        return ExactlyOnceBatches.process(INCOMING, batch, deadLetters, kafkaClients,
                () -> storeAll(batch.getRecords()));
    }

    /**
     * Stores every record of the batch in order; returns the dead letters of those proven bad: not a valid event,
     * data PostgreSQL refuses, or processing that overflows the stack (the same record does so every time). Any
     * other failure leaves this method: the batch is not committed and is read again from the committed offsets.
     */
    private List<Message<String>> storeAll(List<KafkaRecord<String, String>> records) {
        List<Message<String>> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                storage.store(record.getPayload());
            } catch (MalformedEventException | TranscriptRejectedByDatabase | StackOverflowError e) {
                LOG.warnf("record %s-%d@%d dead-lettered: %s", record.getTopic(), record.getPartition(),
                        ExactlyOnceBatches.offset(record), DeadLetterHeaders.reasonOf(e));
                refused.add(ExactlyOnceBatches.deadLetter(record, e, Topics.TRANSCRIPTS_PARSED_DLQ));
            }
        }
        return refused;
    }
}
