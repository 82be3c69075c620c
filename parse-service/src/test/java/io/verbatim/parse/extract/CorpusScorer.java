package io.verbatim.parse.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.events.TranscriptParsed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The corpus scorer of {@code ../shared/corpus/score.py}, ported line by line: the same normalisation, the same
 * in-order matching of predicted to gold turns on the first 40 and last 30 characters of the normalised text, and the
 * same counts and summary (attributed F1, turn F1, speaker, role, annotation and paragraph accuracy over the exactly
 * matched turns, title and date accuracy, perfect documents).
 */
final class CorpusScorer {

    /** Gold titles of these documents are descriptions, not the document's own, as in score.py. */
    private static final Set<String> UNSCORED_TITLE = Set.of("00", "18");
    private static final Pattern HONORIFICS =
            Pattern.compile("^(mr|mrs|ms|miss|dr|sir|madam|mister|president)\\.?\\s+",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NON_WORD = Pattern.compile("[^\\w]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String[][] REPLACEMENTS = {{"\u2019", "'"}, {"\u2018", "'"}, {"\u201c", "\""},
        {"\u201d", "\""}, {"\u2013", "-"}, {"\u2014", "-"}, {"\u2026", "..."}, {"\u2039", "<"}, {"\u203a", ">"}};

    private CorpusScorer() {
    }

    /** The counts of one document, as score.py's {@code score_doc} returns them. */
    record DocScore(String doc, int goldTurns, int predTurns, int startTp, int exactTp, int speakerOk, int roleOk,
            int annOk, int parasOk, Integer titleOk, Integer dateOk) {

        boolean perfect() {
            return exactTp == goldTurns && goldTurns == predTurns && speakerOk == goldTurns;
        }

        String row() {
            return String.format(Locale.ROOT, "%-42s %4d %4d %5d %5d %3d %4d %3d %4d %5s %4s", doc, goldTurns,
                    predTurns, startTp, exactTp, speakerOk, roleOk, annOk, parasOk, titleOk == null ? "-" : titleOk,
                    dateOk == null ? "-" : dateOk);
        }
    }

    /** The summary line of score.py. */
    record Summary(int docs, int goldTurns, int predTurns, double turnF1, double startF1, double speakerAcc,
            double roleAcc, double annotationAcc, double paragraphsAcc, Double titleAcc, Double dateAcc,
            int perfectDocs, double attributedF1) {

        String line() {
            return "docs=" + docs + " gold_turns=" + goldTurns + " pred_turns=" + predTurns + " turn_f1=" + py(turnF1)
                    + " start_f1=" + py(startF1) + " speaker_acc=" + py(speakerAcc) + " role_acc=" + py(roleAcc)
                    + " annotation_acc=" + py(annotationAcc) + " paragraphs_acc=" + py(paragraphsAcc)
                    + " title_acc=" + (titleAcc == null ? "None" : py(titleAcc))
                    + " date_acc=" + (dateAcc == null ? "None" : py(dateAcc)) + " perfect_docs=" + perfectDocs
                    + " attributed_f1=" + py(attributedF1);
        }

        /** A float as Python prints it: "1.0", "0.9876". */
        private static String py(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().scale() <= 0
                    ? BigDecimal.valueOf(value).setScale(1, RoundingMode.UNNECESSARY).toPlainString()
                    : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    static final String HEADER = String.format(Locale.ROOT, "%-42s gold pred start exact spk role ann para title date",
            "doc");

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String text = Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u00a0', ' ');
        for (String[] replacement : REPLACEMENTS) {
            text = text.replace(replacement[0], replacement[1]);
        }
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String nameKey(String s) {
        String text = stripTrailing(norm(s).toLowerCase(Locale.ROOT), ":").strip();
        text = HONORIFICS.matcher(text).replaceFirst("");
        return NON_WORD.matcher(text).replaceAll(" ").strip();
    }

    static String roleKey(String s) {
        return NON_WORD.matcher(norm(s).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static String annKey(String s) {
        return stripChars(norm(s).toLowerCase(Locale.ROOT), "() .");
    }

    static String turnText(List<String> paragraphs) {
        List<String> normalized = new ArrayList<>();
        for (String paragraph : paragraphs == null ? List.<String>of() : paragraphs) {
            normalized.add(norm(paragraph));
        }
        return norm(String.join(" ", normalized));
    }

    /** score.py's {@code score_doc} for one gold file and the parser's statements, title and date. */
    static DocScore scoreDoc(String goldFileName, JsonNode gold, String title, String publishedAt,
            List<TranscriptParsed.Statement> statements) {
        JsonNode goldTurns = gold.get("turns");
        List<String> texts = new ArrayList<>();
        for (TranscriptParsed.Statement statement : statements) {
            texts.add(turnText(statement.paragraphs()));
        }
        Set<Integer> used = new HashSet<>();
        int startTp = 0;
        int exactTp = 0;
        int speakerOk = 0;
        int roleOk = 0;
        int annOk = 0;
        int parasOk = 0;
        int from = 0;
        for (JsonNode g : goldTurns) {
            Integer hit = null;
            for (int j = from; j < texts.size(); j++) {
                if (!used.contains(j) && starts(texts.get(j), text(g, "text_start"))) {
                    hit = j;
                    break;
                }
            }
            if (hit == null) {
                continue;
            }
            used.add(hit);
            from = hit + 1;
            startTp++;
            TranscriptParsed.Statement p = statements.get(hit);
            if (!ends(texts.get(hit), text(g, "text_end"))) {
                continue;
            }
            exactTp++;
            TranscriptParsed.Speaker speaker = p.speaker();
            if (nameKey(speaker == null ? null : speaker.name()).equals(nameKey(text(g, "speaker")))) {
                speakerOk++;
            }
            if (roleKey(speaker == null ? null : speaker.role()).equals(roleKey(text(g, "role")))) {
                roleOk++;
            }
            if (annKey(p.annotation()).equals(annKey(text(g, "annotation")))) {
                annOk++;
            }
            JsonNode paragraphs = g.get("paragraphs");
            int predParagraphs = p.paragraphs() == null ? 0 : p.paragraphs().size();
            if (paragraphs != null && paragraphs.isNumber() && predParagraphs == paragraphs.asInt()) {
                parasOk++;
            }
        }
        Integer titleOk = null;
        Integer dateOk = null;
        String goldTitle = text(gold, "title");
        if (!UNSCORED_TITLE.contains(goldFileName.substring(0, 2)) && goldTitle != null && !goldTitle.isEmpty()) {
            titleOk = norm(title).toLowerCase(Locale.ROOT).equals(norm(goldTitle).toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        String published = text(gold, "published");
        if (published != null && !published.isEmpty()) {
            String predicted = publishedAt == null ? "" : publishedAt;
            dateOk = firstCodePoints(predicted, 10).equals(published) ? 1 : 0;
        }
        String doc = goldFileName.substring(0, goldFileName.length() - ".json".length());
        return new DocScore(doc, goldTurns.size(), statements.size(), startTp, exactTp, speakerOk, roleOk, annOk,
                parasOk, titleOk, dateOk);
    }

    /** score.py's summary over the documents. */
    static Summary summarise(List<DocScore> rows) {
        int gold = 0;
        int pred = 0;
        int start = 0;
        int exact = 0;
        int speaker = 0;
        int role = 0;
        int ann = 0;
        int paras = 0;
        int titleOk = 0;
        int titleN = 0;
        int dateOk = 0;
        int dateN = 0;
        int perfect = 0;
        for (DocScore r : rows) {
            gold += r.goldTurns();
            pred += r.predTurns();
            start += r.startTp();
            exact += r.exactTp();
            speaker += r.speakerOk();
            role += r.roleOk();
            ann += r.annOk();
            paras += r.parasOk();
            if (r.titleOk() != null) {
                titleOk += r.titleOk();
                titleN++;
            }
            if (r.dateOk() != null) {
                dateOk += r.dateOk();
                dateN++;
            }
            if (r.perfect()) {
                perfect++;
            }
        }
        return new Summary(rows.size(), gold, pred, round(f1(exact, pred, gold)), round(f1(start, pred, gold)),
                ratio(speaker, exact), ratio(role, exact), ratio(ann, exact), ratio(paras, exact),
                titleN == 0 ? null : round((double) titleOk / titleN), dateN == 0 ? null : round((double) dateOk / dateN),
                perfect, round(f1(speaker, pred, gold)));
    }

    private static double f1(int tp, int predicted, int gold) {
        if (tp == 0) {
            return 0.0;
        }
        double precision = (double) tp / predicted;
        double recall = (double) tp / gold;
        return 2 * precision * recall / (precision + recall);
    }

    private static double ratio(int count, int of) {
        return of == 0 ? 0.0 : round((double) count / of);
    }

    /** Python's {@code round(x, 4)}: the exact binary value rounded half to even. */
    private static double round(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static boolean starts(String text, String goldStart) {
        String g = firstCodePoints(norm(goldStart), 40);
        return !g.isEmpty() && text.startsWith(g);
    }

    private static boolean ends(String text, String goldEnd) {
        String g = lastCodePoints(norm(goldEnd), 30);
        return !g.isEmpty() && text.endsWith(g);
    }

    private static String firstCodePoints(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    private static String lastCodePoints(String s, int n) {
        int count = s.codePointCount(0, s.length());
        return count <= n ? s : s.substring(s.offsetByCodePoints(0, count - n));
    }

    private static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String stripChars(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
