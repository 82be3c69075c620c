package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * A bold label is already marked as one by the page, and role-first labels at forums and award ceremonies name
     * long offices ("Head of the Department of Regional Studies at the Moscow Institute of Economics Ivan Petrov"):
     * it may hold up to this many words and {@value #MAX_BOLD_LABEL_CHARS} characters.
     */
    static final int MAX_BOLD_LABEL_WORDS = 32;
    static final int MAX_BOLD_LABEL_CHARS = 260;

    /** Lower-case particles inside a personal name: "Jean-Pierre de la Fontaine", "Karl Van der Berg". */
    private static final Set<String> NAME_PARTICLES = Set.of(
            "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "ter",
            "ten", "al", "el", "bin", "ibn", "ben", "bint", "y");

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
            "the", "people's", "national", "international", "university", "company", "corporation", "group",
            "parliamentary", "under-secretary", "attorney", "solicitor", "exchequer", "whip", "clerk", "chairperson",
            "senior", "junior", "principal", "sr", "jr", "commander", "lieutenant", "captain", "colonel", "major",
            "sergeant", "corporal", "admiral", "marshal", "officer", "coach", "rector", "vice-rector", "pro-rector",
            "dean", "provost", "administrator", "congresswoman", "congressman", "spokeswoman");

    /**
     * Occupations that role-first labels put straight before a name at meetings with workers, call-in shows and
     * forums ("Paramedic Natalya Osipova", "Nezavisimaya Gazeta Chief Editor Konstantin Remchukov"): before another
     * name word such a word ends the name run and belongs to the role; as the last word it may be a surname ("Paul
     * Nurse", "Ken Doctor"). Unlike an office word, an occupation named alone ("Volunteer:") is a voice of its own,
     * never the one holder of that office whom another label names. Words that are common surnames (Farmer, Baker,
     * Driver) are left out.
     */
    private static final Set<String> OCCUPATION_WORDS = Set.of(
            "editor", "editor-in-chief", "paramedic", "teacher", "nurse", "doctor", "physician", "surgeon", "engineer",
            "student", "professor", "researcher", "scientist", "cosmonaut", "astronaut", "pilot", "volunteer",
            "entrepreneur", "businessman", "businesswoman", "economist", "analyst", "lawyer", "activist", "pensioner",
            "worker", "founder", "co-founder", "blogger", "writer", "actor", "actress", "athlete", "veteran",
            "schoolboy", "schoolgirl", "graduate", "resident", "presenter", "cadet", "academician", "operator",
            "private", "mechanic", "welder", "architect", "designer", "programmer", "coordinator");

    /**
     * Offices that a label in capitals may name alone, the holder being the speaker ("CHAIR:", "SPEAKER:"): counted
     * when the label speaks again after a named speaker, as a dialogue's unnamed voices in any case are
     * ({@link #oneWordLabelsOfPage}); a programme's or a masthead's "SPEAKER: Dr Ann Lee" lines are credits
     * ({@link #isCredit}), no voices.
     */
    private static final Set<String> ONE_WORD_OFFICES = Set.of(
            "chair", "chairman", "chairwoman", "chairperson", "speaker", "president", "governor", "mayor", "minister",
            "secretary", "ambassador", "senator", "judge", "commissioner", "spokesperson", "spokesman", "rector");

    /**
     * Class 53: the words that describe a briefing's unnamed official besides {@link #OFFICE_WORDS} ("SENIOR
     * ADMINISTRATION OFFICIAL", "WHITE HOUSE OFFICIAL", "U.S. OFFICIAL"), and the ordinals and numbers that tell two of
     * them apart ("SECOND SENIOR ADMINISTRATION OFFICIAL", "SENIOR STATE DEPARTMENT OFFICIAL ONE").
     */
    private static final Set<String> OFFICIAL_DESCRIPTORS = Set.of(
            "administration", "white", "house", "u.s.", "us", "american", "military", "intelligence", "treasury",
            "pentagon", "european", "union", "eu", "un", "nato", "high-ranking", "ranking", "top", "another", "other",
            "a", "an", "former", "current", "government", "embassy", "campaign", "party", "security", "health",
            "public", "city", "county", "local", "regional", "federal", "elections", "election");
    private static final Set<String> OFFICIAL_NUMBERS = Set.of(
            "one", "two", "three", "four", "five", "1", "2", "3", "4", "5", "#1", "#2", "#3", "second", "third",
            "fourth", "fifth");

    /** Forms of address that precede a name and are not part of it. */
    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "madam", "madame", "mister",
            "sir", "dame", "lord", "lady", "baroness", "baron", "viscount", "earl", "mme", "mme.", "m.", "hon.", "hon",
            "rt", "rt.", "prof", "prof.", "rev", "rev.", "h.e.", "h.e");

    private static final List<String> UNNAMED = List.of(
            "question", "remark", "response", "reply", "answer", "interpreter", "hon. members", "voice", "voices",
            "audience", "participant", "comment", "moderator", "reporter", "journalist", "interviewer", "presenter",
            "aide", "q", "staff", "announcer", "crowd", "some hon. members", "several hon. members", "host", "guest",
            "caller", "anchor", "narrator", "contestant", "panelist", "panellist");

    /** One-word labels that count in plain text in any case: the questioner and the usual unnamed voices. */
    private static final Set<String> SHORT_LABELS_IN_ANY_CASE = Set.of(
            "q", "question", "remark", "answer", "response", "reply", "interpreter", "interviewer", "moderator",
            "presenter", "reporter", "aide");

    /** "Mr Keir Starmer (Holborn and St Pancras) (Lab)": a member, the constituency and the party. */
    private static final Pattern MEMBER_CONSTITUENCY_PARTY = Pattern.compile(
            "^(.+?)\\s*\\(\\s*(\\p{Lu}[^()]{0,79}?)\\s*\\)"
                    + "\\s*\\(\\s*(\\p{Lu}[^()\\s]{0,11}(?:[ /-][^()\\s]{1,11}){0,2})\\s*\\)$");
    /** "Baroness Hayman (CB)", "Lord Newby (LD)": a peer and, in brackets, the party or group (class 50). */
    private static final Pattern PEER_PARTY = Pattern.compile(
            "^(.+?)\\s*\\(\\s*(\\p{Lu}[^()\\s]{0,11}(?:[ /-][^()\\s]{1,11}){0,2})\\s*\\)$");

    /** The titles of peers, which with a surname or a territorial designation after them are the peer's name. */
    private static final Set<String> PEERAGE_TITLES = Set.of(
            "lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl", "countess", "marquess", "duke",
            "duchess");

    /**
     * Class 50: a peer's name as the House of Lords writes it, the title being part of it: a peerage title and one
     * capitalised word, optionally "of" and a place ("Lord Callanan", "Baroness Smith of Basildon", "Lord Bishop of
     * St Albans" after "The"). "Lady Nancy Astor" or "Lord Peter Mandelson", with a given name, are not: the title is a
     * form of address there.
     */
    static boolean isPeerName(String name) {
        int firstSpace = name.indexOf(' ');
        if (firstSpace < 0 || !name.startsWith("The ")
                && !PEERAGE_TITLES.contains(name.substring(0, firstSpace).toLowerCase(Locale.ROOT))) {
            return false; // looked at before the name is split: few names open with a peerage title
        }
        String[] tokens = WhitespaceNormalizer.normalize(name).split(" ");
        int first = tokens.length > 1 && tokens[0].equals("The") ? 1 : 0;
        if (tokens.length - first < 2 || !PEERAGE_TITLES.contains(tokens[first].toLowerCase(Locale.ROOT))
                || !Character.isUpperCase(tokens[first].codePointAt(0))) {
            return false;
        }
        int next = first + 1;
        if (first == 1 && !tokens[next].equals("Bishop") && !tokens[next].equals("of")) {
            return false; // "The Lord Advocate", "The Lord Chancellor": an office; "The" opens only "… of" peers
        }
        if (tokens[next].equals("Bishop") || tokens[next].equals("of")) {
            // "The Lord Bishop of St Albans", "The Earl of Kinnoull"
            int of = tokens[next].equals("of") ? next : next + 1;
            return of < tokens.length - 1 && tokens[of].equals("of") && placeWords(tokens, of + 1);
        }
        if (!isNameToken(tokens[next])) {
            return false;
        }
        return next == tokens.length - 1 || tokens[next + 1].equals("of") && placeWords(tokens, next + 2);
    }

    /** One to four capitalised words from {@code from} to the end, with "and", "upon", "the" between them. */
    private static boolean placeWords(String[] tokens, int from) {
        int count = tokens.length - from;
        if (count < 1 || count > 5) {
            return false;
        }
        for (int i = from; i < tokens.length; i++) {
            if (!Character.isUpperCase(tokens[i].codePointAt(0)) && !Set.of("and", "upon", "the", "le", "on")
                    .contains(tokens[i])) {
                return false;
            }
        }
        return Character.isUpperCase(tokens[from].codePointAt(0));
    }

    /** "The Prime Minister (Keir Starmer)": an office and, in brackets, the person who holds it. */
    private static final Pattern OFFICE_HOLDER = Pattern.compile("^(.+?)\\s*\\(\\s*(\\p{Lu}[^()]{1,79}?)\\s*\\)$");
    private static final Pattern ANNOTATION = Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]{1,80})[)\\]]\\s*$");
    // Both run on a whole paragraph: possessive white space, never given back, so that no long run of it is
    // backtracked over (issue 12, finding 2).
    // "Q" then one space is a label too when a capital, bracket, quotation mark or dash follows ("Q Thanks, Mr.
    // President.", "Q — and the Senate?"); so is "Q" written straight against a dash that opens an interrupted
    // question ("Q– since …", "Q— and …"): the dash is the question's first character.
    private static final Pattern Q_LABEL = Pattern.compile(
            "^Q(?:[\\s\\u00a0]{2,}+|\\s*+[:.][\\s\\u00a0]*+|[ \\u00a0](?=[\\p{Lu}(\\[“\"–—])|(?=[–—][ \\u00a0]))(.*)$",
            Pattern.DOTALL);
    /**
     * "A. Because …": the answer's letter, a dot, a space, then a capital, bracket or quotation mark, but not an
     * initial ("A. J. Taylor", "A. Q. Khan", "A. A. Milne" are names, and "A. Kondrashov:" is a label).
     */
    private static final Pattern A_DOT_LABEL = Pattern.compile(
            "^A\\.[ \\u00a0]++(?!\\p{Lu}\\.)(?![\\p{Lu}][\\p{L}'’\\-]*+[ \\u00a0]*+:)(?=[\\p{Lu}(\\[“\"])(.*)$",
            Pattern.DOTALL);
    /** The label of a plain-text answer written "A. Because …" (class 49). */
    static final String A_DOT = "A.";
    /** "Michael Lee (00:04): text", "Jane Porter [01:02:03]: text": a name, a time stamp, a colon, the speech. */
    private static final Pattern TIME_STAMPED_LABEL = Pattern.compile(
            "^([^:()\\[\\]\\n]{1,140}+)[(\\[]\\d{1,2}:\\d{2}(?::\\d{2})?[)\\]][\\s\\u00a0]*+:[\\s\\u00a0]*+(.*)$",
            Pattern.DOTALL);
    private static final Pattern COLON_LABEL = Pattern.compile(
            "^([^:]{1,140}?)[\\s\\u00a0]*+:[\\s\\u00a0]*+(.*)$", Pattern.DOTALL);
    private static final Pattern NAME_TOKEN = Pattern.compile("^\\p{Lu}[\\p{L}\\p{M}'’.\\-]*$");
    private static final Pattern ACRONYM = Pattern.compile("^[\\p{Lu}\\d.&\\-]{2,}$");
    private static final Pattern TRAILING_COMMA = Pattern.compile(",$");
    private static final Pattern TRAILING_DOT = Pattern.compile("\\.$");
    private static final Pattern TRAILING_DOT_OR_COLON = Pattern.compile("[.:]$");
    private static final Pattern TRAILING_COMMAS_AND_SPACE = Pattern.compile("[,\\s]+$");

    /** A label found at the start of a plain-text paragraph. */
    record LeadingLabel(String label, String rest, boolean timeStamped, boolean lowerCaseRole) {
        LeadingLabel(String label, String rest) {
            this(label, rest, false, false);
        }

        LeadingLabel(String label, String rest, boolean timeStamped) {
            this(label, rest, timeStamped, false);
        }
    }

    /**
     * Finds a label at the start of a plain-text paragraph ("President of Russia Vladimir Putin: ...", "Q    ...",
     * "MS. PSAKI:  ..."). Phrases such as "On the week ahead:" are rejected because they hold ordinary lower-case words.
     */
    Optional<LeadingLabel> findLeadingLabel(String paragraph) {
        int start = 0;
        while (start < paragraph.length() && isLabelSpace(paragraph.charAt(start))) {
            start++;
        }
        String trimmed = paragraph.substring(start);
        if (trimmed.startsWith("Q")) {
            Matcher q = Q_LABEL.matcher(trimmed);
            if (q.matches()) {
                return Optional.of(new LeadingLabel("Q", q.group(1)));
            }
        }
        if (trimmed.startsWith("A.")) {
            // class 49: "A. Because …" answers "Q. …" as "A:" answers "Q:" (a label only in plain text, and only where
            // every "A." answers a question: see oneWordLabelsOfPage)
            Matcher a = A_DOT_LABEL.matcher(trimmed);
            if (a.matches()) {
                return listsOptions(a.group(1)) ? Optional.empty() : Optional.of(new LeadingLabel(A_DOT, a.group(1)));
            }
        }
        // Both labels below need a colon after at least one character.
        int firstColon = trimmed.indexOf(':');
        if (firstColon < 1) {
            return Optional.empty();
        }
        // A transcription service's time stamp between the name and the colon, "Michael Lee (00:04):", is furniture:
        // the label is the name before it. The name holds no colon, so the first colon is the time stamp's, after a
        // digit: only then is the pattern tried.
        char beforeColon = trimmed.charAt(firstColon - 1);
        if (beforeColon >= '0' && beforeColon <= '9') {
            Matcher stamped = TIME_STAMPED_LABEL.matcher(trimmed);
            if (stamped.matches()) {
                String name = WhitespaceNormalizer.normalize(stamped.group(1));
                return looksLikeLabel(name, true) ? Optional.of(new LeadingLabel(name, stamped.group(2), true))
                        : Optional.empty();
            }
        }
        // The label is at most 140 characters before the first colon, then only spaces.
        int labelEnd = firstColon;
        while (labelEnd > 0 && isLabelSpace(trimmed.charAt(labelEnd - 1))) {
            labelEnd--; // spaces before the colon do not count (issue 12: a long run of them made the match slow)
        }
        if (labelEnd > 140) {
            return Optional.empty();
        }
        Matcher colon = COLON_LABEL.matcher(trimmed);
        if (!colon.matches()) {
            return Optional.empty();
        }
        String candidate = WhitespaceNormalizer.normalize(colon.group(1));
        Matcher numbered = QUESTION_NUMBER.matcher(candidate);
        if (numbered.matches()) {
            candidate = numbered.group(1); // class 57: a committee's question number, "Q94 Chair:", is no part of it
        }
        if (!looksLikeLabel(candidate, true)) {
            // class 56: a role-first label whose role has lower-case words, for the reader to confirm; its speech
            // opens with a capital ("Special gratitude to governor Alexei Dyumin: the plant was built" is speech)
            return isRoleFirstWithLowerCaseRole(candidate) && opensWithCapitalOrNothing(colon.group(2))
                    ? Optional.of(new LeadingLabel(candidate, colon.group(2), false, true)) : Optional.empty();
        }
        if (candidate.equals("A") && listsOptions(colon.group(2))
                || isGenericWord(candidate) && (isCredit(colon.group(2)) || !isAllCaps(candidate)
                        && !SHORT_LABELS_IN_ANY_CASE.contains(candidate.toLowerCase(Locale.ROOT))
                        && !speaks(colon.group(2)))) {
            // a credit, or in ordinary case a line that is no sentence ("Engineer: two posts, Leeds office.")
            return Optional.empty();
        }
        return Optional.of(new LeadingLabel(candidate, colon.group(2)));
    }

    /** "Q94 Chair", "Q12 Dr Jane Doe": a select committee's question number before the label. */
    private static final Pattern QUESTION_NUMBER = Pattern.compile("^Q\\d{1,4} (\\p{Lu}.*)$");

    /** First words of a section heading shaped like a label ("Questions from the media to …:"). */
    private static final Set<String> HEADING_WORDS = Set.of(
            "questions", "question", "answers", "remarks", "statement", "statements", "comments", "replies",
            "responses", "excerpts", "excerpt", "transcript", "message", "address", "speech", "interview", "special",
            "thanks", "gratitude", "greetings", "congratulations");

    private static boolean opensWithCapitalOrNothing(String rest) {
        String text = rest.strip();
        return text.isEmpty() || !Character.isLowerCase(text.codePointAt(0));
    }

    /** Lower-case words that a role never holds: pronouns, verbs, conjunctions, question words. */
    private static final Set<String> NO_ROLE_WORDS = Set.of(
            "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them", "my", "our", "your", "his", "its",
            "their", "said", "says", "say", "told", "tell", "asked", "ask", "asks", "met", "meet", "thank", "thanks",
            "according", "is", "was", "are", "were", "be", "been", "being", "have", "has", "had", "will", "would",
            "can", "could", "should", "must", "may", "might", "do", "did", "does", "not", "that", "this", "these",
            "those", "who", "which", "what", "when", "where", "why", "how", "if", "because", "as", "so", "but", "or",
            "than", "then", "also", "just", "by", "about", "here", "there", "now", "today", "yesterday", "again");

    /**
     * Class 56: "Plenary session moderator Sergei Brilyov", "Moderator of the Valdai Club's plenary session Fyodor
     * Lukyanov", "Panel moderator, Editor-in-Chief of Bloomberg News John Micklethwait": a label that opens with a
     * capital, ends with a personal name of two or three name words, and has up to five lower-case words before it,
     * none of them a pronoun, verb or conjunction ({@link #NO_ROLE_WORDS}). Plain text's strict check refuses such
     * labels; the reader takes them on a page that has at least three labels of its own.
     */
    private boolean isRoleFirstWithLowerCaseRole(String candidate) {
        String core = shapeCore(candidate);
        if (core.isEmpty() || core.length() > 160 || !Character.isUpperCase(core.codePointAt(0))
                || isSentenceLike(core)) {
            return false;
        }
        String[] tokens = core.split(" ");
        if (tokens.length < 4 || tokens.length > 16
                || LEADING_FUNCTION_WORDS.contains(tokens[0].toLowerCase(Locale.ROOT))
                || HEADING_WORDS.contains(tokens[0].toLowerCase(Locale.ROOT))) {
            return false; // "Questions from the media to Maria Zakharova:" heads a section
        }
        int start = nameRunStart(Arrays.asList(tokens));
        int names = 0;
        for (int i = start; i < tokens.length; i++) {
            if (!isNameToken(tokens[i]) && !NAME_PARTICLES.contains(tokens[i])) {
                return false;
            }
            names += isNameToken(tokens[i]) ? 1 : 0;
        }
        if (start == 0 || names < 2 || names > 3) {
            return false;
        }
        int lowerCase = 0;
        for (int i = 0; i < start; i++) {
            String bare = TRAILING_COMMA.matcher(tokens[i]).replaceAll("");
            if (bare.isEmpty() || !Character.isLetter(bare.codePointAt(0))) {
                return false;
            }
            if (Character.isLowerCase(bare.codePointAt(0)) && !CONNECTORS.contains(bare)) {
                if (NO_ROLE_WORDS.contains(bare) || ++lowerCase > 5) {
                    return false;
                }
            }
        }
        return lowerCase > 0;
    }

    /** "Jupiter B: Saturn C: Neptune" after "A:": a quiz's options written on one line or joined from lines. */
    private static final Pattern OPTIONS = Pattern.compile(
            "^[^\\n]{1,80}?\\sB[.:)][ \\u00a0][^\\n]{1,80}?\\sC[.:)][ \\u00a0].*", Pattern.DOTALL);

    /** Whether the words after "A:" or "A." are the first of a quiz's lettered options, with "B" and "C" after them. */
    static boolean listsOptions(String rest) {
        String head = rest.length() > 300 ? rest.substring(0, 300) : rest;
        return head.indexOf('B') >= 0 && head.indexOf('C') >= 0 && OPTIONS.matcher(head).matches();
    }

    /** Whether the label is one generic word: an unnamed voice, an occupation or an office alone ("Host", "CHAIR"). */
    private static boolean isGenericWord(String label) {
        if (label.indexOf(' ') >= 0) {
            return false;
        }
        String word = TRAILING_DOT.matcher(label.toLowerCase(Locale.ROOT)).replaceAll("");
        return !word.equals("q") && !word.equals("a") && (UNNAMED.contains(word) || OCCUPATION_WORDS.contains(word)
                || ONE_WORD_OFFICES.contains(word));
    }

    /**
     * Whether what follows a generic one-word label credits a person rather than speaks: a personal name of two to four
     * name words (after forms of address), then nothing, a bracket, a semicolon, a figure, or a comma before a capital
     * or a figure ("PRESIDENT: Margaret Hill", "SPEAKER: Dr Ann Lee, Director of Public Health", "Host: Terry Gross",
     * "MAYOR: Jane Roe (Lab) 41,200", "JUDGE: Hon. Ann Lee"). "CHAIR: Helen Ward, you have the floor." speaks, and so
     * does "MODERATOR: Josh Wingrove, Bloomberg.", a sentence calling on a reporter.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!][\"”’)]*$");
    /** Whether the text reads as speech: it opens with no lower-case letter and ends a sentence (or breaks off). */
    private static boolean speaks(String text) {
        String stripped = text.strip();
        // only the end is looked at: run over a whole paragraph of ")" the pattern took quadratic time (a 100,000
        // character paragraph ran past a minute, the deadline unable to stop one match)
        String end = stripped.length() > 16 ? stripped.substring(stripped.length() - 16) : stripped;
        return !stripped.isEmpty() && !Character.isLowerCase(stripped.codePointAt(0))
                && SPEECH_END.matcher(end).find();
    }

    /** How a turn's paragraph ends: a sentence, an interruption or a remark. */
    private static final Pattern SPEECH_END = Pattern.compile("[.?!…—–:)\\]][\"”’)]*[\\s\\u00a0]*$");

    static boolean isCredit(String rest) {
        String text = WhitespaceNormalizer.normalize(rest.length() > 400 ? rest.substring(0, 400) : rest);
        String[] words = text.split(" ");
        int i = 0;
        while (i < words.length && (isHonorific(words[i]) || words[i].equals("Councillor") || words[i].equals("Cllr"))) {
            i++;
        }
        int nameWords = 0;
        while (i < words.length && nameWords < 5) {
            String word = words[i];
            String bare = TRAILING_COMMA.matcher(word).replaceAll("");
            boolean nameWord = isNameToken(bare) || isNameParticle(bare) && nameWords > 0;
            if (!nameWord) {
                break;
            }
            nameWords += isNameToken(bare) ? 1 : 0;
            i++;
            if (!bare.equals(word)) {
                // a comma after the name: a credit when a capital or a figure follows ("…, Director of …", "…, 0123")
                // and no sentence ends the line ("MODERATOR: Josh Wingrove, Bloomberg." calls on a reporter)
                return nameWords >= 2 && nameWords <= 4 && (i >= words.length || words[i].isEmpty()
                        || !Character.isLowerCase(words[i].codePointAt(0))) && !SENTENCE_END.matcher(text).find();
            }
        }
        if (nameWords < 2 || nameWords > 4) {
            return false;
        }
        if (i >= words.length) {
            return true;
        }
        char next = words[i].charAt(0);
        return next == '(' || next == ';' || Character.isDigit(next);
    }

    /**
     * Whether the text can be a speaker label. Strict mode (plain text) demands capitalised words and connectors only;
     * lenient mode (a bold label in HTML, already marked by the page) only bounds its length and shape.
     */
    boolean looksLikeLabel(String label, boolean strict) {
        String text = WhitespaceNormalizer.normalize(label);
        if (text.isEmpty() || text.length() > (strict ? 160 : MAX_BOLD_LABEL_CHARS)) {
            return false;
        }
        String core = shapeCore(text);
        if (core.isEmpty() || !Character.isLetter(core.codePointAt(0))) {
            return false;
        }
        String[] tokens = core.split(" ");
        if (tokens.length > (strict ? MAX_LABEL_WORDS : MAX_BOLD_LABEL_WORDS) || isSentenceLike(core)) {
            return false;
        }
        if (!strict) {
            return Character.isUpperCase(core.codePointAt(0)) || core.equalsIgnoreCase("q") || opensWithParticle(tokens);
        }
        int comma = core.indexOf(", ");
        if (comma > 0 && personNameEnds(core.substring(0, comma))
                && core.substring(comma + 2).split(" ").length <= 8) {
            tokens = core.substring(0, comma).split(" "); // "Anna Smirnova, metrology engineer": the role may be lower case
        }
        for (int t = 0; t < tokens.length; t++) {
            String token = tokens[t];
            String bare = token.indexOf(',') < 0 ? token : TRAILING_COMMA.matcher(token).replaceAll("");
            if (bare.isEmpty()) {
                return false;
            }
            if (t >= tokens.length - 2 && tokens.length > 1 && isPossessive(bare)
                    && !OFFICE_WORDS.contains(tokens[tokens.length - 1].toLowerCase(Locale.ROOT))
                    && !isOccupation(tokens[tokens.length - 1])) {
                // a name holds no possessive: "Private Members’ Bills: Money Resolutions" is a heading; an office may
                // ("Children's Commissioner:", "Prime Minister's Spokesperson:")
                return false;
            }
            if (CONNECTORS.contains(bare) || NAME_PARTICLES.contains(bare)) {
                continue;
            }
            if (!Character.isUpperCase(bare.codePointAt(0)) && !isNameToken(bare)) {
                return false;
            }
            if (bare.endsWith(".") && bare.length() > 4 && !ACRONYM.matcher(bare).matches()) {
                return false;
            }
        }
        // nor does it open with a conjunction or preposition, capitalised or not ("And for President Lopez: …")
        // initials in capitals may spell such a word ("AS:" for Ali Smith): class 48 decides whether they name anyone
        return opensWithParticle(tokens) || tokens.length == 1 && tokens[0].length() <= 3 && mayBeInitials(tokens[0])
                || !CONNECTORS.contains(tokens[0]) && !LEADING_FUNCTION_WORDS.contains(tokens[0].toLowerCase(Locale.ROOT));
    }

    private static boolean isPossessive(String token) {
        return token.endsWith("'s") || token.endsWith("’s") || token.length() > 2
                && (token.endsWith("s'") || token.endsWith("s’"));
    }

    /**
     * Class 51: a surname that opens with a lower-case particle and is the whole label: "von der Leyen", "de Croo",
     * "al-Sudani", "van der Bellen" (particles, then one or two capitalised name words).
     */
    static boolean opensWithParticle(String label) {
        return opensWithParticle(shapeCore(WhitespaceNormalizer.normalize(label)).split(" "));
    }

    private static boolean opensWithParticle(String[] tokens) {
        if (tokens.length > 5) {
            return false;
        }
        if (tokens.length == 1) {
            int hyphen = tokens[0].indexOf('-');
            return hyphen > 0 && SURNAME_OPENING_PARTICLES.contains(tokens[0].substring(0, hyphen))
                    && isNameToken(tokens[0]);
        }
        if (!SURNAME_OPENING_PARTICLES.contains(tokens[0])) {
            return false;
        }
        int i = 1;
        while (i < tokens.length && NAME_PARTICLES.contains(tokens[i])) {
            i++;
        }
        int names = tokens.length - i;
        for (; i < tokens.length; i++) {
            if (!isNameToken(tokens[i])) {
                return false;
            }
        }
        return names >= 1 && names <= 2;
    }

    /** Whether a label, in any case, spells a word that opens no label: "TO", "As", "BY", "FROM". */
    static boolean spellsFunctionWord(String label) {
        String lower = WhitespaceNormalizer.normalize(label).toLowerCase(Locale.ROOT);
        return LEADING_FUNCTION_WORDS.contains(lower) || CONNECTORS.contains(lower);
    }

    /** Words that open a sentence but never a speaker label. */
    private static final Set<String> LEADING_FUNCTION_WORDS = Set.of(
            "and", "or", "but", "for", "to", "on", "at", "in", "of", "with", "from", "as", "by", "so", "&");

    /** A space as the label patterns' {@code [\\s\\u00a0]} has it. */
    private static boolean isLabelSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0';
    }

    /**
     * Whether the text holds a question mark, exclamation mark, semicolon or quotation mark and no line terminator,
     * as the regular expression {@code .*[?!;"“”«»].*} would match it.
     */
    private static boolean isSentenceLike(String text) {
        boolean punctuation = false;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\n', '\r', '\u0085', '\u2028', '\u2029' -> {
                    return false;
                }
                case '?', '!', ';', '"', '“', '”', '«', '»' -> punctuation = true;
                default -> {
                }
            }
        }
        return punctuation;
    }

    /** Splits a label into its parts; {@code knownNames} are bare names that the same document uses as labels. */
    SpeakerLabel parse(String verbatim, Collection<String> knownNames) {
        String label = WhitespaceNormalizer.normalize(verbatim);
        String[] split = stripAnnotation(label);
        if (split[1] != null && split[0].contains(", ") && isAbbreviation(split[1])) {
            // "Name, General Director of the Centre (TsENKI)": an abbreviation ending the role is part of it
            split = new String[] {label, null};
        }
        String core = unglue(split[0]);
        String annotation = split[1];
        core = isAllCaps(core) ? titleCase(core) : titleCaseTrailingCapitals(core);
        String unnamed = unnamedForm(core);
        if (unnamed != null) {
            return new SpeakerLabel(label, unnamed, null, annotation, true, false);
        }
        Optional<SpeakerLabel> parliamentary = parliamentary(label);
        if (parliamentary.isPresent()) {
            return parliamentary.get();
        }
        String consort = consortOffice(core);
        if (consort != null) {
            // class 60: "FIRST LADY BIDEN" is Biden, the First Lady: the office is the role, never "Lady" the name
            return new SpeakerLabel(label, core.substring(consort.length() + 1), consort, annotation, false, false);
        }
        if (annotation != null && isOfficeInBrackets(annotation) && core.indexOf(", ") < 0) {
            // class 57: "Rt Hon CHRISTOPHER LUXON (Prime Minister)": an office in the bracket is the role
            String[] nameAndRole = nameAndRole(core, knownNames);
            if (nameAndRole[1] == null && !isOffice(core)) {
                return new SpeakerLabel(label, nameAndRole[0], annotation, null, false, false);
            }
        }
        if (isOffice(core)) {
            return new SpeakerLabel(label, core, null, annotation, false, true);
        }
        int comma = core.indexOf(", ");
        if (comma > 0) {
            String head = core.substring(0, comma);
            String tail = cleanRole(core.substring(comma + 2));
            String[] nameAndRole = nameAndRole(head, knownNames);
            if (tail != null && personNameEnds(head) && head.indexOf('(') < 0) {
                String role = nameAndRole[1] == null ? tail : nameAndRole[1] + ", " + tail;
                return new SpeakerLabel(label, nameAndRole[0], role, annotation, false, false);
            }
            // "Dmitry, Moscow": a given name alone, then where the caller is from or what they do; but "Lipetsk,
            // Yevgeny Zaitsev" puts the place first and a full personal name after the comma
            if (tail != null && head.indexOf(' ') < 0 && isNameToken(head) && personName(tail).isEmpty()) {
                return new SpeakerLabel(label, head, tail, annotation, false, false);
            }
        }
        String[] nameAndRole = nameAndRole(core, knownNames);
        return new SpeakerLabel(label, nameAndRole[0], nameAndRole[1], annotation, false, false);
    }

    /** Class 60: the offices of a head of state's or government's spouse, which share the holder's surname. */
    private static final List<String> CONSORT_OFFICES = List.of("First Lady", "Second Lady", "First Gentleman",
            "Second Gentleman");

    /** The consort office that opens the label before a name ("First Lady Biden", "Second Gentleman Emhoff"), or null. */
    static String consortOffice(String core) {
        for (String office : CONSORT_OFFICES) {
            if (core.length() > office.length() + 1 && core.regionMatches(true, 0, office, 0, office.length())
                    && core.charAt(office.length()) == ' ' && isNameToken(core.substring(office.length() + 1)
                            .split(" ")[0])) {
                return core.substring(0, office.length());
            }
        }
        return null;
    }

    static boolean isConsortOffice(String role) {
        if (role == null || role.length() < 10 || role.length() > 16) {
            return false; // tried for every label: most roles are no consort office by their length alone
        }
        for (String office : CONSORT_OFFICES) {
            if (office.equalsIgnoreCase(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 57: whether a bracket after a name holds an office ("Prime Minister", "Leader of the Opposition", "Minister
     * for Health"): capitalised words and connectors only, at least one of them an office word that names a person's
     * post, not an institution ({@link #INSTITUTION_WORDS}). A party ("Lab"), a constituency ("Ayr"), a country
     * ("United Kingdom", "Russian Federation") or a note ("In English") holds none.
     */
    private static final Set<String> INSTITUTION_WORDS = Set.of(
            "presidential", "ministry", "federal", "state", "service", "republic", "federation", "council", "committee",
            "region", "territory", "government", "bank", "office", "affairs", "agency", "department", "first", "foreign",
            "defence", "defense", "the", "his", "her", "people's", "national", "international", "university",
            "company", "corporation", "group", "parliamentary", "press", "general", "acting", "vice", "prime",
            "executive", "senior", "junior", "principal", "sr", "jr", "excellency", "highness", "majesty", "exchequer");

    private static boolean isOfficeInBrackets(String text) {
        String[] tokens = text.split(" ");
        if (tokens.length > 10 || !Character.isUpperCase(tokens[0].codePointAt(0))) {
            return false;
        }
        boolean office = false;
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (CONNECTORS.contains(token)) {
                continue;
            }
            if (token.isEmpty() || !Character.isUpperCase(token.codePointAt(0))) {
                return false;
            }
            office = office || OFFICE_WORDS.contains(lower) && !INSTITUTION_WORDS.contains(lower);
        }
        return office;
    }

    /**
     * {name, role-or-null} of a label without annotation and comma: the longest name that the page itself marks as a
     * person's (a bare label, a persons-catalogue link, the lead) and that ends the label, else the trailing personal
     * name by {@link #splitNameAndRole}.
     */
    private String[] nameAndRole(String core, Collection<String> knownNames) {
        // The words after each space of the label, longest first, looked up among the known names: a handful of
        // look-ups per label, where going through every known name for every label was quadratic in a document
        // with thousands of labels (issue 12). Of two known names that both end the label, the fuller one wins.
        for (int space = core.indexOf(' ', 1); space > 0 && !knownNames.isEmpty(); space = core.indexOf(' ',
                space + 1)) {
            String known = core.substring(space + 1);
            // a role does not end in a connector ("Head of" before "Sberbank Herman Gref"): the name starts later
            if (!known.isEmpty() && knownNames.contains(known) && !endsWithConnector(core.substring(0, space))) {
                return new String[] {known, cleanRole(core.substring(0, space).strip())};
            }
        }
        return splitNameAndRole(core);
    }

    private static boolean endsWithConnector(String role) {
        int space = role.lastIndexOf(' ');
        String last = role.substring(space + 1);
        return !last.isEmpty() && Character.isLowerCase(last.codePointAt(0)) && CONNECTORS.contains(last);
    }

    /** Whether the text ends with a personal name of at least two words: "Anna Smirnova", "commentator Pavel Lind". */
    private static boolean personNameEnds(String text) {
        List<String> tokens = Arrays.asList(text.split(" "));
        int start = nameRunStart(tokens);
        int words = 0;
        for (int i = start; i < tokens.size(); i++) {
            if (isNameToken(tokens.get(i))) {
                words++;
            }
        }
        return words >= 2;
    }

    /**
     * A word that runs from lower case straight into a capital ("GeneralNIKOLAI", "VladimirPUTIN", "DumaVladimir") is
     * two words whose space the page lost, when the part before the capital has at least four letters (so "McDonald",
     * "MacArthur" and "DeSantis" stay whole).
     */
    static String unglue(String text) {
        StringBuilder out = null;
        int wordLetters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean split = i > 0 && wordLetters >= 4 && Character.isLowerCase(text.charAt(i - 1))
                    && Character.isUpperCase(c) && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            if (split && out == null) {
                out = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (split) {
                out.append(' ');
                wordLetters = 0;
            }
            if (out != null) {
                out.append(c);
            }
            wordLetters = Character.isLetter(c) ? wordLetters + 1 : 0;
        }
        return out == null ? text : out.toString();
    }

    /**
     * A name written in capitals after a role in ordinary case ("Security Council Secretary NIKOLAI PATRUSHEV",
     * "Vladimir PUTIN") is written in title case: two or more trailing words in capitals of four letters or more, or
     * one after a capitalised name word. Shorter words in capitals are acronyms ("CSTO Secretary General").
     */
    private static String titleCaseTrailingCapitals(String core) {
        String[] tokens = core.split(" ");
        int start = tokens.length;
        while (start > 0 && isCapitalsWord(tokens[start - 1])) {
            start--;
        }
        int count = tokens.length - start;
        boolean afterName = start > 0 && isNameToken(tokens[start - 1]) && !isAllCaps(tokens[start - 1]);
        if (count == 0 || count == tokens.length || count == 1 && !afterName) {
            return core;
        }
        for (int i = start; i < tokens.length; i++) {
            tokens[i] = titleCase(tokens[i]);
        }
        return String.join(" ", tokens);
    }

    private static boolean isCapitalsWord(String token) {
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (c != '-' && c != '\'' && c != '’') {
                return false;
            }
        }
        return letters >= 4;
    }

    /**
     * Labels in the style of the UK Parliament's Hansard. "Name (Constituency) (Party)" gives the name (honorific
     * included; the resolver drops it) and the role "Constituency (Party)"; "Office (Name)" gives the name and the
     * office as the role.
     */
    private Optional<SpeakerLabel> parliamentary(String label) {
        Matcher member = MEMBER_CONSTITUENCY_PARTY.matcher(label);
        if (member.matches() && isPersonName(member.group(1))) {
            String role = member.group(2).strip() + " (" + member.group(3).strip() + ")";
            return Optional.of(new SpeakerLabel(label, member.group(1).strip(), role, null, false, false));
        }
        // class 50, the House of Lords: "The Minister of State, Department for Energy (Lord Callanan) (Con)" is the
        // office, the peer and the party; "Baroness Hayman (CB)" the peer and the party, which is the role
        if (member.matches() && isOffice(member.group(1).strip()) && isPeerName(member.group(2).strip())) {
            return Optional.of(new SpeakerLabel(label, member.group(2).strip(), member.group(1).strip(), null, false,
                    false));
        }
        Matcher peer = PEER_PARTY.matcher(label);
        // a party or group is short ("CB", "Non-Afl", "Lab Co-op"); "Lord Ahmad of Wimbledon (United Kingdom)" at the
        // UN names a country, an annotation like any other
        if (peer.matches() && isPeerName(peer.group(1).strip()) && peer.group(2).strip().length() <= 9) {
            return Optional.of(new SpeakerLabel(label, peer.group(1).strip(), peer.group(2).strip(), null, false,
                    false));
        }
        Matcher holder = OFFICE_HOLDER.matcher(label);
        if (holder.matches() && isOffice(holder.group(1).strip()) && isPersonName(holder.group(2))
                && holder.group(2).strip().contains(" ")) {
            return Optional.of(new SpeakerLabel(label, holder.group(2).strip(), holder.group(1).strip(), null, false,
                    false));
        }
        return Optional.empty();
    }

    /** One to four capitalised name words, after an optional honorific: "Sir Edward Leigh", "Keir Starmer". */
    private static boolean isPersonName(String text) {
        List<String> tokens = new ArrayList<>(Arrays.asList(WhitespaceNormalizer.normalize(text).split(" ")));
        while (tokens.size() > 1 && isHonorific(tokens.get(0))) {
            tokens.remove(0);
        }
        if (tokens.isEmpty() || tokens.size() > 4) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            // a middle initial ("Diana R. Johnson"), never the first or the last word
            boolean middleInitial = i > 0 && i < tokens.size() - 1 && isInitial(token);
            if (!isNameToken(token) && !CONNECTORS.contains(token) && !middleInitial) {
                return false;
            }
        }
        return isNameToken(tokens.get(0));
    }

    /**
     * An office without a person: "Mr Speaker", "Madam Deputy Speaker", "The Prime Minister", "The Secretary of State
     * for Defence". Honorifics aside, either every word is an office word or connector, or the label starts with "The"
     * and an office word.
     */
    static boolean isOffice(String core) {
        List<String> tokens = new ArrayList<>(Arrays.asList(WhitespaceNormalizer.normalize(core).split(" ")));
        while (tokens.size() > 1 && isHonorific(tokens.get(0))) {
            tokens.remove(0);
        }
        if (tokens.isEmpty() || tokens.get(0).isEmpty()) {
            return false;
        }
        String first = tokens.get(0).toLowerCase(Locale.ROOT);
        if (tokens.size() >= 3 && tokens.get(0).equals("The") && tokens.get(1).equals("Lord")
                && Character.isUpperCase(tokens.get(2).codePointAt(0)) && !isPeerName(core)) {
            return true; // class 50: "The Lord Chancellor", "The Lord Privy Seal", "The Lord Speaker"
        }
        if (tokens.size() >= 2 && tokens.get(0).equals("The")
                && OFFICE_WORDS.contains(tokens.get(1).toLowerCase(Locale.ROOT))
                && !tokens.get(1).toLowerCase(Locale.ROOT).equals("the")) {
            return true;
        }
        boolean anyOffice = false;
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (CONNECTORS.contains(lower)) {
                continue;
            }
            if (!OFFICE_WORDS.contains(lower) || !Character.isUpperCase(token.codePointAt(0))) {
                return false;
            }
            anyOffice = anyOffice || !lower.equals("the");
        }
        return anyOffice && !CONNECTORS.contains(first);
    }

    /**
     * The one-word labels that {@link #acceptableShortLabel} takes on this page besides its fixed lists, lower-cased:
     * the surnames of its fuller labels ({@link #surnamesOfFullLabels}) and the unnamed voices and occupations, in any
     * case, that speak again after a named speaker has spoken ("Host:", "Dr. Priya Nair:", "Host:" in an interview).
     * {@code candidates} are the page's labels in page order. A credit or description line ("Host: Terry Gross",
     * "Staff: Tom Reed, photographs") is written once, and a list of them ("Teacher: Ann Bell, Lincoln High" /
     * "Teacher: Tom Wu, Riverside") repeats the word with no other label between: neither is a voice.
     */
    static Set<String> oneWordLabelsOfPage(List<String> candidates) {
        Set<String> accepted = surnamesOfFullLabels(candidates);
        accepted.addAll(initialsOfFullLabels(candidates));
        // class 49: "A:" answers "Q:" on a page of questions and answers; anywhere else "A:" is no voice
        // ("A:" always followed by "B:" and "C:" are a quiz's options, not answers)
        boolean questions = false;
        boolean answers = false;
        String previous = null;
        Map<String, Integer> particleLabels = new HashMap<>();
        Set<String> fullerLabels = new HashSet<>();
        // class 49: "A." answers only where there are at least two and each comes straight after a "Q" label
        int dotAnswers = 0;
        boolean strayDot = false;
        for (String candidate : candidates) {
            String core = WhitespaceNormalizer.normalize(candidate);
            if (core.equalsIgnoreCase("q")) {
                questions = true;
            }
            if (questions && "A".equals(previous) && !core.equals("B")) {
                answers = true; // an "A:" that opens no list of options
            }
            if (core.equals(A_DOT)) {
                dotAnswers++;
                strayDot = strayDot || !"q".equalsIgnoreCase(previous);
            }
            previous = core;
            String shape = shapeCore(core);
            if (opensWithParticle(shape.split(" "))) {
                particleLabels.merge(shape.toLowerCase(Locale.ROOT), 1, Integer::sum);
            } else if (shape.length() < 100) {
                // the last three words of a fuller label, for "von der Leyen:" after "Ursula von der Leyen:"
                String[] words = shape.toLowerCase(Locale.ROOT).split(" ");
                for (int k = Math.max(1, words.length - 4); k < words.length; k++) {
                    fullerLabels.add(String.join(" ", Arrays.asList(words).subList(k, words.length)));
                }
            }
        }
        if (answers || questions && "A".equals(previous)) {
            accepted.add("a");
        }
        if (dotAnswers >= 2 && !strayDot) {
            // a section heading ("A. Background"), an initial in speech ("A. Philip Randolph said") or a list's first
            // item comes elsewhere, and a page that has one is read with none of its "A." as a label
            accepted.add("a.");
        }
        // class 51: a label that opens with a particle ("von der Leyen:") speaks twice, or is a fuller label's end; once
        // and alone it is a list item in speech ("van Gogh: more than forty thefts", "la Repubblica: leads on …")
        particleLabels.forEach((label, count) -> {
            if (count >= 2 || fullerLabels.contains(label)) {
                accepted.add(label);
            }
        });
        Map<String, Integer> lastAt = new HashMap<>();
        int lastNamedAt = -1; // the last label of two or more words, a named speaker, or of the questioner
        for (int i = 0; i < candidates.size(); i++) {
            String core = shapeCore(WhitespaceNormalizer.normalize(candidates.get(i)));
            if (core.indexOf(' ') > 0 || core.equalsIgnoreCase("q")) {
                lastNamedAt = i;
            } else if (!core.isEmpty() && Character.isUpperCase(core.codePointAt(0))) {
                String word = TRAILING_DOT.matcher(core.toLowerCase(Locale.ROOT)).replaceAll("");
                // class 52: an office alone ("CHAIR:", a committee's "Chair:") is its holder's voice in a dialogue too;
                // once, or in a list of officers, it is a header (and "PRESIDENT: Margaret Hill" is a credit)
                if (UNNAMED.contains(word) || OCCUPATION_WORDS.contains(word) || ONE_WORD_OFFICES.contains(word)) {
                    Integer last = lastAt.put(word, i);
                    if (last != null && lastNamedAt > last) {
                        accepted.add(word); // a named speaker between its two turns: a dialogue
                    }
                }
            }
        }
        return accepted;
    }

    /**
     * Class 48: the initials, lower-cased, of the labels of two to four capitalised words ("Jane Doe" gives "jd"), when
     * no other such label has the same initials, on a page where some initials open at least two paragraphs: a later
     * "JD:" is that speaker's label (the speaker resolver gives it the full name). Common abbreviations are never
     * initials.
     */
    static Set<String> initialsOfFullLabels(Collection<String> candidates) {
        Map<String, Integer> uses = new HashMap<>();
        Set<String> spokenAfterFullName = new HashSet<>(); // initials first used after their full-name label
        Set<String> fullSoFar = new HashSet<>();
        for (String candidate : candidates) {
            String core = shapeCore(WhitespaceNormalizer.normalize(candidate));
            if (mayBeInitials(core)) {
                String lower = core.toLowerCase(Locale.ROOT);
                if (uses.merge(lower, 1, Integer::sum) == 1 && fullSoFar.contains(lower)) {
                    spokenAfterFullName.add(lower);
                }
            } else {
                String letters = initialsOf(core.split(" "));
                if (letters != null) {
                    fullSoFar.add(letters);
                }
            }
        }
        // initials that spell a function word ("AS", "TO", "BY") count only after the full name has spoken: a memo's
        // "TO: All staff" before a "Tom Owens:" is a header
        uses.keySet().removeIf(letters -> spellsFunctionWord(letters) && !spokenAfterFullName.contains(letters));
        if (uses.isEmpty()) {
            return Set.of();
        }
        Map<String, String> nameOfInitials = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String candidate : new HashSet<>(candidates)) {
            String core = shapeCore(WhitespaceNormalizer.normalize(candidate));
            String[] words = core.split(" ");
            String letters = initialsOf(words);
            String name = core.toLowerCase(Locale.ROOT);
            String previous = letters == null ? null : nameOfInitials.putIfAbsent(letters, name);
            if (previous != null && !previous.equals(name)) {
                ambiguous.add(letters); // "Jane Doe" and "John Dunn": "JD" is neither
            }
        }
        Set<String> initials = new HashSet<>(nameOfInitials.keySet());
        initials.removeAll(ambiguous);
        initials.retainAll(uses.keySet());
        // the page labels turns by initials when one of them opens two paragraphs; "AI: about a third" once, in a
        // list inside speech, is no label
        return initials.stream().anyMatch(letters -> uses.get(letters) >= 2) ? initials : Set.of();
    }

    /**
     * The lower-cased initials of a name of two to four words that each start with a capital ("Jane Doe" gives "jd"),
     * or null for any other name.
     */
    static String initialsOf(String[] words) {
        if (words.length < 2 || words.length > 4) {
            return null;
        }
        StringBuilder initials = new StringBuilder(words.length);
        for (String word : words) {
            if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
                return null;
            }
            initials.append(Character.toLowerCase(word.charAt(0)));
        }
        return initials.toString();
    }

    /**
     * Whether a one-word label could be a person's initials: two to four capital letters, and no common abbreviation
     * that a transcript uses as a label or a list item in speech ("PM:" for the Prime Minister, "AI:", "EU:", "US:").
     */
    static boolean mayBeInitials(String word) {
        if (word.length() < 2 || word.length() > 4) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return !COMMON_ABBREVIATIONS.contains(word);
    }

    /** Abbreviations that stand for an office, a body, a place or a subject, not for a person's initials. */
    private static final Set<String> COMMON_ABBREVIATIONS = Set.of("PM", "MP", "MPS", "MEP", "VP", "AG", "QC", "KC",
            "AI", "IT", "HR", "PR", "TV", "OK", "ID", "EU", "US", "USA", "UK", "UN", "UAE", "NATO", "WHO", "IMF", "WTO",
            "NHS", "BBC", "CNN", "NPR", "PBS", "ABC", "CBS", "NBC", "FBI", "CIA", "NSA", "DOJ", "CEO", "CFO", "CTO",
            "GDP", "ESG", "FAQ", "DC", "LA", "NY", "NYC", "SF", "AM", "PS", "NB");

    /** Surnames of the labels with more than one word, lower-cased: "jen psaki" gives "psaki". */
    static Set<String> surnamesOfFullLabels(Collection<String> candidates) {
        Set<String> surnames = new HashSet<>();
        for (String candidate : new HashSet<>(candidates)) {
            String core = shapeCore(WhitespaceNormalizer.normalize(candidate));
            String[] tokens = core.split(" ");
            if (tokens.length > 1) {
                surnames.add(tokens[tokens.length - 1].toLowerCase(Locale.ROOT));
            }
            int comma = core.indexOf(", ");
            String head = comma > 0 ? core.substring(0, comma) : "";
            String[] named = head.split(" ");
            if (named.length > 1 && personNameEnds(isAllCaps(head) ? titleCase(head) : head)) {
                // "TERRY GROSS, HOST" gives "gross" as well as "host" (a later "HOST:" is a label too)
                surnames.add(named[named.length - 1].toLowerCase(Locale.ROOT));
            }
        }
        return surnames;
    }

    /**
     * A one-word label ("Putin:") counts only when it is generic (an unnamed voice of {@link #UNNAMED}: a questioner,
     * an interjection, an interviewer, moderator, presenter, reporter or aide, in any case; the other unnamed voices,
     * "AUDIENCE:", "PARTICIPANT:", and occupations, "STUDENT:", in capitals) or one of {@code pageWords}, the page's
     * own ({@link #oneWordLabelsOfPage}).
     */
    static boolean acceptableShortLabel(String label, Set<String> pageWords) {
        String core = shapeCore(WhitespaceNormalizer.normalize(label));
        if (core.equals(A_DOT)) {
            return pageWords.contains("a."); // class 49: only where every "A." answers a "Q"
        }
        String[] tokens = core.split(" ");
        if (opensWithParticle(tokens)) {
            return pageWords.contains(core.toLowerCase(Locale.ROOT));
        }
        if (tokens.length > 1) {
            return true;
        }
        String word = TRAILING_DOT.matcher(tokens[0].toLowerCase(Locale.ROOT)).replaceAll("");
        // Other unnamed voices and occupations count only in capitals, the White House's label style ("AUDIENCE:",
        // "STUDENT:"): in ordinary case "Staff: Tom Reed, photographs" or "Audience: about 300 residents" is more often
        // a credit or a description than a voice.
        return SHORT_LABELS_IN_ANY_CASE.contains(word) || pageWords.contains(word)
                || isAllCaps(tokens[0]) && (UNNAMED.contains(word) || OCCUPATION_WORDS.contains(word));
    }

    /**
     * The label without its trailing bracketed groups, for judging its shape: the annotation ("(retranslated)") and,
     * for a parliamentary label, the constituency and party groups.
     */
    private static String shapeCore(String label) {
        String core = stripAnnotation(label)[0];
        if (!endsBracketed(core)) {
            return core;
        }
        Matcher more = ANNOTATION.matcher(core);
        String inner = more.matches() ? more.group(2).strip() : "";
        if (!inner.isEmpty() && !more.group(1).isBlank() && Character.isUpperCase(inner.codePointAt(0))) {
            core = more.group(1).strip();
        }
        return core;
    }

    /** A label that consists of a person's name only, usable to split longer labels of the same document. */
    Optional<String> bareName(String verbatim) {
        String core = stripAnnotation(WhitespaceNormalizer.normalize(verbatim))[0];
        if (isAllCaps(core)) {
            return Optional.empty();
        }
        return personName(core);
    }

    /**
     * The text as a personal name: two to four capitalised name words, with particles and initials between them
     * ("Karl Van der Berg", "Amir K. Nasser"), and nothing else.
     */
    static Optional<String> personName(String text) {
        List<String> tokens = Arrays.asList(text.split(" "));
        if (tokens.size() < 2 || tokens.size() > 7 || unnamedForm(text) != null || !isNameToken(tokens.get(0))
                || nameRunStart(tokens) != 0) {
            return Optional.empty();
        }
        // a capitalised particle is no name word of its own: "Hamad Bin Isa Al Khalifa" has three
        long words = tokens.stream().filter(token -> isNameToken(token)
                && !NAME_PARTICLES.contains(token.toLowerCase(Locale.ROOT))).count();
        return words >= 2 && words <= 4 ? Optional.of(text) : Optional.empty();
    }

    /** Words after which a capitalised run is still part of a role or a place: "of Economics Ivan Petrov". */
    private static final Set<String> ROLE_CONNECTORS = Set.of("of", "the", "in", "at", "for", "on", "&");

    /**
     * The persons that a text such as a lead lists with their roles: a run of two to four capitalised name words
     * directly followed by a comma ("… went to Lena Holt, Honorary Citizen of …"), at the start of the text or after a
     * lower-case word, a comma or "and", but not after a word that continues a role or place ("of", "in", "the").
     */
    static List<String> namesListedIn(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        String[] words = WhitespaceNormalizer.normalize(text).split(" ");
        for (int end = 1; end < words.length; end++) {
            if (!words[end].endsWith(",")) {
                continue;
            }
            List<String> run = new ArrayList<>();
            run.add(words[end].substring(0, words[end].length() - 1));
            int start = end;
            while (start > 0 && run.size() < 7 && !words[start - 1].endsWith(",")
                    && (isNameToken(words[start - 1]) || isInitial(words[start - 1])
                            || NAME_PARTICLES.contains(words[start - 1]))) {
                start--;
                run.add(0, words[start]);
            }
            while (!run.isEmpty() && !isNameToken(run.get(0))) {
                run.remove(0);
                start++;
            }
            String before = start == 0 ? "" : words[start - 1];
            boolean boundary = before.isEmpty() || before.endsWith(",")
                    || Character.isLowerCase(before.codePointAt(0)) && !ROLE_CONNECTORS.contains(before);
            if (boundary) {
                personName(String.join(" ", run)).ifPresent(names::add);
            }
        }
        return names;
    }

    /**
     * Class 54: the names of three or four name words that a text such as a title, a lead or an opening paragraph
     * writes as a run of their own ("Vladimir Putin met with Recep Tayyip Erdogan in the Kremlin", "talks with
     * Chairman of the State Affairs Commission of the DPRK Kim Jong Un."): the run starts at the start of the text,
     * after punctuation, a lower-case word other than one that continues a role or place ("of", "in", "the"), an
     * office word, a form of address or an acronym, and ends at punctuation, a possessive, a lower-case word or the
     * end. Read over the first {@code maxWords} words. A label that ends with such a name keeps it whole, where the
     * default split keeps two words after a connector ("President of Turkey Recep Tayyip Erdogan").
     */
    static List<String> longNamesStandingIn(String text, int maxWords) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // a word is rarely longer than 20 characters: the text beyond that many is never read
        String head = text.length() > maxWords * 20 ? text.substring(0, maxWords * 20) : text;
        String[] words = WhitespaceNormalizer.normalize(head).split(" ", maxWords + 1);
        int limit = Math.min(words.length, maxWords);
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < limit) {
            // cheap first: a run needs three words in a row that open with a capital (or a particle between them)
            if (!opensWithCapital(words[i]) || i + 2 >= limit || !mayContinueRun(words[i + 1])
                    || !mayContinueRun(words[i + 2])) {
                i++;
                continue;
            }
            if (!runWord(words[i]) || i > 0 && !opensRunAfter(words[i - 1])) {
                i++;
                continue;
            }
            List<String> run = new ArrayList<>();
            int j = i;
            boolean closed = false;
            while (j < limit && !closed) {
                String word = words[j];
                if (runWord(word)) {
                    run.add(bareWord(word));
                    closed = endsRun(word);
                } else if (NAME_PARTICLES.contains(word) && !run.isEmpty()) {
                    run.add(word);
                } else {
                    break;
                }
                j++;
            }
            while (!run.isEmpty() && NAME_PARTICLES.contains(run.get(run.size() - 1))) {
                run.remove(run.size() - 1);
            }
            boolean boundedAfter = closed || j >= words.length
                    || j < limit && !words[j].isEmpty() && Character.isLowerCase(words[j].codePointAt(0));
            long nameWords = run.stream().filter(SpeakerLabelParser::isNameToken).count();
            if (boundedAfter && nameWords >= 3 && nameWords <= 4) {
                personName(String.join(" ", run)).ifPresent(names::add);
            }
            i = Math.max(j, i + 1);
        }
        return names;
    }

    /** A capitalised word, a particle, or a particle-hyphen name ("el-Sisi"): a run may go on with it. */
    private static boolean mayContinueRun(String word) {
        if (opensWithCapital(word) || NAME_PARTICLES.contains(word)) {
            return true;
        }
        int hyphen = word.indexOf('-');
        return hyphen > 0 && NAME_PARTICLES.contains(word.substring(0, hyphen));
    }

    private static boolean opensWithCapital(String word) {
        int start = 0;
        while (start < word.length() && "(“\"‘[".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        return start < word.length() && Character.isUpperCase(word.charAt(start));
    }

    /** A capitalised name word of a run (class 54), with its punctuation or possessive after it. */
    private static boolean runWord(String word) {
        String bare = bareWord(word);
        if (bare.isEmpty() || !isNameToken(bare) || isHonorific(bare) || isOccupation(bare)) {
            return false;
        }
        for (String part : bare.toLowerCase(Locale.ROOT).split("-")) {
            if (OFFICE_WORDS.contains(part)) {
                return false; // "Secretary-General", "Vice-Premier"
            }
        }
        return true;
    }

    /** The word without opening quotation marks or brackets, closing punctuation and a possessive "'s". */
    private static String bareWord(String word) {
        int start = 0;
        while (start < word.length() && "(“\"‘[".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        String bare = word.substring(start);
        if (bare.endsWith("'s") || bare.endsWith("’s")) {
            bare = bare.substring(0, bare.length() - 2);
        }
        int end = bare.length();
        while (end > 0 && ",.;:!?)”\"’]".indexOf(bare.charAt(end - 1)) >= 0) {
            end--;
        }
        return bare.substring(0, end);
    }

    /** Whether the word closes a run (class 54): punctuation or a possessive after it. */
    private static boolean endsRun(String word) {
        if (word.endsWith("'s") || word.endsWith("’s")) {
            return true;
        }
        return ",.;:!?)”\"’]".indexOf(word.charAt(word.length() - 1)) >= 0;
    }

    private static boolean opensRunAfter(String previous) {
        if (previous.isEmpty() || endsRun(previous)) {
            return true;
        }
        if (Character.isLowerCase(previous.codePointAt(0))) {
            return !ROLE_CONNECTORS.contains(previous) && !NAME_PARTICLES.contains(previous);
        }
        String lower = previous.toLowerCase(Locale.ROOT);
        // a person's post ("President", "Chairman"), not an institution's word: "State" goes on into "State Duma"
        return OFFICE_WORDS.contains(lower) && !INSTITUTION_WORDS.contains(lower) || isHonorific(previous)
                || isOccupation(previous) || ACRONYM.matcher(previous).matches();
    }

    /** A lower-case particle inside a personal name: "de", "van", "bin" ({@link #NAME_PARTICLES}). */
    static boolean isNameParticle(String token) {
        return NAME_PARTICLES.contains(token);
    }

    static boolean isHonorific(String token) {
        return HONORIFICS.contains(token.toLowerCase(Locale.ROOT));
    }

    /**
     * Splits "role name" at the trailing personal name: the run of capitalised name words at the end of the label,
     * with lower-case particles ("de la", "van der", "al-") and initials ("Z.") inside it. A name has at most three
     * capitalised words, and after a connector ("of Russia Vladimir Putin", "in Lyon Jean Dupont", "for Space
     * Activities Dmitry Rogozin") two, unless the page marks a longer one (a bare label, a catalogue link, the lead).
     */
    private String[] splitNameAndRole(String core) {
        List<String> tokens = new ArrayList<>(Arrays.asList(core.split(" ")));
        if (tokens.size() >= 2 && isHonorific(tokens.get(0))) {
            return new String[] {core, null};
        }
        int start = nameRunStart(tokens);
        int runLength = tokens.size() - start;
        if (runLength == 0 || start == 0) {
            return new String[] {core, null};
        }
        boolean afterConnector = CONNECTORS.contains(tokens.get(start - 1).toLowerCase(Locale.ROOT));
        if (afterConnector && runLength == 1) {
            return new String[] {core, null};
        }
        // A role does not end in a preposition: a capitalised run right after a lower-case "of", "for", "in", … that
        // would be the name whole is that preposition's object, and the label names an office only ("Winner of the
        // Prize for Young Scientists"). A longer run leaves its first words to the preposition ("of Russia Vladimir
        // Putin"), and a name that the page marks (bare label, catalogue link, lead) was looked up before this.
        if (ROLE_CONNECTORS.contains(tokens.get(start - 1)) && lastWords(tokens, start, 2) == start) {
            return new String[] {core, null};
        }
        // an organisation named after "of", "in", "at" or "for" may run on in capitals up to the name: "Member of the
        // headquarters of the National People’s Front Maxim Mishin"
        boolean organisationBefore = false;
        for (int i = 0; i < start && !organisationBefore; i++) {
            organisationBefore = ORGANISATION_CONNECTORS.contains(tokens.get(i));
        }
        int runStart = start;
        start = lastWords(tokens, start, afterConnector || organisationBefore ? 2 : 3);
        // a lower-case particle right before the cut joins the name to the word before it: "Crown Prince of Saudi
        // Arabia Mohammed bin Salman Al Saud" is "Mohammed bin Salman Al Saud", not "Salman Al Saud"
        while (start - 2 >= runStart && NAME_PARTICLES.contains(tokens.get(start - 1))
                && isNameToken(tokens.get(start - 2))) {
            start -= 2;
            while (start - 1 > runStart && NAME_PARTICLES.contains(tokens.get(start - 1))
                    && isNameToken(tokens.get(start - 2))) {
                start -= 2;
            }
        }
        String name = String.join(" ", tokens.subList(start, tokens.size()));
        String role = String.join(" ", tokens.subList(0, start));
        return new String[] {name, cleanRole(role)};
    }

    /** Particles that may open a surname written without its given names: "von der Leyen", "de Croo", "da Silva". */
    private static final Set<String> SURNAME_OPENING_PARTICLES = Set.of(
            "de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "ter", "ten", "al",
            "el", "bin", "ibn");

    /** A capitalised office word other than "The", "His", "Her": "President", "Minister", "Chancellor". */
    private static boolean isCapitalisedOfficeWord(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(token.codePointAt(0)) && OFFICE_WORDS.contains(lower)
                && !Set.of("the", "his", "her").contains(lower);
    }

    /** Lower-case words after which a role names an organisation or a place. */
    private static final Set<String> ORGANISATION_CONNECTORS = Set.of("of", "in", "at", "for");

    /** Where the trailing run of name words (particles and initials included) begins. */
    private static int nameRunStart(List<String> tokens) {
        int start = tokens.size();
        while (start > 0) {
            String token = tokens.get(start - 1);
            // an occupation word may end a name ("Paul Nurse", "Ken Doctor") but never starts one ("Paramedic Natalya
            // Osipova"): before another name word it belongs to the role
            boolean occupationBefore = start < tokens.size() && isOccupation(token);
            if (isNameToken(token) && !occupationBefore || start < tokens.size() && isInitial(token)) {
                start--;
                continue;
            }
            // particles count only between name words: "Jean-Pierre de la Fontaine"
            int particles = start;
            while (particles > 0 && NAME_PARTICLES.contains(tokens.get(particles - 1))) {
                particles--;
            }
            if (particles < start && particles > 0 && start < tokens.size()
                    && isNameToken(tokens.get(particles - 1))) {
                start = particles;
                continue;
            }
            // a surname that opens with a particle, right after an office: "President von der Leyen", "Prime
            // Minister de Croo"
            if (particles < start && particles > 0 && start < tokens.size()
                    && SURNAME_OPENING_PARTICLES.contains(tokens.get(particles))
                    && isCapitalisedOfficeWord(tokens.get(particles - 1))) {
                start = particles;
            }
            break;
        }
        return start;
    }

    /**
     * Moves the start of a name forward so that it holds at most {@code max} capitalised words; a capitalised particle
     * inside the name ("Karl Van der Berg") is not one of them.
     */
    private static int lastWords(List<String> tokens, int start, int max) {
        int words = 0;
        for (int i = tokens.size() - 1; i >= start; i--) {
            String token = tokens.get(i);
            boolean particle = i < tokens.size() - 1 && NAME_PARTICLES.contains(token.toLowerCase(Locale.ROOT));
            if (isNameToken(token) && !particle && ++words == max) {
                return i;
            }
        }
        return start;
    }

    static boolean isInitial(String token) {
        return token.length() == 2 && Character.isUpperCase(token.charAt(0)) && token.charAt(1) == '.';
    }

    /** A capitalised name word, or a lower-case particle joined by a hyphen to one ("al-Haddad"). */
    static boolean isNameToken(String token) {
        int hyphen = token.indexOf('-');
        if (hyphen > 0 && hyphen + 1 < token.length() && NAME_PARTICLES.contains(token.substring(0, hyphen))) {
            return isNameToken(token.substring(hyphen + 1));
        }
        if (!NAME_TOKEN.matcher(token).matches() || token.endsWith(".")) {
            return false;
        }
        if (ACRONYM.matcher(token).matches()) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (hyphen > 0 && OFFICE_WORDS.contains(lower.substring(0, hyphen))
                && OFFICE_WORDS.contains(lower.substring(hyphen + 1))) {
            return false; // "Secretary-General", "Governor-General": an office of two office words
        }
        return !OFFICE_WORDS.contains(lower);
    }

    /** Whether the word is an occupation ({@link #OCCUPATION_WORDS}), in any case: "Professor", "Editor". */
    static boolean isOccupationWord(String token) {
        return isOccupation(token);
    }

    /**
     * Class 49: the personal name that ends a run of words ("Mayor Eric Adams" gives "Eric Adams", "Microsoft CEO Satya
     * Nadella" gives "Satya Nadella"): two to four name words by {@link #personName}, at most three unless particles
     * join them; null when the run ends in no such name.
     */
    static String trailingPersonName(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        int start = nameRunStart(words);
        while (start < words.size() && isHonorific(words.get(start))) {
            start++;
        }
        start = lastWords(words, start, 3);
        return personName(String.join(" ", words.subList(start, words.size()))).orElse(null);
    }

    /** An occupation word ({@link #OCCUPATION_WORDS}): a surname at the end of a name, never a given name before it. */
    private static boolean isOccupation(String token) {
        return OCCUPATION_WORDS.contains(token.toLowerCase(Locale.ROOT));
    }

    private static String cleanRole(String role) {
        String cleaned = TRAILING_COMMAS_AND_SPACE.matcher(role).replaceAll("").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Whether a label names an unnamed voice ("Remark", "REPLY", "Question from Perm"), not a person. */
    static boolean isUnnamedVoice(String label) {
        String core = WhitespaceNormalizer.normalize(label);
        return !core.isEmpty() && unnamedForm(isAllCaps(core) ? titleCase(core) : core) != null;
    }

    private static String unnamedForm(String core) {
        String lower = TRAILING_DOT_OR_COLON.matcher(core.toLowerCase(Locale.ROOT)).replaceAll("");
        if (lower.equals("q") || lower.startsWith("question from ") || lower.startsWith("question to ")) {
            return "Question"; // an unnamed questioner, wherever the question comes from
        }
        if (lower.equals("a")) {
            return "Answer"; // class 49: the answer to a "Q:" (a label only on a page of "Q:" labels)
        }
        if (namesAnOfficialOnly(lower)) {
            // class 53: "SENIOR ADMINISTRATION OFFICIAL", "SECOND SENIOR ADMINISTRATION OFFICIAL": an unnamed voice
            // that keeps its whole label, so that the first and the second official stay two speakers
            return core;
        }
        for (String unnamed : UNNAMED) {
            if (lower.equals(unnamed)) {
                return core;
            }
        }
        return null;
    }

    /**
     * Class 53: a label that describes an official and names no one ("senior administration official", "second senior
     * state department official", "senior state department official one"), lower-cased: "official" or "officials",
     * perhaps followed by a number word, after words that are all office words, ordinals or the usual descriptors of a
     * briefing's unnamed officials. A comma or any other word ("miles taylor, former trump administration official",
     * "dr jane doe, chief medical official") means a person is named, and the label is read as name and role.
     */
    private static boolean namesAnOfficialOnly(String lower) {
        if (!lower.contains("official") || lower.indexOf(',') >= 0) {
            return false;
        }
        List<String> words = new ArrayList<>(Arrays.asList(lower.split(" ")));
        if (words.size() > 1 && OFFICIAL_NUMBERS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        String last = words.get(words.size() - 1);
        if (!last.equals("official") && !last.equals("officials")) {
            return false;
        }
        for (String word : words.subList(0, words.size() - 1)) {
            if (!OFFICE_WORDS.contains(word) && !OFFICIAL_DESCRIPTORS.contains(word)
                    && !OFFICIAL_NUMBERS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Returns {core, annotation-or-null}: "Marine Le Pen (retranslated)" gives {"Marine Le Pen", "retranslated"}. */
    static String[] stripAnnotation(String label) {
        Matcher m = ANNOTATION.matcher(label);
        if (endsBracketed(label) && m.matches() && !m.group(1).isBlank()) {
            String annotation = TRAILING_DOT.matcher(m.group(2).strip()).replaceAll("").strip();
            return new String[] {m.group(1).strip(), annotation.isEmpty() ? null : annotation};
        }
        return longAnnotation(label);
    }

    /**
     * A bracketed annotation longer than the pattern's 80 characters, up to 200: "Vladimir Putin (answering Valery
     * Raenko, Chairman of the Legislative Assembly of the Kamchatka Territory)". Found without a pattern: the label
     * ends with ")" and its last "(" opens a group without other brackets.
     */
    private static String[] longAnnotation(String label) {
        String text = label.strip();
        int open = text.lastIndexOf('(');
        if (!text.endsWith(")") || open < 1 || text.length() - open > 202 || text.indexOf(')') < text.length() - 1
                || text.substring(0, open).indexOf('(') >= 0 || text.substring(0, open).isBlank()) {
            return new String[] {text, null};
        }
        String annotation = TRAILING_DOT.matcher(text.substring(open + 1, text.length() - 1).strip()).replaceAll("");
        return new String[] {text.substring(0, open).strip(), annotation.isBlank() ? null : annotation.strip()};
    }

    /** One word with two or more capitals and no dot: "TsENKI", "UAC", "OSCE"; never a note on the label. */
    private static boolean isAbbreviation(String text) {
        int capitals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '&') {
                return false;
            }
            capitals += Character.isUpperCase(c) ? 1 : 0;
        }
        return capitals >= 2;
    }

    /** Whether the text holds a closing bracket, without which {@link #ANNOTATION} cannot match. */
    private static boolean endsBracketed(String text) {
        return text.indexOf(')') >= 0 || text.indexOf(']') >= 0;
    }

    static boolean isAllCaps(String text) {
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
        // A connector between two spaces goes back to lower case: "Minister Of Foreign Affairs".
        String[] words = out.toString().split(" ", -1);
        for (int i = 1; i < words.length - 1; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            if (CONNECTORS.contains(lower) && words[i].equals(Character.toUpperCase(lower.charAt(0))
                    + lower.substring(1))) {
                words[i] = lower;
            }
        }
        return String.join(" ", words);
    }
}
