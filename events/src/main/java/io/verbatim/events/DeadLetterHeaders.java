package io.verbatim.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of a record on a dead-letter topic ({@code transcripts.raw.dlq}, {@code transcripts.parsed.dlq}): why
 * it was refused and where it was read from. The record itself keeps its key and value unchanged. Part of the
 * public contract (docs/events.md); a reader deduplicating dead letters can use topic, partition and offset.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetterHeaders() {
    }

    /** The header values for a record read from {@code topic}/{@code partition}/{@code offset} that failed. */
    public static Map<String, String> describe(Throwable failure, String topic, int partition, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REASON, failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage());
        if (failure.getCause() != null && failure.getCause() != failure && failure.getCause().getMessage() != null) {
            headers.put(CAUSE, failure.getCause().getMessage());
        }
        headers.put(EXCEPTION_CLASS_NAME, failure.getClass().getName());
        headers.put(TOPIC, topic);
        headers.put(PARTITION, Integer.toString(partition));
        headers.put(OFFSET, Long.toString(offset));
        return headers;
    }
}
