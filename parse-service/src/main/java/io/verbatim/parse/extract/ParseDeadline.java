package io.verbatim.parse.extract;

import java.io.Reader;
import java.time.Duration;
import java.util.Locale;

/**
 * The cooperative deadline of one document's parse: the parser's loops call {@link #check()}, and jsoup reads the
 * document through {@link #reader(String)}, which checks it on every buffer jsoup fills. Past the deadline, the
 * document is refused. Cooperative rather than an interrupt: no thread is stopped from outside, and whatever the
 * parser was doing is simply dropped with the refusal.
 */
final class ParseDeadline {

    private final Duration budget;
    private final long end;

    private ParseDeadline(Duration budget) {
        this.budget = budget;
        this.end = System.nanoTime() + budget.toNanos();
    }

    static ParseDeadline start(Duration budget) {
        return new ParseDeadline(budget);
    }

    /**
     * @throws UnparseableDocumentException when the deadline has passed
     */
    void check() {
        if (System.nanoTime() - end > 0) {
            throw new UnparseableDocumentException(String.format(Locale.ROOT,
                    "the document took longer to parse than the parser's deadline of %,d ms"
                            + " (verbatim.parse.deadline)", budget.toMillis()));
        }
    }

    /** The text as a reader that checks the deadline each time it is read from. */
    Reader reader(String text) {
        return new Reader() {
            private int next;

            @Override
            public int read(char[] buffer, int offset, int length) {
                check();
                if (next >= text.length()) {
                    return -1;
                }
                int count = Math.min(length, Math.min(text.length() - next, 8_192));
                text.getChars(next, next + count, buffer, offset);
                next += count;
                return count;
            }

            @Override
            public void close() {
            }
        };
    }
}
