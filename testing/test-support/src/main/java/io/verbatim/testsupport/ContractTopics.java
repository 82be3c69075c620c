package io.verbatim.testsupport;

import io.verbatim.events.Topics;
import java.util.List;

/** The topics of the event contract, created up front in tests as an operator would in production. */
public final class ContractTopics {

    public static final List<String> ALL = List.of(Topics.TRANSCRIPTS_RAW, Topics.TRANSCRIPTS_RAW_DLQ,
            Topics.TRANSCRIPTS_PARSED, Topics.TRANSCRIPTS_PARSED_DLQ, Topics.STATEMENTS_NEW,
            Topics.SPEAKERS_CHANGED, Topics.NOTIFY_DELIVERIES_DLQ);

    private ContractTopics() {
    }
}
