package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes 45-48 (issue 11): what an eighth review with made-up pages found at the end of republished transcripts (a
 * blog's Hansard, a broadcaster's interview, a White House release) and in a parliamentary record's procedural lines.
 * Class 45: the page's closing furniture (a copyright line, a licence notice, the "###" closing mark, a "Share this
 * post:" line in Markdown emphasis, a blog's related-posts box) is not speech of the last turn. Class 46: "rose—" after
 * a member's bracketed constituency and party, or after "hon. Members", is a remark between turns, not speech.
 * Class 47: a plain text's headline shaped like a label ("Zadie Smith: ‘I write to find out what I think’") is its
 * title, and a date line may say "Published" or "Posted on", stand in emphasis or carry the time. Class 48: a label of
 * a person's initials in capitals ("JD:") is the one full-name label with those initials.
 */
class TranscriptExtractorRepublishedPagesTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    // --- class 45: closing furniture of a republished page ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Copyright © 2024 NPR. All rights reserved.", "© 2019 Westminster Notebook.",
            "Copyright 2021 The Conversation.",
            "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
            "This work is licensed under a Creative Commons Attribution 4.0 International License.", "###",
            "*Share this post:* [Twitter](https://twitter.com) | [Facebook](https://facebook.com)"})
    void aClosingLineOfThePageIsNotSpeechOfTheLastTurn(String closing) {
        String text = "Ceasefire talks\n\nSTEVE INSKEEP: Is a ceasefire close?\n\nANTONY BLINKEN: We are working on"
                + " it.\n\nSTEVE INSKEEP: Thank you, Mr. Secretary.\n\n" + closing + "\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Steve Inskeep", List.of("Is a ceasefire close?")),
                        tuple("Antony Blinken", List.of("We are working on it.")),
                        tuple("Steve Inskeep", List.of("Thank you, Mr. Secretary.")));
    }

    @Test
    void aBlogsRelatedPostsBoxIsNotSpeech() {
        String html = "<html><head><title>Budget statement: the key exchanges</title></head><body><main><article>"
                + "<div class=\"entry-content\"><p><strong>Mr Speaker:</strong> Order. I call the Chancellor.</p>"
                + "<p><strong>The Chancellor of the Exchequer (Rishi Sunak):</strong> The Budget is for everyone.</p>"
                + "<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3><em>Related</em></h3>"
                + "<p><a href=\"/2019/03/pmqs-6-march/\">PMQs: 6 March</a></p></div></div></article></main></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Mr Speaker", List.of("Order. I call the Chancellor.")),
                        tuple("Rishi Sunak", List.of("The Budget is for everyone.")));
    }

    @Test
    void aLicenceOrASharingRequestInsideSpeechStaysSpeech() {
        String text = "Open data\n\nJim Shannon (Strangford) (DUP): Will the data be licensed under the Open Government"
                + " Licence?\n\nAlex Burghart: I can confirm it.\n\nAll of it is licensed under the Open Government"
                + " Licence, so anyone can reuse it.\n\n*Share this episode with one friend who keeps killing their"
                + " starter.*\n\nJim Shannon (Strangford) (DUP): I thank the Minister.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Jim Shannon", 1), tuple("Alex Burghart", 3), tuple("Jim Shannon", 1));
    }

    @Test
    void copyrightAndLicencesSpokenAboutInsideSpeechStaySpeech() {
        String text = "Lecture on authors' rights\n\nJane Doe: Copyright law protects the author, and the © sign"
                + " is only a reminder.\n\nJohn Roe: So a work licensed under a Creative Commons licence is still"
                + " protected? I thought it was free to take, which many people believe, and the licence says"
                + " otherwise in several of its clauses, which we should read together now.\n\nJane Doe: Yes.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.paragraphs().size()).containsExactly(1, 1, 1);
        assertThat(transcript.statements().get(0).paragraphs().get(0)).startsWith("Copyright law");
    }

    // --- class 46: "rose—" after a member's constituency and party ----------------------------------------------------

    @Test
    void aMemberWhoRoseBetweenTwoCallsOfTheSpeakerIsARemarkAndTheSecondCallANewTurn() {
        String html = "<html><head><title>Backbench business</title></head><body><article>"
                + "<p><strong>Mr Speaker:</strong> Order. I call Mr Peter Bone.</p>"
                + "<p>Mr Peter Bone (Wellingborough) (Con) rose—</p>"
                + "<p><strong>Mr Speaker:</strong> Order. The debate is time-limited.</p>"
                + "<p><strong>Mr Peter Bone (Wellingborough) (Con):</strong> Thank you, Mr Speaker.</p>"
                + "<p>Several hon. Members rose—</p>"
                + "<p><strong>Mr Speaker:</strong> I call Chris Bryant.</p>"
                + "</article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Mr Speaker", List.of("Order. I call Mr Peter Bone.")),
                        tuple("Mr Speaker", List.of("Order. The debate is time-limited.")),
                        tuple("Peter Bone", List.of("Thank you, Mr Speaker.")),
                        tuple("Mr Speaker", List.of("I call Chris Bryant.")));
        assertThat(transcript.remarks()).containsExactly("Mr Peter Bone (Wellingborough) (Con) rose—",
                "Several hon. Members rose—");
    }

    @Test
    void aSentenceThatEndsInRoseIsSpeech() {
        String text = "Debate\n\nJane Doe: Prices rose.\n\nJohn Roe: And the (Treasury) figures rose—\n\n"
                + "Jane Doe: They did.\n\nThen the hon. Member for Wellingborough (Mr Bone) rose.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.paragraphs().get(0))
                .containsExactly("Prices rose.", "And the (Treasury) figures rose—", "They did.");
        assertThat(transcript.statements().get(2).paragraphs())
                .containsExactly("They did.", "Then the hon. Member for Wellingborough (Mr Bone) rose.");
    }

    // --- class 47: a headline shaped like a label ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Zadie Smith: ‘I write to find out what I think’\nSaturday 9 October 2021",
            "Zadie Smith: ‘I write to find out what I think’\n\nPublished 9 October 2021",
            "Zadie Smith: ‘I write to find out what I think’\n\n*Posted on 9 October 2021*",
            "Zadie Smith: ‘I write to find out what I think’\n\nOctober 9, 2021 5:04 AM ET"})
    void aHeadlineShapedLikeALabelIsTheTitleAndTheDateLineItsDate(String opening) {
        String text = opening + "\n\nBy Sarah Lyall\n\nSarah Lyall: Your new book is a play. Why?\n\n"
                + "Zadie Smith: Because I wanted to hear voices.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isEqualTo("Zadie Smith: ‘I write to find out what I think’");
        assertThat(transcript.publishedAt()).isEqualTo("2021-10-09");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Sarah Lyall", List.of("Your new book is a play. Why?")),
                        tuple("Zadie Smith", List.of("Because I wanted to hear voices.")));
    }

    @Test
    void aHeadlineWhoseLabelSpeaksNowhereElseIsTheTitle() {
        String text = "The Ezra Klein Show: Rebecca Solnit on hope\n\nEzra Klein: Rebecca, welcome to the show.\n\n"
                + "Rebecca Solnit: Thank you, Ezra.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isEqualTo("The Ezra Klein Show: Rebecca Solnit on hope");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Ezra Klein", "Rebecca Solnit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Doe: Good morning, everyone.", "Jane Doe: Good morning, everyone"})
    void aFirstTurnThatEndsLikeASentenceOrSpeaksAgainStaysATurn(String first) {
        String text = first + "\n\nJohn Roe: Good morning.\n\nJane Doe: Let us begin.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Jane Doe", "John Roe", "Jane Doe");
    }

    /** The one-line first turns an adversarial review of class 47 found taken for headlines. */
    @ParameterizedTest
    @ValueSource(strings = {"MODERATOR: Ladies and gentlemen, please welcome Professor Mary Beard",
            "ANNOUNCER: From NBC News in Washington, this is Meet the Press with Kristen Welker",
            "HOST: “The past is a foreign country; they do things differently there”",
            "ANDERSON COOPER, CNN ANCHOR: Good evening. Thousands of people chose to stay --",
            "Q: Let's go back to the summer of 1989\n\nBy August you had already left Warsaw"})
    void aVoiceInCapitalsACommaRoleOrAQuestionOpensAFirstTurnNotAHeadline(String first) {
        String text = first + "\n\nMARY BEARD: Thank you.\n\nANDERSON COOPER: Go on.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isNull();
        assertThat(transcript.statements()).hasSize(3);
    }

    @Test
    void aTextWhoseOnlyLabelIsItsFirstLineIsThatTurn() {
        ExtractedTranscript transcript = extractor.extract("Vladimir Putin: Добрый день. preview-1", "text/plain",
                null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("Vladimir Putin", List.of("Добрый день. preview-1")));
    }

    // --- class 48: initials as a label ----------------------------------------------------------------------------------

    @Test
    void initialsInCapitalsAreTheOneFullNameWithThoseInitials() {
        String text = "Interview\n\nJane Doe: Why a quartet?\n\nAli Smith: Because of a deadline.\n\n"
                + "JD: Was that frightening?\n\nAli Smith: Terrifying.\n\nJD: Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().label(),
                Statement::paragraphs).containsExactly(
                        tuple("Jane Doe", "Jane Doe", List.of("Why a quartet?")),
                        tuple("Ali Smith", "Ali Smith", List.of("Because of a deadline.")),
                        tuple("Jane Doe", "JD", List.of("Was that frightening?")),
                        tuple("Ali Smith", "Ali Smith", List.of("Terrifying.")),
                        tuple("Jane Doe", "JD", List.of("Thank you.")));
    }

    @Test
    void anAbbreviationOrInitialsUsedOnceAreNoPersonsInitials() {
        String text = "Sunday interview\n\nLaura Kuenssberg: The Prime Minister joins me. Good morning.\n\n"
                + "PM: Good morning, Laura.\n\nPenny Mordaunt: I agree with the PM.\n\nPM: Thank you.\n\n"
                + "Tom Whitfield: Three places.\n\nAI: about a third of the book.\n\nAmara Ikeda: Why?\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Laura Kuenssberg", "Penny Mordaunt", "Tom Whitfield", "Amara Ikeda");
        assertThat(transcript.statements()).filteredOn(s -> s.speaker().name().equals("Penny Mordaunt"))
                .extracting(s -> s.speaker().label()).containsOnly("Penny Mordaunt");
        assertThat(transcript.statements()).filteredOn(s -> s.speaker().name().equals("Amara Ikeda"))
                .extracting(Statement::paragraphs).containsOnly(List.of("Why?"));
    }

    @Test
    void initialsThatFitNoFullNameOrTwoAreNoLabel() {
        String text = "Interview\n\nJane Doe: Why?\n\nJohn Dunn: Because.\n\nJD: Which of us?\n\n"
                + "Jane Doe: Never mind.\n\nXY: Nobody.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .doesNotContain("JD", "Jd", "XY", "Xy");
    }
}
