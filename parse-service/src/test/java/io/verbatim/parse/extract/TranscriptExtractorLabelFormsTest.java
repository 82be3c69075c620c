package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The label forms that unseen transcripts use (issue 11), one group per class, on small made-up documents: role-first
 * labels, "Name, role" labels, the role travelling to every turn of its speaker, White House labels, a repeated label
 * after a narrative remark, and plain text that opens with its title and date.
 */
class TranscriptExtractorLabelFormsTest {

    private static final String KREMLIN = "http://en.kremlin.ru/events/president/news/1";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    // --- class 1: role-first labels ----------------------------------------------------------------------------------

    @Test
    void longRoleFirstLabelIsALabelWhoseTrailingPersonalNameIsTheSpeaker() {
        String html = kremlin("", "<p><b>President of Russia Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>Head of the Department of Regional Studies at the Moscow Institute of Economics Ivan Petrov:"
                + "</b> Mr President,</p><p>we are grateful.</p>"
                + "<p><b>Vladimir Putin:</b> Thank you.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::paragraphs).containsExactly(
                        tuple("Vladimir Putin", "President of Russia", List.of("Good afternoon.")),
                        tuple("Ivan Petrov",
                                "Head of the Department of Regional Studies at the Moscow Institute of Economics",
                                List.of("Mr President,", "we are grateful.")),
                        tuple("Vladimir Putin", "President of Russia", List.of("Thank you.")));
    }

    @Test
    void countryInBracketsAndPlaceNamesBeforeTheNameStayInTheRole() {
        String html = kremlin("", "<p><b>Director General of the Baltic Shipping Company (Latvia) Janis Ozols: </b>"
                + "Your Excellency.</p>"
                + "<p><b>Honorary Consul of Russia in Lyon Jean Dupont:</b> Thank you.</p>"
                + "<p><b>Minister of Culture of the Republic of Serbia Milan Jovic </b><i>(retranslated): </i>"
                + "Good evening.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation).containsExactly(
                        tuple("Janis Ozols", "Director General of the Baltic Shipping Company (Latvia)", null),
                        tuple("Jean Dupont", "Honorary Consul of Russia in Lyon", null),
                        tuple("Milan Jovic", "Minister of Culture of the Republic of Serbia", "retranslated"));
    }

    @Test
    void namesWithParticlesHyphensAndInitialsAreWholeNames() {
        String html = kremlin("", "<p><b>President of Syria Omar al-Haddad:</b> First.</p>"
                + "<p><b>Federal President of the Republic of Austria Karl Van der Berg:</b> Second.</p>"
                + "<p><b>Director-General of the International Solar Agency (ISA) Amir K. Nasser:</b> Third.</p>"
                + "<p><b>Chairman of the Board Jean-Pierre de la Fontaine:</b> Fourth.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(
                        tuple("Omar al-Haddad", "President of Syria"),
                        tuple("Karl Van der Berg", "Federal President of the Republic of Austria"),
                        tuple("Amir K. Nasser", "Director-General of the International Solar Agency (ISA)"),
                        tuple("Jean-Pierre de la Fontaine", "Chairman of the Board"));
    }

    @Test
    void capitalisedArticleBeforeAPlaceIsAConnectorAndALongAnswerNoteIsTheAnnotation() {
        String html = kremlin("", "<p><b>Speaker of The Moscow City Duma Oleg Rand:</b> A question.</p>"
                + "<p><b>Vladimir Putin</b> <i>(answering Oleg Rand, Speaker of The Moscow City Duma, and the deputies of"
                + " the City Duma):</i> An answer.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation).containsExactly(
                        tuple("Oleg Rand", "Speaker of The Moscow City Duma", null),
                        tuple("Vladimir Putin", null,
                                "answering Oleg Rand, Speaker of The Moscow City Duma, and the deputies of the City Duma"));
    }

    @Test
    void personCatalogueLinkInTheLabelMarksWhereTheNameStarts() {
        String html = kremlin("", "<p><b>Head of the Russian Post <a href=\"http://en.kremlin.ru/catalog/persons/9/events\""
                + " class=\"person_tag read__tag\">Anna Kovacs<span class=\"read__tooltip tooltip_person hidden\">"
                + " Kovacs Anna</span></a>:</b> Good afternoon.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Anna Kovacs", "Head of the Russian Post"));
    }

    @Test
    void leadListingAPersonWithTheRoleMarksWhereTheNameStarts() {
        String html = kremlin("The awards went to Lena Holt, Honorary Citizen of Saint Petersburg, and others.",
                "<p><b>Honorary Citizen of Saint Petersburg Lena Holt:</b> Thank you.</p>"
                        + "<p><b>President of Russia Vladimir Putin:</b> Congratulations.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Lena Holt", "Honorary Citizen of Saint Petersburg"),
                        tuple("Vladimir Putin", "President of Russia"));
    }

    @Test
    void nameInCapitalsAfterTheRoleIsTheSpeakerInTitleCase() {
        String html = kremlin("", "<p><b>Security Council Secretary PETER ORLOV:</b> Yes.</p>"
                + "<p><b>President of Russia Vladimir Putin:</b> Good.</p>"
                + "<p><b>Peter Orlov:</b> Indeed.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Peter Orlov", "Security Council Secretary"),
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Peter Orlov", "Security Council Secretary"));
    }

    // --- class 2: "Name, role" labels ------------------------------------------------------------------------------

    @Test
    void nameThenLowerCaseRoleAfterACommaSplitsIntoNameAndRole() {
        String html = kremlin("", "<p><b>Anna Smirnova, metrology engineer:</b> Good afternoon.</p>"
                + "<p><b>Vladimir Putin:</b> Hello.</p>"
                + "<p><b>Anna Smirnova:</b> We measure.</p>"
                + "<p><b>Oleg Brandt, Editor in Chief of Daily.ru:</b> A question.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Anna Smirnova", "metrology engineer"), tuple("Vladimir Putin", null),
                        tuple("Anna Smirnova", "metrology engineer"),
                        tuple("Oleg Brandt", "Editor in Chief of Daily.ru"));
    }

    @Test
    void roleBeforeTheNameAndRoleAfterTheCommaAreOneRole() {
        String html = kremlin("", "<p><b>Sports commentator Pavel Lind, ceremony moderator:</b> Welcome.</p>"
                + "<p><b>Pavel Lind:</b> Next.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Pavel Lind", "Sports commentator, ceremony moderator"));
    }

    // --- class 3: the role travels to every turn of its speaker --------------------------------------------------------

    @Test
    void roleOfTheFullestLabelTravelsToEveryTurnAndOnlyToThatPerson() {
        String html = kremlin("", "<p><b>Nurse Olga Kern, Tver Region:</b> First.</p>"
                + "<p><b>Vladimir Putin:</b> Reply.</p>"
                + "<p><b>Olga Kern:</b> Second.</p>"
                + "<p><b>Mira Kern:</b> I am her sister.</p>"
                + "<p><b>Question from Tver Region:</b> And we?</p>"
                + "<p><b>Question from Pskov Region:</b> And us?</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Olga Kern", "Nurse, Tver Region"), tuple("Vladimir Putin", null),
                        tuple("Olga Kern", "Nurse, Tver Region"), tuple("Mira Kern", null),
                        tuple("Question", null), tuple("Question", null));
    }

    @Test
    void nameGluedWithoutASpaceIsTheSameSpeakerAsItsSpacedForm() {
        String html = kremlin("", "<p><b>Television host Nina Vale:</b> First.</p>"
                + "<p><b>President of Russia Vladimir Putin:</b> Reply.</p>"
                + "<p><b>NinaVale:</b> Second.</p>"
                + "<p><b>VladimirPUTIN:</b> Reply again.</p>");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", KREMLIN);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Nina Vale", "Television host"), tuple("Vladimir Putin", "President of Russia"),
                        tuple("Nina Vale", "Television host"), tuple("Vladimir Putin", "President of Russia"));
    }

    // --- class 4: White House labels ----------------------------------------------------------------------------------

    @Test
    void officeInACapitalsLabelIsTheRoleAndTheSurnameTheSpeaker() {
        String text = "---\ntitle: \"Remarks by President Harris in Press Conference\"\ndate: 2024-05-02\n---\n\n"
                + "PRESIDENT HARRIS:  Good afternoon.\n\nQ    A question.\n\nPRESIDENT HARRIS:  An answer.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Harris", "President"), tuple("Question", null), tuple("Harris", "President"));
    }

    @Test
    void surnameLabelIsCompletedFromTheTitleWithTheOfficeTheTitleGivesAndWithoutHonorifics() {
        String text = "---\ntitle: \"Remarks by President Harris and H.E. Maria Lopez, President of the Republic of"
                + " Chile, at Press Conference\"\ndate: 2024-05-02\n---\n\n"
                + "PRESIDENT HARRIS:  Good afternoon.\n\n"
                + "PRESIDENT LOPEZ:  (As interpreted.)  Thank you, Madam President.\n\n"
                + "Q    A question.\n\nPRESIDENT LOPEZ:  An answer.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation, Statement::paragraphs).containsExactly(
                        tuple("Harris", "President", null, List.of("Good afternoon.")),
                        tuple("Maria Lopez", "President of the Republic of Chile", "as interpreted",
                                List.of("Thank you, Madam President.")),
                        tuple("Question", null, null, List.of("A question.")),
                        tuple("Maria Lopez", "President of the Republic of Chile", null, List.of("An answer.")));
    }

    @Test
    void oneWordModeratorAndAideLabelsStartTheirOwnTurns() {
        String text = "---\ntitle: \"Remarks by President Harris in Press Conference\"\n---\n\n"
                + "PRESIDENT HARRIS:  Thank you.\n\nMODERATOR:  (As interpreted.)  This concludes the\n"
                + "press conference.\n\nAIDE:  Thank you, everyone.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::annotation,
                Statement::paragraphs).containsExactly(
                        tuple("Harris", null, List.of("Thank you.")),
                        tuple("Moderator", "as interpreted", List.of("This concludes the press conference.")),
                        tuple("Aide", null, List.of("Thank you, everyone.")));
    }

    // --- class 5: a repeated label after a narrative remark starts a new turn --------------------------------------------

    @Test
    void labelAfterANarrativeParagraphStartsANewTurnForTheSameSpeaker() {
        String html = "<html><body><article><p><b>Mr. Smith:</b> I will not give way.</p>"
                + "<p>The Prime Minister rose—</p>"
                + "<p><b>Mr. Smith:</b> Let me finish.</p>"
                + "<p><b>Mr. Jones:</b> Order.</p></article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("Smith", List.of("I will not give way.")),
                        tuple("Smith", List.of("Let me finish.")), tuple("Jones", List.of("Order.")));
        assertThat(transcript.remarks()).containsExactly("The Prime Minister rose—");
    }

    @Test
    void memberIndicatingDissentIsANarrativeRemarkInPlainText() {
        String text = "Mr. Smith: The figures are clear.\n\nMr. Jones indicated dissent.\n\n"
                + "Mr. Smith: They are.\n\nMr. Jones: They are not.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), Statement::paragraphs)
                .containsExactly(tuple("Smith", List.of("The figures are clear.")),
                        tuple("Smith", List.of("They are.")), tuple("Jones", List.of("They are not.")));
        assertThat(transcript.remarks()).containsExactly("Mr. Jones indicated dissent.");
    }

    @Test
    void questionNumberAndEmptyAnchorsBeforeAHansardLabelAreNotSpeechAndTheLabelCounts() {
        String html = "<html><body><article><p><a class=\"anchor\" name=\"q1\"> </a>1. <a name=\"q2\"> </a>"
                + "<b>Mr Alan Price (Northfield) (Lab):</b> What progress has been made?</p>"
                + "<p><a name=\"q3\"> </a><b>The Minister for Roads (Ms Jane Cole):</b> Good progress.</p>"
                + "<p><a name=\"q4\"> </a>T2. [66881] <b>Mr Price:</b> Will she go further?</p>"
                + "</article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::paragraphs).containsExactly(
                        tuple("Alan Price", "Northfield (Lab)", List.of("What progress has been made?")),
                        tuple("Jane Cole", "The Minister for Roads", List.of("Good progress.")),
                        tuple("Alan Price", "Northfield (Lab)", List.of("Will she go further?")));
    }

    // --- class 6: plain text without front matter opens with its title and date ---------------------------------------

    @Test
    void titleAndDateLinesOpenAPlainTextWithoutFrontMatter() {
        String text = "Interview to Jane Doe\n\nMarch 3, 2023\n\nJane Doe: Thank you for coming.\n\n"
                + "Tom Reed: Thank you for having me.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isEqualTo("Interview to Jane Doe");
        assertThat(transcript.publishedAt()).isEqualTo("2023-03-03");
        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsExactly("Jane Doe",
                "Tom Reed");
    }

    @Test
    void titleAndDateOnConsecutiveLinesOfTheFirstBlockAreTitleAndDate() {
        String text = "Interview to Jane Doe\n12 April 2021\n\nJane Doe: Thank you for coming.\n\n"
                + "Tom Reed: Thank you for having me.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isEqualTo("Interview to Jane Doe");
        assertThat(transcript.publishedAt()).isEqualTo("2021-04-12");
        assertThat(transcript.statements()).hasSize(2);
    }

    @Test
    void aShortLineAfterTheFirstLabelIsSpeechAndNotATitle() {
        String text = "Jane Doe: Thank you for coming.\n\nMarch 3, 2023\n\nTom Reed: Thank you for having me.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.publishedAt()).isNull();
        assertThat(transcript.statements().get(0).paragraphs()).containsExactly("Thank you for coming.",
                "March 3, 2023");
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    /** A Kremlin page with the lead and the transcript paragraphs (also used by the other label-class tests). */
    static String kremlin(String lead, String paragraphs) {
        return "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Meeting\"></head><body>"
                + "<div class=\"read__lead\">" + lead + "</div>"
                + "<div itemprop=\"articleBody\" class=\"read__internal_content\">" + paragraphs + "</div>"
                + "</body></html>";
    }
}
