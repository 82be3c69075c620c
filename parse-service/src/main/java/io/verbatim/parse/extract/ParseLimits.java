package io.verbatim.parse.extract;

import java.time.Duration;

/**
 * The bounds on one document: no document may take more of the parser than these, whatever its shape. Whatever
 * exceeds one is refused with an {@link UnparseableDocumentException} that names the bound.
 *
 * @param maxChars the largest document, in characters
 * @param maxDepth the deepest nesting of HTML elements, counted from the {@code <html>} element (1); a page that nests
 *                 deeper is refused, not flattened, since the turn rules read bold labels, italic remarks and the
 *                 content container from the nesting, and a flattened page could give a wrong attribution
 * @param deadline the longest one document may take to parse, checked by the parser's own loops
 */
public record ParseLimits(int maxChars, int maxDepth, Duration deadline) {

    /** A transcript page is well under a megabyte, the longest news conferences a few. */
    public static final int DEFAULT_MAX_CHARS = 4_000_000;
    /** The corpus and sample pages nest at most 15 elements deep; jsoup itself stops nesting at 512. */
    public static final int DEFAULT_MAX_DEPTH = 256;
    /**
     * A corpus document parses in about a millisecond and the fuzz runs' slowest took 0.5 s; the deadline is wall-clock
     * time, so it leaves room for a machine that is busy with other work.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    public static final ParseLimits DEFAULTS = new ParseLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_DEADLINE);

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
    }
}
