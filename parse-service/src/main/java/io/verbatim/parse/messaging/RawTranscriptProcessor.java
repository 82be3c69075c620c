package io.verbatim.parse.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.parse.extract.ExtractedTranscript;
import io.verbatim.parse.extract.TranscriptExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Consumes {@code transcript.fetched} from {@code transcripts.raw} and publishes {@code transcript.parsed} on
 * {@code transcripts.parsed}, keyed by document id. The incoming record is acknowledged only once the parsed record
 * is acknowledged by the broker. A record that cannot be parsed throws, which sends it to
 * {@code transcripts.raw.dlq} with the exception message as its {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class RawTranscriptProcessor {

    public static final String INCOMING = "transcripts-raw";
    public static final String OUTGOING = "transcripts-parsed";

    private static final Logger LOG = Logger.getLogger(RawTranscriptProcessor.class);

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Incoming(INCOMING)
    @Outgoing(OUTGOING)
    @Blocking
    public Record<String, String> parse(String json) {
        TranscriptFetched raw = EventJson.read(json, TranscriptFetched.class);
        requireField(raw.documentId(), "documentId");
        requireField(raw.contentType(), "contentType");
        if (raw.body() == null) {
            throw new MalformedEventException("transcript.fetched has no body");
        }
        TranscriptParsed parsed = toEvent(raw, extractor.extract(raw.body(), raw.contentType(), raw.sourceUrl()));
        LOG.debugf("document %s parsed: %d statements", parsed.documentId(), parsed.statements().size());
        return Record.of(parsed.documentId(), EventJson.write(parsed));
    }

    /** The {@code transcript.parsed} event for a raw document and what the extractor made of it. */
    public static TranscriptParsed toEvent(TranscriptFetched raw, ExtractedTranscript extracted) {
        return new TranscriptParsed(
                TranscriptParsed.eventIdFor(raw.documentId(), raw.contentHash(), TranscriptExtractor.PARSER_VERSION),
                EventTypes.TRANSCRIPT_PARSED, raw.documentId(), raw.sourceUrl(), raw.contentHash(),
                TranscriptExtractor.PARSER_VERSION, extracted.kind(), extracted.title(), extracted.publishedAt(),
                extracted.location(), extracted.language(), extracted.statements(), extracted.remarks());
    }

    private static void requireField(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("transcript.fetched has no " + field);
        }
    }
}
