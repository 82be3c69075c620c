package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed;
import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels in the style of the UK Parliament's Hansard, in plain text. */
class TranscriptExtractorParliamentaryLabelsTest {

    private static final String DEBATE = "/fixtures/text/hansard-style-debate.txt";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void debateYieldsEveryTurnWithItsSpeakerAndRole() {
        String text = Corpus.read(DEBATE);

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isEqualTo("Harbour Dredging (Funding)");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Imogen Tallis", "Westhaven and Dunmore (Lab)"),
                        tuple("Callum Reddaway", "The Parliamentary Under-Secretary of State for Transport"),
                        tuple("Imogen Tallis", "Westhaven and Dunmore (Lab)"),
                        tuple("Callum Reddaway", "The Parliamentary Under-Secretary of State for Transport"),
                        tuple("Hon. Members", null),
                        tuple("Desmond Okafor", "North Fellside (Con)"),
                        tuple("Mr Speaker", null),
                        tuple("Callum Reddaway", "The Parliamentary Under-Secretary of State for Transport"),
                        tuple("Mr Speaker", null));
    }

    @Test
    void memberLabelGivesTheNameWithoutHonorificAndConstituencyWithPartyAsRole() {
        String text = "Mr Keir Starmer (Holborn and St Pancras) (Lab): Will the Minister give way?\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).singleElement().satisfies(s -> {
            assertThat(s.speaker()).isEqualTo(new TranscriptParsed.Speaker("Keir Starmer", "Holborn and St Pancras (Lab)",
                    "Mr Keir Starmer (Holborn and St Pancras) (Lab)"));
            assertThat(s.annotation()).isNull();
            assertThat(s.paragraphs()).containsExactly("Will the Minister give way?");
        });
    }

    @Test
    void officeWithTheHolderInBracketsGivesTheHolderAsNameAndTheOfficeAsRole() {
        String text = "The Prime Minister (Keir Starmer): I thank my hon. Friend.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements().get(0).speaker())
                .isEqualTo(new TranscriptParsed.Speaker("Keir Starmer", "The Prime Minister",
                        "The Prime Minister (Keir Starmer)"));
    }

    @Test
    void shorterLaterLabelsMapToTheSameSpeakerWithTheRoleOfTheFullestLabel() {
        String text = "Sir Edward Leigh (Gainsborough) (Con): First question.\n\n"
                + "The Prime Minister (Keir Starmer): First answer.\n\n"
                + "Sir Edward Leigh: Second question.\n\n"
                + "Keir Starmer: Second answer.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Edward Leigh", "Gainsborough (Con)"), tuple("Keir Starmer", "The Prime Minister"),
                        tuple("Edward Leigh", "Gainsborough (Con)"), tuple("Keir Starmer", "The Prime Minister"));
    }

    @Test
    void officeAloneIsTheSpeakerWhenNoLabelNamesItsHolder() {
        String text = "Mr Speaker: Order.\n\nThe Prime Minister: I am grateful.\n\nMr Speaker: Order, order.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Mr Speaker", null), tuple("The Prime Minister", null), tuple("Mr Speaker", null));
    }

    @Test
    void honMembersIsAnUnnamedVoiceThatKeepsItsLabel() {
        String text = "Mr Speaker: Order.\n\nHon. Members: Hear, hear!\n\nHon. Members: More!\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        // the two "Hon. Members:" blocks follow each other with nothing between: one turn, as for any speaker
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().label(),
                        Statement::paragraphs)
                .containsExactly(tuple("Mr Speaker", "Mr Speaker", List.of("Order.")),
                        tuple("Hon. Members", "Hon. Members", List.of("Hear, hear!", "More!")));
    }

    @Test
    void everyListedHonorificIsDroppedFromTheName() {
        String text = "Dame Ada Brook (Upton) (Lab): One.\n\nLord Tobias Fenn: Two.\n\nBaroness Ivy Lund: Three.\n\n"
                + "Dr Omar Vale (Eastmere) (LD): Four.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Ada Brook", "Tobias Fenn", "Ivy Lund", "Omar Vale");
    }

    @Test
    void bracketedInterruptionIsARemarkAndALabelAfterItStartsANewTurn() {
        String text = Corpus.read(DEBATE);

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.remarks()).containsExactly("[Interruption.]");
        assertThat(transcript.statements().get(8).paragraphs()).containsExactly("Order. We must move on.");
    }

    @Test
    void volumeLineAndTimeStampBeforeTheFirstLabelAreNotSpeech() {
        String text = Corpus.read(DEBATE);

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements().get(0).paragraphs())
                .containsExactly("What steps the Government are taking to fund the dredging of small harbours.");
    }
}
