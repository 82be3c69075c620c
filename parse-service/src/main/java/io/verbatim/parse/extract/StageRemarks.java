package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the non-speech insertions of a transcript: stage remarks in parentheses or brackets ("(Laughter.)"),
 * the omission mark "&lt;…&gt;", and page furniture that must never become speech (time stamps, separators, photo
 * credits, site sections).
 */
final class StageRemarks {

    /** One remark or omission mark, or several in a row ("(The portraits are unveiled.)  (Applause.)"). */
    private static final String ONE_REMARK = "(?:<\\s*+(?:…|\\.\\.\\.)\\s*+>|\\([^()]{1,300}+\\)|\\[[^\\[\\]]{1,300}+\\])";
    private static final Pattern STANDALONE = Pattern.compile("^" + ONE_REMARK + "(?:\\s++" + ONE_REMARK + ")*+$");
    private static final Pattern INLINE = Pattern.compile("<\\s*(?:…|\\.\\.\\.)\\s*>|\\(([^()]{1,60})\\)|\\[([^\\[\\]]{1,60})\\]");
    private static final Pattern STAGE_WORDS = Pattern.compile(
            "(?i)^(?:laughter|applause|inaudible|crosstalk|cross-talk|off[- ]mic|unclear|pause|break|"
                    + "as interpreted|in english|in russian|speaks in|audio|video|technical|recess|music|bell).*");
    private static final Pattern SHORT_CAPITALISED_SENTENCE = Pattern.compile("^\\p{Lu}[^.?!]{0,40}\\.$");
    private static final String TIME_STAMP_FORM =
            "(?:end\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?)?(?:\\s+[a-z]{2,4})?";
    /** A time stamp line: "11:10 A.M. EDT", "END 1:43 P.M. CET". */
    private static final Pattern TIME_STAMP = Pattern.compile("(?i)^" + TIME_STAMP_FORM + "$");
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)^(?:" + TIME_STAMP_FORM
                    + "|(?:transcript\\s+)?originally published by .{1,80}"
                    + "|published in sections:.*|publication date:.*|direct link:.*|text version|see also"
                    // a news site's advertisement slot: "Advertisement", "Advertisement - scroll to continue reading"
                    + "|advertisement(?:\\s*[-–—]\\s*scroll to continue(?: reading)?)?"
                    // a copyright line: "Copyright © 2024 NPR. All rights reserved.", "© 2019 Westminster Notebook"
                    + "|(?:copyright\\s*)?©.{0,200}|copyright\\s+(?:\\(c\\)\\s*)?\\d{4}\\b.{0,200})$");
    /**
     * A licence notice: "Contains Parliamentary information licensed under the Open Parliament Licence v3.0." (which
     * every republished Hansard carries, also after "Source: House of Commons Hansard."), "This work is licensed under
     * a Creative Commons … License." It opens with "Contains … information" or "This work (content, transcript, …) is",
     * so a sentence of speech about a licence ("All of it is licensed under the Open Government Licence") is not one.
     * Only tried on paragraphs that hold "licen", as it has to scan the paragraph.
     */
    private static final Pattern LICENCE_NOTICE = Pattern.compile("(?i)^(?:source:[^.]{1,80}\\.\\s)?"
            + "(?:contains [\\w\\s]{0,40}information|this (?:work|content|transcript|article|text|page|post|site) is)"
            + " licen[cs]ed under (?:the|a|an) .{0,100}\\blicen[cs]e\\b.{0,60}$");
    /** A photo credit; only tried on paragraphs that hold the word, as it has to scan the whole paragraph. */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "(?i)^.{0,200}\\bphoto(?:graph)?s?(?: by|:)\\s.{0,200}$");

    private static final Pattern DOCUMENT_END = Pattern.compile(
            "(?i)^[*_]{0,3}(?:editor[’']?s note\\b.*|recent posts|related posts|related articles|contact us|translate »"
                    + "|share this(?: post| page| article| story| episode| transcript)?(?::.*)?[*_]{0,3}|leave a (?:reply|comment).*|\\d+ comments?|comments|start typing and press enter"
                    + " to search)$");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^(?:the\\s+)?(?:transcript|text|article)\\s+(?:was\\s+)?(?:originally|first)\\s+published"
                    + "\\s+(?:by|on|at)\\s+(.{1,80}?)[.]?$");

    /**
     * A note on interpretation that opens a turn, written as the label's annotation would be: "(As interpreted.)",
     * "(Through an interpreter.)", "(Retranslated.)", "(In English.)".
     */
    private static final Pattern INTERPRETATION_NOTE = Pattern.compile("^\\(\\s*((?i:as interpreted|through an?"
            + " interpreter|through interpretation|via (?:an )?interpreter|interpreted|re-?translated|in \\p{Lu}\\p{L}{2,20}"
            + "|speaks \\p{Lu}\\p{L}{2,20}|speaking \\p{Lu}\\p{L}{2,20}))"
            + "\\s*\\.?\\s*\\)\\s*");
    /**
     * A procedural narrative of a parliamentary record, standing as a paragraph of its own: up to ten capitalised
     * words naming a member or an office, then "rose", "indicated dissent" or "indicated assent"; or, ending in
     * Hansard's dash, with the member's bracketed constituency and party and "hon." or "right" among the words ("Mr
     * Peter Bone (Wellingborough) (Con) rose—", "Several hon. Members rose—").
     */
    private static final Pattern PROCEDURAL_NARRATIVE = Pattern.compile(
            "^(?:\\p{Lu}[\\p{L}\\p{M}.'’\\-]*\\s(?:(?:of|the|for|and)\\s)?){1,8}"
                    + "(?:rose|indicated (?:dissent|assent))\\s*[.—–\\-]*$"
                    // with the bracketed constituency and party or "hon.", only with Hansard's dash: "Then the hon.
                    // Member for Wellingborough (Mr Bone) rose." is a sentence of speech
                    + "|^(?:(?:\\p{Lu}[\\p{L}\\p{M}.'’\\-]*|\\([^()]{1,60}\\)|hon\\.|right)\\s(?:(?:of|the|for|and)\\s)?){1,10}"
                    + "rose\\s*[—–\\-]+$");

    private StageRemarks() {
    }

    /** Words of a speaker talking to the listeners: first and second person pronouns. */
    private static final Set<String> PERSONAL_PRONOUNS = Set.of(
            "i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "me", "my", "mine", "we", "we're", "we’re",
            "we've", "we’ve", "we'll", "we’ll", "us", "our", "ours", "you", "you're", "you’re", "your", "yours");

    /**
     * Whether the paragraph speaks in the first or second person ("Colleagues, I know …", "Thank you very much."):
     * speech, where a report on the meeting ("Vladimir Putin also listened to reports …") speaks of everyone in the
     * third person. One pass over the words.
     */
    static boolean speaksInPerson(String paragraph) {
        int start = -1;
        for (int i = 0; i <= paragraph.length(); i++) {
            char c = i < paragraph.length() ? paragraph.charAt(i) : ' ';
            boolean wordChar = Character.isLetter(c) || c == '\'' || c == '’';
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = i - start <= 6 ? paragraph.substring(start, i).toLowerCase(Locale.ROOT) : "";
                if (PERSONAL_PRONOUNS.contains(word)) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** A paragraph that is nothing but a remark or an omission mark. */
    static boolean isStandalone(String paragraph) {
        int first = WhitespaceNormalizer.firstVisible(paragraph);
        return first >= 0 && startsRemark(paragraph.charAt(first))
                && STANDALONE.matcher(WhitespaceNormalizer.normalize(paragraph)).matches();
    }

    /** Remarks that stand inside speech and stay in its text ("... the President. (Laughter.) I will ..."). */
    static List<String> inline(String paragraph) {
        return inline(paragraph, Integer.MAX_VALUE);
    }

    /** The paragraph's first {@code most} inline remarks, or all of them if it has fewer. */
    static List<String> inline(String paragraph, int most) {
        if (!containsRemarkStart(paragraph)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Matcher m = INLINE.matcher(paragraph);
        while (found.size() < most && m.find()) {
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            if (inner == null || looksLikeStageDirection(inner.strip())) {
                found.add(m.group());
            }
        }
        return found;
    }

    /**
     * Whether the paragraph ends with an inline stage remark after its speech ("… So, we know. (Laughter.)"): the
     * remark stands between that speech and whatever follows it. A block that is nothing but the remark ("Q
     * (Inaudible.)") has no speech before it: the remark is what the speaker's words were heard as, not an event
     * between two of them.
     */
    static boolean endsWithRemark(String paragraph) {
        int last = paragraph.length();
        while (last > 0 && Character.isWhitespace(paragraph.charAt(last - 1))) {
            last--;
        }
        if (last == 0 || ")]>".indexOf(paragraph.charAt(last - 1)) < 0) {
            return false;
        }
        List<String> remarks = inline(paragraph);
        if (remarks.isEmpty()) {
            return false;
        }
        String remark = remarks.get(remarks.size() - 1);
        String text = paragraph.substring(0, last);
        return text.endsWith(remark) && !WhitespaceNormalizer.isBlank(text.substring(0, text.length() - remark.length()));
    }

    /**
     * A section separator such as "* * *", which ends the turn before it. This and the following checks take a
     * paragraph already passed through {@link WhitespaceNormalizer}, as every reader has it.
     */
    static boolean isSeparator(String normalized) {
        if (normalized.length() < 3) {
            return false;
        }
        // "* * *" (three or more stars or bullets, spaces between) or "---" (three or more rule characters, mixed;
        // "###" is the White House's closing mark): a loop, as the regular expression ^(?:[*•·]\s*){3,}$ recursed once per star and
        // overflowed the stack on a long run (issue 12)
        char first = normalized.charAt(0);
        if ("-_=#".indexOf(first) >= 0) {
            for (int i = 0; i < normalized.length(); i++) {
                if ("-_=#".indexOf(normalized.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }
        int marks = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '*' || c == '•' || c == '·') {
                marks++;
            } else if (!isRegexSpace(c) || marks == 0) {
                return false;
            }
        }
        return marks >= 3;
    }

    /** The interpretation note that opens the text ("as interpreted"), lower case without brackets, or null. */
    static String interpretationNote(String text) {
        if (text == null || !text.startsWith("(")) {
            return null;
        }
        // several notes in a row are one annotation: "(Speaks French.) (As interpreted.)" → "speaks french; as
        // interpreted"
        StringBuilder notes = new StringBuilder();
        Matcher m = INTERPRETATION_NOTE.matcher(text);
        int from = 0;
        while (from < text.length() && m.region(from, text.length()).lookingAt()) {
            if (!notes.isEmpty()) {
                notes.append("; ");
            }
            notes.append(WhitespaceNormalizer.normalize(m.group(1)).toLowerCase(java.util.Locale.ROOT));
            from = m.end();
        }
        return notes.isEmpty() ? null : notes.toString();
    }

    /**
     * The text without the interpretation notes that open it. A colon right after them is the label's second colon
     * ("Name: (re-translated): Hopefully …", the note written between two colons) and goes with them.
     */
    static String withoutInterpretationNote(String text) {
        Matcher m = INTERPRETATION_NOTE.matcher(text);
        int from = 0;
        while (from < text.length() && m.region(from, text.length()).lookingAt()) {
            from = m.end();
        }
        if (from > 0 && from < text.length() && text.charAt(from) == ':') {
            from++;
            while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
        }
        return text.substring(from);
    }

    /** "The Prime Minister rose—", "Mr Jones indicated dissent.": a narrative remark, not speech. */
    static boolean isProceduralNarrative(String normalized) {
        return normalized.length() <= 160 && (normalized.contains(" rose") || normalized.contains(" indicated "))
                && PROCEDURAL_NARRATIVE.matcher(normalized).matches();
    }

    /** Page furniture: time stamps, photo credits, attribution lines, the Kremlin footer. */
    static boolean isFurniture(String normalized) {
        return FURNITURE.matcher(normalized).matches()
                || containsIgnoreAsciiCase(normalized, "photo") && PHOTO_CREDIT.matcher(normalized).matches()
                || containsIgnoreAsciiCase(normalized, "licen") && LICENCE_NOTICE.matcher(normalized).matches();
    }

    /**
     * The White House's closing mark: "END" in capitals as a paragraph of its own, before the closing time line or
     * instead of it. After the last label it closes the transcript.
     */
    static boolean isEndMark(String normalized) {
        return normalized.equals("END");
    }

    /** A time stamp line ("11:59 A.M. EDT", "END 1:43 P.M. CET"); after the speech it closes the transcript. */
    static boolean isTimeStamp(String normalized) {
        if (normalized.isEmpty() || normalized.length() > 40) {
            return false;
        }
        char first = normalized.charAt(0);
        return (Character.isDigit(first) || first == 'E' || first == 'e') && TIME_STAMP.matcher(normalized).matches();
    }

    /** A paragraph that starts a site footer ("EDITOR'S NOTE", "Recent Posts", "Leave a reply"): the text ends. */
    static boolean isDocumentEnd(String normalized) {
        return DOCUMENT_END.matcher(normalized).matches();
    }

    /** The publisher named by a line such as "Transcript originally published by The Kremlin.", if it is one. */
    static Optional<String> attribution(String normalized) {
        Matcher m = ATTRIBUTION.matcher(normalized);
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** A character of the regular expressions' {@code \\s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static boolean startsRemark(char c) {
        return c == '<' || c == '(' || c == '[';
    }

    private static boolean containsRemarkStart(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('(') >= 0 || text.indexOf('[') >= 0;
    }

    /**
     * Whether the text holds the word in any ASCII case. Looks for its first letter with {@link String#indexOf(int)},
     * much faster on a long paragraph than a loop over every character, then compares the rest.
     */
    private static boolean containsIgnoreAsciiCase(String text, String lowerCaseWord) {
        char first = lowerCaseWord.charAt(0);
        return containsFrom(text, lowerCaseWord, first)
                || containsFrom(text, lowerCaseWord, Character.toUpperCase(first));
    }

    /** Whether the word occurs in the text, starting with {@code first}, the rest in any case. */
    private static boolean containsFrom(String text, String lowerCaseWord, char first) {
        int last = text.length() - lowerCaseWord.length();
        for (int i = text.indexOf(first); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(true, i + 1, lowerCaseWord, 1, lowerCaseWord.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeStageDirection(String inner) {
        return STAGE_WORDS.matcher(inner).matches() || SHORT_CAPITALISED_SENTENCE.matcher(inner).matches()
                && inner.split(" ").length <= 4;
    }
}
