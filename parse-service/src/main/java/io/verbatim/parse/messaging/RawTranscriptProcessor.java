package io.verbatim.parse.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.parse.TranscriptParser;
import io.verbatim.parse.extract.UnparseableDocumentException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Consumes {@code transcript.fetched} from {@code transcripts.raw} and publishes {@code transcript.parsed} on
 * {@code transcripts.parsed}, keyed by document id. The incoming record is acknowledged only once the parsed record
 * is acknowledged by the broker. A record that cannot be parsed throws, which sends it to
 * {@code transcripts.raw.dlq} with the exception message as its {@code dead-letter-reason} header.
 * Metrics: {@code verbatim_parse_documents_total{kind}} and {@code verbatim_parse_failures_total{reason}}.
 */
@ApplicationScoped
public class RawTranscriptProcessor {

    public static final String INCOMING = "transcripts-raw";
    public static final String OUTGOING = "transcripts-parsed";

    private static final Logger LOG = Logger.getLogger(RawTranscriptProcessor.class);

    private final TranscriptParser parser;
    private final MeterRegistry registry;

    public RawTranscriptProcessor(TranscriptParser parser, MeterRegistry registry) {
        this.parser = parser;
        this.registry = registry;
    }

    @Incoming(INCOMING)
    @Outgoing(OUTGOING)
    @Blocking
    public Record<String, String> parse(String json) {
        TranscriptParsed parsed;
        try {
            parsed = parser.parse(EventJson.read(json, TranscriptFetched.class));
        } catch (RuntimeException e) {
            // counted, then thrown on: the connector sends the record to transcripts.raw.dlq with the reason
            registry.counter("verbatim.parse.failures", "reason", e instanceof MalformedEventException
                    ? "malformed-event" : e instanceof UnparseableDocumentException ? "unparseable" : "error")
                    .increment();
            throw e;
        }
        registry.counter("verbatim.parse.documents", "kind", parsed.kind()).increment();
        LOG.debugf("document %s parsed: %s, %d statements", parsed.documentId(), parsed.kind(),
                parsed.statements().size());
        return Record.of(parsed.documentId(), EventJson.write(parsed));
    }
}
