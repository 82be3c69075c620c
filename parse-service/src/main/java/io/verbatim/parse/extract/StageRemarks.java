package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the non-speech insertions of a transcript: stage remarks in parentheses or brackets ("(Laughter.)"),
 * the omission mark "&lt;…&gt;", and page furniture that must never become speech (time stamps, separators, photo
 * credits, site sections).
 */
final class StageRemarks {

    private static final Pattern STANDALONE = Pattern.compile(
            "^(?:<\\s*(?:…|\\.\\.\\.)\\s*>|\\([^()]{1,300}\\)|\\[[^\\[\\]]{1,300}\\])$");
    private static final Pattern INLINE = Pattern.compile("<\\s*(?:…|\\.\\.\\.)\\s*>|\\(([^()]{1,60})\\)|\\[([^\\[\\]]{1,60})\\]");
    private static final Pattern STAGE_WORDS = Pattern.compile(
            "(?i)^(?:laughter|applause|inaudible|crosstalk|cross-talk|off[- ]mic|unclear|pause|break|"
                    + "as interpreted|in english|in russian|speaks in|audio|video|technical|recess|music|bell).*");
    private static final Pattern SHORT_CAPITALISED_SENTENCE = Pattern.compile("^\\p{Lu}[^.?!]{0,40}\\.$");
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)^(?:\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?)?(?:\\s+[a-z]{2,4})?"
                    + "|(?:transcript\\s+)?originally published by .{1,80}"
                    + "|published in sections:.*|publication date:.*|direct link:.*|text version|see also"
                    + "|.{0,200}\\bphoto(?:graph)?s?(?: by|:)\\s.{0,200})$");

    private static final Pattern DOCUMENT_END = Pattern.compile(
            "(?i)^(?:editor[’']?s note\\b.*|recent posts|related posts|related articles|contact us|translate »"
                    + "|share this:?.*|leave a (?:reply|comment).*|\\d+ comments?|comments|start typing and press enter"
                    + " to search)$");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^(?:the\\s+)?(?:transcript|text|article)\\s+(?:was\\s+)?(?:originally|first)\\s+published"
                    + "\\s+(?:by|on|at)\\s+(.{1,80}?)[.]?$");

    private static final Pattern SEPARATOR = Pattern.compile("^(?:[*•·]\\s*){3,}$|^[-_=]{3,}$");

    private StageRemarks() {
    }

    /** A paragraph that is nothing but a remark or an omission mark. */
    static boolean isStandalone(String paragraph) {
        return STANDALONE.matcher(WhitespaceNormalizer.normalize(paragraph)).matches();
    }

    /** Remarks that stand inside speech and stay in its text ("... the President. (Laughter.) I will ..."). */
    static List<String> inline(String paragraph) {
        List<String> found = new ArrayList<>();
        Matcher m = INLINE.matcher(paragraph);
        while (m.find()) {
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            if (inner == null || looksLikeStageDirection(inner.strip())) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** A section separator such as "* * *", which ends the turn before it. */
    static boolean isSeparator(String paragraph) {
        return SEPARATOR.matcher(WhitespaceNormalizer.normalize(paragraph)).matches();
    }

    /** Page furniture: time stamps, photo credits, attribution lines, the Kremlin footer. */
    static boolean isFurniture(String paragraph) {
        return FURNITURE.matcher(WhitespaceNormalizer.normalize(paragraph)).matches();
    }

    /** A paragraph that starts a site footer ("EDITOR'S NOTE", "Recent Posts", "Leave a reply"): the text ends. */
    static boolean isDocumentEnd(String paragraph) {
        return DOCUMENT_END.matcher(WhitespaceNormalizer.normalize(paragraph)).matches();
    }

    /** The publisher named by a line such as "Transcript originally published by The Kremlin.", if it is one. */
    static Optional<String> attribution(String paragraph) {
        Matcher m = ATTRIBUTION.matcher(WhitespaceNormalizer.normalize(paragraph));
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static boolean looksLikeStageDirection(String inner) {
        return STAGE_WORDS.matcher(inner).matches() || SHORT_CAPITALISED_SENTENCE.matcher(inner).matches()
                && inner.split(" ").length <= 4;
    }
}
