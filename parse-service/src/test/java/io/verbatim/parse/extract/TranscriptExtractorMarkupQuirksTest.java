package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes 37-44 (issue 11): markup quirks that a second review with made-up pages found the parser getting wrong, none
 * of them in the gold set. An unnamed voice or occupation that opens two or more paragraphs is a label in any case;
 * an interview typed one turn per line, with no blank lines, is split at labels that open two or more lines; a middle
 * initial belongs to a member's name; "Q" then one space and a dash is a question; "END" closes a White
 * House text; an annotation in italics between the bold's brackets is the label's; a bold label wrapped in a span
 * is still a label; a bold label after a line break starts a turn inside one paragraph. One test per class, with
 * guards for what must not change.
 */
class TranscriptExtractorMarkupQuirksTest {

    private static final String KREMLIN = "http://en.kremlin.ru/events/president/news/1";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    // --- class 37: a recurring unnamed voice in ordinary case ------------------------------------------------------

    @Test
    void anUnnamedVoiceThatOpensTwoParagraphsIsALabelInOrdinaryCase() {
        String text = "Transcript: A conversation with Dr. Priya Nair\n\n"
                + "Host: Dr. Nair, thanks for joining.\n\n"
                + "Dr. Priya Nair: My pleasure.\n\n"
                + "Host: One last question: what's next?\n\n"
                + "Dr. Priya Nair: More research.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Host", List.of("Dr. Nair, thanks for joining.")),
                        tuple("Priya Nair", List.of("My pleasure.")),
                        tuple("Host", List.of("One last question: what's next?")),
                        tuple("Priya Nair", List.of("More research.")));
    }

    @Test
    void anUnnamedVoiceWrittenOnceInOrdinaryCaseStaysACreditLine() {
        String text = "Fresh Air interview\n\n"
                + "Host: Terry Gross\n\n"
                + "TERRY GROSS: Welcome to the show.\n\n"
                + "JOHN DOE: Thank you.\n\n"
                + "TERRY GROSS: Let's start.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Terry Gross", "John Doe", "Terry Gross");
        assertThat(transcript.statements()).flatExtracting(Statement::paragraphs)
                .noneMatch(paragraph -> paragraph.contains("Host"));
    }

    @Test
    void aListOfCreditsThatRepeatsAVoiceWordWithNoOtherLabelBetweenIsNoVoice() {
        String text = "Episode 12, March 3, 2023\n\n"
                + "Teacher: Ann Bell, Lincoln High School\n\n"
                + "Teacher: Tom Wu, Riverside Primary\n\n"
                + "Jane Cole: Welcome to the show.\n\n"
                + "Ann Bell: Thank you.\n\n"
                + "Jane Cole: Here is the log of who called in this hour:\n\n"
                + "Caller: Jim from Leeds, about bins.\n\n"
                + "Caller: Sue from York, about buses.\n\n"
                + "Jane Cole: Right, let's go to the news.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Jane Cole", "Ann Bell", "Jane Cole");
        assertThat(transcript.statements().get(2).paragraphs()).containsExactly(
                "Here is the log of who called in this hour:", "Caller: Jim from Leeds, about bins.",
                "Caller: Sue from York, about buses.", "Right, let's go to the news.");
    }

    // --- class 38: one turn per line, no blank lines -----------------------------------------------------------------

    @Test
    void anInterviewTypedOneTurnPerLineIsSplitAtLabelsThatOpenTwoLines() {
        String text = "Interview with Zoë Müller, CEO of Lumen\n\n"
                + "Interviewer: How did Lumen begin?\n"
                + "Zoë Müller: In a garage in Zürich.\n"
                + "Interviewer: Really?\n"
                + "Zoë Müller: Really. We had two laptops\n"
                + "and a kettle.\n\n"
                + "Interviewer: Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Interviewer", List.of("How did Lumen begin?")),
                        tuple("Zoë Müller", List.of("In a garage in Zürich.")),
                        tuple("Interviewer", List.of("Really?")),
                        tuple("Zoë Müller", List.of("Really. We had two laptops and a kettle.")),
                        tuple("Interviewer", List.of("Thank you.")));
    }

    @Test
    void aLabelShapedLineThatOpensOneLineOnlyStaysInTheHardWrappedParagraph() {
        String text = "Interview with Anna Berg\n\n"
                + "Interviewer: What did the report say?\n\n"
                + "Anna Berg: It said three things, and the\n"
                + "Finance Committee: a body I respect, read\n"
                + "them all before the vote.\n\n"
                + "Interviewer: Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Interviewer", List.of("What did the report say?")),
                        tuple("Anna Berg", List.of("It said three things, and the Finance Committee: a body I respect,"
                                + " read them all before the vote.")),
                        tuple("Interviewer", List.of("Thank you.")));
    }

    @Test
    void aOneWordLineStartThatRecursInsideSpeechDoesNotSplitIt() {
        String text = "Council meeting, March 3, 2023\n\n"
                + "Jane Cole: Welcome. I will read out\n"
                + "the two notes from the clerk, word for word:\n"
                + "Note: the car park on Hill Street closes at six.\n"
                + "Note: the library is shut on Monday for repairs.\n"
                + "That is all from the clerk.\n\n"
                + "Tom Reed: Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Jane Cole", 1), tuple("Tom Reed", 1));
    }

    // --- class 39: a middle initial in a member's name ------------------------------------------------------------

    @Test
    void aMiddleInitialBelongsToTheMembersNameAndTheBracketsToTheRole() {
        String html = "<html><body><div id=\"content\"><h3>Rail Fares</h3>"
                + "<p><b>Ms Siân C. James (Swansea East) (Lab):</b> What assessment has been made of fares?</p>"
                + "<p><b>The Secretary of State for Transport (Ms Jane Cole):</b> Fares are capped.</p>"
                + "</div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), Statement::annotation)
                .containsExactly(tuple("Siân C. James", "Swansea East (Lab)", null),
                        tuple("Jane Cole", "The Secretary of State for Transport", null));
    }

    // --- class 40: "Q — …" ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Q — and the Senate?", "Q – and the Senate?"})
    void aQuestionAfterOneSpaceAndADashIsAQuestion(String question) {
        String text = "---\ntitle: \"Press Briefing by Press Secretary Dana Holt\"\n---\n\n"
                + "MS. HOLT:  Good afternoon.\n\n"
                + question + "\n\n"
                + "MS. HOLT:  Next week.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Dana Holt", "Question", "Dana Holt");
        assertThat(transcript.statements().get(1).paragraphs().get(0)).endsWith("the Senate?").doesNotStartWith("Q");
    }

    @Test
    void aSentenceThatStartsWithTheLetterQIsNotAQuestionLabel() {
        String text = "---\ntitle: \"Press Briefing by Press Secretary Dana Holt\"\n---\n\n"
                + "MS. HOLT:  Good afternoon.\n\n"
                + "Q fever cases are down — and that matters.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("Dana Holt",
                        List.of("Good afternoon.", "Q fever cases are down — and that matters.")));
    }

    // --- class 41: "END" closes a White House text ----------------------------------------------------------------

    @Test
    void endInCapitalsClosesTheTranscriptAndIsNotSpeech() {
        String text = "---\ntitle: \"Remarks by President Alvarez\"\n---\n\n"
                + "THE PRESIDENT:  Thank you all.\n\n"
                + "Q    Mr. President, will you sign it?\n\n"
                + "THE PRESIDENT:  Yes.\n\n"
                + "END\n\n"
                + "2:14 P.M. EDT\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("The President", List.of("Thank you all.")),
                        tuple("Question", List.of("Mr. President, will you sign it?")),
                        tuple("The President", List.of("Yes.")));
    }

    @Test
    void theWordEndInsideSpeechStaysSpeech() {
        String text = "---\ntitle: \"Remarks by President Alvarez\"\n---\n\n"
                + "THE PRESIDENT:  Thank you all.\n\n"
                + "End the shutdown, I said.\n\n"
                + "And then: END. That was the word.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("The President", List.of("Thank you all.", "End the shutdown, I said.",
                        "And then: END. That was the word.")));
    }

    @Test
    void endFollowedByMoreLabelledTurnsIsSpeech() {
        String text = "---\ntitle: \"Remarks by Principal Davis\"\n---\n\n"
                + "PRINCIPAL DAVIS:  The banner read, in giant letters:\n\n"
                + "END\n\n"
                + "That's what it said. End the losing streak.\n\n"
                + "STUDENT:  Thank you, Principal Davis.\n\n"
                + "PRINCIPAL DAVIS:  You're welcome.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Davis", List.of("The banner read, in giant letters:", "END",
                                "That's what it said. End the losing streak.")),
                        tuple("Student", List.of("Thank you, Principal Davis.")),
                        tuple("Davis", List.of("You're welcome.")));
    }

    // --- class 42: the annotation in italics between the bold's brackets ----------------------------------------

    @Test
    void anAnnotationInItalicsBetweenTheBoldsBracketsIsTheLabels() {
        String html = TranscriptExtractorLabelFormsTest.kremlin("",
                "<p><b>Vladimir Putin:</b> Mr President, welcome to Sochi.</p>"
                        + "<p><b>President of France Emmanuel Macron (</b><i>retranslated</i><b>):</b> Thank you,"
                        + " Mr President.</p>"
                        + "<p>I am glad to be here.</p>"
                        + "<p><b>Vladimir Putin:</b> Let us start.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), Statement::annotation,
                        Statement::paragraphs)
                .containsExactly(
                        tuple("Vladimir Putin", null, null, List.of("Mr President, welcome to Sochi.")),
                        tuple("Emmanuel Macron", "President of France", "retranslated",
                                List.of("Thank you, Mr President.", "I am glad to be here.")),
                        tuple("Vladimir Putin", null, null, List.of("Let us start.")));
    }

    @Test
    void aTitleInItalicsBetweenBoldBracketsOfANarrativeLineIsNoLabel() {
        String html = TranscriptExtractorLabelFormsTest.kremlin("",
                "<p><b>Vladimir Putin:</b> Let us watch it.</p>"
                        + "<p><b>The film (</b><i>The Cranes Are Flying</i><b>) was shown at 19:00.</b> Everyone"
                        + " watched it.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsExactly("Vladimir Putin");
    }

    // --- class 43: a bold label wrapped in a span --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"<span><b>Vladimir Putin:</b></span> Thank you.",
            "<font face=\"Arial\"><b>Vladimir Putin:</b></font> Thank you."})
    void aBoldLabelWrappedInASpanOrFontIsALabel(String paragraph) {
        String html = TranscriptExtractorLabelFormsTest.kremlin("",
                "<p><b>President of Russia Vladimir Putin:</b> Mr Vaino, what is on the agenda?</p>"
                        + "<p><b>Chief of Staff of the Presidential Executive Office Anton Vaino:</b> Mr President,"
                        + " the draft decree.</p>"
                        + "<p>It is ready for signing.</p>"
                        + "<p>" + paragraph + "</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), Statement::paragraphs)
                .containsExactly(
                        tuple("Vladimir Putin", "President of Russia", List.of("Mr Vaino, what is on the agenda?")),
                        tuple("Anton Vaino", "Chief of Staff of the Presidential Executive Office",
                                List.of("Mr President, the draft decree.", "It is ready for signing.")),
                        tuple("Vladimir Putin", "President of Russia", List.of("Thank you.")));
    }

    @Test
    void aSpanWithTextBesideTheBoldIsNoLabel() {
        String html = TranscriptExtractorLabelFormsTest.kremlin("",
                "<p><b>Vladimir Putin:</b> Mr Vaino, what is on the agenda?</p>"
                        + "<p><span>As the <b>Decree:</b> says, we go on.</span></p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("Vladimir Putin",
                        List.of("Mr Vaino, what is on the agenda?", "As the Decree: says, we go on.")));
    }

    // --- class 44: two turns in one paragraph, a line break between them ------------------------------------------

    @Test
    void aBoldLabelAfterALineBreakStartsATurnInsideOneParagraph() {
        String html = TranscriptExtractorLabelFormsTest.kremlin("",
                "<p><b>Minister of Economic Development Maxim Oreshkin:</b> Inflation is at 4.1 percent.<br>"
                        + "<b>Vladimir Putin:</b> Is that the annual rate?<br />\n<b>Maxim Oreshkin:</b> Yes,"
                        + " year on year.<br>It is lower than in May.</p>"
                        + "<p><b>Vladimir Putin:</b> Good.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), Statement::paragraphs)
                .containsExactly(
                        tuple("Maxim Oreshkin", "Minister of Economic Development",
                                List.of("Inflation is at 4.1 percent.")),
                        tuple("Vladimir Putin", null, List.of("Is that the annual rate?")),
                        tuple("Maxim Oreshkin", "Minister of Economic Development",
                                List.of("Yes, year on year. It is lower than in May.")),
                        tuple("Vladimir Putin", null, List.of("Good.")));
    }

    /**
     * A line break before plain text, italics, bold without a colon, a one-word bold label or a bold label that opens
     * no paragraph of the page ("Option One:", a list inside speech, found by an adversarial review) keeps the line.
     */
    @Test
    void aLineBreakBeforeAnythingButABoldLabelKeepsTheLineInItsTurn() {
        String html = "<html><head><title>Meeting with students</title></head><body><article>"
                + "<p><b>Jane Doe:</b> We have three aims:<br>first, growth;<br><b>second</b>, jobs;<br>"
                + "<i>(Applause.)</i><br><b>Third: fairness.</b><br><b>Option One:</b> a plan.</p>"
                + "<p><b>John Roe:</b> Thank you.<br><br>Next question.</p>"
                + "</article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Jane Doe", List.of("We have three aims: first, growth; second, jobs; (Applause.)"
                                + " Third: fairness. Option One: a plan.")),
                        tuple("John Roe", List.of("Thank you. Next question.")));
    }
}
