package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.events.EventJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores the parser on every gold document of the corpus (the shared six and any {@code NN-name.json} added to
 * {@code corpus/gold} with its {@code NN-name.*} in {@code corpus/docs}) exactly as {@code ../shared/corpus/score.py}
 * does ({@link CorpusScorer}), prints the per-document rows and the summary, and fails below the bar of issue 11.
 */
class TranscriptExtractorGoldScoreTest {

    static final double MIN_ATTRIBUTED_F1 = 0.98;
    static final double MIN_ROLE_ACCURACY = 0.95;

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void parserScoresAtLeastTheBarOnEveryGoldDocument() throws Exception {
        List<String> documents = Corpus.goldDocumentsOnDisk();
        List<CorpusScorer.DocScore> rows = new ArrayList<>();

        for (String document : documents) {
            String stem = document.substring(0, document.lastIndexOf('.'));
            JsonNode gold = EventJson.mapper().readTree(Corpus.read("/corpus/gold/" + stem + ".json"));
            String body = Corpus.doc(document);
            ExtractedTranscript transcript = extractor.extract(body, Corpus.contentTypeOfDocument(document, body),
                    null);
            rows.add(CorpusScorer.scoreDoc(stem + ".json", gold, transcript.title(), transcript.publishedAt(),
                    transcript.statements()));
        }
        CorpusScorer.Summary summary = CorpusScorer.summarise(rows);

        System.out.println(CorpusScorer.HEADER);
        rows.forEach(row -> System.out.println(row.row()));
        System.out.println(summary.line());
        assertThat(documents).as("gold documents").hasSizeGreaterThanOrEqualTo(Corpus.GOLD_DOCUMENTS.size());
        assertThat(summary.attributedF1()).as("attributed F1 over %d gold documents", rows.size())
                .isGreaterThanOrEqualTo(MIN_ATTRIBUTED_F1);
        assertThat(summary.roleAcc()).as("role accuracy over %d gold documents", rows.size())
                .isGreaterThanOrEqualTo(MIN_ROLE_ACCURACY);
    }
}
