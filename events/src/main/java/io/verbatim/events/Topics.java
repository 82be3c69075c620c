package io.verbatim.events;

/** Kafka topic names of the public contract (v1). Subscribers code against these names. */
public final class Topics {

    /** Raw documents as fetched or submitted; event {@code transcript.fetched}. */
    public static final String TRANSCRIPTS_RAW = "transcripts.raw";
    /** Raw documents parse-service could not process; the reason is in the record headers. */
    public static final String TRANSCRIPTS_RAW_DLQ = "transcripts.raw.dlq";
    /** Parsed transcripts; event {@code transcript.parsed}. */
    public static final String TRANSCRIPTS_PARSED = "transcripts.parsed";
    /** Parsed transcripts store-service could not process; the reason is in the record headers. */
    public static final String TRANSCRIPTS_PARSED_DLQ = "transcripts.parsed.dlq";
    /** One record per newly stored statement; event {@code statement.new}. */
    public static final String STATEMENTS_NEW = "statements.new";
    /** One record per operator's correction of speakers (a merge or a split); event {@code speakers.changed}. */
    public static final String SPEAKERS_CHANGED = "speakers.changed";

    /**
     * Webhook deliveries notify-service gave up on (after the last try, or refused outright by the receiver): the
     * webhook body as value, keyed by subscription id, the reason in the dead-letter headers. Since contract 1.6.
     */
    public static final String NOTIFY_DELIVERIES_DLQ = "notify.deliveries.dlq";

    private Topics() {
    }
}
