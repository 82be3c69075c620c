package io.verbatim.ingest.messaging;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * A {@code transcript.fetched} event whose JSON is larger than {@code verbatim.ingest.max-event-bytes}: it can never
 * be published (the producer and the topic would refuse it), so retrying is pointless. The message is the reason.
 */
public final class EventTooLargeException extends RuntimeException {

    private final long bytes;

    EventTooLargeException(String documentId, long bytes, int limit) {
        super(String.format("the transcript.fetched event of document %s has %,d bytes as JSON; the limit is %,d "
                + "bytes (verbatim.ingest.max-event-bytes)", documentId, bytes, limit), null, false, false);
        this.bytes = bytes;
    }

    /** The event's size as JSON, UTF-8 encoded. */
    public long bytes() {
        return bytes;
    }

    /** The exception behind a failed publication, if it is this one. */
    public static Optional<EventTooLargeException> causeOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof EventTooLargeException tooLarge ? Optional.of(tooLarge) : Optional.empty();
    }
}
