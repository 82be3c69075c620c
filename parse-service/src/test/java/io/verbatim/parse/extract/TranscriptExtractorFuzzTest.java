package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.testsupport.DocumentMutator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fixed-seed mutation fuzz run: 10,000 documents made by mutating the real corpus (cuts, duplicated and swapped
 * ranges, deleted and inserted markup, flipped characters, control characters, deep nesting) all come out either
 * as a transcript or as the parser's own documented refusal, each within a time limit. The seed is fixed, so a
 * failure names the input that reproduces it.
 */
class TranscriptExtractorFuzzTest {

    private static final long SEED = 20261129L;
    private static final int DOCUMENTS = 10_000;
    private static final Duration LIMIT_PER_DOCUMENT = Duration.ofSeconds(2);
    private static final String[] TYPES = {"text/html", "text/plain", "text/markdown", "text/html; charset=utf-8"};

    @Test
    void tenThousandMutatedDocumentsAreParsedOrRefusedWithTheParsersOwnReasonInTime() {
        Random random = new Random(SEED);
        List<String[]> seeds = seeds();
        TranscriptExtractor extractor = new TranscriptExtractor();
        int parsed = 0;
        int refused = 0;
        long slowestNanos = 0;

        for (int i = 0; i < DOCUMENTS; i++) {
            String[] seed = seeds.get(random.nextInt(seeds.size()));
            String body = DocumentMutator.mutate(seed[0], random);
            String type = random.nextInt(10) == 0 ? TYPES[random.nextInt(TYPES.length)] : seed[1];
            long start = System.nanoTime();
            try {
                ExtractedTranscript result = extractor.extract(body, type, null);

                assertThat(result.kind()).as("document %d", i).isIn("transcript", "address", "readout");
                assertThat(result.statements()).allSatisfy(s -> assertThat(s.speaker().name()).isNotBlank());
                parsed++;
            } catch (UnparseableDocumentException e) {
                assertThat(e.getMessage()).as("document %d", i).isNotBlank();
                refused++;
            }
            long took = System.nanoTime() - start;
            slowestNanos = Math.max(slowestNanos, took);
            assertThat(Duration.ofNanos(took)).as("time for document %d (seed %d)", i, SEED)
                    .isLessThan(LIMIT_PER_DOCUMENT);
        }

        // the run reaches both answers: most mutants still parse, and the refusals are really exercised
        assertThat(parsed).isGreaterThan(DOCUMENTS / 2);
        assertThat(refused).isPositive();
        System.out.printf("fuzz: %d documents, %d parsed, %d refused with a reason, slowest %d ms%n", DOCUMENTS,
                parsed, refused, Duration.ofNanos(slowestNanos).toMillis());
    }

    private static List<String[]> seeds() {
        List<String[]> seeds = new ArrayList<>();
        for (String name : Corpus.GOLD_DOCUMENTS) {
            seeds.add(new String[] {Corpus.doc(name), Corpus.contentTypeOf(name)});
        }
        for (String id : Corpus.UNLABELLED_PAGES.subList(0, 10)) {
            seeds.add(new String[] {Corpus.unlabelled(id), "text/html"});
        }
        return seeds;
    }
}
