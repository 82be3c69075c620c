package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Remarks in every format: a standalone remark is left out of the turns and listed on the document in order; an
 * inline remark stays in its paragraph and is listed on its statement.
 */
class TranscriptExtractorRemarksTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void kremlinPageListsStandaloneRemarksInOrderAndInlineOnesOnTheirStatement() {
        String html = "<html><head><meta property=\"og:url\" content=\"http://en.kremlin.ru/events/president/news/7\">"
                + "</head><body><div itemprop=\"articleBody\">"
                + "<p><b>Vladimir Putin:</b> Good afternoon. (Applause.) Let us begin.</p>"
                + "<p>(Applause.)</p>"
                + "<p><i>The President then presented state decorations to the award winners.</i></p>"
                + "<p><b>Vladimir Putin:</b> Congratulations.</p>"
                + "<p>&lt;…&gt;</p>"
                + "</div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.remarks()).containsExactly("(Applause.)",
                "The President then presented state decorations to the award winners.", "<…>");
        assertThat(transcript.statements()).hasSize(2);
        assertThat(transcript.statements().get(0).paragraphs()).containsExactly("Good afternoon. (Applause.) Let us begin.");
        assertThat(transcript.statements().get(0).remarks()).containsExactly("(Applause.)");
        assertThat(transcript.statements().get(1).paragraphs()).containsExactly("Congratulations.");
        assertThat(transcript.statements().get(1).remarks()).isEmpty();
    }

    @Test
    void genericPageListsStandaloneRemarksInOrderAndInlineOnesOnTheirStatement() {
        String html = Corpus.read("/fixtures/generic/news-site-republished-transcript.html");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://coastline.example/harbour-talks");

        assertThat(transcript.remarks()).containsExactly("(Laughter.)", "<…>");
        assertThat(transcript.statements().get(2).paragraphs().get(0)).contains("(Applause.)");
        assertThat(transcript.statements().get(2).remarks()).containsExactly("(Applause.)");
        assertThat(speech(transcript)).doesNotContain("(Laughter.)", "<…>");
    }

    @Test
    void plainTextListsStandaloneRemarksInOrderAndInlineOnesOnTheirStatement() {
        String text = "A hearing\n\nJane Doe: We begin. (Laughter.) Seriously now.\n\n(Applause.)\n\n<…>\n\n"
                + "Jane Doe: We resume.\n\n[Interruption.]\n\nJohn Roe: Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.remarks()).containsExactly("(Applause.)", "<…>", "[Interruption.]");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Jane Doe", "Jane Doe", "John Roe");
        assertThat(transcript.statements().get(0).remarks()).containsExactly("(Laughter.)");
        assertThat(speech(transcript)).containsExactly("We begin. (Laughter.) Seriously now.", "We resume.",
                "Thank you.");
    }

    @Test
    void parenthesisedAsideThatIsPartOfTheSpeechIsNotARemark() {
        String text = "Jane Doe: The budget (which we published last week, after long talks with every department) holds.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.remarks()).isEmpty();
        assertThat(transcript.statements().get(0).remarks()).isEmpty();
    }

    private static List<String> speech(ExtractedTranscript transcript) {
        return transcript.statements().stream().flatMap(s -> s.paragraphs().stream()).toList();
    }
}
