package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.TranscriptParsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transcript, address or readout: what kind of document a page is, and who speaks in an unlabelled address. */
class TranscriptExtractorDocumentKindTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void greetingsToArcticMeetingPage55462IsAnAddressByVladimirPutinOfItsQuotedMessage() {
        String html = Corpus.unlabelled("55462");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/55462");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_ADDRESS);
        assertThat(transcript.statements()).singleElement().satisfies(s -> {
            assertThat(s.speaker().name()).isEqualTo("Vladimir Putin");
            assertThat(s.speaker().label()).isNull();
            assertThat(s.paragraphs().get(0)).startsWith("It is symbolic that this forum is being held in Sabetta");
            assertThat(s.paragraphs()).noneMatch(p -> p.startsWith("The message reads") || p.startsWith("“")
                    || p.endsWith("”"));
        });
    }

    @Test
    void messageOfGreetingsPage27727IsAnAddressWithTheRoleTheTitleGives() {
        String html = Corpus.unlabelled("27727");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/27727");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_ADDRESS);
        assertThat(transcript.statements()).singleElement().satisfies(s -> {
            assertThat(s.speaker().name()).isEqualTo("Vladimir Putin");
            assertThat(s.speaker().role()).isEqualTo("President");
            assertThat(s.paragraphs()).singleElement().asString().startsWith("I welcome the initiative");
        });
    }

    @Test
    void narrativeAroundTheQuotedMessageOfPage27727IsNotSpeech() {
        String html = Corpus.unlabelled("27727");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/27727");

        assertThat(transcript.statements().get(0).paragraphs())
                .noneMatch(p -> p.contains("Mr Putin expressed confidence") || p.contains("read the message"));
    }

    @Test
    void condolencesOnAPassingPage63896IsAnAddressOfTheLeadsAuthor() {
        String html = Corpus.unlabelled("63896");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/63896");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_ADDRESS);
        assertThat(transcript.statements()).singleElement()
                .satisfies(s -> assertThat(s.speaker().name()).isEqualTo("Vladimir Putin"));
    }

    @Test
    void condolencesToIranPage54723ReportedWithoutTheMessageTextIsAReadout() {
        String html = Corpus.unlabelled("54723");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/54723");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_READOUT);
        assertThat(transcript.statements()).isEmpty();
    }

    @Test
    void telephoneConversationPages28091And55702AreReadoutsWithoutStatements() {
        for (String id : List.of("28091", "55702", "8056")) {
            ExtractedTranscript transcript = extractor.extract(Corpus.unlabelled(id), "text/html", null);

            assertThat(transcript.kind()).as(id).isEqualTo(TranscriptParsed.KIND_READOUT);
            assertThat(transcript.statements()).as(id).isEmpty();
        }
    }

    @Test
    void meetingWithRosneftCeoPage62763IsATranscriptOfTwoSpeakers() {
        String html = Corpus.unlabelled("62763");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/62763");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_TRANSCRIPT);
        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsOnly("Vladimir Putin", "Igor Sechin");
    }

    @Test
    void passportCeremonyPage54766WithOneLabelledSpeakerIsAnAddress() {
        String html = Corpus.unlabelled("54766");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/54766");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_ADDRESS);
        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsOnly("Vladimir Putin");
    }

    @Test
    void everyUnlabelledPageWithoutStatementsIsAReadoutAndEveryAddressHasOneVoice() {
        for (String id : Corpus.UNLABELLED_PAGES) {
            ExtractedTranscript transcript = extractor.extract(Corpus.unlabelled(id), "text/html", null);

            if (transcript.statements().isEmpty()) {
                assertThat(transcript.kind()).as(id).isEqualTo(TranscriptParsed.KIND_READOUT);
            }
            if (transcript.kind().equals(TranscriptParsed.KIND_ADDRESS)) {
                assertThat(transcript.statements()).as(id).extracting(s -> s.speaker().name()).hasSameElementsAs(
                        List.of(transcript.statements().get(0).speaker().name()));
            }
        }
    }

    @Test
    void olderKremlinPageWithPlainTextCapitalLabelsIsATranscript() {
        String html = "<html><head><meta property=\"og:url\" content=\"http://en.kremlin.ru/events/president/news/3\">"
                + "</head><body><div itemprop=\"articleBody\">"
                + "<p>PRESIDENT VLADIMIR PUTIN: Good afternoon, ladies and gentlemen.</p>"
                + "<p>QUESTION: Mr President, what did you agree on?</p>"
                + "<p>VLADIMIR PUTIN: On a great deal.</p></div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_TRANSCRIPT);
        assertThat(transcript.statements()).extracting(s -> s.speaker().name() + " / " + s.speaker().role())
                .containsExactly("Vladimir Putin / President", "Question / null", "Vladimir Putin / President");
    }

    @Test
    void articleByANamedAuthorWithoutLabelsIsAnAddressOfTheWholeText() {
        String html = "<html><head><meta property=\"og:url\" content=\"http://en.kremlin.ru/events/president/news/9\">"
                + "<meta property=\"og:title\" content=\"Article by Presidential Aide Ivan Samoilov ‘On river ports’\">"
                + "</head><body><div itemprop=\"articleBody\"><p>Rivers were our first roads.</p>"
                + "<p>Today they can carry far more freight than they do.</p></div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_ADDRESS);
        assertThat(transcript.statements()).singleElement().satisfies(s -> {
            assertThat(s.speaker().name()).isEqualTo("Ivan Samoilov");
            assertThat(s.speaker().role()).isEqualTo("Presidential Aide");
            assertThat(s.paragraphs()).containsExactly("Rivers were our first roads.",
                    "Today they can carry far more freight than they do.");
        });
    }

    @Test
    void addressTitledPageThatSpeaksOfItsAuthorInTheThirdPersonIsAReadout() {
        String html = "<html><head><meta property=\"og:url\" content=\"http://en.kremlin.ru/events/president/news/9\">"
                + "<meta property=\"og:title\" content=\"Address by Presidential Aide Ivan Samoilov to port workers\">"
                + "</head><body><div itemprop=\"articleBody\"><p>Ivan Samoilov thanked the port workers.</p>"
                + "</div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_READOUT);
        assertThat(transcript.statements()).isEmpty();
    }

    @Test
    void republishedGreetingInPlainTextIsAnAddressOfTheAuthorItsOpeningNames() {
        String text = Corpus.read("/fixtures/text/republished-greeting.txt");

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_ADDRESS);
        assertThat(transcript.source()).isEqualTo("The Example Office");
        assertThat(transcript.statements()).singleElement().satisfies(s -> {
            assertThat(s.speaker()).isEqualTo(new TranscriptParsed.Speaker("Helena Marsh", "Governor", null));
            assertThat(s.paragraphs()).containsExactly(
                    "Dear friends, I am glad to welcome you to the fair. Your inventions show how much talent our region"
                            + " holds.",
                    "I wish you bold ideas and every success.");
        });
    }

    @Test
    void quotedMessageWithoutAClosingQuotationMarkIsNotGuessedAndStaysAReadout() {
        String text = "Greetings to a fair\n\nGovernor Helena Marsh sent greetings to the fair.\n\n"
                + "The message reads, in part:\n\n“Dear friends, welcome.\n\nThe fair opens at noon.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_READOUT);
    }
}
