package io.verbatim.store.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.health.StorageRetries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 *
 * <p>Once the service is shutting down, no attempt starts and no failure is retried ({@link StorageStopped}): the
 * record's offset is not committed, so the replica that takes over the partition stores it. Retrying instead meant
 * trying again against a persistence layer that shutdown had already closed until Quarkus gave up (26 s in a
 * scale-out run), and the partition's hand-over waited that long.
 */
@ApplicationScoped
public class ParsedTranscriptStorage {

    private final TranscriptStore store;
    private final StorageRetries retries;
    private volatile boolean stopping;

    public ParsedTranscriptStorage(TranscriptStore store, StorageRetries retries) {
        this.store = store;
        this.retries = retries;
    }

    @Retry(abortOn = {MalformedEventException.class, TranscriptRejectedByDatabase.class, StorageStopped.class},
            maxRetries = -1,
            delay = 500, maxDuration = 7, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void store(String json) {
        TranscriptParsed parsed = EventJson.read(json, TranscriptParsed.class);
        validate(parsed);
        if (stopping) {
            throw new StorageStopped(parsed.documentId(), null);
        }
        try {
            store.store(parsed);
        } catch (RuntimeException e) {
            SQLException dataError = TranscriptRejectedByDatabase.dataErrorIn(e);
            if (dataError != null) {
                throw new TranscriptRejectedByDatabase(parsed.documentId(), dataError);
            }
            if (stopping) {
                throw new StorageStopped(parsed.documentId(), e);
            }
            retries.failed(parsed.documentId(), e);
            throw e;
        }
        retries.succeeded();
    }

    /** From now on, no storing attempt starts and no failure is retried: the service is shutting down. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopAccepting();
    }

    /** What shutdown does: ends storing and its retries; public so that a test can do the same. */
    public void stopAccepting() {
        stopping = true;
    }

    /** Undoes {@link #stopAccepting()}; only a test that simulated a shutdown has a reason to call it. */
    public void acceptAgain() {
        stopping = false;
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
