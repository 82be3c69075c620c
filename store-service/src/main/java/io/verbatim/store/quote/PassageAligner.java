package io.verbatim.store.quote;

import io.verbatim.store.quote.QuoteWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Finds the passage of a statement that a quote renders and explains the differences word by word.
 *
 * <p>A word-level alignment (the dynamic programme behind LCS and Myers diffs) in its semi-global form: the whole
 * quote is aligned against the best-fitting stretch of the statement, whose words before and after that stretch
 * cost nothing, so a quote shortened to a fragment of a long statement still matches it exactly. An equal word gains
 * 2 points; a statement word the quote leaves out ({@link Kind#MISSING}), a quote word the statement does not have
 * ({@link Kind#ADDED}) and a statement word the quote replaces by another ({@link Kind#CHANGED}) each lose 1; the
 * alignment with most points wins.
 * Words compare by {@link QuoteWords#normalise}: punctuation and capitals never count.
 *
 * <p>The score is the share of equal words among all steps of the alignment: {@code same / (same + changed + added +
 * missing)}, 1.0 for a verbatim quote or fragment, about 0.5 for a sentence that starts as one statement and ends as
 * another. Its time grows with quote words × statement words; a statement longer than {@link #MAX_WINDOW} words is first
 * narrowed to the window that holds most of the quote's words.
 */
public final class PassageAligner {

    /** What a run of words is, seen from the statement. */
    public enum Kind {
        /** said and quoted */
        SAME,
        /** said, but the quote has other words in their place */
        CHANGED,
        /** said, left out of the quote */
        MISSING,
        /** in the quote, not said */
        ADDED
    }

    /**
     * A run of words of one kind: {@code said} the statement's words (indices into its word list), {@code quoted}
     * the quote's.
     */
    public record Segment(Kind kind, List<Integer> said, List<String> quoted) {
    }

    /** The aligned passage: statement words {@code from} (inclusive) to {@code to} (exclusive). */
    public record Alignment(int from, int to, List<Segment> segments, int same, int changed, int missing, int added) {

        public double score() {
            int steps = same + changed + missing + added;
            return steps == 0 ? 0 : (double) same / steps;
        }
    }

    /** Statements longer than this many words are aligned within a window around the quote's words. */
    static final int MAX_WINDOW = 4000;

    /** Points of a step: an equal word gains, every difference loses, so the passage found is the one with most
     * equal words for fewest differences (a lone common word far away is never worth the words skipped to reach it).
     */
    private static final int SAME = 2;
    private static final int CHANGE = -1;
    private static final int GAP = -1;

    private static final byte DIAGONAL = 1;
    private static final byte LEFT = 2; // a statement word missing from the quote
    private static final byte UP = 3; // a quote word added

    private PassageAligner() {
    }

    public static Alignment align(List<Word> quote, List<Word> statement) {
        int offset = 0;
        List<Word> said = statement;
        if (statement.size() > MAX_WINDOW) {
            offset = windowStart(quote, statement, MAX_WINDOW);
            said = statement.subList(offset, Math.min(statement.size(), offset + MAX_WINDOW));
        }
        Alignment local = alignAll(quote, said);
        if (offset == 0) {
            return local;
        }
        int shift = offset;
        List<Segment> shifted = local.segments().stream().map(s -> new Segment(s.kind(),
                s.said().stream().map(i -> i + shift).toList(), s.quoted())).toList();
        return new Alignment(local.from() + offset, local.to() + offset, shifted, local.same(), local.changed(),
                local.missing(), local.added());
    }

    private static Alignment alignAll(List<Word> quote, List<Word> said) {
        int m = quote.size();
        int n = said.size();
        int[] previous = new int[n + 1]; // row 0: any start in the statement is free
        int[] current = new int[n + 1];
        byte[][] step = new byte[m + 1][n + 1];
        for (int i = 1; i <= m; i++) {
            current[0] = previous[0] + GAP;
            step[i][0] = UP;
            String q = quote.get(i - 1).norm();
            for (int j = 1; j <= n; j++) {
                int diagonal = previous[j - 1] + (q.equals(said.get(j - 1).norm()) ? SAME : CHANGE);
                int left = current[j - 1] + GAP;
                int up = previous[j] + GAP;
                if (diagonal >= left && diagonal >= up) {
                    current[j] = diagonal;
                    step[i][j] = DIAGONAL;
                } else if (left >= up) {
                    current[j] = left;
                    step[i][j] = LEFT;
                } else {
                    current[j] = up;
                    step[i][j] = UP;
                }
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        // any end in the statement is free too: the best end, the earliest on ties
        int end = 0;
        for (int j = 1; j <= n; j++) {
            if (previous[j] > previous[end]) {
                end = j;
            }
        }
        List<Kind> kinds = new ArrayList<>();
        List<Integer> saidIndex = new ArrayList<>();
        List<String> quotedWord = new ArrayList<>();
        int i = m;
        int j = end;
        while (i > 0) {
            byte s = step[i][j];
            if (s == DIAGONAL) {
                boolean equal = quote.get(i - 1).norm().equals(said.get(j - 1).norm());
                kinds.add(equal ? Kind.SAME : Kind.CHANGED);
                saidIndex.add(j - 1);
                quotedWord.add(quote.get(i - 1).surface());
                i--;
                j--;
            } else if (s == LEFT) {
                kinds.add(Kind.MISSING);
                saidIndex.add(j - 1);
                quotedWord.add(null);
                j--;
            } else {
                kinds.add(Kind.ADDED);
                saidIndex.add(null);
                quotedWord.add(quote.get(i - 1).surface());
                i--;
            }
        }
        int start = j;
        java.util.Collections.reverse(kinds);
        java.util.Collections.reverse(saidIndex);
        java.util.Collections.reverse(quotedWord);
        return collect(start, end, kinds, saidIndex, quotedWord);
    }

    private static Alignment collect(int from, int to, List<Kind> kinds, List<Integer> saidIndex,
            List<String> quotedWord) {
        List<Segment> segments = new ArrayList<>();
        int[] counts = new int[Kind.values().length];
        Kind kind = null;
        List<Integer> said = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            Kind next = kinds.get(k);
            counts[next.ordinal()]++;
            // neighbouring differences read as one: "border crossings" quoted as "borders" is one change
            boolean sameRun = kind != null && (next == Kind.SAME) == (kind == Kind.SAME);
            if (!sameRun && kind != null) {
                segments.add(segment(kind, said, quoted));
                said.clear();
                quoted.clear();
            }
            kind = next;
            if (saidIndex.get(k) != null) {
                said.add(saidIndex.get(k));
            }
            if (quotedWord.get(k) != null) {
                quoted.add(quotedWord.get(k));
            }
        }
        if (kind != null) {
            segments.add(segment(kind, said, quoted));
        }
        return new Alignment(from, to, segments, counts[Kind.SAME.ordinal()], counts[Kind.CHANGED.ordinal()],
                counts[Kind.MISSING.ordinal()], counts[Kind.ADDED.ordinal()]);
    }

    private static Segment segment(Kind kind, List<Integer> said, List<String> quoted) {
        Kind merged = kind == Kind.SAME ? Kind.SAME
                : !said.isEmpty() && !quoted.isEmpty() ? Kind.CHANGED : said.isEmpty() ? Kind.ADDED : Kind.MISSING;
        return new Segment(merged, List.copyOf(said), List.copyOf(quoted));
    }

    /** The start of the {@code size}-word window of the statement that holds most words of the quote. */
    static int windowStart(List<Word> quote, List<Word> statement, int size) {
        Map<String, Integer> wanted = new HashMap<>();
        quote.forEach(w -> wanted.merge(w.norm(), 1, Integer::sum));
        int[] hits = new int[statement.size() + 1];
        for (int k = 0; k < statement.size(); k++) {
            hits[k + 1] = hits[k] + (wanted.containsKey(statement.get(k).norm()) ? 1 : 0);
        }
        // the densest stretch of about the quote's length, then a window centred on it
        int span = Math.max(1, Math.min(statement.size(), quote.size() * 2));
        int best = 0;
        for (int k = 0; k + span <= statement.size(); k++) {
            if (hits[k + span] - hits[k] > hits[best + span] - hits[best]) {
                best = k;
            }
        }
        int start = best + span / 2 - size / 2;
        return Math.max(0, Math.min(start, statement.size() - size));
    }
}
