package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.events.EventJson;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.events.TranscriptParsed.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TranscriptExtractorTest {

    private static final String SEED = "00-seed-pyongyang-talks.txt";
    private static final String GAGGLE = "16-wh-psaki-gaggle.txt";
    private static final List<String> BOILERPLATE = List.of(
            "Recent Posts", "EDITOR", "Translate »", "See also", "Contact Us", "Published in sections",
            "Direct link", "Publication date");

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    // --- the seed document -------------------------------------------------------------------------------------

    @Test
    void seedYieldsTwoStatementsWithSpeakersRolesAndAnnotation() {
        String seed = Corpus.doc(SEED);

        ExtractedTranscript transcript = extractor.extract(seed, "text/plain", null);

        assertThat(transcript.statements()).hasSize(2);
        Statement kim = transcript.statements().get(0);
        assertThat(kim.ordinal()).isEqualTo(1);
        assertThat(kim.speaker()).isEqualTo(new TranscriptParsed.Speaker("Kim Jong-un",
                "Chairman of State Affairs of the DPRK", "Chairman of State Affairs of the DPRK Kim Jong-un (retranslated)"));
        assertThat(kim.annotation()).isEqualTo("retranslated");
        assertThat(kim.paragraphs()).hasSize(9)
                .startsWith("Comrade President Vladimir Putin,")
                .endsWith("Once again, welcome to Pyongyang.");
        Statement putin = transcript.statements().get(1);
        assertThat(putin.ordinal()).isEqualTo(2);
        assertThat(putin.speaker()).isEqualTo(new TranscriptParsed.Speaker("Vladimir Putin", "President of Russia",
                "President of Russia Vladimir Putin"));
        assertThat(putin.annotation()).isNull();
        assertThat(putin.paragraphs()).hasSize(13)
                .startsWith("Chairman of State Affairs Comrade Kim Jong-un, friends,")
                .endsWith("Once again, thank you for inviting me here.");
    }

    @Test
    void seedTitleIsItsFirstLineAndItIsAnEnglishTranscript() {
        String seed = Corpus.doc(SEED);

        ExtractedTranscript transcript = extractor.extract(seed, "text/plain; charset=utf-8", null);

        assertThat(transcript.title()).isEqualTo("In North Korea, Russia");
        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_TRANSCRIPT);
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.publishedAt()).isNull();
        assertThat(transcript.remarks()).isEmpty();
    }

    @Test
    void editorsNoteAndSiteFooterNeverBecomeSpeech() {
        String seed = Corpus.doc(SEED);

        ExtractedTranscript transcript = extractor.extract(seed, "text/plain", null);

        assertThat(speech(transcript)).noneMatch(p -> p.contains("EDITOR") || p.contains("Recent Posts")
                || p.contains("Contact Us") || p.contains("Translate »") || p.contains("send us an email")
                || p.contains("Start typing"));
    }

    @Test
    void attributionAndPhotoCaptionBeforeTheFirstLabelAreNotSpeech() {
        String seed = Corpus.doc(SEED);

        ExtractedTranscript transcript = extractor.extract(seed, "text/plain", null);

        assertThat(speech(transcript)).noneMatch(p -> p.contains("originally published") || p.contains("Photo by"));
    }

    // --- labels in HTML ------------------------------------------------------------------------------------------

    @Test
    void boldLabelWithColonOutsideTheBoldStartsATurn() {
        String html = article("<p><b>President of Russia Vladimir Putin</b>: Good afternoon.</p>"
                + "<p>Let us begin.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).singleElement().satisfies(s -> {
            assertThat(s.speaker().name()).isEqualTo("Vladimir Putin");
            assertThat(s.speaker().role()).isEqualTo("President of Russia");
            assertThat(s.speaker().label()).isEqualTo("President of Russia Vladimir Putin");
            assertThat(s.paragraphs()).containsExactly("Good afternoon.", "Let us begin.");
        });
    }

    @Test
    void boldLabelWithColonInsideTheBoldStartsATurn() {
        String html = article("<p><b>Andrei Vandenko: </b>Victory.</p><p><b>Vladimir Putin:</b> Not at all.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs().get(0))
                .containsExactly(tuple("Andrei Vandenko", "Victory."),
                        tuple("Vladimir Putin", "Not at all."));
    }

    @Test
    void retranslatedBetweenTheBoldNameAndTheColonBecomesTheAnnotation() {
        String html = article("<p><b>Marine Le Pen</b> <i>(retranslated)</i><b>: </b>Thank you, Mr President.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        Statement statement = transcript.statements().get(0);
        assertThat(statement.speaker().name()).isEqualTo("Marine Le Pen");
        assertThat(statement.speaker().role()).isNull();
        assertThat(statement.annotation()).isEqualTo("retranslated");
        assertThat(statement.paragraphs()).containsExactly("Thank you, Mr President.");
    }

    @Test
    void shortLabelMapsToTheSpeakerAndRoleOfTheFullestLabel() {
        String html = article("<p><b>President of Russia Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>Head of the Federal Taxation Service Mikhail Mishustin:</b> Good afternoon.</p>"
                + "<p><b>Vladimir Putin:</b> Almost 30 percent.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name() + " / " + s.speaker().role())
                .containsExactly("Vladimir Putin / President of Russia",
                        "Mikhail Mishustin / Head of the Federal Taxation Service",
                        "Vladimir Putin / President of Russia");
        assertThat(transcript.statements().get(2).speaker().label()).isEqualTo("Vladimir Putin");
    }

    @Test
    void threeWordNameIsTakenFromAShorterLabelOfTheSameSpeaker() {
        String html = article("<p><b>President of the Republic of Turkey Recep Tayyip Erdogan:</b> Friends.</p>"
                + "<p><b>President of Russia Vladimir Putin:</b> Thank you.</p>"
                + "<p><b>Recep Tayyip</b>\u00a0<b>Erdogan: </b>Thank you, Mr Putin.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name() + " / " + s.speaker().role())
                .containsExactly("Recep Tayyip Erdogan / President of the Republic of Turkey",
                        "Vladimir Putin / President of Russia",
                        "Recep Tayyip Erdogan / President of the Republic of Turkey");
    }

    @Test
    void personTooltipInsideALabelIsNotPartOfTheName() {
        String html = article("<p><b>Head of the Federal Taxation Service <a class=\"person_tag\">Mikhail Mishustin"
                + "<span class=\"read__tooltip\"><span>Mishustin Mikhail</span> Head of the Service</span></a>:</b>"
                + " Mr President.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements().get(0).speaker().label())
                .isEqualTo("Head of the Federal Taxation Service Mikhail Mishustin");
        assertThat(transcript.statements().get(0).paragraphs()).containsExactly("Mr President.");
    }

    @Test
    void boldParagraphWithoutAColonIsNeitherALabelNorSpeech() {
        String html = article("<p><b>Vladimir Putin:</b> Good afternoon.</p><p><b>On the economy</b></p>"
                + "<p>We grew.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).singleElement()
                .satisfies(s -> assertThat(s.paragraphs()).containsExactly("Good afternoon.", "We grew."));
    }

    @Test
    void labelOnlyParagraphStartsTheTurnInTheNextParagraph() {
        String html = article("<p><b>Vladimir Putin:</b></p><p>Colleagues,</p><p>Let us start.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).singleElement()
                .satisfies(s -> assertThat(s.paragraphs()).containsExactly("Colleagues,", "Let us start."));
    }

    @Test
    void omissionMarkIsARemarkAndNotSpeech() {
        String html = Corpus.doc("01-kremlin-le-pen-meeting.html");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.remarks()).containsExactly("<…>");
        assertThat(speech(transcript)).noneMatch(p -> p.contains("<…>"));
    }

    @Test
    void labelAfterAnOmissionMarkStartsANewTurnForTheSameSpeaker() {
        String html = article("<p><b>Vladimir Putin:</b> First.</p><p>&lt;…&gt;</p><p><b>Vladimir Putin:</b> Second.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).hasSize(2);
        assertThat(transcript.remarks()).containsExactly("<…>");
    }

    @Test
    void consecutiveLabelsOfTheSameSpeakerFormOneTurn() {
        String html = article("<p><b>Vladimir Putin:</b> First.</p><p><b>Vladimir Putin:</b> Second.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).singleElement()
                .satisfies(s -> assertThat(s.paragraphs()).containsExactly("First.", "Second."));
    }

    @Test
    void sectionSeparatorEndsTheTurnAndNarrativeAfterItIsNotSpeech() {
        String html = article("<p><b>Vladimir Putin:</b> Thank you.</p><p><b>* * *</b></p>"
                + "<p>Vladimir Putin also listened to reports.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(speech(transcript)).containsExactly("Thank you.");
    }

    @Test
    void kremlinPageGivesTitleWithoutSiteSuffixDateAndLocation() {
        String html = Corpus.doc("02-kremlin-mishustin-meeting.html");

        ExtractedTranscript transcript = extractor.extract(html, "text/html",
                "http://en.kremlin.ru/events/president/news/60476");

        assertThat(transcript.title()).isEqualTo("Meeting with Head of the Federal Taxation Service Mikhail Mishustin");
        assertThat(transcript.publishedAt()).isEqualTo("2019-05-06T17:05:00+03:00");
        assertThat(transcript.location()).isEqualTo("The Kremlin, Moscow");
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_TRANSCRIPT);
    }

    @Test
    void pageTitleLosesTheSiteSuffixWhenNoOtherTitleIsGiven() {
        String html = "<html><head><title>Meeting with Marine Le Pen • President of Russia</title></head>"
                + "<body><p><b>Vladimir Putin:</b> Hello.</p></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.title()).isEqualTo("Meeting with Marine Le Pen");
        assertThat(transcript.statements()).hasSize(1);
    }

    // --- the White House Markdown briefing -------------------------------------------------------------------------

    @Test
    void paragraphStartingWithPhraseAndColonIsNotASpeakerChange() {
        String briefing = Corpus.doc(GAGGLE);

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown", null);

        Statement opening = transcript.statements().get(0);
        assertThat(opening.speaker().name()).isEqualTo("Jen Psaki");
        assertThat(opening.paragraphs()).hasSize(13)
                .anyMatch(p -> p.startsWith("On the week ahead: Next week,"))
                .anyMatch(p -> p.startsWith("One last piece: The President,"));
    }

    @Test
    void qFollowedBySpacesWithoutColonIsAQuestionTurn() {
        String briefing = "MS. PSAKI:  Go ahead.\n\nQ    Why now?  Does the President plan\nto call?\n\n"
                + "MS. PSAKI:  Well, first.\n";

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Psaki", "Question", "Psaki");
        assertThat(transcript.statements().get(1).speaker().label()).isEqualTo("Q");
        assertThat(transcript.statements().get(1).paragraphs()).containsExactly("Why now? Does the President plan to call?");
    }

    @Test
    void pressSecretaryIsNamedFromTheTitleWhenTheLabelGivesOnlyASurname() {
        String briefing = Corpus.doc(GAGGLE);

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown; charset=utf-8", null);

        assertThat(transcript.statements()).filteredOn(s -> s.speaker().label().equals("MS. PSAKI"))
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.speaker().name()).isEqualTo("Jen Psaki");
                    assertThat(s.speaker().role()).isEqualTo("Press Secretary");
                });
    }

    @Test
    void frontMatterGivesTitleAndDateAndNeitherItNorTimeStampsBecomeSpeech() {
        String briefing = Corpus.doc(GAGGLE);

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown", null);

        assertThat(transcript.title())
                .isEqualTo("Press Gaggle by Press Secretary Jen Psaki Aboard Air Force One En Route Kalamazoo, MI");
        assertThat(transcript.publishedAt()).startsWith("2021-02-19");
        assertThat(speech(transcript)).noneMatch(p -> p.contains("source_url") || p.contains("P.M. EST")
                || p.contains("Aboard Air Force One"));
        assertThat(transcript.statements()).hasSize(83);
    }

    @Test
    void hardWrappedLinesAreJoinedWithOneSpaceAndMarkdownEscapesStayAsPublished() {
        String briefing = "MS. PSAKI:  We are working\nwith \\[companies\\] on\nit.\n";

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown", null);

        // the corpus conventions compare the text as published: a backslash escape is part of it (gold 16, 39, 40)
        assertThat(speech(transcript)).containsExactly("We are working with \\[companies\\] on it.");
    }

    @Test
    void inlineStageRemarkStaysInTheTextAndIsListedOnTheStatement() {
        String briefing = "MS. PSAKI:  I will ask the President. (Laughter.)  I will raise that.\n\nQ    (Inaudible.)\n";

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown", null);

        assertThat(transcript.statements().get(0).paragraphs())
                .containsExactly("I will ask the President. (Laughter.) I will raise that.");
        assertThat(transcript.statements().get(0).remarks()).containsExactly("(Laughter.)");
        assertThat(transcript.statements().get(1).paragraphs()).containsExactly("(Inaudible.)");
    }

    @Test
    void standaloneRemarkParagraphIsNotSpeech() {
        String text = "Title\n\nJohn Smith: Hello.\n\n(Applause.)\n\nJane Doe: Thanks.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.remarks()).containsExactly("(Applause.)");
        assertThat(speech(transcript)).containsExactly("Hello.", "Thanks.");
    }

    // --- the gold corpus ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("goldDocuments")
    void goldDocumentTurnsMatchTheirHandMadeAnnotation(String fileName) throws Exception {
        String body = Corpus.doc(fileName);
        JsonNode gold = EventJson.mapper().readTree(Corpus.read("/corpus/gold/" + goldName(fileName)));

        ExtractedTranscript transcript = extractor.extract(body, Corpus.contentTypeOf(fileName), null);

        JsonNode turns = gold.get("turns");
        assertThat(transcript.statements()).hasSize(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            JsonNode expected = turns.get(i);
            Statement actual = transcript.statements().get(i);
            String text = String.join(" ", actual.paragraphs());
            assertThat(actual.speaker().name()).as("speaker of turn %d", i + 1)
                    .isEqualTo(expected.get("speaker").asText());
            assertThat(actual.speaker().role()).as("role of turn %d", i + 1).isEqualTo(textOrNull(expected, "role"));
            assertThat(actual.annotation()).as("annotation of turn %d", i + 1)
                    .isEqualTo(textOrNull(expected, "annotation"));
            assertThat(actual.paragraphs()).as("paragraphs of turn %d", i + 1).hasSize(expected.get("paragraphs").asInt());
            assertThat(text).as("text of turn %d", i + 1)
                    .startsWith(expected.get("text_start").asText())
                    .endsWith(expected.get("text_end").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("goldDocuments")
    void goldDocumentTitleAndDateMatchTheirAnnotation(String fileName) throws Exception {
        String body = Corpus.doc(fileName);
        JsonNode gold = EventJson.mapper().readTree(Corpus.read("/corpus/gold/" + goldName(fileName)));

        ExtractedTranscript transcript = extractor.extract(body, Corpus.contentTypeOf(fileName), null);

        if (!fileName.equals(SEED)) {
            assertThat(transcript.title()).isEqualTo(gold.get("title").asText());
        }
        String published = textOrNull(gold, "published");
        if (published == null) {
            assertThat(transcript.publishedAt()).isNull();
        } else {
            assertThat(transcript.publishedAt()).startsWith(published);
        }
    }

    // --- robustness -----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("unlabelledPages")
    void everyUnlabelledKremlinPageParsesWithoutBoilerplateInSpeech(String id) {
        String html = Corpus.unlabelled(id);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/" + id);

        assertThat(transcript.title()).isNotBlank();
        assertThat(transcript.kind()).isIn(TranscriptParsed.KIND_TRANSCRIPT, TranscriptParsed.KIND_ADDRESS,
                TranscriptParsed.KIND_READOUT);
        assertThat(speech(transcript)).allSatisfy(p -> {
            assertThat(p).isNotBlank();
            BOILERPLATE.forEach(b -> assertThat(p).doesNotContain(b));
        });
        assertThat(transcript.statements()).allSatisfy(s -> assertThat(s.speaker().name()).isNotBlank());
    }

    @Test
    void pageWithoutDialogueYieldsNoTurnsAndIsAReadout() {
        String html = Corpus.unlabelled("28091");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).isEmpty();
        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_READOUT);
    }

    @Test
    void plainTextWithoutLabelsYieldsNoInventedTurns() {
        String text = "A title\n\nThe President spoke by telephone with the Prime Minister.\n\nThey discussed trade.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).isEmpty();
        assertThat(transcript.title()).isEqualTo("A title");
    }

    @Test
    void emptyBodyIsRefusedWithAReason() {
        assertThatThrownBy(() -> extractor.extract("  \n ", "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> extractor.extract(null, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class);
    }

    @Test
    void unsupportedOrMissingContentTypeIsRefusedWithAReason() {
        assertThatThrownBy(() -> extractor.extract("%PDF-1.4", "application/pdf", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("application/pdf");
        assertThatThrownBy(() -> extractor.extract("text", null, null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("content type");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void malformedInputNeitherHangsNorCrashes() {
        List<String> bodies = List.of("<p><b>", "<p><b>:</b></p>", "<html><body><p><b>A</b>:</p></body>",
                ":::", "Q", "---\ntitle: \"unterminated\n", "(((", "<…>", "* * *", "x".repeat(100_000) + ":");

        for (String body : bodies) {
            assertThat(extractor.extract(body, "text/html", null)).isNotNull();
            assertThat(extractor.extract(body, "text/plain", null)).isNotNull();
            assertThat(extractor.extract(body, "text/markdown", null)).isNotNull();
        }
    }

    @Test
    void largePathologicalDocumentIsParsedWithinSeconds() {
        String paragraph = "Mr Very Long Label Of Capitalised Words That Goes On And On (((( [[[[ <<< : ((( ";
        String text = (paragraph.repeat(20) + "\n\n").repeat(2_000);
        String html = "<p><b>" + paragraph.repeat(20) + "</b>" + paragraph + "</p>";

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            extractor.extract(text, "text/plain", null);
            extractor.extract(html.repeat(2_000), "text/html", null);
        });
    }

    // --- helpers -----------------------------------------------------------------------------------------------------------

    static Stream<String> goldDocuments() {
        return Corpus.GOLD_DOCUMENTS.stream();
    }

    static Stream<String> unlabelledPages() {
        return Corpus.UNLABELLED_PAGES.stream();
    }

    private static String goldName(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.')) + ".json";
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> speech(ExtractedTranscript transcript) {
        return transcript.statements().stream().flatMap(s -> s.paragraphs().stream()).toList();
    }

    private static String article(String paragraphs) {
        return "<html lang=\"en\"><head><title>T</title></head><body><article itemprop=\"articleBody\">" + paragraphs
                + "</article></body></html>";
    }
}
