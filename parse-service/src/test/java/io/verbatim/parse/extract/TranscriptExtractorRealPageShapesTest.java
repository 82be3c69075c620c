package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes 54-56 (issue 11), shapes that real republished transcripts read in the ninth session showed. Class 54: a name of three or four words after a country or organisation in a role-first label ("President
 * of Turkey Recep Tayyip Erdogan") keeps its first word when the title, the lead or the text before the first label
 * writes the name as a run of its own; an office of two office words ("Secretary-General") is no name word; and a role
 * never ends in a connector. Class 55: a caption written twice. Class 56: role-first labels whose role has lower-case
 * words in plain text, and an initial with a surname.
 */
class TranscriptExtractorRealPageShapesTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void aLongNameThatTheOpeningParagraphWritesAloneIsWhole() {
        String text = "Meeting with President of Turkey Recep Tayyip Erdogan\n\nMarch 10, 2017\n\nVladimir Putin met"
                + " with Recep Tayyip Erdogan in the Kremlin.\n\nPresident of Russia Vladimir Putin: Welcome.\n\n"
                + "President of Turkey Recep Tayyip Erdogan (retranslated): Thank you, my friend.\n";
        String withoutEvidence = "Meeting with President of Turkey Recep Tayyip Erdogan\n\nMarch 10, 2017\n\nThe two"
                + " presidents met in the Kremlin.\n\nPresident of Russia Vladimir Putin: Welcome.\n\n"
                + "President of Turkey Recep Tayyip Erdogan (retranslated): Thank you, my friend.\n";

        assertThat(extractor.extract(text, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", "President of Russia"),
                        tuple("Recep Tayyip Erdogan", "President of Turkey"));
        // the title's run starts after "of": whether "Turkey" belongs to the name is not told, and the default split
        // keeps two words after a connector
        assertThat(extractor.extract(withoutEvidence, "text/plain", null).statements())
                .extracting(s -> s.speaker().name())
                .containsExactly("Vladimir Putin", "Tayyip Erdogan");
    }

    @Test
    void aLongNameInTheTitleAfterAnAcronymIsWhole() {
        String html = "<html><head><title>Talks with Chairman of State Affairs of the DPRK Kim Jong Un</title></head>"
                + "<body><article><h1>Talks with Chairman of State Affairs of the DPRK Kim Jong Un</h1>"
                + "<p><b>President of Russia Vladimir Putin:</b> Mr Chairman, welcome.</p>"
                + "<p><b>Chairman of State Affairs of the DPRK Kim Jong Un</b> (retranslated): Thank you.</p>"
                + "</article></body></html>";

        assertThat(extractor.extract(html, "text/html", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), s -> s.annotation())
                .containsExactly(tuple("Vladimir Putin", "President of Russia", null),
                        tuple("Kim Jong Un", "Chairman of State Affairs of the DPRK", "retranslated"));
    }

    @Test
    void anOfficeOfTwoOfficeWordsAndARoleEndingInAConnectorAreNoNames() {
        String text = "Forum session\n\nOpening remarks were made by the President. Herman Gref and Sberbank Herman"
                + " Gref's colleagues attended, with Sberbank Herman Gref as host.\n\nPresident of Russia Vladimir"
                + " Putin: Good afternoon.\n\nUN Secretary-General Antonio Guterres: Thank you.\n\nHead of Sberbank"
                + " Herman Gref: Welcome.\n";

        assertThat(extractor.extract(text, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", "President of Russia"),
                        tuple("Antonio Guterres", "UN Secretary-General"),
                        tuple("Herman Gref", "Head of Sberbank"));
    }

    @Test
    void aCaptionWrittenTwiceInsideTheSpeechIsDropped() {
        String text = "Working meeting\n\nVladimir Putin: This is a very short time.\n\nRussian President Vladimir"
                + " Putin.\nRussian President Vladimir Putin.\nWith regard to housing: subsidies for young families.\n\n"
                + "Artur Parfenchikov: Yes.\n\nVladimir Putin: Thank you.\nThank you.\n";

        assertThat(extractor.extract(text, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Vladimir Putin", List.of("This is a very short time.",
                        "With regard to housing: subsidies for young families.")),
                        tuple("Artur Parfenchikov", List.of("Yes.")),
                        tuple("Vladimir Putin", List.of("Thank you. Thank you.")));
    }

    @Test
    void aRoleFirstLabelWithLowerCaseRoleWordsIsALabelOnAPageOfLabels() {
        String forum = "Plenary session\n\nPlenary session moderator Sergei Brilyov: Good afternoon.\n\nPresident of"
                + " Russia Vladimir Putin: Good afternoon.\n\nModerator of the Valdai Club's plenary session Fyodor"
                + " Lukyanov: Thank you.\n\nVladimir Putin: Yes.\n\nA. Kondrashov: Why?\n\nVladimir Putin: Because.\n\n"
                + "Sergei Brilyov: Next.\n";
        String prose = "Notes from the forum\n\nAs I said to my old friend Ivan Petrov: the forum matters.\n\n"
                + "Then the session was chaired by Anna Ivanova: she kept time.\n";

        assertThat(extractor.extract(forum, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Sergei Brilyov", "Plenary session moderator"),
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Fyodor Lukyanov", "Moderator of the Valdai Club's plenary session"),
                        tuple("Vladimir Putin", "President of Russia"), tuple("A. Kondrashov", null),
                        tuple("Vladimir Putin", "President of Russia"),
                        tuple("Sergei Brilyov", "Plenary session moderator"));
        assertThat(extractor.extract(prose, "text/plain", null).statements()).isEmpty();
    }

    @Test
    void aGenericVoiceThatAnswersTheQuestionerSpeaksInSentences() {
        String interview = "Meet our head girl\n\nQ: What do you want to change?\n\nStudent: The lunch queue.\n\n"
                + "Q: Anything else?\n\nStudent: More clubs after school.\n";
        String faq = "Careers: your questions\n\nQ: Which roles are open?\n\nEngineer: two posts, Leeds office.\n\n"
                + "Q: And next month?\n\nEngineer: one more post, Bristol office.\n";

        assertThat(extractor.extract(interview, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Question", "Student", "Question", "Student");
        assertThat(extractor.extract(faq, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsOnly("Question");
    }

    @Test
    void anOfficeInABracketIsTheRoleAndACommitteesQuestionNumberIsNoPartOfTheLabel() {
        String questions = "Oral questions\n\nCHRIS HIPKINS (Leader of the Opposition): Does he stand by his"
                + " statements?\n\nRt Hon CHRISTOPHER LUXON (Prime Minister): Yes.\n\nCHRIS HIPKINS: Why?\n\n"
                + "Rt Hon CHRISTOPHER LUXON: Because.\n\nMr. Nebenzia (Russian Federation): We disagree.\n";
        String evidence = "Oral evidence\n\nQ94 Chair: Good morning and welcome.\n\nProfessor Jane Smith: Thank you."
                + "\n\nQ95 Chair: Can you start with the costs?\n\nProfessor Jane Smith: Yes.\n";

        assertThat(extractor.extract(questions, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), s -> s.annotation())
                .containsExactly(tuple("Chris Hipkins", "Leader of the Opposition", null),
                        tuple("Christopher Luxon", "Prime Minister", null),
                        tuple("Chris Hipkins", "Leader of the Opposition", null),
                        tuple("Christopher Luxon", "Prime Minister", null),
                        tuple("Nebenzia", null, "Russian Federation"));
        assertThat(extractor.extract(evidence, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().label())
                .containsExactly(tuple("Chair", "Chair"), tuple("Jane Smith", "Professor Jane Smith"),
                        tuple("Chair", "Chair"), tuple("Jane Smith", "Professor Jane Smith"));
    }

    @Test
    void aHeadingWithAPossessiveAndAnAdvertisementSlotAreNoSpeech() {
        String heading = "Commons debate\n\nPrivate Members’ Bills: Money Resolutions\n\nI welcome this debate.\n";
        String advert = "Oral questions\n\nJane Roe: Does she agree?\n\nAdvertisement - scroll to continue reading\n\n"
                + "Tom Vale: I do.\n\nJane Roe: Thank you.\n";

        assertThat(extractor.extract(heading, "text/plain", null).statements()).isEmpty();
        assertThat(extractor.extract(advert, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Jane Roe", List.of("Does she agree?")), tuple("Tom Vale", List.of("I do.")),
                        tuple("Jane Roe", List.of("Thank you.")));
    }

    @Test
    void markupQuirksOfRealKremlinAndWhiteHousePagesAreReadAsTheConventionsSay() {
        String kremlin = "<html><head><title>Meeting with the Patriarch</title></head><body><article>"
                + "<p><b>President of Russia Vladimir Putin:</b> Your Beatitude, welcome.</p><p>Thank you.</p>"
                + "<p><i>Award ceremony</i>.</p>"
                + "<p><b>Patriarch Theophilos III of Jerusalem</b> <i>(retranslated</i>)<b>:</b> Thank you, Mr President.</p>"
                + "<p><b>Vladimir Putin</b> <i>(retranslated</i>): Thank you.</p></article></body></html>";
        String whiteHouse = "---\ntitle: \"Remarks at the Unveiling of the Portraits\"\n---\n\nMR. KIRBY:  I refute that."
                + "\n\n<figure> <img src=\"https://example.org/image.gif\" title=\"Anchor\" /> </figure>\n\n"
                + "(The portraits are unveiled.)  (Applause.)\n\nQ  Thank you.\n";

        assertThat(extractor.extract(kremlin, "text/html", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.annotation(), s -> s.paragraphs())
                .containsExactly(tuple("Vladimir Putin", null, List.of("Your Beatitude, welcome.", "Thank you.")),
                        tuple("Patriarch Theophilos III of Jerusalem", "retranslated",
                                List.of("Thank you, Mr President.")),
                        tuple("Vladimir Putin", "retranslated", List.of("Thank you.")));
        assertThat(extractor.extract(whiteHouse, "text/markdown", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs())
                .containsExactly(tuple("Kirby", List.of("I refute that.")), tuple("Question", List.of("Thank you.")));
    }

    @Test
    void aBoldNameThatLostItsColonIsTheSameLabelAndALeadRunNeverLengthensALinkedName() {
        String html = "<html><head><title>Meeting with workers</title></head><body><article>"
                + "<div class=\"read__lead\">Vladimir Putin met with Head of the LDPR faction in the State Duma Vladimir"
                + " Zhirinovsky.</div><div class=\"entry-content\">"
                + "<p><b>President of Russia Vladimir Putin:</b> Good afternoon.</p>"
                + "<p><b>Yekaterina Rogova</b>: Catering company, engineer.</p>"
                + "<p><b>Vladimir Putin:</b> Do you mean the film?</p>"
                + "<p><b>Yekaterina Rogova</b> Yes. Even the episode with the horse.</p>"
                + "<p><b>Head of the LDPR faction in the State Duma <a href=\"/catalog/persons/99/events\">Vladimir"
                + " Zhirinovsky</a>:</b> Thank you.</p>"
                + "<p><b>King of Bahrain Hamad Bin Isa Al Khalifa</b> <i>(retranslated)</i>: Thank you.</p>"
                + "<p><b>Hamad Bin Isa Al Khalifa</b>: Indeed.</p></div></article></body></html>";

        assertThat(extractor.extract(html, "text/html", "http://en.kremlin.ru/events/president/news/1").statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Vladimir Putin", "President of Russia"), tuple("Yekaterina Rogova", null),
                        tuple("Vladimir Putin", "President of Russia"), tuple("Yekaterina Rogova", null),
                        tuple("Vladimir Zhirinovsky", "Head of the LDPR faction in the State Duma"),
                        tuple("Hamad Bin Isa Al Khalifa", "King of Bahrain")); // his two labels are one turn
    }

    @Test
    void theFirstLadyIsNotThePresidentWhoseSurnameSheShares() {
        String text = "---\ntitle: \"Remarks by President Biden and First Lady Jill Biden at a Reception\"\n---\n\n"
                + "FIRST LADY BIDEN:  And his mom.\n\nPRESIDENT BIDEN:  Oh, his mom is there.\n\nFIRST LADY BIDEN:  No."
                + "\n\nPRESIDENT BIDEN:  Thank you all.\n\nADMINISTRATOR CRISWELL:  Just under 400.\n\n"
                + "FIRST LADY OBAMA:  Or Michelle.\n\nPRESIDENT OBAMA:  Or Michelle.\n";

        assertThat(extractor.extract(text, "text/markdown", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsExactly(tuple("Jill Biden", "First Lady"), tuple("Biden", "President"),
                        tuple("Jill Biden", "First Lady"), tuple("Biden", "President"),
                        tuple("Criswell", "Administrator"), tuple("Obama", "First Lady"), tuple("Obama", "President"));
    }

    @Test
    void whatTheThirteenthReviewFoundStaysAsTheConventionsSay() {
        String refrain = "Remarks\n\nTHE PRESIDENT:  Thank you.\n\nQ  A question.\n\nTHE PRESIDENT:\nWe will remember them."
                + "\nWe will remember them.\n";
        String briefing = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova\n\nMaria Zakharova: Good afternoon."
                + "\n\nQuestions from the media to Maria Zakharova:\n\nQuestion: On Syria?\n\nMaria Zakharova: Yes.\n\n"
                + "Question: Thanks.\n\nMaria Zakharova: Special gratitude to governor Alexei Dyumin: the plant was built.\n";
        String committee = "Oral evidence\n\nChair: Good morning.\n\nChildren's Commissioner: Thank you.\n\nChair: Your"
                + " concern?\n\nChildren's Commissioner: Mental health.\n";
        String book = "<html><head><title>Interview</title></head><body><article><p><b>Question:</b> Which book?</p>"
                + "<p><b>Vladimir Putin:</b> If I had to choose one:</p><p><i>War and Peace</i>.</p>"
                + "<p><b>Question:</b> Thank you.</p><p><i>Award ceremony</i>.</p></article></body></html>";

        assertThat(extractor.extract(refrain, "text/plain", null).statements()).last()
                .extracting(s -> s.paragraphs()).isEqualTo(List.of("We will remember them. We will remember them."));
        assertThat(extractor.extract(briefing, "text/plain", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role())
                .containsOnly(tuple("Maria Zakharova", null), tuple("Question", null));
        assertThat(extractor.extract(committee, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Chair", "Children's Commissioner", "Chair", "Children's Commissioner");
        assertThat(extractor.extract(book, "text/html", null).statements())
                .extracting(s -> s.speaker().name(), s -> s.paragraphs().size())
                .containsExactly(tuple("Question", 1), tuple("Vladimir Putin", 2), tuple("Question", 1));
    }
}
