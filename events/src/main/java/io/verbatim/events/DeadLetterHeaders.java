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

    /**
     * Why {@code failure} happened, for a person: its message, followed by its root cause when that says something
     * the message does not, so that a wrapper's message ("Error invoking subclass method") never stands alone.
     */
    public static String reasonOf(Throwable failure) {
        String reason = messageOf(failure);
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 100; depth++) {
            root = root.getCause();
        }
        if (root == failure) {
            return reason;
        }
        String rootMessage = messageOf(root);
        if (reason.contains(firstLine(rootMessage))) {
            return reason;
        }
        return reason + " (root cause: " + root.getClass().getName() + ": " + rootMessage + ")";
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The header values for a record read from {@code topic}/{@code partition}/{@code offset} that failed. */
    public static Map<String, String> describe(Throwable failure, String topic, int partition, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REASON, reasonOf(failure));
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
