package io.verbatim.store.speaker;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a speaker's name is read for matching across documents. Titles and honorifics in front of the name are set
 * aside ("President Putin" is read as the surname Putin), initials are recognised ("V.Putin" is V + Putin), and
 * case, accents and punctuation do not count. Unnamed voices ("Question", "Remark", "Hon. Members") are recognised
 * so that they are never merged into a person.
 */
public final class SpeakerNames {

    /** Labels that name a voice, not a person. */
    private static final Set<String> VOICES = Set.of("question", "questions", "q", "remark", "remarks", "response",
            "reply", "answer", "comment", "interpreter", "translator", "voice", "voices", "audience",
            "hon members", "members", "an hon member", "participant", "participants", "journalist", "reporter",
            "unidentified", "inaudible", "moderator", "narrator", "speaker", "unknown");

    /** Words set aside in front of a name. */
    private static final Set<String> TITLES = Set.of("president", "vice", "prime", "minister", "mr", "mrs", "ms",
            "miss", "mx", "dr", "sir", "dame", "lord", "lady", "comrade", "chairman", "chairwoman", "chair",
            "chancellor", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "secretary",
            "general", "gen", "ambassador", "his", "her", "excellency", "hon", "honourable", "honorable", "the",
            "king", "queen", "prince", "princess", "sheikh", "emir", "premier", "deputy", "professor", "prof",
            "father", "rev", "reverend", "judge", "justice", "speaker", "madam", "monsieur", "herr", "frau");

    private SpeakerNames() {
    }

    /**
     * A name as matching sees it.
     *
     * @param display      the name as stored and shown (trimmed, single spaces)
     * @param fullKey      the whole name without titles, lower case, accents and punctuation removed ("v putin")
     * @param surnameKey   the last word of that ("putin"), or null for a voice
     * @param givenInitial the first letter of the first given name or initial, or null if only a surname is given
     * @param givenNameKnown whether a full given name (not just an initial) is given
     * @param voice        an unnamed voice such as "Question"
     */
    public record ReadName(String display, String fullKey, String surnameKey, String givenInitial,
            boolean givenNameKnown, boolean voice) {
    }

    public static ReadName read(String name) {
        String display = name == null ? "" : name.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        String folded = fold(display);
        if (folded.isEmpty()) {
            return new ReadName(display.isEmpty() ? "Unknown" : display, "unknown", null, null, false, true);
        }
        if (VOICES.contains(folded)) {
            return new ReadName(display, folded, null, null, false, true);
        }
        List<String> words = new ArrayList<>(Arrays.asList(folded.split(" ")));
        while (words.size() > 1 && TITLES.contains(words.get(0))) {
            words.remove(0);
        }
        if (words.size() == 1 && TITLES.contains(words.get(0))) {
            // an office alone ("The President", "Mr Speaker"): treat the whole label as a voice-like name of its own
            return new ReadName(display, folded, null, null, false, false);
        }
        String fullKey = String.join(" ", words);
        String surname = words.get(words.size() - 1);
        String initial = words.size() > 1 ? words.get(0).substring(0, 1) : null;
        boolean givenNameKnown = words.size() > 1 && words.get(0).length() > 1;
        return new ReadName(display, fullKey, surname, initial, givenNameKnown, false);
    }

    /** Lower case, accents removed, every run of non-letters-or-digits (apostrophes aside) made one space. */
    static String fold(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "")
                .replaceAll("[^\\p{L}\\p{N}-]+", " ").replaceAll("(^| )-+|-+( |$)", " ").strip()
                .replaceAll(" +", " ");
    }

    /** The public id for a new speaker: a slug of the name ("Vladimir Putin" -> {@code vladimir-putin}). */
    public static String slug(String display) {
        String slug = fold(display).replace(' ', '-').replaceAll("-+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "unknown";
        }
        return slug.length() > 110 ? slug.substring(0, 110) : slug;
    }

    /**
     * Whether a name as read may be a known person's: a surname alone fits everyone with that surname, an initial
     * fits a full given name with that initial and the other way round; two different full given names do not fit.
     */
    public static boolean fits(ReadName read, ReadName known) {
        if (read.givenInitial() == null || known.givenInitial() == null) {
            return true;
        }
        if (!known.givenInitial().equals(read.givenInitial())) {
            return false;
        }
        return !(read.givenNameKnown() && known.givenNameKnown()) || read.fullKey().equals(known.fullKey());
    }
}
