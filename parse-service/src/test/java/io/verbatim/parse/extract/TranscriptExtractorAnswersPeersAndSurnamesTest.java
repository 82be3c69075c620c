package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes 49-51 (issue 11), shapes of label that the held-out documents did not have but the kinds of transcript the
 * issue names do. Class 49: in questions and answers, "A:" answers "Q:" and is the person the title names after
 * "Interview with"; class 50: the House of Lords names peers by their title ("Baroness Hayman (CB)"); class 51: a
 * surname of several words ("PRESIDENT LÓPEZ OBRADOR:", "PRESIDENT VON DER LEYEN:") is completed from the title like a
 * surname of one.
 */
class TranscriptExtractorAnswersPeersAndSurnamesTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    // --- class 49: "A:" after "Q:" -----------------------------------------------------------------------------------

    @Test
    void anAnswerInPlainTextIsThePersonTheTitleSaysIsInterviewed() {
        String text = "Interview with Maria Ressa\n\nMarch 3, 2023\n\nQ: You have spent years in court. Why keep going?"
                + "\n\nA: Because the alternative is worse.\n\nIf we stop, they win.\n\nQ: Do you ever feel afraid?\n\n"
                + "A: Every day.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.title()).isEqualTo("Interview with Maria Ressa");
        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size(), s -> s.paragraphs().get(0))
                .containsExactly(
                        tuple("Question", 1, "You have spent years in court. Why keep going?"),
                        tuple("Maria Ressa", 2, "Because the alternative is worse."),
                        tuple("Question", 1, "Do you ever feel afraid?"),
                        tuple("Maria Ressa", 1, "Every day."));
    }

    @Test
    void anAnswerAfterADotAnswersAQuestionAfterADot() {
        String text = "Interview with Maria Ressa\n\nQ. Why keep going?\n\nA. Because the alternative is worse.\n\n"
                + "Q. Afraid?\n\nA. Every day.\n";
        String noQuestions = "Minutes\n\nJane Doe: The list of speakers.\n\nA. Smith spoke first.\n\nJohn Roe: Thank"
                + " you.\n";

        assertThat(extractor.extract(text, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Question", "Maria Ressa", "Question", "Maria Ressa");
        assertThat(extractor.extract(noQuestions, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Jane Doe", 2), tuple("John Roe", 1));
    }

    @Test
    void boldAnswerLabelsInHtmlFollowTheSameRule() {
        String html = "<html><head><title>In conversation with Ann Jones</title></head><body><article>"
                + "<h1>In conversation with Ann Jones</h1><p><strong>Q:</strong> Where did the book start?</p>"
                + "<p><strong>A:</strong> In a kitchen in Leeds.</p><p>It took ten years.</p>"
                + "<p><strong>Q:</strong> Why so long?</p><p><strong>A:</strong> Life.</p></article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Question", 1), tuple("Ann Jones", 2), tuple("Question", 1),
                        tuple("Ann Jones", 1));
    }

    @Test
    void anAnswerWhoseTitleNamesNoOneIsAnswer() {
        String text = "Q&A: what the new rules mean for renters\n\nQ: Who is covered?\n\nA: Every tenant with a lease of"
                + " more than six months.\n\nQ: When does it start?\n\nA: In April.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Question", "Answer", "Question", "Answer");
    }

    @Test
    void anALabelWithoutQuestionsIsNoVoice() {
        String text = "Grading notes\n\nA: excellent work throughout the term.\n\nB: good work with some gaps.\n\n"
                + "A: awarded to four students.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).isEmpty();
    }

    @Test
    void theIntervieweeIsATitlesPersonalNameOnly() {
        assertThat(SpeakerResolver.intervieweeOf("Interview with Maria Ressa")).isEqualTo("Maria Ressa");
        assertThat(SpeakerResolver.intervieweeOf("An interview with Jean-Luc de la Tour, in Paris"))
                .isEqualTo("Jean-Luc de la Tour");
        assertThat(SpeakerResolver.intervieweeOf("A conversation with Ruth Jones’s editor")).isEqualTo("Ruth Jones");
        assertThat(SpeakerResolver.intervieweeOf("Interview with the mayor")).isNull();
        assertThat(SpeakerResolver.intervieweeOf("Interview with Madonna")).isNull();
        assertThat(SpeakerResolver.intervieweeOf("Maria Ressa on press freedom")).isNull();
    }

    // --- class 50: the House of Lords ------------------------------------------------------------------------------

    @Test
    void peersKeepTheirTitleAndThePartyIsTheirRole() {
        String html = "<html><head><title>Energy Prices</title></head><body><main><article><h1>Energy Prices</h1>"
                + "<div class=\"entry-content\">"
                + "<p><strong>Baroness Hayman (CB):</strong> To ask His Majesty’s Government what steps they take.</p>"
                + "<p><strong>The Minister of State, Department for Energy Security and Net Zero (Lord Callanan) (Con):"
                + "</strong> My Lords, we have taken action.</p>"
                + "<p><strong>Baroness Smith of Basildon (Lab):</strong> My Lords, the Minister will know.</p>"
                + "<p><strong>The Lord Bishop of St Albans:</strong> My Lords, rural households pay more.</p>"
                + "<p><strong>Lord Callanan:</strong> The right reverend Prelate makes a good point.</p>"
                + "<p><strong>Noble Lords:</strong> Hear, hear!</p>"
                + "<p><strong>Lord Newby (LD):</strong> My Lords, will the Minister agree?</p>"
                + "</div></article></main></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation).containsExactly(
                        tuple("Baroness Hayman", "CB", null),
                        tuple("Lord Callanan", "The Minister of State, Department for Energy Security and Net Zero",
                                null),
                        tuple("Baroness Smith of Basildon", "Lab", null),
                        tuple("The Lord Bishop of St Albans", null, null),
                        tuple("Lord Callanan", "The Minister of State, Department for Energy Security and Net Zero",
                                null),
                        tuple("Noble Lords", null, null),
                        tuple("Lord Newby", "LD", null));
    }

    @Test
    void aPeerageTitleIsANameOnlyBeforeASurname() {
        assertThat(SpeakerLabelParser.isPeerName("Lord True")).isTrue();
        assertThat(SpeakerLabelParser.isPeerName("Baroness Smith of Basildon")).isTrue();
        assertThat(SpeakerLabelParser.isPeerName("The Earl of Kinnoull")).isTrue();
        assertThat(SpeakerLabelParser.isPeerName("The Lord Advocate")).isFalse();
        assertThat(SpeakerLabelParser.isPeerName("Lord Peter Mandelson")).isFalse();
        assertThat(SpeakerLabelParser.isPeerName("Lady Nancy Astor")).isFalse();
        assertThat(SpeakerLabelParser.isPeerName("Lord")).isFalse();
        assertThat(SpeakerResolver.withoutHonorific("Sir Edward Leigh")).isEqualTo("Edward Leigh");
        assertThat(SpeakerResolver.withoutHonorific("Lord Peter Mandelson")).isEqualTo("Peter Mandelson");
    }

    // --- class 51: surnames of several words --------------------------------------------------------------------

    @Test
    void aSurnameOfTwoWordsIsCompletedWithTwoGivenNamesFromTheTitle() {
        String text = "---\ntitle: \"Remarks by President Biden and President Andrés Manuel López Obrador of Mexico"
                + " Before Bilateral Meeting\"\ndate: 2023-01-10\n---\n\nPRESIDENT LÓPEZ OBRADOR: (As interpreted.)"
                + " Welcome, President Biden.\n\nPRESIDENT BIDEN: Thank you, Mr. President.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation).containsExactly(
                        tuple("Andrés Manuel López Obrador", "President", "as interpreted"),
                        tuple("Biden", "President", null));
    }

    @Test
    void aSurnameTheTitleContinuesWithAParticleIsOnePerson() {
        String text = "---\ntitle: \"Remarks by President Biden and President Luiz Inácio Lula da Silva of Brazil"
                + " Before Bilateral Meeting\"\n---\n\nPRESIDENT BIDEN: Welcome.\n\nPRESIDENT LULA DA SILVA: (As"
                + " interpreted.) Thank you.\n\nPRESIDENT BIDEN: Good.\n\nPRESIDENT LULA: (As interpreted.) Yes.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Biden", "President"), tuple("Luiz Inácio Lula da Silva", "President"),
                        tuple("Biden", "President"), tuple("Luiz Inácio Lula da Silva", "President"));
    }

    @Test
    void anOfficeBeforeASurnameThatOpensWithAParticleIsTheRole() {
        String text = "# Joint press statements by President von der Leyen and Prime Minister Kishida\n\n"
                + "PRESIDENT VON DER LEYEN: Thank you very much, Prime Minister.\n\nPRIME MINISTER KISHIDA: (As"
                + " interpreted.) It is a great pleasure.\n\nQ: Will you sign?\n\nVON DER LEYEN: We will sign today.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("von der Leyen", "President"), tuple("Kishida", "Prime Minister"),
                        tuple("Question", null), tuple("von der Leyen", "President"));
    }

    @Test
    void aFullNameAfterAPlaceIsNotLengthenedByTheTitle() {
        String html = "<html><head><title>Meeting with Prime Minister of Bavaria Horst Seehofer</title></head><body>"
                + "<article><p><b>Vladimir Putin:</b> Welcome.</p><p><b>Prime Minister of Bavaria Horst Seehofer:</b>"
                + " Thank you.</p><p><b>Vladimir Putin:</b> Please.</p><p><b>Horst Seehofer:</b> Indeed.</p>"
                + "</article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", null), tuple("Horst Seehofer", "Prime Minister of Bavaria"),
                        tuple("Vladimir Putin", null), tuple("Horst Seehofer", "Prime Minister of Bavaria"));
    }

    @Test
    void aLabelThatOpensWithAParticleIsALabel() {
        String html = "<html><head><title>Press statements in Kyiv</title></head><body><article><h1>Press statements"
                + "</h1><p><b>von der Leyen:</b> Dear Volodymyr, it is good to be back in Kyiv.</p>"
                + "<p><b>Zelenskyy:</b> Thank you, Ursula.</p><p><b>von der Leyen:</b> We stand with you.</p>"
                + "<p><b>al-Sudani:</b> Iraq too.</p><p><b>Zelenskyy:</b> Thank you.</p>"
                + "<p><b>al-Sudani:</b> And more.</p></article></body></html>";
        String text = "Press statements in Kyiv\n\nUrsula von der Leyen: Dear Volodymyr, it is good to be back.\n\n"
                + "Volodymyr Zelenskyy: Thank you.\n\nvon der Leyen: We stand with you.\n\nde facto: not a label.\n";

        assertThat(extractor.extract(html, "text/html", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().get(0))
                .containsExactly(tuple("von der Leyen", "Dear Volodymyr, it is good to be back in Kyiv."),
                        tuple("Zelenskyy", "Thank you, Ursula."), tuple("von der Leyen", "We stand with you."),
                        tuple("al-Sudani", "Iraq too."), tuple("Zelenskyy", "Thank you."),
                        tuple("al-Sudani", "And more."));
        assertThat(extractor.extract(text, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Ursula von der Leyen", 1), tuple("Volodymyr Zelenskyy", 1),
                        tuple("Ursula von der Leyen", 2));
    }

    @Test
    void aParticleInsideARoleFirstNameKeepsTheWordBeforeIt() {
        String html = "<html><head><title>Talks</title></head><body><div class=\"read__content\">"
                + "<p><b>Vladimir Putin:</b> Your Royal Highness, welcome.</p>"
                + "<p><b>Crown Prince and Prime Minister of Saudi Arabia Mohammed bin Salman Al Saud</b>"
                + " (<i>retranslated</i>): Thank you, Mr President.</p><p><b>Vladimir Putin:</b> Please.</p>"
                + "<p><b>Chairman of the Board of Banco de Brasil Joao Silva:</b> Thank you.</p></div></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", null),
                        tuple("Mohammed bin Salman Al Saud", "Crown Prince and Prime Minister of Saudi Arabia"),
                        tuple("Vladimir Putin", null), tuple("Joao Silva", "Chairman of the Board of Banco de Brasil"));
    }

    // --- class 48 continued: initials that spell a word -------------------------------------------------------------

    @Test
    void initialsThatSpellAWordNameTheSpeakerAfterTheFullNameHasSpoken() {
        String text = "Ali Smith on writing seasons\n\nAli Smith: Thank you for having me.\n\nJo Bell: Let us start with"
                + " Autumn.\n\nAS: It began in a kitchen.\n\nJB: And the title?\n\nAS: It came last.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs().get(0))
                .containsExactly(tuple("Ali Smith", "Thank you for having me."),
                        tuple("Jo Bell", "Let us start with Autumn."), tuple("Ali Smith", "It began in a kitchen."),
                        tuple("Jo Bell", "And the title?"), tuple("Ali Smith", "It came last."));
    }

    @Test
    void aMemoHeaderThatSpellsInitialsBeforeTheFullNameIsNoLabel() {
        String text = "Office memo\n\nTO: All staff\n\nFROM: Ann Owens\n\nON: Monday\n\nTom Owens: I will be"
                + " away.\n\nTO: the board, again.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Tom Owens", List.of("I will be away.", "TO: the board, again.")));
    }

    // --- what the tenth review found (made-up pages aimed at classes 49-51) ---------------------------------------

    @Test
    void aQuizsLetteredOptionsAreNoAnswers() {
        String text = "Friday quiz\n\nHOST: First question.\n\nQ: Which planet has the most known moons?\n\nA: Jupiter"
                + "\n\nB: Saturn\n\nC: Uranus\n\nHOST: The answer is Saturn.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Host", 1), tuple("Question", 4), tuple("Host", 1));
    }

    @Test
    void theIntervieweeIsNeverTheInterviewerOrABroadcasterOrAHeadlinesWords() {
        assertThat(SpeakerResolver.intervieweeOf("Transcript of Vladimir Putin's interview with Tucker Carlson"))
                .isNull();
        assertThat(SpeakerResolver.intervieweeOf("Interview with Sky News")).isNull();
        assertThat(SpeakerResolver.intervieweeOf("Interview with Al Jazeera")).isNull();
        assertThat(SpeakerResolver.intervieweeOf("In Conversation With Zadie Smith On Writing")).isEqualTo("Zadie Smith");
        assertThat(SpeakerResolver.intervieweeOf("Q&A With Mayor Eric Adams")).isEqualTo("Eric Adams");
        assertThat(SpeakerResolver.intervieweeOf("Fireside Chat With Microsoft CEO Satya Nadella"))
                .isEqualTo("Satya Nadella");
    }

    @Test
    void aFullNameLabelIsNotLengthenedByTheHeadlineAfterIt() {
        String text = "---\ntitle: \"Vladimir Putin and Emmanuel Macron Hold Talks\"\n---\n\nVladimir Putin: Welcome."
                + "\n\nEmmanuel Macron: Thank you.\n\nVladimir Putin: Please.\n";
        String gilbert = "An evening with Dame Professor Sarah Gilbert\n\nHOST: Welcome.\n\nPROFESSOR GILBERT: Thank"
                + " you.\n\nHOST: Tell us more.\n\nPROFESSOR GILBERT: Gladly.\n";

        assertThat(extractor.extract(text, "text/markdown", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Vladimir Putin", "Emmanuel Macron", "Vladimir Putin");
        assertThat(extractor.extract(gilbert, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Host", "Sarah Gilbert", "Host", "Sarah Gilbert");
    }

    @Test
    void anOfficeAloneInCapitalsIsALabel() {
        String text = "Lecture and questions\n\nCHAIR: Good evening, everyone.\n\nPROFESSOR GILBERT: Thank you.\n\n"
                + "CHAIR: Questions, please.\n\nChair: of the committee since 2019, a post she still holds.\n";

        assertThat(extractor.extract(text, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Chair", 1), tuple("Gilbert", 1), tuple("Chair", 2));
    }

    @Test
    void aListItemThatOpensWithAParticleStaysSpeech() {
        String text = "Art thefts\n\nJane Doe: Three painters lead the list.\n\nvan Gogh: more than forty thefts"
                + " since 1900.\n\nda Vinci: one, but the most famous.\n\nJohn Roe: Thank you.\n";
        String html = "<html><head><title>Auction</title></head><body><article><p><b>Jane Doe:</b> Two lots.</p>"
                + "<p><b>van Gogh:</b> a late landscape.</p><p><b>John Roe:</b> Thank you.</p></article></body></html>";

        assertThat(extractor.extract(text, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Jane Doe", 3), tuple("John Roe", 1));
        assertThat(extractor.extract(html, "text/html", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Jane Doe", List.of("Two lots.", "van Gogh: a late landscape.")),
                        tuple("John Roe", List.of("Thank you.")));
    }

    @Test
    void anOfficeOfTheLordIsAnOfficeAndItsHolderTheSpeaker() {
        String text = "Lords questions\n\nThe Lord Privy Seal (Lord True) (Con): My Lords, I beg to move.\n\n"
                + "The Lord Chancellor (Alex Chalk): I agree.\n\nLord True: I thank him.\n\nLADY ROSE: A question.\n\n"
                + "The Lord Advocate (Dorothy Bain): The Crown Office agrees.\n\n"
                + "Lord Ahmad of Wimbledon (United Kingdom): We welcome it.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role(),
                Statement::annotation).containsExactly(
                        tuple("Lord True", "The Lord Privy Seal", null),
                        tuple("Alex Chalk", "The Lord Chancellor", null),
                        tuple("Lord True", "The Lord Privy Seal", null),
                        tuple("Lady Rose", null, null),
                        tuple("Dorothy Bain", "The Lord Advocate", null),
                        tuple("Lord Ahmad of Wimbledon", null, "United Kingdom"));
    }

    // --- class 53: officials without a name -------------------------------------------------------------------------

    @Test
    void aFirstAndASecondOfficialAreTwoSpeakersThatKeepTheirLabels() {
        String text = "---\ntitle: \"Background Press Call by Senior Administration Officials\"\n---\n\nMODERATOR:"
                + " Thanks for joining.\n\nSENIOR ADMINISTRATION OFFICIAL: Let me start with the schedule.\n\nQ: What"
                + " about the bilateral?\n\nSENIOR ADMINISTRATION OFFICIAL: Tuesday.\n\nSECOND SENIOR ADMINISTRATION"
                + " OFFICIAL: I would add one thing.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/markdown", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Moderator", null), tuple("Senior Administration Official", null),
                        tuple("Question", null), tuple("Senior Administration Official", null),
                        tuple("Second Senior Administration Official", null));
    }

    // --- the eleventh review: what classes 49, 52 and 53 must not take -----------------------------------------------

    @Test
    void aProgrammesOfficesAndPanelistsAreCreditsNotVoices() {
        String programme = "Conference programme\n\n09:30 Opening remarks\n\nSPEAKER: Dr Ann Lee, Director of Public"
                + " Health\n\nCHAIR: Professor Tom Reed, University of Salford\n\nPANELIST: Cllr Maya Patel\n\n"
                + "PANELIST: James Okafor, Shelter\n\nSPEAKER: Professor Sarah Whitty\n\n15:00 Close\n";
        String officers = "Rowing club AGM\n\nPRESIDENT: Margaret Hill\n\nSECRETARY: Jane Doe\n\nCHAIR: David Owusu\n\n"
                + "Margaret Hill: We have two quotes.\n\nTom Grant: Then take the second.\n";
        String quiz = "Quiz night\n\nHOST: Welcome back.\n\nCONTESTANT: Hello.\n\nHOST: In which year did the wall"
                + " fall?\n\nCONTESTANT: 1989.\n";

        assertThat(extractor.extract(programme, "text/plain", null).statements()).isEmpty();
        assertThat(extractor.extract(officers, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Margaret Hill", List.of("We have two quotes.")),
                        tuple("Tom Grant", List.of("Then take the second.")));
        assertThat(extractor.extract(quiz, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Host", "Contestant", "Host", "Contestant");
    }

    @Test
    void anOfficialWhomTheLabelNamesIsAPersonWithARole() {
        String cnn = "The Situation Room\n\nWOLF BLITZER, CNN ANCHOR: Joining us now, Miles Taylor.\n\n"
                + "MILES TAYLOR, FORMER TRUMP ADMINISTRATION OFFICIAL: Thanks, Wolf.\n\nBLITZER: What did you make of"
                + " it?\n\nTAYLOR: A warning.\n";
        String numbered = "Background briefing\n\nMODERATOR: Two officials today.\n\nSENIOR STATE DEPARTMENT OFFICIAL"
                + " ONE: The Secretary departs on Friday.\n\nSENIOR STATE DEPARTMENT OFFICIAL TWO: Consular issues.\n\n"
                + "Q: Will he meet the President?\n\nSENIOR STATE DEPARTMENT OFFICIAL ONE: Not yet decided.\n";

        assertThat(extractor.extract(cnn, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Wolf Blitzer", "Cnn Anchor"),
                        tuple("Miles Taylor", "Former Trump Administration Official"),
                        tuple("Wolf Blitzer", "Cnn Anchor"),
                        tuple("Miles Taylor", "Former Trump Administration Official"));
        assertThat(extractor.extract(numbered, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Moderator", null), tuple("Senior State Department Official One", null),
                        tuple("Senior State Department Official Two", null), tuple("Question", null),
                        tuple("Senior State Department Official One", null));
    }

    @Test
    void anADotThatIsAnInitialAListLetterOrNoAnswerToAQuestionIsText() {
        String initials = "Press briefing\n\nNed Price: One item at the top.\n\nQ. What is the lesson of the Libyan"
                + " case?\n\nNed Price: Networks, not states.\n\nA. Q. Khan's network sold designs to several"
                + " countries.\n\nQ. Thank you.\n";
        String quiz = "Pub quiz\n\nQ. What is the capital of Australia?\n\nA. Sydney\n\nB. Canberra\n\nQ. Which river"
                + " flows through Cairo?\n\nA. The Nile\n\nB. The Congo\n";
        String markdown = "---\ntitle: \"March on Washington\"\n---\n\nTHE PRESIDENT: Sixty years ago.\n\nA. Philip"
                + " Randolph said it first.\n\nQ Will you sign the bill?\n\nTHE PRESIDENT: The same day.\n";
        String once = "Deposition\n\nQ. Your name?\n\nA. Karen Blake.\n\nQ. And the date?\n\nMR. ORTIZ: Objection."
                + "\n\nA. Background to the case was set out above.\n";

        assertThat(extractor.extract(initials, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Ned Price", 1), tuple("Question", 1), tuple("Ned Price", 2),
                        tuple("Question", 1));
        assertThat(extractor.extract(quiz, "text/plain", null).statements())
                .extracting(s -> s.speaker().name()).containsOnly("Question");
        assertThat(extractor.extract(markdown, "text/markdown", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("The President", 2), tuple("Question", 1), tuple("The President", 1));
        assertThat(extractor.extract(once, "text/plain", null).statements())
                .extracting(s -> s.speaker().name()).doesNotContain("Answer");
    }

    // --- the twelfth review: credits, options in one block, and who is interviewed -------------------------------------

    @Test
    void aCreditAfterAnOfficeOrAnUnnamedVoiceIsNoTurnWhereverItStands() {
        String newsletter = "Allotment Society Newsletter\n\nPRESIDENT: Margaret Hill\n\nSECRETARY: Jane Doe\n\n"
                + "Jane Doe: How did you first get a plot?\n\nArthur Penn: My father had one.\n\nContacts\n\n"
                + "PRESIDENT: Margaret Hill, 01234 567890\n\nSECRETARY: Jane Doe, 01234 098765\n";
        String results = "Election night\n\nMAYOR: Jane Roe (Lab) 41,200; Tom Vale (Con) 30,115. Jane Roe elected.\n\n"
                + "Jane Roe: I am honoured.\n\nTom Vale: Congratulations.\n\nMAYOR: Recount confirms Jane Roe.\n";
        String podcast = "Episode 12\n\nHost: Jane Roe\n\nQ: Why write about rivers?\n\nGUEST: Because they vanish.\n\n"
                + "Q: And next?\n\nGUEST: A book.\n\nHost: Jane Roe\n";
        String briefing = "Press briefing\n\nMODERATOR: Next question.\n\nQ: Thank you. On vaccines?\n\nDR. REED: Soon."
                + "\n\nMODERATOR: Josh Wingrove, Bloomberg.\n\nQ: Thanks.\n";

        assertThat(extractor.extract(newsletter, "text/plain", null).statements())
                .extracting(s -> s.speaker().name()).containsExactly("Jane Doe", "Arthur Penn");
        assertThat(extractor.extract(results, "text/plain", null).statements())
                .extracting(s -> s.speaker().name()).containsExactly("Jane Roe", "Tom Vale");
        assertThat(extractor.extract(podcast, "text/plain", null).statements())
                .extracting(s -> s.speaker().name()).containsExactly("Question", "Guest", "Question", "Guest");
        assertThat(extractor.extract(briefing, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Moderator", List.of("Next question.")),
                        tuple("Question", List.of("Thank you. On vaccines?")), tuple("Reed", List.of("Soon.")),
                        tuple("Moderator", List.of("Josh Wingrove, Bloomberg.")), tuple("Question", List.of("Thanks.")));
    }

    @Test
    void optionsTypedInOneBlockOrParagraphAreNoAnswers() {
        String colon = "Science quiz\n\nQ: Which planet is the largest?\n\nA: Jupiter\nB: Saturn\nC: Neptune\n\n"
                + "Q: Which is closest to the Sun?\n\nA: Venus\nB: Mercury\nC: Mars\n";
        String dot = "Pub quiz\n\nQ: Capital of Australia?\n\nA. Sydney\nB. Canberra\n\nQ: Capital of Canada?\n\n"
                + "A. Toronto\nB. Ottawa\n";
        String sections = "Grant FAQ\n\nQ. What can I spend it on?\n\nA. Eligible costs\n\nStaff and equipment.\n\n"
                + "B. Ineligible costs\n\nQ. How do I apply?\n\nA. Online\n\nUse the portal.\n";
        String html = "<html><head><title>Quiz</title></head><body><article><p><b>Q:</b> Which planet is the largest?</p>"
                + "<p>A: Jupiter<br>B: Saturn<br>C: Neptune</p><p><b>Q:</b> Which is closest to the Sun?</p>"
                + "<p>A: Venus<br>B: Mercury<br>C: Mars</p></article></body></html>";

        assertThat(extractor.extract(colon, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsOnly("Question");
        assertThat(extractor.extract(dot, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsOnly("Question");
        assertThat(extractor.extract(sections, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsOnly("Question");
        assertThat(extractor.extract(html, "text/html", null).statements()).extracting(s -> s.speaker().name())
                .containsOnly("Question");
    }

    @Test
    void listedCallersAndTeachersInsideTurnsStaySpeech() {
        String phoneIn = "Phone-in\n\nHOST: Two callers are waiting.\n\nCaller: Jim from Leeds\n\nCaller: Sue from"
                + " York\n\nHOST: Jim, go ahead.\n";
        String faq = "School FAQ\n\nQ: Who teaches Year 5?\n\nTeacher: Ms Ann Bell (Room 4)\n\nQ: And Year 6?\n\n"
                + "Teacher: Mr Tom Wu (Room 6)\n";

        assertThat(extractor.extract(phoneIn, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Host");
        assertThat(extractor.extract(faq, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsOnly("Question");
    }

    @Test
    void thePersonNamedBeforeInterviewWithIsInterviewedAndADoctorsTitleKeepsTheName() {
        String senator = "Senator Jane Roe interview with Tom Vale, WXYZ Detroit\n\nQ: Will the bill pass?\n\n"
                + "A: I think it will.\n\nQ: And if not?\n\nA: We try again.\n";
        String doctor = "Q&A with Dr. Anthony Fauci\n\nQ: When?\n\nA: By the summer.\n\nQ: Children?\n\nA: Later.\n";

        assertThat(extractor.extract(senator, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Question", "Answer", "Question", "Answer");
        assertThat(extractor.extract(doctor, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Question", "Anthony Fauci", "Question", "Anthony Fauci");
    }
}
