package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of error that the second held-out set (gold documents 49-56, issue 11) showed, one test per class, on
 * small made-up documents: consecutive unnamed labels ("Q" after "Q", "Remark:" after "Remark:") form one turn like
 * any other speaker's; a surname under a form of address ("MS. CHANG:") is the surname alone; "Q" written straight
 * against a dash is a question label.
 */
class TranscriptExtractorUnnamedAndSurnameLabelsTest {

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

    private static String kremlin(String paragraphs) {
        return TranscriptExtractorLabelFormsTest.kremlin("", paragraphs);
    }
}
