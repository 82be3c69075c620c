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
 * @param maxElements the most HTML elements and comments one page may have, counted in its text before jsoup builds the
 *                 page: start tags ({@code <} and an ASCII letter), comments and other markup declarations ({@code <!},
 *                 {@code <?}), and the end tags {@code </p>} and {@code </br>}, which make an element where none is
 *                 open (matched ones count too); jsoup builds the whole page in memory before any other bound is
 *                 counted
 * @param maxRemarks the most inline stage remarks ("(Laughter.)", {@code <…>}) one document's turns may hold, counted
 *                 as they are collected
 */
public record ParseLimits(int maxChars, int maxDepth, Duration deadline, int maxParagraphs, int maxElements,
        int maxRemarks) {

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
    /**
     * The largest corpus and pool page has 2,088 start tags (one per 156 characters), 3,016 as counted here; 200,000
     * leaves room for any real page, while four million characters of {@code <p>a} (a million elements, which ran out
     * of a 128 MB heap inside jsoup) are refused before jsoup runs. A page at the bound peaked at 89 MB at most.
     */
    public static final int DEFAULT_MAX_ELEMENTS = 200_000;
    /**
     * The corpus and pool documents have at most 32 inline remarks; 50,000, as many as the bound on paragraphs (a
     * remark in each), leaves room for any real transcript, while a turn of {@code <…>} repeated (over a million
     * remarks in four million characters, which ran out of a 128 MB heap) is refused.
     */
    public static final int DEFAULT_MAX_REMARKS = 50_000;

    public static final ParseLimits DEFAULTS = new ParseLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_DEADLINE,
            DEFAULT_MAX_PARAGRAPHS, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_REMARKS);

    /** The given bounds on characters, depth and time, with the default bounds on paragraphs, elements and remarks. */
    public ParseLimits(int maxChars, int maxDepth, Duration deadline) {
        this(maxChars, maxDepth, deadline, DEFAULT_MAX_PARAGRAPHS);
    }

    /** The given bounds on characters, depth, time and paragraphs, with the default bounds on elements and remarks. */
    public ParseLimits(int maxChars, int maxDepth, Duration deadline, int maxParagraphs) {
        this(maxChars, maxDepth, deadline, maxParagraphs, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_REMARKS);
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
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be positive, was " + maxElements);
        }
        if (maxRemarks < 1) {
            throw new IllegalArgumentException("maxRemarks must be positive, was " + maxRemarks);
        }
    }

    /**
     * Refuses an HTML page with more elements and comments than the bound, counted in one pass over its text before
     * jsoup reads it (see {@link #maxElements()} for what counts). Markup inside scripts, styles and attribute values
     * counts too: the count can only be higher than what jsoup builds.
     *
     * @param html the page's text
     * @throws UnparseableDocumentException when the count is more than {@link #maxElements()}
     */
    void checkElements(String html) {
        int count = 0;
        int last = html.length() - 1;
        for (int i = html.indexOf('<'); i >= 0 && i < last; i = html.indexOf('<', i + 1)) {
            char next = html.charAt(i + 1);
            if (isAsciiLetter(next) || next == '!' || next == '?'
                    || next == '/' && (endTagAt(html, i + 2, "p") || endTagAt(html, i + 2, "br"))) {
                if (++count > maxElements) {
                    throw new UnparseableDocumentException(String.format(Locale.ROOT,
                            "the document has more than %,d HTML elements and comments; the parser's limit is %,d"
                                    + " (verbatim.parse.max-elements)", maxElements, maxElements));
                }
            }
        }
    }

    /**
     * Refuses a document once the inline remarks collected from its turns are more than the bound.
     *
     * @param remarks how many inline remarks have been collected so far
     * @throws UnparseableDocumentException when that is more than {@link #maxRemarks()}
     */
    void checkRemarks(int remarks) {
        if (remarks > maxRemarks) {
            throw new UnparseableDocumentException(String.format(Locale.ROOT,
                    "the document has more than %,d inline remarks; the parser's limit is %,d"
                            + " (verbatim.parse.max-remarks)", maxRemarks, maxRemarks));
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether the end tag's name at {@code start} is {@code name}: ASCII, any case, no letter or digit after it. */
    private static boolean endTagAt(String html, int start, String name) {
        int end = start + name.length();
        return end <= html.length() && html.regionMatches(true, start, name, 0, name.length())
                && (end == html.length() || !isAsciiLetter(html.charAt(end)) && !Character.isDigit(html.charAt(end)));
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
