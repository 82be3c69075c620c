package io.verbatim.parse.extract;

import java.time.Duration;
import java.util.Locale;

/**
 * The bounds on one document: no document may take more of the parser than these, whatever its shape. Whatever
 * exceeds one is refused with an {@link UnparseableDocumentException} that names the bound.
 *
 * @param maxChars the largest document, in characters
 * @param maxDepth the deepest nesting of HTML elements, counted from the {@code <html>} element (1); a page that nests
 *                 deeper is refused, not flattened, since the turn rules read bold labels, italic remarks and the
 *                 content container from the nesting, and a flattened page could give a wrong attribution
 * @param deadline the longest one document may take to parse, checked by the parser's own loops
 * @param maxParagraphs the most paragraphs one document may have: blocks of text between blank lines or in their own
 *                 HTML paragraph, a block split at an inner line's label counting as one per part; each paragraph
 *                 can become a turn, so this bounds the turns, and with them the memory, that one document can make
 */
public record ParseLimits(int maxChars, int maxDepth, Duration deadline, int maxParagraphs) {

    /** A transcript page is well under a megabyte, the longest news conferences a few. */
    public static final int DEFAULT_MAX_CHARS = 4_000_000;
    /** The corpus and sample pages nest at most 15 elements deep; jsoup itself stops nesting at 512. */
    public static final int DEFAULT_MAX_DEPTH = 256;
    /**
     * A corpus document parses in about a millisecond and the fuzz runs' slowest took 0.5 s; the deadline is wall-clock
     * time, so it leaves room for a machine that is busy with other work.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    /**
     * The longest corpus and pool transcripts have about 900 paragraphs, a day's Hansard a few thousand: 50,000 leaves
     * room for any real transcript, while four million characters of one-line paragraphs ("Q: a" and a blank line,
     * 670,000 turns, which ran out of a 128 MB heap) are refused.
     */
    public static final int DEFAULT_MAX_PARAGRAPHS = 50_000;

    public static final ParseLimits DEFAULTS = new ParseLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_DEADLINE,
            DEFAULT_MAX_PARAGRAPHS);

    /** The given bounds on characters, depth and time, with the default bound on paragraphs. */
    public ParseLimits(int maxChars, int maxDepth, Duration deadline) {
        this(maxChars, maxDepth, deadline, DEFAULT_MAX_PARAGRAPHS);
    }

    public ParseLimits {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be at least 8, was " + maxDepth);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        if (maxParagraphs < 1) {
            throw new IllegalArgumentException("maxParagraphs must be positive, was " + maxParagraphs);
        }
    }

    /**
     * Refuses a document once it has more paragraphs than the bound.
     *
     * @param paragraphs how many paragraphs the document has been found to have so far
     * @throws UnparseableDocumentException when that is more than {@link #maxParagraphs()}
     */
    void checkParagraphs(int paragraphs) {
        if (paragraphs > maxParagraphs) {
            throw tooMany("paragraphs");
        }
    }

    /**
     * Refuses a plain-text document once its paragraphs and the lines inside them that open with a speaker label
     * together are more than the bound: each such line may become a paragraph of its own.
     *
     * @param paragraphsAndLabelledLines the paragraphs plus the labelled inner lines found so far
     * @throws UnparseableDocumentException when that is more than {@link #maxParagraphs()}
     */
    void checkParagraphsWithLabelledLines(int paragraphsAndLabelledLines) {
        if (paragraphsAndLabelledLines > maxParagraphs) {
            throw tooMany("paragraphs and lines that open with a speaker label");
        }
    }

    private UnparseableDocumentException tooMany(String what) {
        return new UnparseableDocumentException(String.format(Locale.ROOT,
                "the document has more than %,d %s; the parser's limit is %,d paragraphs"
                        + " (verbatim.parse.max-paragraphs)", maxParagraphs, what, maxParagraphs));
    }
}
