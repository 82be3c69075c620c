package io.verbatim.store.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.verbatim.events.EventJson;
import io.verbatim.events.http.Problem;
import io.verbatim.store.api.ReadQueries;
import io.verbatim.store.config.QuoteCheckConfig;
import io.verbatim.store.quote.PassageAligner.Alignment;
import io.verbatim.store.quote.PassageAligner.Kind;
import io.verbatim.store.quote.PassageAligner.Segment;
import io.verbatim.store.quote.QuoteWords.Word;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a quote against what was said: candidates from PostgreSQL's full-text index ({@link #candidateQuery}),
 * ranked by trigram word similarity ({@code pg_trgm}'s {@code word_similarity}), then each candidate aligned word by word
 * ({@link PassageAligner}) to find the passage the quote renders, score it and name the differences. Read only, on
 * the query pool ({@link ReadQueries}).
 */
@ApplicationScoped
public class QuoteChecker {

    /** Longest quote checked, in characters. */
    public static final int MAX_QUOTE_CHARS = 2000;
    /** Fewest words a quote needs; fewer is a search, not a quote. */
    public static final int MIN_QUOTE_WORDS = 3;
    public static final int MAX_RESULTS = 10;

    /**
     * An annotation that says the words are an interpreter's or a translator's ("as interpreted", "retranslated",
     * "re-translated from Russian", "speaking German").
     */
    private static final Pattern INTERPRETED = Pattern.compile(
            "interpret|translat|\\bspeak(?:s|ing)\\s+(?!english\\b)\\p{L}+", Pattern.CASE_INSENSITIVE);
    static final String INTERPRETED_WARNING = "Interpreted text: these are the words of an interpreter or translator "
            + "in English, not the speaker's own. Quote them as a translation.";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** The answer: the quote, the threshold, and the closest passages, best first. */
    public record QuoteCheck(String quote, double threshold, boolean found, String verdict, List<QuoteMatch> matches) {
    }

    public record Speaker(String id, String name, String role) {
    }

    /** A difference: {@code kind} is {@code changed}, {@code missing} (said, not quoted) or {@code added}. */
    public record Difference(String kind, String said, String quoted) {
    }

    /**
     * A passage close to the quote. {@code passage} is the verbatim text aligned with the quote; {@code segments}
     * is that passage piece by piece ({@code same}, {@code changed}, {@code missing}, {@code added}), the
     * {@code differences} the pieces that are not the same. {@code link} is the transcript page's permalink of the
     * paragraph where the passage starts.
     */
    public record QuoteMatch(double score, boolean closeEnough, String statementId, String documentId, int ordinal,
            int paragraph, Speaker speaker, String label, String annotation, boolean interpreted, String warning,
            String transcriptTitle, String publishedAt, String sourceUrl, String link, String passage,
            List<Difference> differences, List<Difference> segments) {
    }

    private final ReadQueries queries;
    private final QuoteCheckConfig config;

    public QuoteChecker(ReadQueries queries, QuoteCheckConfig config) {
        this.queries = queries;
        this.config = config;
    }

    public double threshold() {
        return config.threshold();
    }

    /** Checks {@code quote}; at most {@code limit} passages. A quote too short, too long or unreadable is a 400. */
    public QuoteCheck check(String quote, int limit) {
        if (quote == null || quote.isBlank()) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "quote is required");
        }
        if (quote.length() > MAX_QUOTE_CHARS) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "quote is longer than " + MAX_QUOTE_CHARS
                    + " characters; check one passage at a time");
        }
        if (quote.indexOf('\0') >= 0) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "quote contains a NUL character");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "limit must be between 1 and " + MAX_RESULTS);
        }
        String text = quote.strip();
        List<Word> words = QuoteWords.of(text);
        if (words.size() < MIN_QUOTE_WORDS) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "a quote needs at least " + MIN_QUOTE_WORDS
                    + " words; search for fewer");
        }
        List<Object[]> rows = queries.run(session -> {
            @SuppressWarnings("unchecked")
            List<String> lexemes = session.createNativeQuery("select u.lexeme from unnest(to_tsvector('english', :q)) u "
                    + "cross join lateral unnest(u.positions) p order by p", String.class)
                    .setParameter("q", text).getResultList();
            String windows = candidateQuery(lexemes);
            if (windows == null) {
                return List.<Object[]>of();
            }
            @SuppressWarnings("unchecked")
            List<Object[]> found = session.createNativeQuery("with found as materialized ("
                            + "select s.id from statement s where s.search @@ cast(:windows as tsquery) "
                            + "order by ts_rank_cd(s.search, cast(:windows as tsquery)) desc, s.id desc limit :pool), "
                            + "candidate as materialized ("
                            + "select s.id, word_similarity(:q, s.text) as similarity from found f "
                            + "join statement s on s.id = f.id) "
                            + "select s.statement_id, t.document_id, s.ordinal, "
                            + "sp.public_id, sp.name, coalesce(s.speaker_role, sp.role), s.speaker_label, "
                            + "s.annotation, s.paragraphs::text, t.title, t.published_at, t.source_url, c.similarity "
                            + "from candidate c join statement s on s.id = c.id "
                            + "join speaker sp on sp.id = s.speaker_id "
                            + "join transcript t on t.id = s.transcript_id "
                            + "where c.similarity >= :min order by c.similarity desc, s.id desc limit :n",
                            Object[].class)
                    .setParameter("q", text).setParameter("windows", windows)
                    .setParameter("pool", config.fullTextCandidates())
                    .setParameter("min", config.candidateSimilarity()).setParameter("n", config.candidates())
                    .getResultList();
            return found;
        });
        List<QuoteMatch> matches = new ArrayList<>();
        for (Object[] row : rows) {
            matches.add(match(words, row));
        }
        matches.sort(Comparator.comparingDouble(QuoteMatch::score).reversed());
        List<QuoteMatch> best = matches.stream().limit(limit).toList();
        boolean found = !best.isEmpty() && best.get(0).closeEnough();
        return new QuoteCheck(text, config.threshold(), found, verdict(best), best);
    }

    private String verdict(List<QuoteMatch> best) {
        if (best.isEmpty()) {
            return "Nothing stored is like this quote.";
        }
        QuoteMatch top = best.get(0);
        if (!top.closeEnough()) {
            return String.format(Locale.ROOT, "No stored statement matches this quote closely: the nearest passage "
                    + "scores %.2f, below the threshold of %.2f. It may be a paraphrase, a translation, or words "
                    + "nobody said here.", top.score(), config.threshold());
        }
        String who = top.speaker().name();
        if (top.differences().isEmpty()) {
            return "Said verbatim by " + who + (top.interpreted() ? ", in an interpreter's words" : "") + ".";
        }
        return String.format(Locale.ROOT, "Said by %s%s, with %d difference%s (score %.2f).", who,
                top.interpreted() ? ", in an interpreter's words" : "", top.differences().size(),
                top.differences().size() == 1 ? "" : "s", top.score());
    }

    private QuoteMatch match(List<Word> quote, Object[] row) {
        List<String> paragraphs = strings(row[8]);
        List<Word> said = QuoteWords.of(paragraphs);
        Alignment alignment = PassageAligner.align(quote, said);
        List<Difference> segments = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        for (Segment segment : alignment.segments()) {
            String saidText = segment.said().isEmpty() ? null : verbatim(paragraphs, said, segment.said());
            String quoted = segment.quoted().isEmpty() ? null : String.join(" ", segment.quoted());
            Difference piece = new Difference(segment.kind().name().toLowerCase(Locale.ROOT),
                    segment.kind() == Kind.ADDED ? null : saidText, segment.kind() == Kind.MISSING ? null : quoted);
            segments.add(piece);
            if (segment.kind() != Kind.SAME) {
                differences.add(piece);
            }
        }
        int paragraph = said.isEmpty() || alignment.from() >= said.size() ? 0
                : said.get(alignment.from()).paragraph();
        String passage = alignment.to() > alignment.from()
                ? verbatim(paragraphs, said, range(alignment.from(), alignment.to())) : "";
        String label = (String) row[6];
        String annotation = (String) row[7];
        String speakerName = (String) row[4];
        boolean interpreted = isInterpreted(annotation, label, speakerName);
        int ordinal = ((Number) row[2]).intValue();
        String documentId = (String) row[1];
        double score = Math.round(alignment.score() * 1000) / 1000.0;
        return new QuoteMatch(score, score >= config.threshold(), (String) row[0], documentId, ordinal,
                paragraph + 1, new Speaker((String) row[3], speakerName, (String) row[5]), label, annotation,
                interpreted, interpreted ? INTERPRETED_WARNING : null, (String) row[9], (String) row[10],
                (String) row[11], "/transcripts/" + documentId + "#s" + ordinal + "-p" + (paragraph + 1), passage,
                differences, segments);
    }

    /** Whether a statement's words are an interpreter's or translator's, by its annotation, label or speaker. */
    public static boolean isInterpreted(String annotation, String label, String speakerName) {
        return (annotation != null && INTERPRETED.matcher(annotation).find())
                || (label != null && label.toLowerCase(Locale.ROOT).contains("interpret"))
                || (speakerName != null && speakerName.toLowerCase(Locale.ROOT).contains("interpreter"));
    }

    /**
     * The full-text query that finds a quote's candidate statements on the GIN index of {@code statement.search}
     * ({@code to_tsvector('english', text)}), from the quote's lexemes in the order said (stop words gone, words
     * stemmed): every window of consecutive lexemes, all its lexemes required, any window enough
     * ({@code (a & b & c) | (b & c & d) | ...}), so that a word dropped, replaced or misspelt leaves the windows
     * without it. A window holds half the quote's lexemes, at least three and at most five. A quote of three to five lexemes needs all but one of them, in any one of its leave-one-out sets
     * ({@code (b & c) | (a & c) | (a & b)}); one of one or two lexemes needs them all. {@code null} when the quote has
     * no lexeme (only stop words: "to be or not to be"), which finds nothing.
     */
    static String candidateQuery(List<String> lexemes) {
        if (lexemes.isEmpty()) {
            return null;
        }
        int n = lexemes.size();
        Set<String> windows = new LinkedHashSet<>();
        if (n <= 2) {
            windows.add(conjunction(lexemes));
        } else if (n <= 5) {
            for (int left = 0; left < n; left++) {
                List<String> rest = new ArrayList<>(lexemes);
                rest.remove(left);
                windows.add(conjunction(rest));
            }
        } else {
            // half the lexemes, 3 to 5: one change anywhere still leaves a whole window, and the longer windows of a
            // long quote are rarer, so fewer statements of common words are found only to be ranked away
            int size = Math.max(3, Math.min(5, n / 2));
            for (int from = 0; from + size <= n; from++) {
                windows.add(conjunction(lexemes.subList(from, from + size)));
            }
        }
        return String.join(" | ", windows);
    }

    private static String conjunction(List<String> lexemes) {
        return "(" + String.join(" & ", lexemes.stream().distinct()
                .map(l -> "'" + l.replace("\\", "\\\\").replace("'", "''") + "'").toList()) + ")";
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> indices = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            indices.add(i);
        }
        return indices;
    }

    /** The statement's own text of some of its words: each paragraph's stretch from the first to the last. */
    static String verbatim(List<String> paragraphs, List<Word> words, List<Integer> indices) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < indices.size()) {
            Word first = words.get(indices.get(k));
            Word last = first;
            while (k + 1 < indices.size() && words.get(indices.get(k + 1)).paragraph() == first.paragraph()) {
                k++;
                last = words.get(indices.get(k));
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(paragraphs.get(first.paragraph()), first.start(), last.end());
            k++;
        }
        return out.toString();
    }

    private static List<String> strings(Object json) {
        try {
            return EventJson.mapper().readValue(String.valueOf(json), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored paragraphs are not a JSON array", e);
        }
    }
}
