package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

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
    private static final String[] FRAGMENTS = {"<b>", "</b>", "<p>", "</p>", "<strong>Vladimir Putin:</strong> ",
            "Question:", "(Applause.)", "<…>", "* * *", "---\ntitle: x\n---\n", "<div class=\"menu\">", "</div>",
            "MS. PSAKI:  ", "Q    ", "Mr Keir Starmer (Holborn and St Pancras) (Lab):", "<i>(", ")</i>", "&nbsp;",
            "<script>", "<!--", "\u00A0", "\r\n", "\t", "\uFFFD", ":"};

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
            String body = mutate(seed[0], random);
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

        assertThat(parsed + refused).isEqualTo(DOCUMENTS);
        assertThat(parsed).isGreaterThan(DOCUMENTS / 2);
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

    private static String mutate(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations && doc.length() > 0; m++) {
            int at = random.nextInt(doc.length());
            int span = Math.min(doc.length() - at, 1 + random.nextInt(2_000));
            switch (random.nextInt(9)) {
                case 0 -> doc.setLength(at);
                case 1 -> doc.insert(at, doc.substring(at, at + span));
                case 2 -> doc.delete(at, at + span);
                case 3 -> doc.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 4 -> doc.setCharAt(at, (char) random.nextInt(0x3000));
                case 5 -> doc.insert(at, (char) random.nextInt(0x20));
                case 6 -> doc.insert(at, "<div>".repeat(1 + random.nextInt(500)));
                case 7 -> {
                    int other = random.nextInt(doc.length());
                    String piece = doc.substring(at, at + span);
                    doc.delete(at, at + span);
                    doc.insert(Math.min(other, doc.length()), piece);
                }
                default -> doc.replace(at, at + span, doc.substring(at, at + span).toUpperCase());
            }
        }
        return doc.toString();
    }
}
