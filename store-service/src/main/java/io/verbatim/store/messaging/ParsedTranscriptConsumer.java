package io.verbatim.store.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.persistence.StatementStore;
import io.verbatim.store.persistence.TransientStoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code transcript.parsed} from {@code transcripts.parsed} and stores it. A record that is not a valid
 * event goes to {@code transcripts.parsed.dlq} with the reason in its headers; a transient database failure
 * (connection lost, serialization conflict) is retried with back-off and never dead-letters a good record.
 */
@ApplicationScoped
public class ParsedTranscriptConsumer {

    public static final String INCOMING = "transcripts-parsed";

    private final StatementStore store;

    public ParsedTranscriptConsumer(StatementStore store) {
        this.store = store;
    }

    @Incoming(INCOMING)
    @Blocking
    @Retry(retryOn = TransientStoreFailure.class, maxRetries = -1, delay = 500, maxDuration = 7,
            durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String json) {
        TranscriptParsed parsed = EventJson.read(json, TranscriptParsed.class);
        validate(parsed);
        try {
            store.store(parsed);
        } catch (RuntimeException e) {
            if (TransientStoreFailure.isTransient(e)) {
                throw new TransientStoreFailure(e);
            }
            throw e;
        }
    }

    static void validate(TranscriptParsed parsed) {
        require(parsed.documentId(), "documentId");
        require(parsed.contentHash(), "contentHash");
        require(parsed.parserVersion(), "parserVersion");
        require(parsed.kind(), "kind");
        if (parsed.documentId().length() > 64) {
            throw new MalformedEventException("transcript.parsed documentId is longer than 64 characters");
        }
        for (TranscriptParsed.Statement statement : parsed.statements()) {
            if (statement.speaker() == null || statement.speaker().name() == null
                    || statement.speaker().name().isBlank()) {
                throw new MalformedEventException(
                        "transcript.parsed statement " + statement.ordinal() + " has no speaker name");
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("transcript.parsed has no " + field);
        }
    }
}
