package io.verbatim.parse.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.verbatim.events.EventJson;
import io.verbatim.messaging.ExactlyOnceBatches;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.parse.ParsedEventFactory;
import io.verbatim.parse.config.ParseConfig;
import io.verbatim.parse.extract.UnparseableDocumentException;
import io.verbatim.parse.health.ParserLiveness;
import org.eclipse.microprofile.health.Liveness;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code transcript.fetched} from {@code transcripts.raw} in batches and publishes {@code transcript.parsed}
 * on {@code transcripts.parsed}, keyed by document id, exactly once: the parsed records, the dead letters and the
 * consumed offsets of a batch are committed in one Kafka transaction, or not at all (then the batch is read again).
 * A record that cannot be parsed goes to {@code transcripts.raw.dlq}, unchanged, with the reason in its
 * {@code dead-letter-reason} header ({@link DeadLetterHeaders}). A crash at any moment therefore neither loses nor
 * repeats a parsed record or a dead letter for {@code read_committed} readers.
 * Metrics: {@code verbatim_parse_documents_total{kind}}, {@code verbatim_parse_failures_total{reason}} and
 * {@code verbatim_parse_duration_seconds} (time to parse one document).
 */
@ApplicationScoped
public class RawTranscriptProcessor {

    public static final String INCOMING = "transcripts-raw";
    public static final String OUTGOING = "transcripts-parsed";

    private static final Logger LOG = Logger.getLogger(RawTranscriptProcessor.class);

    private final ParsedEventFactory parsedEvents;
    private final MeterRegistry registry;
    private final KafkaTransactions<String> transactions;
    private final Timer parseTime;
    private final String deadLetterTopic;
    private final int maxRecordBytes;
    private final KafkaClientService kafkaClients;
    private final ParserLiveness liveness;

    public RawTranscriptProcessor(ParsedEventFactory parsedEvents, MeterRegistry registry,
            @Channel(OUTGOING) KafkaTransactions<String> transactions, KafkaClientService kafkaClients,
            ParseConfig config, @Liveness ParserLiveness liveness,
            @ConfigProperty(name = "mp.messaging.incoming." + INCOMING + ".dead-letter-queue.topic",
                    defaultValue = Topics.TRANSCRIPTS_RAW_DLQ) String deadLetterTopic) {
        this.parsedEvents = parsedEvents;
        this.kafkaClients = kafkaClients;
        this.liveness = liveness;
        this.maxRecordBytes = config.maxRecordBytes();
        this.deadLetterTopic = deadLetterTopic;
        this.registry = registry;
        this.transactions = transactions;
        this.parseTime = Timer.builder("verbatim.parse.duration")
                .description("time to parse one document, dead-lettered ones included")
                .publishPercentileHistogram(false)
                .register(registry);
    }

    @Incoming(INCOMING)
    public Uni<Void> parse(KafkaRecordBatch<String, String> batch) {
        return ExactlyOnceBatches.process(INCOMING, batch, transactions, kafkaClients,
                () -> parseAll(batch.getRecords()));
    }

    private List<Message<String>> parseAll(List<KafkaRecord<String, String>> records) {
        List<Message<String>> outgoing = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            outgoing.add(parseTime.record(() -> parseOne(record)));
        }
        return outgoing;
    }

    private Message<String> parseOne(KafkaRecord<String, String> record) {
        TranscriptParsed parsed;
        String json;
        try {
            parsed = parsedEvents.parsedEventFor(EventJson.read(record.getPayload(), TranscriptFetched.class));
            json = EventJson.write(parsed);
            // a char is at most 3 UTF-8 bytes: only a long record is worth encoding to measure
            int bytes = json.length() * 3 <= maxRecordBytes ? 0 : json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxRecordBytes) {
                throw new UnparseableDocumentException(String.format(Locale.ROOT,
                        "the parsed document (%,d statements) would be a %,d-byte record; transcripts.parsed takes"
                                + " at most %,d bytes", parsed.statements().size(), bytes, maxRecordBytes));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // every record ends in the batch's transaction, as a parsed record or as a dead letter
            String reason = e instanceof MalformedEventException ? "malformed-event"
                    : e instanceof UnparseableDocumentException ? "unparseable" : "error";
            return deadLetter(record, e, reason);
        } catch (OutOfMemoryError e) {
            // Issue 12, finding 10. The bounds (characters, nesting, deadline) keep any one document far below the
            // heap; if one still exhausts it, what it allocated is garbage now. Re-throwing would abort the batch,
            // and the restarted service would read the same document and fail again, for ever: so it is parked
            // like any other failure, the batch commits, and the service goes not live to get a fresh JVM.
            liveness.markBroken("OutOfMemoryError while parsing record " + where(record));
            OutOfMemoryError described = new OutOfMemoryError("parsing this document exhausted the heap ("
                    + e.getMessage() + "); the document is parked and parse-service restarted");
            return deadLetter(record, described, "out-of-memory");
        } catch (Error e) {
            // Any other Error (a broken class path, an internal JVM error) is not the document's doing: the batch
            // is aborted and read again by a restarted service.
            liveness.markBroken(e.getClass().getName() + " while parsing record " + where(record));
            LOG.errorf(e, "record %s: %s, batch aborted, parse-service not live", where(record), e);
            throw e;
        }
        registry.counter("verbatim.parse.documents", "kind", parsed.kind()).increment();
        LOG.debugf("document %s parsed: %s, %d statements", parsed.documentId(), parsed.kind(),
                parsed.statements().size());
        return withTrace(record, Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(parsed.documentId()).build()));
    }

    private Message<String> deadLetter(KafkaRecord<String, String> record, Throwable failure, String reason) {
        registry.counter("verbatim.parse.failures", "reason", reason).increment();
        LOG.warnf("record %s dead-lettered: %s", where(record), failure.getMessage());
        return withTrace(record, ExactlyOnceBatches.deadLetter(record, failure, deadLetterTopic));
    }

    private static String where(KafkaRecord<String, String> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + ExactlyOnceBatches.offset(record);
    }

    /** The outgoing record continues the incoming record's trace, when tracing is on. */
    private static Message<String> withTrace(KafkaRecord<String, String> incoming, Message<String> outgoing) {
        return incoming.getMetadata(TracingMetadata.class).map(outgoing::addMetadata).orElse(outgoing);
    }
}
