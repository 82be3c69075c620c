package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.TranscriptParsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Robustness of the extractor as properties: whatever the input, it returns a well-formed result or refuses the
 * document with an {@link UnparseableDocumentException}, never another exception, and within two seconds. Tries are
 * limited so that the whole class runs in well under twenty seconds.
 */
class TranscriptExtractorPropertyTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    private static final List<String> DOCUMENTS = Stream.concat(
            Corpus.GOLD_DOCUMENTS.stream().map(Corpus::doc),
            Corpus.UNLABELLED_PAGES.stream().limit(12).map(Corpus::unlabelled)).toList();
    private static final List<String> TAG_SOUP_PIECES = List.of(
            "<p>", "</p>", "<b>", "</b>", "<strong>", "</strong>", "<i>", "</i>", "<em>", "<div class=\"menu\">",
            "<div class=\"entry-content\">", "<article itemprop=\"articleBody\">", "</div>", "</article>", "<br>",
            "<blockquote>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<p><b>Vladimir Putin:</b>",
            "President of Russia", "Jane Doe", "MS. PSAKI:", "Q    ", "Q:", ":", " : ", "(", ")", "[", "]", "(Applause.)",
            "<…>", "&lt;…&gt;", "&nbsp;", "&amp;", "* * *", "\n", "\n\n", " ", "“", "”", "The message reads, in part:",
            "Mr Speaker:", "(Holborn) (Lab):", "The Prime Minister (Jane Doe):", "Hon. Members:", "---\ntitle: x\n---\n",
            "<time datetime=\"2020-01-01\">", "<meta property=\"og:url\" content=\"http://en.kremlin.ru/x\">",
            "<div class=\"read__time\">25:99</div>", "\u00a0", "\u200b", "é", "日本");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/html", "TEXT/HTML; charset=UTF-8", "text/plain", "text/plain;charset=iso-8859-1", "text/markdown",
            "text/markdown; variant=GFM", "application/xhtml+xml", "application/pdf", "image/png", "text/csv", "",
            " ", ";", "text/html;;;", "text", "/");

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Property(tries = 150)
    void truncatedDocumentsAreParsedOrRefused(@ForAll("documents") String document,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        String truncated = document.substring(0, (int) ((long) document.length() * permille / 1000));

        parsesOrRefuses(truncated, "text/html", null);
        parsesOrRefuses(truncated, "text/markdown", null);
    }

    @Property(tries = 80)
    void documentsWithShuffledParagraphsAreParsedOrRefused(@ForAll("documents") String document,
            @ForAll Random random) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(document.split("(?=<p[ >])|\\n\\n")));
        Collections.shuffle(paragraphs, random);
        String shuffled = String.join("\n\n", paragraphs);

        parsesOrRefuses(shuffled, "text/html", "http://en.kremlin.ru/events/president/news/1");
        parsesOrRefuses(shuffled, "text/plain", null);
    }

    @Property(tries = 1_000)
    void randomStringsAreParsedOrRefused(@ForAll @StringLength(max = 2_000) String body,
            @ForAll("contentTypes") String contentType) {
        parsesOrRefuses(body, contentType, null);
    }

    @Property(tries = 600)
    void randomTagSoupIsParsedOrRefused(@ForAll("tagSoup") String body, @ForAll("contentTypes") String contentType) {
        parsesOrRefuses(body, contentType, null);
        parsesOrRefuses(body, "text/html", "https://example.org/transcript");
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.of(DOCUMENTS);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(CONTENT_TYPES).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> tagSoup() {
        return Arbitraries.of(TAG_SOUP_PIECES).list().ofMaxSize(400)
                .map(pieces -> String.join("", pieces));
    }

    private void parsesOrRefuses(String body, String contentType, String sourceUrl) {
        long start = System.nanoTime();
        ExtractedTranscript transcript = null;
        try {
            transcript = extractor.extract(body, contentType, sourceUrl);
        } catch (UnparseableDocumentException refused) {
            assertThat(refused.reason()).isNotBlank();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(TIME_LIMIT);
        if (transcript != null) {
            assertThat(transcript.kind()).isIn(TranscriptParsed.KIND_TRANSCRIPT, TranscriptParsed.KIND_ADDRESS,
                    TranscriptParsed.KIND_READOUT);
            assertThat(transcript.statements().isEmpty())
                    .isEqualTo(transcript.kind().equals(TranscriptParsed.KIND_READOUT));
            assertThat(transcript.statements()).allSatisfy(s -> {
                assertThat(s.speaker().name()).isNotBlank();
                assertThat(s.paragraphs()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
            });
            assertThat(transcript.tags()).isNotNull();
            assertThat(transcript.persons()).isNotNull();
        }
    }
}
