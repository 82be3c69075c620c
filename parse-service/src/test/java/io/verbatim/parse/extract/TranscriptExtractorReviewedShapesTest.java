package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes 31-36 (issue 11): label shapes that an adversarial review with made-up pages found the parser getting
 * wrong, none of them in the gold set. A one-word unnamed voice or occupation in plain text ("AUDIENCE:",
 * "PARTICIPANT:", "STAFF:") is a label; a "Q1. [128901]" question number before a member's bold label is order-paper
 * furniture; the surname of a "NAME, ROLE" label is a label of that speaker; a transcription service's time stamp
 * between the name and the colon is furniture; more occupation and rank words before a name belong to the role; "Some
 * hon. Members" is an unnamed voice that keeps its label. One test per class.
 */
class TranscriptExtractorReviewedShapesTest {

    private static final String KREMLIN = "http://en.kremlin.ru/events/president/news/1";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"AUDIENCE", "PARTICIPANT", "STAFF", "VOICE", "ANNOUNCER", "STUDENT", "AUDIENCE MEMBER"})
    void aOneWordUnnamedVoiceInPlainTextIsALabel(String voice) {
        String text = "---\ntitle: \"Remarks by President Alvarez at a Rally\"\n---\n\n"
                + "THE PRESIDENT:  Thank you. Please, sit down.\n\n"
                + voice + ":  Four more years!\n\n"
                + "THE PRESIDENT:  Thank you again.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        String name = voice.charAt(0) + voice.substring(1).toLowerCase().replace(" member", " Member");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("The President", List.of("Thank you. Please, sit down.")),
                        tuple(name, List.of("Four more years!")),
                        tuple("The President", List.of("Thank you again.")));
    }

    @Test
    void aCapitalisedWordThatIsNeitherAVoiceNorAnOccupationStaysPartOfTheSpeech() {
        String text = "---\ntitle: \"Remarks by President Alvarez at a Rally\"\n---\n\n"
                + "THE PRESIDENT:  Thank you.\n\n"
                + "Tomorrow: we march.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("The President", List.of("Thank you.", "Tomorrow: we march.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Staff: two engineers and a designer.", "Participant: one volunteer from each town.",
            "Audience: about 300 residents.", "Journalist: Anna Bell."})
    void aNewerUnnamedVoiceInOrdinaryCaseIsNotALabel(String line) {
        String text = "Interview Transcript\n\n"
                + "Michael Lee: Who worked on it?\n\n"
                + "Jane Porter: A small team.\n\n"
                + line + "\n\n"
                + "Michael Lee: Thank you.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Michael Lee", List.of("Who worked on it?")),
                        tuple("Jane Porter", List.of("A small team.", line)),
                        tuple("Michael Lee", List.of("Thank you.")));
    }

    @Test
    void anOccupationAloneInOrdinaryCaseIsACreditLineNotAVoice() {
        String text = "Interview Transcript\n\n"
                + "Michael Lee: Welcome.\n\n"
                + "Jane Porter: Thanks.\n\n"
                + "Editor: Anna Bell.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).doesNotContain("Editor")
                .containsExactly("Michael Lee", "Jane Porter");
    }

    @Test
    void aPrimeMinistersQuestionsNumberBeforeTheMembersLabelIsNotSpeech() {
        String html = "<html><body><div id=\"content\">"
                + "<h3>Engagements</h3>"
                + "<p><a class=\"anchor\" name=\"a1\"> </a>Q1. [128901] <b>Anna Reed (Northfield) (Lab):</b>"
                + " If he will list his official engagements.</p>"
                + "<p><b>The Prime Minister (Mr Tom Hale):</b> This morning I had meetings.</p>"
                + "<p><a class=\"anchor\" name=\"a2\"> </a>Q2. [128902] <b>Mr Paul Crane (Eastwick) (Con):</b>"
                + " Will he answer?</p>"
                + "<p><b>The Prime Minister:</b> Yes.</p>"
                + "</div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::paragraphs).containsExactly(
                        tuple("Anna Reed", "Northfield (Lab)", List.of("If he will list his official engagements.")),
                        tuple("Tom Hale", "The Prime Minister", List.of("This morning I had meetings.")),
                        tuple("Paul Crane", "Eastwick (Con)", List.of("Will he answer?")),
                        tuple("Tom Hale", "The Prime Minister", List.of("Yes.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERRY GRAYSON, HOST|GRAYSON|JOHN SMITH|SMITH",
            "Terry Grayson, host|Grayson|John Smith|Smith"})
    void theSurnameOfANameAndRoleLabelIsALabelOfThatSpeaker(String labels) {
        String[] l = labels.split("\\|");
        String text = "Fresh Talk\n\n"
                + l[0] + ": This is Fresh Talk.\n\n"
                + l[2] + ": Thank you for having me.\n\n"
                + l[1] + ": Let's start with your new book.\n\n"
                + l[3] + ": Sure. It began as a diary.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Terry Grayson", List.of("This is Fresh Talk.")),
                        tuple("John Smith", List.of("Thank you for having me.")),
                        tuple("Terry Grayson", List.of("Let's start with your new book.")),
                        tuple("John Smith", List.of("Sure. It began as a diary.")));
        assertThat(transcript.statements().get(2).speaker().role()).isEqualToIgnoringCase("host");
    }

    @Test
    void theRoleAfterTheCommaStillWorksAsALabelOfItsOwn() {
        String text = "Fresh Talk\n\n"
                + "Jane Roe, Host: Welcome.\n\n"
                + "John Doe, Guest: Thanks.\n\n"
                + "Host: So tell me.\n\n"
                + "Guest: Well, it began as a diary.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(Statement::paragraphs).containsExactly(
                List.of("Welcome."), List.of("Thanks."), List.of("So tell me."), List.of("Well, it began as a diary."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(00:04)", "[00:04]", "(01:02:03)"})
    void aTimeStampBetweenTheNameAndTheColonIsNotPartOfTheLabel(String stamp) {
        String text = "Jane Porter Interview Transcript\nMarch 3, 2023\n\n"
                + "Michael Lee " + stamp + ":\nWelcome to the show, Jane.\n\n"
                + "Jane Porter " + stamp + ":\nThanks for having me.\n\n"
                + "Michael Lee " + stamp + ":\nLet's begin.\n"; // Jane Porter speaks once: Michael Lee recurs

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Michael Lee", null, List.of("Welcome to the show, Jane.")),
                        tuple("Jane Porter", null, List.of("Thanks for having me.")),
                        tuple("Michael Lee", null, List.of("Let's begin.")));
    }

    @Test
    void aProgrammesTimedLinesEachUsedOnceAreNotLabels() {
        String text = "Interview Transcript\n\n"
                + "Michael Lee: Here is the day.\n\n"
                + "Morning Session (9:00): keynotes and a panel.\n\n"
                + "Afternoon Session (14:00): workshops.\n\n"
                + "Jane Porter: Busy.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Michael Lee", List.of("Here is the day.", "Morning Session (9:00): keynotes and a panel.",
                                "Afternoon Session (14:00): workshops.")),
                        tuple("Jane Porter", List.of("Busy.")));
    }

    @Test
    void aColonInsideTheSpeechAfterATimeLikeNumberIsNotALabel() {
        String text = "Interview Transcript\n\n"
                + "Michael Lee: We start at (10:30): the usual time.\n\n"
                + "Jane Porter: Fine.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Michael Lee", List.of("We start at (10:30): the usual time.")),
                        tuple("Jane Porter", List.of("Fine.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TV Presenter|Maria Sittel", "Guards Private|Ivan Sidorov", "Machine Operator|Sergei Lobov",
            "Cadet|Pyotr Smirnov", "Academician|Valery Kozlov"})
    void anOccupationOrRankBeforeTheNameIsTheRole(String roleAndName) {
        String role = roleAndName.split("\\|")[0];
        String name = roleAndName.split("\\|")[1];
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>" + role + " " + name + ":</b> Good afternoon.</p>"
                + "<p><b>Vladimir Putin:</b> Thank you.</p>"); // the guest speaks once: no bare label to split by

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", "President of Russia"), tuple(name, role),
                        tuple("Vladimir Putin", "President of Russia"));
    }

    @Test
    void someHonMembersIsAnUnnamedVoiceThatKeepsItsLabel() {
        String html = "<html><body><div id=\"content\">"
                + "<p><b>Mr Paul Crane (Eastwick) (Con):</b> The Government have failed.</p>"
                + "<p><b>Some hon. Members:</b> Hear, hear.</p>"
                + "<p><b>Mr Paul Crane:</b> And they know it.</p>"
                + "<p><b>Several hon. Members:</b> Shame!</p>"
                + "</div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Paul Crane", "Eastwick (Con)"), tuple("Some hon. Members", null),
                        tuple("Paul Crane", "Eastwick (Con)"), tuple("Several hon. Members", null));
    }

    private static String kremlin(String paragraphs) {
        return TranscriptExtractorLabelFormsTest.kremlin("", paragraphs);
    }
}
