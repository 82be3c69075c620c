package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of error that the second and third held-out sets (gold documents 49-56 and 57-64, issue 11) showed, one
 * test per class, on small made-up documents. Second set (classes 15-17): consecutive unnamed labels ("Q" after "Q",
 * "Remark:" after "Remark:") form one turn like any other speaker's; a surname under a form of address ("MS. CHANG:")
 * is the surname alone; "Q" written straight against a dash is a question label. Third set (classes 18-19): a
 * persons-catalogue link between the bold runs of a label is part of it; a label misspelt by two swapped letters is
 * the document's more frequent spelling.
 */
class TranscriptExtractorLaterHeldOutClassesTest {

    private static final String KREMLIN = "http://en.kremlin.ru/events/president/news/1";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void consecutiveQuestionLabelsWithNothingBetweenFormOneTurn() {
        String text = "---\ntitle: \"Press Briefing by Press Secretary Dana Holt\"\n---\n\n"
                + "MS. HOLT:  Good afternoon.\n\n"
                + "Q    I'm here for you.\n\n"
                + "Q    Dana —\n\n"
                + "MS. HOLT:  Right.\n\n"
                + "Q    One more.\n\n"
                + "(Laughter.)\n\n"
                + "Q    And another.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Dana Holt", List.of("Good afternoon.")),
                        tuple("Question", List.of("I'm here for you.", "Dana —")),
                        tuple("Dana Holt", List.of("Right.")),
                        // a remark between two questions still starts a new turn
                        tuple("Question", List.of("One more.")),
                        tuple("Question", List.of("And another.")));
    }

    @Test
    void consecutiveRemarkLabelsWithNothingBetweenFormOneTurn() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> What do you need?</p>"
                + "<p><b>Remark:</b> A school and a gym.</p>"
                + "<p><b>Remark:</b> The old one burnt down.</p>"
                + "<p><b>Vladimir Putin:</b> I see.</p>"
                + "<p><b>Remark:</b> Thank you.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Vladimir Putin", List.of("What do you need?")),
                        tuple("Remark", List.of("A school and a gym.", "The old one burnt down.")),
                        tuple("Vladimir Putin", List.of("I see.")),
                        tuple("Remark", List.of("Thank you.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MS. CHANG", "MR. CHANG", "DR. CHANG"})
    void surnameUnderAFormOfAddressIsTheSurnameAlone(String label) {
        String text = "---\ntitle: \"Remarks by President Alvarez in a Press Conference\"\n---\n\n"
                + label + ":  Good morning. The President will take two questions.\n\n"
                + "PRESIDENT ALVAREZ:  Thank you.\n\n"
                + label + ":  First question.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().label())
                .containsExactly(
                        tuple("Chang", label),
                        tuple("Alvarez", "PRESIDENT ALVAREZ"),
                        tuple("Chang", label));
    }

    @ParameterizedTest
    @ValueSource(strings = {"–", "—"})
    void questionLabelWrittenAgainstADashStartsAQuestionThatOpensWithTheDash(String dash) {
        String text = "---\ntitle: \"Press Briefing by Press Secretary Dana Holt\"\n---\n\n"
                + "MS. HOLT:  Go ahead.\n\n"
                + "Q" + dash + " since he took office, has he called?\n\n"
                + "MS. HOLT:  No.\n\n"
                + "Q-tips are not labels.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Dana Holt", List.of("Go ahead.")),
                        tuple("Question", List.of(dash + " since he took office, has he called?")),
                        tuple("Dana Holt", List.of("No.", "Q-tips are not labels.")));
    }

    // --- third held-out set ---------------------------------------------------------------------------------------

    @Test
    void boldPersonLinkBetweenTheBoldRunsOfALabelIsPartOfTheLabel() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Mr Petrov, please.</p>"
                + "<p><b>Minister of Industry and Trade </b><a href=\"http://en.kremlin.ru/catalog/persons/1/events\""
                + " class=\"person_tag read__tag\"><b>Ivan Petrov</b></a><b>:</b> Mr President, colleagues,</p>"
                + "<p>Carrying out the programme is a priority.</p>"
                + "<p><b>Vladimir Putin:</b> Thank you.</p>"
                + "<p>A <a href=\"/catalog/persons/1/events\"><b>link</b></a> inside speech stays speech.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", "President of Russia", List.of("Mr Petrov, please.")),
                        tuple("Ivan Petrov", "Minister of Industry and Trade",
                                List.of("Mr President, colleagues,", "Carrying out the programme is a priority.")),
                        tuple("Vladimir Putin", "President of Russia",
                                List.of("Thank you.", "A link inside speech stays speech.")));
    }

    @Test
    void labelMisspeltByTwoSwappedLettersIsTheDocumentsMoreFrequentSpelling() {
        String text = "THE PRESIDENT:  Good morning.\n\n"
                + "Q    Mr. President, a question.\n\n"
                + "THE PRESIDNET:  Go ahead.\n\n"
                + "Q    Thank you.\n\n"
                + "THE PRESIDENT:  That is all.\n\n"
                + "MR. DUNN:  One more.\n\n"
                + "MR. DUNNE:  And me.\n\n"
                + "MR. DUNNE:  Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().label())
                .containsExactly(
                        tuple("The President", "THE PRESIDENT"),
                        tuple("Question", "Q"),
                        // the verbatim label keeps the page's spelling
                        tuple("The President", "THE PRESIDNET"),
                        tuple("Question", "Q"),
                        tuple("The President", "THE PRESIDENT"),
                        // a letter more is not a swap: two people
                        tuple("Dunn", "MR. DUNN"),
                        tuple("Dunne", "MR. DUNNE"));
    }

    private static String kremlin(String paragraphs) {
        return TranscriptExtractorLabelFormsTest.kremlin("", paragraphs);
    }
}
