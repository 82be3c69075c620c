package io.verbatim.events;

/** Values of the {@code eventType} field, one per event of the contract. */
public final class EventTypes {

    public static final String TRANSCRIPT_FETCHED = "transcript.fetched";
    public static final String TRANSCRIPT_PARSED = "transcript.parsed";
    public static final String STATEMENT_NEW = "statement.new";
    public static final String SPEAKERS_CHANGED = "speakers.changed";

    private EventTypes() {
    }
}
