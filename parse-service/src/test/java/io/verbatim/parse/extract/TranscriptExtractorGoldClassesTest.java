package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of error that the gold documents 20-40 showed (issue 11), one group per class, on small made-up
 * documents: Markdown interview transcripts, White House text, Hansard HTML and Kremlin label markup.
 */
class TranscriptExtractorGoldClassesTest {

    private static final String KREMLIN = "http://en.kremlin.ru/events/president/news/1";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    // --- Markdown interview transcripts ------------------------------------------------------------------------------

    private static final String INTERVIEW = """
            **Nora Quill:** Welcome to the show. \\[laughs\\]

            **Tobin Marsh:** \\[02:15\\] Thanks for having me.

            It was a long road, \\[03:40\\]believe me.

            **Break:** \\[10:05\\]

            **Tobin Marsh:** \\[10:06\\] Where were we? \\[unintelligible 00:10:07.20\\]

            **Nora Quill:** \\[01:02:04.22\\] The road.
            """;

    @ParameterizedTest
    @ValueSource(strings = {"text/markdown", "text/plain"})
    void markdownInterviewLosesTimeCodesKeepsEscapesAndTurnsABreakMarkerIntoARemark(String contentType) {
        ExtractedTranscript transcript = extractor.extract(INTERVIEW, contentType, null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Nora Quill", List.of("Welcome to the show. \\[laughs\\]")),
                        tuple("Tobin Marsh", List.of("Thanks for having me.", "It was a long road, believe me.")),
                        tuple("Tobin Marsh", List.of("Where were we? \\[unintelligible 00:10:07.20\\]")),
                        tuple("Nora Quill", List.of("The road.")));
        assertThat(transcript.remarks()).contains("Break:");
    }

    // --- White House text --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"text/markdown", "text/plain"})
    void singleSpaceQuestionLabelSentenceOpeningWithAConjunctionAndEndTimeAreHandled(String contentType) {
        String text = "---\ntitle: \"Remarks by President Alvarez and Prime Minister Kell in Joint Press"
                + " Conference\"\n---\n\n3:00 P.M. EST\n\n"
                + "PRESIDENT ALVAREZ:  Thank you all.\n\n"
                + "Q Thanks, Mr. President. A question for both of you.\n\n"
                + "And for Prime Minister Kell: will you go to the summit?\n\n"
                + "Prime Minister Kell: the same question.\n\n"
                + "PRIME MINISTER KELL:  (Speaks Dutch.) (As interpreted.)  Yes, I will.\n\n"
                + "PRESIDENT ALVAREZ:  Thank you.\n\nEND \u00a0 \u00a0 \u00a0 3:40 P.M. EST\n";

        ExtractedTranscript transcript = extractor.extract(text, contentType, null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Alvarez", null, List.of("Thank you all.")),
                        tuple("Question", null, List.of("Thanks, Mr. President. A question for both of you.",
                                "And for Prime Minister Kell: will you go to the summit?",
                                "Prime Minister Kell: the same question.")),
                        tuple("Kell", "speaks dutch; as interpreted", List.of("Yes, I will.")),
                        tuple("Alvarez", null, List.of("Thank you.")));
    }

    @Test
    void surnameThatTheTitleGivesFirstIsCompletedWithTheGivenNamesAfterIt() {
        String text = "---\ntitle: \"Remarks by President Biden and President Pak Min Jun of the Republic of\\\n"
                + "  \\ Arland in Joint Press\\_Conference\"\n---\n\n"
                + "PRESIDENT PAK:  (As interpreted.)  Welcome.\n\nPRESIDENT BIDEN:  Thank you.\n\n"
                + "PRESIDENT PAK:  Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.title()).isEqualTo(
                "Remarks by President Biden and President Pak Min Jun of the Republic of Arland in Joint Press"
                        + " Conference");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Pak Min Jun", "President"), tuple("Biden", "President"),
                        tuple("Pak Min Jun", "President"));
    }

    @Test
    void officeInTheTitleKeepsItsLowerCaseConnectorsAndStopsAtTheListBeforeIt() {
        String text = "---\ntitle: \"Press Briefing by Press Secretary Lena Voss, and Council Coordinator for Strategic"
                + " Affairs Omar Reid\"\n---\n\n"
                + "MS. VOSS:  Good afternoon.\n\nMR. REID:  Thank you.\n\nQ    A question.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Lena Voss", "Press Secretary"),
                        tuple("Omar Reid", "Council Coordinator for Strategic Affairs"), tuple("Question", null));
    }

    @Test
    void titleWordsAfterASurnameAreNotGivenNames() {
        String text = "---\ntitle: \"Remarks by President Alvarez Before Departure\"\n---\n\n"
                + "PRESIDENT ALVAREZ:  Good morning.\n\nQ    A question.\n\nPRESIDENT ALVAREZ:  An answer.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsOnly("Alvarez", "Question");
    }

    @Test
    void yamlHexAndUnicodeEscapesInTheTitleAreTheirCharacters() {
        String text = "---\ntitle: \"Remarks by President L\\xF3pez and Premier \\u00C5sa Berg\"\n---\n\n"
                + "PRESIDENT L\u00d3PEZ:  Hello.\n\nQ    A question.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.title()).isEqualTo("Remarks by President L\u00f3pez and Premier \u00c5sa Berg");
    }

    // --- Hansard HTML ------------------------------------------------------------------------------------------------

    private static final String HANSARD = "<html><body><div id=\"content\">"
            + "<div class=\"navLinks\"><a href=\"prev.htm\">Previous Section</a></div>"
            + "<p><b>4 May 2015 : Column 101</b></p>"
            + "<h2>House of Commons</h2><h4><i>Monday 4 May 2015</i></h4>"
            + "<h3 style=\"text-transform:uppercase\">Prayers</h3><h4>[Mr Speaker<i> in the Chair</i>]</h4>"
            + "<h2>Oral Answers to Questions</h2><h3 style=\"text-transform:uppercase\">Department for Transport</h3>"
            + "<h4><i>The Secretary of State was asked—</i></h4><h3>Rail Fares</h3>"
            + "<p>1. <b>Mr Alan Price (Northfield) (Lab):</b> What assessment he has made of rail fares. [12345]</p>"
            + "<p><b>The Secretary of State for Transport (Ms Jane Cole):</b> Fares are capped [in real terms].</p>"
            + "</div></body></html>";

    @Test
    void hansardPageTakesTitleAndDateFromItsHeadingsAndDropsTheTabledQuestionReference() {
        ExtractedTranscript transcript = extractor.extract(HANSARD, "text/html", null);

        assertThat(transcript.title()).isEqualTo("Department for Transport");
        assertThat(transcript.publishedAt()).isEqualTo("2015-05-04");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Alan Price", List.of("What assessment he has made of rail fares.")),
                        tuple("Jane Cole", List.of("Fares are capped [in real terms].")));
    }

    @Test
    void debateHeadingWithoutASectionAboveItIsTheTitleAndATimeStampIsNot() {
        String html = "<html><body><div id=\"content\"><p><b>4 May 2015 : Column 131</b></p>"
                + "<h4>Backbench Business</h4><p>[12th Allotted Day]</p><h3>Summer Adjournment</h3><h5>2.44 pm</h5>"
                + "<p><b>Ruth Lane (Ashfield) (Lab):</b>I beg to move,</p><p>That this House has considered it.</p>"
                + "<h3>Business, innovation and skills</h3>"
                + "<p><b>Tom Hale (Bury) (Con):</b> I rise to speak.</p></div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.title()).isEqualTo("Summer Adjournment");
        assertThat(transcript.publishedAt()).isEqualTo("2015-05-04");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsExactly("Ruth Lane",
                "Tom Hale");
    }

    // --- Kremlin label markup ----------------------------------------------------------------------------------------

    @Test
    void boldLabelPartlyInItalicsIsOneLabel() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> The first speaker is Ivan Lebed.</p>"
                + "<p><b>Orbital </b><i><b>Relay Systems</b></i><b> CEO Ivan Lebed:</b> Mr President,</p>"
                + "<p><i>Orbital </i>Relay <i>Systems</i> has done its work.</p>"
                + "<p><b>Vladimir Putin:</b> Thank you.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", "President of Russia", List.of("The first speaker is Ivan Lebed.")),
                        tuple("Ivan Lebed", "Orbital Relay Systems CEO",
                                List.of("Mr President,", "Orbital Relay Systems has done its work.")),
                        tuple("Vladimir Putin", "President of Russia", List.of("Thank you.")));
    }

    @Test
    void abbreviationInBracketsEndingARoleAfterTheNameIsPartOfTheRole() {
        String html = kremlin("<p><b>Pavel Orlov, General Director of the Centre for Ground Stations (TsNS):</b>"
                + " We are ready.</p><p><b>Vladimir Putin</b> <i>(retranslated)</i><b>:</b> Good.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation).containsExactly(
                        tuple("Pavel Orlov", "General Director of the Centre for Ground Stations (TsNS)", null),
                        tuple("Vladimir Putin", null, "retranslated"));
    }

    @Test
    void capitalisedOrganisationAfterOfRunsUpToATwoWordName() {
        String html = kremlin("<p><b>Member of the regional council of the National Veterans’ Front Oleg Rusin:</b>"
                + " Thank you.</p><p><b>Vladimir Putin:</b> Please.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Oleg Rusin", "Member of the regional council of the National Veterans’ Front"),
                        tuple("Vladimir Putin", null));
    }

    private static String kremlin(String paragraphs) {
        return TranscriptExtractorLabelFormsTest.kremlin("", paragraphs);
    }
}
