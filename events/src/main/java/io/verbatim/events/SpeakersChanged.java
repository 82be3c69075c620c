package io.verbatim.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * Topic {@code speakers.changed}, event {@code speakers.changed}: an operator corrected the speakers of past
 * statements (since contract 1.4). Keyed by {@code speakerId}. Subscribers deduplicate on {@code eventId}.
 *
 * <ul>
 * <li>{@code change = "merge"}: the speakers {@code formerIds} were one person with {@code speakerId}; their
 *     statements are now {@code speakerId}'s and their ids redirect to it. {@code splitFrom} is null.</li>
 * <li>{@code change = "split"}: the statements {@code statementIds} of {@code splitFrom} were another person's;
 *     they now belong to the new speaker {@code speakerId}. {@code formerIds} is empty.</li>
 * </ul>
 *
 * @param speakerId    the speaker the statements belong to after the change (kept on a merge, new on a split)
 * @param name         that speaker's name
 * @param formerIds    on a merge, the ids merged into {@code speakerId}; empty on a split
 * @param splitFrom    on a split, the id the statements were moved from; null on a merge
 * @param statementIds the statements whose speaker changed, in statement order; their ids do not change
 * @param reason       the operator's note, or null
 */
@JsonPropertyOrder({"eventId", "eventType", "change", "speakerId", "name", "formerIds", "splitFrom", "statementIds",
        "reason", "changedAt"})
public record SpeakersChanged(
        String eventId,
        String eventType,
        String change,
        String speakerId,
        String name,
        List<String> formerIds,
        String splitFrom,
        List<String> statementIds,
        String reason,
        Instant changedAt) {

    public static final String MERGE = "merge";
    public static final String SPLIT = "split";

    public SpeakersChanged {
        formerIds = formerIds == null ? List.of() : List.copyOf(formerIds);
        statementIds = statementIds == null ? List.of() : List.copyOf(statementIds);
    }
}
