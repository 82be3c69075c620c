package io.verbatim.notify.match;

import io.verbatim.events.StatementNew;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every active subscription, indexed so that a statement is checked only against the subscriptions it could match.
 * Each subscription is filed under one key, the most selective its filter has: its speaker id, else its speaker's
 * name, else a lexeme its query requires ({@link TextQuery#requiredLexeme()}), else its source; the rest (kind only,
 * queries made only of alternatives or exclusions, empty filters) are checked for every statement. A statement
 * looks up its speaker id, its speaker's name, each distinct lexeme of its text and its source keys, and every
 * subscription found is checked in full ({@link SubscriptionFilter#matches}). Immutable: a change of subscriptions
 * builds a new index.
 */
public final class SubscriptionIndex {

    /** A subscription as the index holds it. */
    public record Entry(String id, SubscriptionFilter filter) {
    }

    private final Map<String, List<Entry>> bySpeakerId = new HashMap<>();
    private final Map<String, List<Entry>> bySpeakerName = new HashMap<>();
    private final Map<String, List<Entry>> byLexeme = new HashMap<>();
    private final Map<String, List<Entry>> bySource = new HashMap<>();
    private final List<Entry> unkeyed = new ArrayList<>();
    private final int size;

    public SubscriptionIndex(Collection<Entry> entries) {
        for (Entry entry : entries) {
            SubscriptionFilter filter = entry.filter();
            if (filter.speakerId() != null) {
                bySpeakerId.computeIfAbsent(filter.speakerId(), k -> new ArrayList<>()).add(entry);
            } else if (filter.speakerName() != null) {
                bySpeakerName.computeIfAbsent(SubscriptionFilter.nameKey(filter.speakerName()),
                        k -> new ArrayList<>()).add(entry);
            } else if (filter.query() != null && filter.query().requiredLexeme().isPresent()) {
                byLexeme.computeIfAbsent(filter.query().requiredLexeme().get(), k -> new ArrayList<>()).add(entry);
            } else if (filter.source() != null) {
                bySource.computeIfAbsent(SubscriptionFilter.normal(filter.source()), k -> new ArrayList<>())
                        .add(entry);
            } else {
                unkeyed.add(entry);
            }
        }
        this.size = entries.size();
    }

    public static SubscriptionIndex empty() {
        return new SubscriptionIndex(List.of());
    }

    public int size() {
        return size;
    }

    /** The ids of the subscriptions {@code statement} matches, each once, in no particular order. */
    public Set<String> matching(StatementNew statement) {
        Map<String, int[]> vector = EnglishText.vector(statement.text());
        Set<String> matched = new LinkedHashSet<>();
        StatementNew.Speaker speaker = statement.speaker();
        if (speaker != null) {
            check(bySpeakerId.get(speaker.id()), statement, vector, matched);
            check(bySpeakerName.get(SubscriptionFilter.nameKey(speaker.name())), statement, vector, matched);
        }
        if (!byLexeme.isEmpty()) {
            for (String lexeme : vector.keySet()) {
                check(byLexeme.get(lexeme), statement, vector, matched);
            }
        }
        if (!bySource.isEmpty() && statement.transcript() != null) {
            for (String key : SubscriptionFilter.sourceKeys(statement.transcript())) {
                check(bySource.get(key), statement, vector, matched);
            }
        }
        check(unkeyed, statement, vector, matched);
        return matched;
    }

    private static void check(List<Entry> entries, StatementNew statement, Map<String, int[]> vector,
            Set<String> matched) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            if (entry.filter().matches(statement, vector)) {
                matched.add(entry.id());
            }
        }
    }
}
