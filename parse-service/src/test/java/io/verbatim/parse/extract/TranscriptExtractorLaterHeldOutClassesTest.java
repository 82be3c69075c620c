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
 * the document's more frequent spelling. Fourth set (classes 20-24): a bold name whose bracketed annotation and colon
 * follow outside the bold is a label; a stage remark that ends a block separates it from the next label of the same
 * voice; the closing time line ends a White House text; an office noun ("Rector") is never the first word of a name;
 * a capitalised run right after a preposition is not a name without the page's evidence. Fifth set (classes 25-30):
 * an occupation before a name is the role; "Dmitry, Moscow" is a given name and a place; an annotation that the
 * italics close before a bold colon is the label's; an unnamed voice in bold without a colon before a stage remark is
 * a turn; a few plain-text label shapes among many bold labels are read out, not turns; romanisations of one name are
 * one speaker.
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

    // --- fourth held-out set ---------------------------------------------------------------------------------------

    @Test
    void boldNameWithItsAnnotationAndColonOutsideTheBoldIsALabel() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Good evening.</p>"
                + "<p><b>Hans Gruber</b> (<i>retranslated</i>): Good evening, Mr President,</p>"
                + "<p>let us begin with the economy.</p>"
                + "<p><b>Vladimir Putin:</b> Please.</p>"
                + "<p><b>Hans Gruber</b> <i>(retranslated)</i>:&nbsp;Thank you.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", null, List.of("Good evening.")),
                        tuple("Hans Gruber", "retranslated",
                                List.of("Good evening, Mr President,", "let us begin with the economy.")),
                        tuple("Vladimir Putin", null, List.of("Please.")),
                        tuple("Hans Gruber", "retranslated", List.of("Thank you.")));
    }

    @Test
    void boldRunFollowedByItalicsInBracketsWithoutAColonIsNotALabel() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Good evening.</p>"
                + "<p><b>Important</b> (<i>very much so</i>) and it goes on: as speech.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("Vladimir Putin",
                        List.of("Good evening.", "Important (very much so) and it goes on: as speech.")));
    }

    @Test
    void stageRemarkEndingABlockSeparatesItFromTheNextLabelOfTheSameVoice() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Was it a hard landing?</p>"
                + "<p><b>Remark</b>: It was. So, we know. <i>(Laughter.)</i></p>"
                + "<p><b>Remark</b>: Experimental aviation is like that.</p>"
                + "<p><b>Remark</b>: Every day.</p>"
                + "<p><b>Vladimir Putin:</b> I see. <i>(Applause.)</i></p>"
                + "<p><b>Vladimir Putin:</b> Let us go on.</p>"
                + "<p><b>Remark</b>: (Inaudible.)</p>"
                + "<p><b>Remark</b>: Thank you.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Vladimir Putin", List.of("Was it a hard landing?")),
                        tuple("Remark", List.of("It was. So, we know. (Laughter.)")),
                        // nothing between these two: one turn, as before
                        tuple("Remark", List.of("Experimental aviation is like that.", "Every day.")),
                        tuple("Vladimir Putin", List.of("I see. (Applause.)")),
                        tuple("Vladimir Putin", List.of("Let us go on.")),
                        // a block that is only the remark has no speech for it to follow: one turn
                        tuple("Remark", List.of("(Inaudible.)", "Thank you.")));
    }

    @Test
    void everythingAfterTheClosingTimeLineIsFurniture() {
        String text = "---\ntitle: \"Press Briefing by the Response Team\"\n---\n\n"
                + "Via Teleconference\n\n"
                + "11:10 A.M. EDT\n\n"
                + "MR. HOLT:  Good morning.\n\n"
                + "DR. LANE:  Thank you. That is all from me.\n\n"
                + "11:59 A.M. EDT\n\n"
                + "To view the slides,\nvisit: <https://example.org/slides.pdf>\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Holt", List.of("Good morning.")),
                        tuple("Lane", List.of("Thank you. That is all from me.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rector", "Dean", "Provost"})
    void officeNounBeforeTheNameIsPartOfTheRole(String office) {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> You have the floor.</p>"
                + "<p><b>Volga State University " + office + " Pavel Orlov:</b> Thank you, Mr President.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Pavel Orlov", "Volga State University " + office));
    }

    @Test
    void officeOnlyLabelEndingInCapitalisedWordsAfterAPrepositionIsTheSpeaker() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> The floor is yours.</p>"
                + "<p><b>Winner of the National Prize for Young Engineers:</b> Thank you.</p>"
                + "<p><b>Honorary Consul of Russia in Lyon Jean Dupont:</b> Merci.</p>"
                + "<p><b>Head of the Laboratory of Applied Optics Ivan Petrov:</b> Thank you.</p>"
                + "<p><b>Chairman of the Board Tomas Berg:</b> Indeed.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Winner of the National Prize for Young Engineers", null),
                        tuple("Jean Dupont", "Honorary Consul of Russia in Lyon"),
                        tuple("Ivan Petrov", "Head of the Laboratory of Applied Optics"),
                        tuple("Tomas Berg", "Chairman of the Board"));
    }

    // --- fifth held-out set ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Paramedic", "Nezavisimaya Gazeta Chief Editor", "Teacher", "Volunteer"})
    void occupationBeforeATwoWordNameIsTheRole(String occupation) {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Go ahead, please.</p>"
                + "<p><b>" + occupation + " Natalya Osipova:</b> You said that wages have gone up.</p>"
                + "<p><b>Vladimir Putin:</b> They have.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        // no bare "Natalya Osipova:" label marks where the name starts: the occupation word does
        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Natalya Osipova", occupation),
                        tuple("Vladimir Putin", "President of Russia"));
    }

    @Test
    void threeNameWordsWithoutAnOccupationStayOneName() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Welcome.</p>"
                + "<p><b>Recep Tayyip Erdogan</b> <i>(retranslated)</i><b>:</b> Thank you.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", null), tuple("Recep Tayyip Erdogan", null));
    }

    @Test
    void givenNameAloneBeforeACommaIsTheNameAndWhatFollowsItTheRole() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Let us take a call.</p>"
                + "<p><b>Dmitry, Moscow:</b> Good afternoon, Mr President.</p>"
                + "<p><b>Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>Lipetsk, Yevgeny Zaitsev:</b> We are equity holders.</p>"
                + "<p><b>Natalya Yuryeva, Channel One Russia:</b> One more message.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Dmitry", "Moscow"),
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Yevgeny Zaitsev", "Lipetsk"),
                        tuple("Natalya Yuryeva", "Channel One Russia"));
    }

    @Test
    void annotationClosedInsideTheItalicsBeforeABoldColonIsTheLabels() {
        String html = kremlin("<p><b>President of Russia Vladimir Putin:</b> Hello and thank you.</p>"
                + "<p><b>Volunteer </b>(<i>Passes a document to the President.)</i><b>:</b> This is the list.</p>"
                + "<p><b>Vladimir Putin:</b> Thank you.</p>"
                + "<p><b>Anna Orlova </b>(<i>retranslated)</i>: Good evening.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", null, List.of("Hello and thank you.")),
                        tuple("Volunteer", "Passes a document to the President", List.of("This is the list.")),
                        tuple("Vladimir Putin", null, List.of("Thank you.")),
                        tuple("Anna Orlova", "retranslated", List.of("Good evening.")));
    }

    @Test
    void unnamedVoiceInBoldWithoutAColonBeforeAStageRemarkIsATurnOfItsOwn() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Does anyone object?</p>"
                + "<p><b>REPLY</b> (<i>without a microphone</i>).</p>"
                + "<p><b>Vladimir Putin:</b> Visas are another matter.</p>"
                + "<p><b>Important</b> (<i>very much so</i>), and it goes on as speech.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(
                        tuple("Vladimir Putin", List.of("Does anyone object?")),
                        tuple("Reply", List.of("(without a microphone).")),
                        tuple("Vladimir Putin", List.of("Visas are another matter.",
                                "Important (very much so), and it goes on as speech.")));
    }

    @Test
    void plainTextLabelShapesAmongManyBoldLabelsAreReadOutByTheTurnTheyStandIn() {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            paragraphs.append("<p><b>Maria Sittel:</b> Next message ").append(i).append(".</p>")
                    .append("<p><b>Vladimir Putin:</b> Answer ").append(i).append(".</p>");
        }
        paragraphs.append("<p><b>Maria Sittel:</b> Two more from the website.</p>")
                .append("<p>Question: Are you considering a successor?</p>")
                .append("<p>Lipetsk, Yevgeny Zaitsev: “About 1,500 equity holders are looking to you.”</p>")
                .append("<p><b>Vladimir Putin:</b> No.</p>");

        ExtractedTranscript transcript = extractor.extract(kremlin(paragraphs.toString()), "text/html", KREMLIN);

        assertThat(transcript.statements()).hasSize(22);
        assertThat(transcript.statements().get(20).paragraphs()).containsExactly("Two more from the website.",
                "Question: Are you considering a successor?",
                "Lipetsk, Yevgeny Zaitsev: “About 1,500 equity holders are looking to you.”");
    }

    @Test
    void plainTextLabelsThatAreAFairShareOfThePagesLabelsAreStillLabels() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Colleagues, good afternoon.</p>"
                + "<p><b>Alexei Machnev:</b> Thank you.</p>"
                + "<p>Vladimir Putin (answering Alexei Machnev): Of course.</p>"
                + "<p><b>Lyudmila Babushkina:</b> Good afternoon.</p>"
                + "<p>Vladimir Putin (answering Lyudmila Babushkina): Agreed.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation)
                .containsExactly(
                        tuple("Vladimir Putin", null),
                        tuple("Alexei Machnev", null),
                        tuple("Vladimir Putin", "answering Alexei Machnev"),
                        tuple("Lyudmila Babushkina", null),
                        tuple("Vladimir Putin", "answering Lyudmila Babushkina"));
    }

    @Test
    void romanisationsOfOneNameAreOneSpeakerUnderTheMostFrequentSpelling() {
        String html = kremlin("<p><b>Kirill Kleymenov:</b> Good afternoon.</p>"
                + "<p><b>Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>Kirill Kleimyonov:</b> Let us call the minister.</p>"
                + "<p><b>Vladimir Putin:</b> Please.</p>"
                + "<p><b>Kirill Kleymenov:</b> And now the regions.</p>"
                + "<p><b>Sergei Dyomin:</b> I am from Omsk.</p>"
                + "<p><b>Vladimir Putin:</b> Yes.</p>"
                + "<p><b>Sergei Demin:</b> We have no road.</p>"
                + "<p><b>Vladimir Putin:</b> I see.</p>"
                + "<p><b>Sergei Demin:</b> Thank you.</p>"
                + "<p><b>Olga Demina:</b> And the school?</p>"
                + "<p><b>Aleksei Kudrin:</b> And the budget.</p>"
                + "<p><b>Vladimir Putin:</b> Yes.</p>"
                + "<p><b>Alexei Kudrin:</b> Thank you.</p>"
                + "<p><b>Vladimir Putin:</b> Yes.</p>"
                + "<p><b>Alexei Kudrin:</b> Indeed.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().label())
                .containsExactly(
                        tuple("Kirill Kleymenov", "Kirill Kleymenov"),
                        tuple("Vladimir Putin", "Vladimir Putin"),
                        // the verbatim label keeps the page's spelling
                        tuple("Kirill Kleymenov", "Kirill Kleimyonov"),
                        tuple("Vladimir Putin", "Vladimir Putin"),
                        tuple("Kirill Kleymenov", "Kirill Kleymenov"),
                        tuple("Sergei Demin", "Sergei Dyomin"),
                        tuple("Vladimir Putin", "Vladimir Putin"),
                        tuple("Sergei Demin", "Sergei Demin"),
                        tuple("Vladimir Putin", "Vladimir Putin"),
                        tuple("Sergei Demin", "Sergei Demin"),
                        tuple("Olga Demina", "Olga Demina"),
                        tuple("Alexei Kudrin", "Aleksei Kudrin"),
                        tuple("Vladimir Putin", "Vladimir Putin"),
                        tuple("Alexei Kudrin", "Alexei Kudrin"),
                        tuple("Vladimir Putin", "Vladimir Putin"),
                        tuple("Alexei Kudrin", "Alexei Kudrin"));
    }

    // --- the review of classes 25-30: where they must not reach ---------------------------------------------------

    @Test
    void occupationWordEndingANameIsASurname() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Welcome.</p>"
                + "<p><b>Paul Nurse, President of the Royal Society:</b> Thank you.</p>"
                + "<p><b>Ken Doctor, media analyst:</b> Good evening.</p>"
                + "<p><b>Royal Society President Paul Nurse:</b> One more point.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Vladimir Putin", null),
                        tuple("Paul Nurse", "President of the Royal Society"),
                        tuple("Ken Doctor", "media analyst"),
                        tuple("Paul Nurse", "President of the Royal Society"));
    }

    @Test
    void callersWhoShareAGivenNameAreDifferentSpeakers() {
        String html = kremlin("<p><b>Dmitry Peskov:</b> We have callers.</p>"
                + "<p><b>Dmitry, Moscow:</b> Good afternoon.</p>"
                + "<p><b>Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>Dmitry, Omsk:</b> Hello.</p>"
                + "<p><b>Yelena, Moscow:</b> Hello.</p>"
                + "<p><b>Elena, Kazan:</b> Hello.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Dmitry Peskov", null),
                        tuple("Dmitry", "Moscow"),
                        tuple("Vladimir Putin", null),
                        tuple("Dmitry", "Omsk"),
                        tuple("Yelena", "Moscow"),
                        tuple("Elena", "Kazan"));
    }

    @Test
    void surnamesAloneInOtherSpellingsAreDifferentPeople() {
        String text = "---\ntitle: \"Press Conference\"\n---\n\n"
                + "MR. PRICE:  Hello.\n\nMS. PRYCE:  Thanks.\n\nMR. PRICE:  Yes.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Price", "Pryce", "Price");
    }

    @Test
    void labelThatThePageAlsoWritesInBoldIsALabelWithItsBoldLostEvenOnALongPage() {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            paragraphs.append("<p><b>Anna Ivanova:</b> Question ").append(i).append("?</p>")
                    .append("<p><b>Vladimir Putin:</b> Answer ").append(i).append(".</p>");
        }
        paragraphs.append("<p><b>Anna Ivanova:</b> And housing?</p>")
                .append("<p>Vladimir Putin: Housing comes first.</p>")
                .append("<p><b>Anna Ivanova:</b> And roads?</p>")
                .append("<p>Vladimir Putin: Roads as well.</p>");

        ExtractedTranscript transcript = extractor.extract(kremlin(paragraphs.toString()), "text/html", KREMLIN);

        assertThat(transcript.statements()).hasSize(44);
        assertThat(transcript.statements().subList(40, 44)).extracting(s -> s.speaker().name(),
                Statement::paragraphs).containsExactly(
                        tuple("Anna Ivanova", List.of("And housing?")),
                        tuple("Vladimir Putin", List.of("Housing comes first.")),
                        tuple("Anna Ivanova", List.of("And roads?")),
                        tuple("Vladimir Putin", List.of("Roads as well.")));
    }

    @Test
    void annotationWhoseBracketClosesOutsideTheItalicsBeforeABoldColonIsTheLabels() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Hello.</p>"
                + "<p><b>Volunteer</b> (<i>Passes a document.</i>)<b>:</b> This is the list.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", null, List.of("Hello.")),
                        tuple("Volunteer", "Passes a document", List.of("This is the list.")));
    }

    @Test
    void unnamedVoiceWithoutAColonNeverTakesAnotherLabelOfItsParagraph() {
        String html = kremlin("<p><b>Vladimir Putin:</b> Does anyone object?</p>"
                + "<p><b>Remark</b> (<i>inaudible</i>). <b>Vladimir Putin:</b> Yes.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).doesNotContain("Remark");
    }

    private static String kremlin(String paragraphs) {
        return TranscriptExtractorLabelFormsTest.kremlin("", paragraphs);
    }
}
