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
                bySpeakerName.computeIfAbsent(filter.speakerName(), k -> new ArrayList<>()).add(entry);
            } else if (filter.query() != null && filter.query().requiredLexeme().isPresent()) {
                byLexeme.computeIfAbsent(filter.query().requiredLexeme().get(), k -> new ArrayList<>()).add(entry);
            } else if (filter.source() != null) {
                bySource.computeIfAbsent(filter.source(), k -> new ArrayList<>()).add(entry);
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
        SubscriptionFilter.Analysed analysed = SubscriptionFilter.Analysed.of(statement);
        Set<String> matched = new LinkedHashSet<>();
        if (analysed.speakerId() != null) {
            check(bySpeakerId.get(analysed.speakerId()), analysed, matched);
            check(bySpeakerName.get(analysed.speakerNameKey()), analysed, matched);
        }
        if (!byLexeme.isEmpty()) {
            for (String lexeme : analysed.vector().keySet()) {
                check(byLexeme.get(lexeme), analysed, matched);
            }
        }
        for (String key : analysed.sourceKeys()) {
            check(bySource.get(key), analysed, matched);
        }
        check(unkeyed, analysed, matched);
        return matched;
    }

    private static void check(List<Entry> entries, SubscriptionFilter.Analysed statement, Set<String> matched) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            if (entry.filter().matches(statement)) {
                matched.add(entry.id());
            }
        }
    }
}
