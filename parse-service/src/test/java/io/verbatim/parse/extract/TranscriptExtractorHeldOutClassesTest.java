package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of error that the held-out gold documents 41-48 showed (issue 11), one test per class, on small made-up
 * documents: label markup that the bold splits, an annotation between two colons, speech after a section separator,
 * and a White House label with no blank line before it.
 */
class TranscriptExtractorHeldOutClassesTest {

    private static final String KREMLIN = "http://en.kremlin.ru/events/president/news/1";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"O<b>leg Rusin: </b>Thank you.", "<b>Oleg Rusi</b>n: Thank you."})
    void labelWhoseFirstOrLastLettersStandOutsideTheBoldIsStillALabel(String label) {
        // one such label only: two would also pass as plain-text labels
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Welcome.</p>"
                + "<p>" + label + "</p>"
                + "<p><b>Vladimir Putin:</b> Good.</p>"
                + "<p>The<b> president</b>: is not a label here.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", "President of Russia", List.of("Welcome.")),
                        tuple("Oleg Rusin", null, List.of("Thank you.")),
                        tuple("Vladimir Putin", "President of Russia",
                                List.of("Good.", "The president: is not a label here.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<b>Vladimir Putin (</b><i>responding to remarks by test pilot Oleg Rusin)</i>: First of all.",
        "<b>Vladimir Putin (</b><i>responding to remarks by test pilot Oleg Rusin): </i>First of all."})
    void annotationWhoseBracketOpensInsideTheBoldBelongsToTheLabel(String label) {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Go ahead, please.</p>"
                + "<p>&lt;…&gt;</p><p>" + label + "</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation, Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", "President of Russia", null, List.of("Go ahead, please.")),
                        tuple("Vladimir Putin", "President of Russia",
                                "responding to remarks by test pilot Oleg Rusin", List.of("First of all.")));
    }

    @Test
    void interpretationNoteBetweenTheLabelsTwoColonsIsTheAnnotationAndNeitherColonIsText() {
        String html = kremlin("<p><b>Vladimir Putin:</b> When will you see your family?</p>"
                + "<p><b>Ahmad Haddad:</b> <i>(re-translated)</i>: Hopefully after the victory.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", null, List.of("When will you see your family?")),
                        tuple("Ahmad Haddad", "re-translated", List.of("Hopefully after the victory.")));
    }

    @Test
    void speechAfterASeparatorGoesOnWithTheTurnAndTheNarrativeAfterItIsNotSpeech() {
        String html = kremlin("<p><b>Oleg Rusin:</b> A question.</p>"
                + "<p><b>Vladimir Putin:</b> An answer.</p>"
                + "<p>* * *</p>"
                + "<p>Colleagues, I know that we could talk until morning.</p>"
                + "<p>Thank you very much.</p>"
                + "<p>* * *</p>"
                + "<p><b>Vladimir Putin:</b> One more thing.</p>"
                + "<p>* * *</p>"
                + "<p>The President also listened to reports from the governors.</p>"
                + "<p>Thank you for your attention.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Oleg Rusin", List.of("A question.")),
                        tuple("Vladimir Putin", List.of("An answer.",
                                "Colleagues, I know that we could talk until morning.", "Thank you very much.")),
                        tuple("Vladimir Putin", List.of("One more thing.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/markdown", "text/plain"})
    void labelThatTheDocumentUsesStartsATurnAtTheStartOfAWrappedLine(String contentType) {
        String text = "---\ntitle: \"Remarks by President Alvarez and Prime Minister Kell\"\n---\n\n"
                + "PRESIDENT ALVAREZ:  Thank you all.\n\n"
                + "PRIME MINISTER KELL:  We trade a lot. Our communities\nare growing every single day.  \n"
                + "PRESIDENT ALVAREZ:  And, by the way, we each have what\nthe other needs.\n\n"
                + "PRIME MINISTER KELL:  As I told the\nSENATE COMMITTEE: we agree.\n\n"
                + "PRESIDENT ALVAREZ:  Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, contentType, null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Alvarez", List.of("Thank you all.")),
                        tuple("Kell", List.of("We trade a lot. Our communities are growing every single day.")),
                        tuple("Alvarez", List.of("And, by the way, we each have what the other needs.")),
                        tuple("Kell", List.of("As I told the SENATE COMMITTEE: we agree.")),
                        tuple("Alvarez", List.of("Thank you.")));
    }

    private static String kremlin(String paragraphs) {
        return TranscriptExtractorLabelFormsTest.kremlin("", paragraphs);
    }
}
