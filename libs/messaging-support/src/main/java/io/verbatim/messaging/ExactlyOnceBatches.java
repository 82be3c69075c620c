package io.verbatim.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.verbatim.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Exactly-once processing of one batch read from Kafka, shared by parse-service and store-service: the work runs
 * off the event loop inside a Kafka transaction, its records (results and dead letters) are sent in that transaction
 * and the batch's consumed offsets are committed with it. Any failure aborts the transaction; then the consumer goes
 * back to its last committed offsets (SmallRye does so after an abort; doing it again here also covers a
 * transaction that never began), so the next batch can never commit offsets past an uncommitted one; it waits first,
 * longer after each failure in a row ({@link #backOff}), so an outage is not met with a tight loop. If even that
 * fails ten times, the returned {@code Uni} fails and so does the channel: readiness and liveness go down rather
 * than the service reading on. The work must account for every record itself (a result or a dead letter).
 */
public final class ExactlyOnceBatches {

    private static final Logger LOG = Logger.getLogger(ExactlyOnceBatches.class);
    private static final Map<String, Integer> FAILED_IN_A_ROW = new ConcurrentHashMap<>();

    private ExactlyOnceBatches() {
    }

    /**
     * Runs {@code work} for {@code batch} of {@code channel} and commits its records and the batch's offsets in one
     * transaction of {@code transactions}. The broker's transaction clock starts with the first record sent, so a
     * long {@code work} does not make the transaction time out.
     */
    public static <T> Uni<Void> process(String channel, KafkaRecordBatch<?, ?> batch, KafkaTransactions<T> transactions,
            KafkaClientService clients, Supplier<List<Message<T>>> work) {
        return transactions.withTransaction(batch, emitter -> Uni.createFrom().item(work)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(outgoing -> outgoing.forEach(emitter::send))
                        .replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(() -> FAILED_IN_A_ROW.remove(channel))
                .onFailure().recoverWithUni(failure -> {
                    int failedInARow = FAILED_IN_A_ROW.merge(channel, 1, Integer::sum);
                    Duration pause = backOff(failedInARow);
                    LOG.warnf("%s: batch not committed (%d in a row), reading it again from the last committed"
                                    + " offsets in %d ms: %s", channel, failedInARow, pause.toMillis(),
                            DeadLetterHeaders.reasonOf(failure));
                    return Uni.createFrom().voidItem().onItem().delayIt().by(pause)
                            .chain(() -> clients.getConsumer(channel).resetToLastCommittedPositions())
                            .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                            .atMost(10);
                });
    }

    /**
     * How long to wait before reading a batch again after {@code failedInARow} failures: 0.5 s doubling to 30 s, so
     * that an outage is not met with a tight loop of reads and aborted transactions.
     */
    static Duration backOff(int failedInARow) {
        long millis = 500L << Math.min(failedInARow - 1, 6);
        return Duration.ofMillis(Math.min(millis, 30_000));
    }

    /**
     * The dead letter of {@code record} for {@code topic}: the same key and value, and {@link DeadLetterHeaders}
     * saying why and where it was read.
     */
    public static Message<String> deadLetter(KafkaRecord<String, String> record, Throwable failure, String topic) {
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.describe(failure, record.getTopic(), record.getPartition(), offset(record))
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Message.of(record.getPayload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(record.getKey()).withHeaders(headers).build());
    }

    /** The offset {@code record} was read at, or -1 when it did not come from Kafka. */
    public static long offset(KafkaRecord<?, ?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }
}
