package io.verbatim.store.persistence;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.health.StorageRetries;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Reads, checks and stores one {@code transcript.parsed} record. Only a failure that proves the record bad ends
 * here: {@link MalformedEventException} (it does not decode or breaks the contract) or
 * {@link TranscriptRejectedByDatabase} (PostgreSQL refused its data). Every other failure, whatever its type or
 * wrapping (a lost connection, a commit whose outcome is unknown, a pool that cannot connect, the transaction
 * manager's exceptions), is the environment's: it is tried again with back-off for as long as it lasts, and
 * {@link StorageRetries} keeps the service not ready meanwhile. Storing is idempotent, so a document whose commit
 * may or may not have happened is simply stored again.
 */
@ApplicationScoped
public class ParsedTranscriptStorage {

    private final TranscriptStore store;
    private final StorageRetries retries;

    public ParsedTranscriptStorage(TranscriptStore store, StorageRetries retries) {
        this.store = store;
        this.retries = retries;
    }

    @Retry(abortOn = {MalformedEventException.class, TranscriptRejectedByDatabase.class}, maxRetries = -1,
            delay = 500, maxDuration = 7, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void store(String json) {
        TranscriptParsed parsed = EventJson.read(json, TranscriptParsed.class);
        validate(parsed);
        try {
            store.store(parsed);
        } catch (RuntimeException e) {
            SQLException dataError = TranscriptRejectedByDatabase.dataErrorIn(e);
            if (dataError != null) {
                throw new TranscriptRejectedByDatabase(parsed.documentId(), dataError);
            }
            retries.failed(parsed.documentId(), e);
            throw e;
        }
        retries.succeeded();
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
