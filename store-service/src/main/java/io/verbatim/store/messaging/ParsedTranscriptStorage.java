package io.verbatim.store.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.persistence.StatementStore;
import io.verbatim.store.persistence.TransientStoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Reads, checks and stores one {@code transcript.parsed} record. A record that is not a valid event throws
 * {@link MalformedEventException}; a transient database failure (connection lost, restart, serialization
 * conflict) is retried with back-off for as long as it lasts, so a good record is never refused for an outage.
 */
@ApplicationScoped
public class ParsedTranscriptStorage {

    private final StatementStore store;

    public ParsedTranscriptStorage(StatementStore store) {
        this.store = store;
    }

    @Retry(retryOn = TransientStoreFailure.class, maxRetries = -1, delay = 500, maxDuration = 7,
            durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void store(String json) {
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
