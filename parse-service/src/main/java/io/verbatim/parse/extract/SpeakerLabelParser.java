package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises speaker labels and splits them into role, name and annotation.
 *
 * <p>The name is the trailing run of capitalised, person-like words of the label; the role is what precedes it.
 * Office words ("President", "Minister", "Service"), acronyms ("DPRK", "CEO") and lower-case connectors end the run;
 * when the run directly follows a connector ("of Russia Vladimir Putin") its first word belongs to the role. A name
 * that the document also uses as a bare label wins over the heuristic ("Recep Tayyip Erdogan").
 */
final class SpeakerLabelParser {

    static final int MAX_LABEL_WORDS = 14;

    private static final Set<String> CONNECTORS = Set.of(
            "of", "the", "and", "for", "to", "on", "at", "in", "de", "la", "le", "du", "da", "von", "van", "der", "al",
            "bin", "&");

    private static final Set<String> OFFICE_WORDS = Set.of(
            "president", "presidential", "vice", "minister", "ministry", "prime", "chairman", "chairwoman", "chair",
            "head", "secretary", "governor", "director", "deputy", "chief", "mayor", "ambassador", "speaker", "press",
            "chancellor", "king", "queen", "prince", "senator", "general", "acting", "spokesperson", "spokesman",
            "commissioner", "representative", "aide", "adviser", "advisor", "federal", "state", "service", "republic",
            "federation", "council", "committee", "region", "territory", "government", "bank", "office", "affairs",
            "agency", "department", "assistant", "executive", "first", "foreign", "defence", "defense", "leader",
            "member", "moderator", "host", "correspondent", "journalist", "anchor", "ombudsman", "judge", "justice",
            "patriarch", "emperor", "sultan", "emir", "sheikh", "excellency", "highness", "majesty", "his", "her",
            "the", "people's", "national", "international", "university", "company", "corporation", "group");

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "madam", "mister", "sir", "mme", "mme.",
            "m.", "hon.", "hon");

    private static final List<String> UNNAMED = List.of(
            "question", "remark", "response", "reply", "answer", "interpreter", "hon. members", "voice", "voices",
            "audience", "participant", "comment", "moderator", "reporter", "journalist", "q");

    private static final Pattern ANNOTATION = Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]{1,80})[)\\]]\\s*$");
    private static final Pattern LEADING_SPACE = Pattern.compile("^[\\s\\u00a0]+");
    private static final Pattern Q_LABEL = Pattern.compile("^Q(?:[\\s\\u00a0]{2,}|\\s*[:.][\\s\\u00a0]*)(.*)$",
            Pattern.DOTALL);
    private static final Pattern COLON_LABEL = Pattern.compile(
            "^([^:]{1,140}?)[\\s\\u00a0]*:[\\s\\u00a0]*(.*)$", Pattern.DOTALL);
    private static final Pattern NAME_TOKEN = Pattern.compile("^\\p{Lu}[\\p{L}\\p{M}'’.\\-]*$");
    private static final Pattern ACRONYM = Pattern.compile("^[\\p{Lu}\\d.&\\-]{2,}$");

    /** A label found at the start of a plain-text paragraph. */
    record LeadingLabel(String label, String rest) {
    }

    /**
     * Finds a label at the start of a plain-text paragraph ("President of Russia Vladimir Putin: ...", "Q    ...",
     * "MS. PSAKI:  ..."). Phrases such as "On the week ahead:" are rejected because they hold ordinary lower-case words.
     */
    Optional<LeadingLabel> findLeadingLabel(String paragraph) {
        String trimmed = LEADING_SPACE.matcher(paragraph).replaceFirst("");
        Matcher q = Q_LABEL.matcher(trimmed);
        if (q.matches()) {
            return Optional.of(new LeadingLabel("Q", q.group(1)));
        }
        Matcher colon = COLON_LABEL.matcher(trimmed);
        if (!colon.matches()) {
            return Optional.empty();
        }
        String candidate = WhitespaceNormalizer.normalize(colon.group(1));
        if (!looksLikeLabel(candidate, true)) {
            return Optional.empty();
        }
        return Optional.of(new LeadingLabel(candidate, colon.group(2)));
    }

    /**
     * Whether the text can be a speaker label. Strict mode (plain text) demands capitalised words and connectors only;
     * lenient mode (a bold label in HTML, already marked by the page) only bounds its length and shape.
     */
    boolean looksLikeLabel(String label, boolean strict) {
        String text = WhitespaceNormalizer.normalize(label);
        if (text.isEmpty() || text.length() > 160) {
            return false;
        }
        String core = stripAnnotation(text)[0];
        if (core.isEmpty() || !Character.isLetter(core.codePointAt(0))) {
            return false;
        }
        String[] tokens = core.split(" ");
        if (tokens.length > MAX_LABEL_WORDS || core.matches(".*[?!;\"“”«»].*")) {
            return false;
        }
        if (!strict) {
            return Character.isUpperCase(core.codePointAt(0)) || core.equalsIgnoreCase("q");
        }
        for (String token : tokens) {
            String bare = token.replaceAll("[,]$", "");
            if (bare.isEmpty()) {
                return false;
            }
            if (CONNECTORS.contains(bare)) {
                continue;
            }
            if (!Character.isUpperCase(bare.codePointAt(0))) {
                return false;
            }
            if (bare.endsWith(".") && bare.length() > 4 && !ACRONYM.matcher(bare).matches()) {
                return false;
            }
        }
        return !CONNECTORS.contains(tokens[0]);
    }

    /** Splits a label into its parts; {@code knownNames} are bare names that the same document uses as labels. */
    SpeakerLabel parse(String verbatim, Collection<String> knownNames) {
        String label = WhitespaceNormalizer.normalize(verbatim);
        String[] split = stripAnnotation(label);
        String core = split[0];
        String annotation = split[1];
        if (isAllCaps(core)) {
            core = titleCase(core);
        }
        String unnamed = unnamedForm(core);
        if (unnamed != null) {
            return new SpeakerLabel(label, unnamed, null, annotation, true);
        }
        for (String known : knownNames) {
            if (core.length() > known.length() + 1 && core.endsWith(" " + known)) {
                String role = core.substring(0, core.length() - known.length()).strip();
                return new SpeakerLabel(label, known, cleanRole(role), annotation, false);
            }
        }
        String[] nameAndRole = splitNameAndRole(core);
        return new SpeakerLabel(label, nameAndRole[0], nameAndRole[1], annotation, false);
    }

    /** A label that consists of a person's name only, usable to split longer labels of the same document. */
    Optional<String> bareName(String verbatim) {
        String core = stripAnnotation(WhitespaceNormalizer.normalize(verbatim))[0];
        if (isAllCaps(core)) {
            return Optional.empty();
        }
        String[] tokens = core.split(" ");
        if (tokens.length < 2 || tokens.length > 4 || unnamedForm(core) != null) {
            return Optional.empty();
        }
        for (String token : tokens) {
            if (!isNameToken(token)) {
                return Optional.empty();
            }
        }
        return Optional.of(core);
    }

    static boolean isHonorific(String token) {
        return HONORIFICS.contains(token.toLowerCase(Locale.ROOT));
    }

    private String[] splitNameAndRole(String core) {
        List<String> tokens = new ArrayList<>(Arrays.asList(core.split(" ")));
        if (tokens.size() >= 2 && isHonorific(tokens.get(0))) {
            return new String[] {core, null};
        }
        int start = tokens.size();
        while (start > 0 && isNameToken(tokens.get(start - 1))) {
            start--;
        }
        int runLength = tokens.size() - start;
        if (runLength == 0) {
            return new String[] {core, null};
        }
        if (start == 0) {
            return new String[] {core, null};
        }
        boolean afterConnector = CONNECTORS.contains(tokens.get(start - 1));
        if (afterConnector && runLength == 1) {
            return new String[] {core, null};
        }
        if (afterConnector) {
            start = Math.max(start + 1, tokens.size() - 2);
        } else if (runLength > 3) {
            start = tokens.size() - 3;
        }
        String name = String.join(" ", tokens.subList(start, tokens.size()));
        String role = String.join(" ", tokens.subList(0, start));
        return new String[] {name, cleanRole(role)};
    }

    private static boolean isNameToken(String token) {
        if (!NAME_TOKEN.matcher(token).matches() || token.endsWith(".")) {
            return false;
        }
        if (ACRONYM.matcher(token).matches()) {
            return false;
        }
        return !OFFICE_WORDS.contains(token.toLowerCase(Locale.ROOT));
    }

    private static String cleanRole(String role) {
        String cleaned = role.replaceAll("[,\\s]+$", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String unnamedForm(String core) {
        String lower = core.toLowerCase(Locale.ROOT).replaceAll("[.:]$", "");
        if (lower.equals("q")) {
            return "Question";
        }
        for (String unnamed : UNNAMED) {
            if (lower.equals(unnamed)) {
                return core;
            }
        }
        return null;
    }

    /** Returns {core, annotation-or-null}: "Marine Le Pen (retranslated)" gives {"Marine Le Pen", "retranslated"}. */
    static String[] stripAnnotation(String label) {
        Matcher m = ANNOTATION.matcher(label);
        if (m.matches() && !m.group(1).isBlank()) {
            String annotation = m.group(2).strip().replaceAll("\\.$", "").strip();
            return new String[] {m.group(1).strip(), annotation.isEmpty() ? null : annotation};
        }
        return new String[] {label.strip(), null};
    }

    private static boolean isAllCaps(String text) {
        boolean letters = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letters && text.codePointCount(0, text.length()) > 1;
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(wordStart ? c : Character.toLowerCase(c));
            wordStart = !Character.isLetter(c) && c != '\'' && c != '’';
        }
        String result = out.toString();
        for (String connector : CONNECTORS) {
            String capital = Character.toUpperCase(connector.charAt(0)) + connector.substring(1);
            result = result.replaceAll("(?<= )" + Pattern.quote(capital) + "(?= )", connector);
        }
        return result;
    }
}
