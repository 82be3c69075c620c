package io.verbatim.store.speaker;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the speaker a reader means by any name people use, for {@code speaker=} and {@code GET /api/speakers?q=}.
 * In order:
 * <ol>
 * <li>the public id ({@code vladimir-putin}), also one merged into another speaker;</li>
 * <li>an external id: a Wikidata QID ({@code Q7747}) or {@code kremlin:<number>};</li>
 * <li>an unnamed voice ("Question") by its id;</li>
 * <li>an office alone ("The President", "Prime Minister"): the speakers known under that label and the holders of
 *     every office of that name (of any country, at any time) that are known speakers;</li>
 * <li>a name of two words or more whose key (titles such as Mr or President set aside, case, accents and
 *     punctuation ignored) is an alias of a speaker; failing that, the same without the leading words ("President
 *     of Russia Vladimir Putin" finds "Vladimir Putin");</li>
 * <li>a surname alone ("Putin", "Mr Putin", "President Putin"), or an initial and a surname ("V. Putin"): the
 *     persons with that surname whose given name fits.</li>
 * </ol>
 * One speaker found is {@link Outcome#FOUND}; more than one is {@link Outcome#AMBIGUOUS} with all of them, never a
 * guess; none is {@link Outcome#UNKNOWN} with up to five suggestions by trigram similarity of their names.
 */
public final class SpeakerLookup {

    private static final Pattern QID = Pattern.compile("[Qq][1-9][0-9]{0,11}");
    private static final Pattern KREMLIN = Pattern.compile("(?i)kremlin:([0-9]{1,12})");
    static final double SUGGESTION_THRESHOLD = 0.3;
    static final int SUGGESTIONS = 5;

    public enum Outcome { FOUND, AMBIGUOUS, UNKNOWN }

    /** A speaker as a lookup names it. */
    public record Candidate(long key, String id, String name, String kind, String role) {
    }

    /** The answer: one speaker, several candidates, or suggestions for a name that names nobody. */
    public record Match(Outcome outcome, List<Candidate> candidates) {

        public Candidate speaker() {
            if (outcome != Outcome.FOUND) {
                throw new IllegalStateException("no single speaker: " + outcome);
            }
            return candidates.get(0);
        }
    }

    private SpeakerLookup() {
    }

    public static Match find(EntityManager session, String text) {
        String wanted = text.strip();
        List<Long> byId = longs(session.createNativeQuery("select id from speaker where public_id = ?1 union "
                + "select speaker_id from speaker_redirect where public_id = ?1", Long.class)
                .setParameter(1, wanted.toLowerCase(Locale.ROOT)).getResultList());
        if (!byId.isEmpty()) {
            return answer(session, byId);
        }
        String scheme = null;
        String value = null;
        if (QID.matcher(wanted).matches()) {
            scheme = "wikidata";
            value = wanted.toUpperCase(Locale.ROOT);
        } else if (KREMLIN.matcher(wanted).matches()) {
            scheme = "kremlin";
            value = KREMLIN.matcher(wanted).replaceAll("$1");
        }
        if (scheme != null) {
            List<Long> byExternal = longs(session.createNativeQuery(
                            "select speaker_id from speaker_external_id where scheme = ?1 and value = ?2", Long.class)
                    .setParameter(1, scheme).setParameter(2, value).getResultList());
            if (!byExternal.isEmpty()) {
                return answer(session, byExternal);
            }
        }
        SpeakerNames.ReadName read = SpeakerNames.read(wanted);
        if (read.voice()) {
            List<Long> voice = longs(session.createNativeQuery("select id from speaker where public_id = ?1",
                    Long.class).setParameter(1, SpeakerNames.slug(read.fullKey())).getResultList());
            return voice.isEmpty() ? unknown(session, wanted) : answer(session, voice);
        }
        if (read.surnameKey() == null || OfficeHolders.shipped().isOfficeForm(wanted)) {
            return answerOrUnknown(session, officeSpeakers(session, read), wanted);
        }
        String[] words = read.fullKey().split(" ");
        if (words.length > 1) {
            for (int start = 0; start < words.length - 1; start++) {
                String key = String.join(" ", java.util.Arrays.copyOfRange(words, start, words.length));
                List<Long> byAlias = longs(session.createNativeQuery("select distinct a.speaker_id from speaker_alias a "
                        + "join speaker s on s.id = a.speaker_id where a.alias_key = ?1 and s.kind <> 'voice'",
                        Long.class).setParameter(1, key).getResultList());
                if (!byAlias.isEmpty()) {
                    return answer(session, byAlias);
                }
            }
        }
        List<Candidate> sameSurname = candidates(session, longs(session.createNativeQuery(
                        "select id from speaker where kind = 'person' and surname_key = ?1", Long.class)
                .setParameter(1, read.surnameKey()).getResultList()));
        List<Long> fitting = sameSurname.stream().filter(c -> SpeakerNames.fits(read, SpeakerNames.read(c.name()))).map(Candidate::key).toList();
        return answerOrUnknown(session, fitting, wanted);
    }

    /** Label speakers of an office ("the-president") and the known holders of any office of that name. */
    private static List<Long> officeSpeakers(EntityManager session, SpeakerNames.ReadName read) {
        Set<Long> found = new LinkedHashSet<>(longs(session.createNativeQuery(
                        "select id from speaker where public_id = ?1", Long.class)
                .setParameter(1, SpeakerNames.slug(read.display())).getResultList()));
        for (OfficeHolders.Holder holder : OfficeHolders.shipped().holdersOfAnyOfficeNamed(read.display())) {
            List<Long> ids = holder.qid() != null
                    ? longs(session.createNativeQuery("select speaker_id from speaker_external_id "
                            + "where scheme = 'wikidata' and value = ?1", Long.class)
                            .setParameter(1, holder.qid()).getResultList())
                    : longs(session.createNativeQuery("select distinct a.speaker_id from speaker_alias a join speaker s "
                            + "on s.id = a.speaker_id where a.alias_key = ?1 and s.kind = 'person'", Long.class)
                            .setParameter(1, SpeakerNames.read(holder.name()).fullKey()).getResultList());
            if (ids.size() == 1) {
                found.addAll(ids);
            }
        }
        return new ArrayList<>(found);
    }

    private static Match answerOrUnknown(EntityManager session, List<Long> ids, String wanted) {
        return ids.isEmpty() ? unknown(session, wanted) : answer(session, ids);
    }

    private static Match answer(EntityManager session, List<Long> ids) {
        List<Candidate> found = candidates(session, new ArrayList<>(new LinkedHashSet<>(ids)));
        return new Match(found.size() == 1 ? Outcome.FOUND : Outcome.AMBIGUOUS, found);
    }

    private static Match unknown(EntityManager session, String wanted) {
        return new Match(Outcome.UNKNOWN, suggestions(session, wanted));
    }

    /** Up to five speakers whose name or an alias is most like the text: pg_trgm when installed, else in Java. */
    public static List<Candidate> suggestions(EntityManager session, String wanted) {
        String folded = SpeakerNames.fold(wanted);
        if (folded.isEmpty()) {
            return List.of();
        }
        boolean trigramsInstalled = !session.createNativeQuery(
                "select 1 from pg_extension where extname = 'pg_trgm'", Integer.class).getResultList().isEmpty();
        List<Long> ids;
        if (trigramsInstalled) {
            ids = longs(session.createNativeQuery("select a.speaker_id from speaker_alias a join speaker s "
                    + "on s.id = a.speaker_id where s.kind <> 'voice' group by a.speaker_id having "
                    + "max(greatest(similarity(a.alias_key, ?1), word_similarity(?1, a.alias_key))) >= ?2 "
                    + "order by max(greatest(similarity(a.alias_key, ?1), word_similarity(?1, a.alias_key))) desc, "
                    + "a.speaker_id limit ?3", Long.class)
                    .setParameter(1, folded).setParameter(2, SUGGESTION_THRESHOLD).setParameter(3, SUGGESTIONS)
                    .getResultList());
        } else {
            List<Object[]> aliases = session.createNativeQuery("select a.speaker_id, a.alias_key from speaker_alias a "
                    + "join speaker s on s.id = a.speaker_id where s.kind <> 'voice' limit 50000", Object[].class)
                    .getResultList();
            Map<Long, Double> best = new HashMap<>();
            for (Object[] row : aliases) {
                double score = Trigrams.similarity(folded, (String) row[1]);
                best.merge(((Number) row[0]).longValue(), score, Math::max);
            }
            ids = best.entrySet().stream().filter(e -> e.getValue() >= SUGGESTION_THRESHOLD)
                    .sorted(Map.Entry.<Long, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(SUGGESTIONS).map(Map.Entry::getKey).toList();
        }
        return candidates(session, ids);
    }

    private static List<Candidate> candidates(EntityManager session, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = session.createNativeQuery("select id, public_id, name, kind, role from speaker "
                + "where id in (?1)", Object[].class).setParameter(1, ids).getResultList();
        Map<Long, Candidate> byKey = new HashMap<>();
        for (Object[] row : rows) {
            long key = ((Number) row[0]).longValue();
            byKey.put(key, new Candidate(key, (String) row[1], (String) row[2], (String) row[3], (String) row[4]));
        }
        Set<Long> seen = new HashSet<>();
        return ids.stream().filter(seen::add).map(byKey::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Candidate::id)).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Long> longs(List rows) {
        List<Long> out = new ArrayList<>();
        for (Object row : rows) {
            out.add(((Number) row).longValue());
        }
        return out;
    }
}
