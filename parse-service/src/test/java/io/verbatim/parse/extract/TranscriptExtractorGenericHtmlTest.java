package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.verbatim.events.TranscriptParsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages of sites other than the Kremlin's: main content found by text density, boilerplate never speech. */
class TranscriptExtractorGenericHtmlTest {

    private static final String NEWS_SITE = "/fixtures/generic/news-site-republished-transcript.html";
    private static final String ENTRY_CONTENT = "/fixtures/generic/entry-content-strong-labels.html";
    private static final String PLAIN_LABELS = "/fixtures/generic/plain-text-labels-briefing.html";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void republishedTranscriptOnANewsSiteYieldsOnlyTheTurnsOfItsArticle() {
        String html = Corpus.read(NEWS_SITE);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://coastline.example/harbour-talks");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_TRANSCRIPT);
        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().role(), s -> s.paragraphs().size())
                .containsExactly(
                        tuple("Oliver Pennick", "Mayor of Saltmarsh", 2),
                        tuple("Rosalind Achterberg", "Chair of the Harbour Board", 1),
                        tuple("Oliver Pennick", "Mayor of Saltmarsh", 1),
                        tuple("Rosalind Achterberg", "Chair of the Harbour Board", 1),
                        tuple("Oliver Pennick", "Mayor of Saltmarsh", 1));
    }

    @Test
    void menuCookieBannerRecentPostsCommentsAndFooterNeverBecomeSpeech() {
        String html = Corpus.read(NEWS_SITE);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://coastline.example/harbour-talks");

        assertThat(speech(transcript)).noneMatch(p -> p.contains("cookies") || p.contains("Politics")
                || p.contains("Recent Posts") || p.contains("Lifeboat") || p.contains("north quay?")
                || p.contains("Leave a reply") || p.contains("newsletter") || p.contains("All rights reserved")
                || p.contains("Share this") || p.contains("Ferry operator") || p.contains("Photo"));
        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .doesNotContain("Accept", "Harbourwatcher", "Gull Lover", "Not A Speaker");
    }

    @Test
    void introductionBeforeTheFirstLabelIsNotSpeech() {
        String html = Corpus.read(NEWS_SITE);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(speech(transcript)).noneMatch(p -> p.startsWith("The following is a transcript"));
        assertThat(transcript.statements().get(0).paragraphs().get(0)).startsWith("Good morning, and thank you");
    }

    @Test
    void siteNameTagsDateAndLanguageComeFromTheStandardPageMetadata() {
        String html = Corpus.read(NEWS_SITE);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://coastline.example/harbour-talks");

        assertThat(transcript.title()).isEqualTo("Harbour talks: full transcript");
        assertThat(transcript.source()).isEqualTo("The Coastline Courier");
        assertThat(transcript.tags()).containsExactly("Ports", "Trade");
        assertThat(transcript.persons()).isEmpty();
        assertThat(transcript.publishedAt()).isEqualTo("2025-03-14T09:30:00+00:00");
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.location()).isNull();
    }

    @Test
    void strongLabelsInsideAnEntryContentDivStartTurns() {
        String html = Corpus.read(ENTRY_CONTENT);

        ExtractedTranscript transcript = extractor.extract(html, "text/html; charset=utf-8", "https://blog.example/p/1");

        assertThat(transcript.statements())
                .extracting(s -> s.speaker().name(), s -> s.speaker().label(), s -> s.paragraphs())
                .containsExactly(
                        tuple("Interviewer", "Interviewer", List.of("How long did the preparations take this year?")),
                        tuple("Amara Velloso", "Festival Director Amara Velloso",
                                List.of("Almost eleven months. We started the week after the last festival closed.")),
                        tuple("Interviewer", "Interviewer", List.of("What is new?")),
                        tuple("Amara Velloso", "Amara Velloso", List.of("A floating stage on the river, for one thing.",
                                "It took three engineers and a very patient boat club to get it right.")));
        assertThat(transcript.statements()).allSatisfy(s -> assertThat(s.speaker().role())
                .isEqualTo(s.speaker().name().equals("Amara Velloso") ? "Festival Director" : null));
    }

    @Test
    void italicEditorsLineAfterTheLastTurnIsARemarkAndNotSpeech() {
        String html = Corpus.read(ENTRY_CONTENT);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.remarks()).containsExactly("The interview has been edited for length and clarity.");
        assertThat(speech(transcript)).noneMatch(p -> p.contains("edited for length")
                || p.contains("run by volunteers") || p.contains("Posted in"));
        assertThat(transcript.source()).isEqualTo("Riverbank Arts Blog");
        assertThat(transcript.tags()).containsExactly("Festivals");
    }

    @Test
    void plainTextLabelsInParagraphsStartTurnsOnOtherSites() {
        String html = Corpus.read(PLAIN_LABELS);

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://briefings.example/2025/05/01");

        assertThat(transcript.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Dana Whitlock", "Question", "Dana Whitlock", "Question", "Dana Whitlock");
        assertThat(transcript.statements().get(0).speaker().role()).isEqualTo("Press Secretary");
        assertThat(transcript.statements().get(0).speaker().label()).isEqualTo("MS. WHITLOCK");
        assertThat(transcript.statements().get(3).paragraphs()).containsExactly("And on the budget: is there a deadline?");
        assertThat(speech(transcript)).noneMatch(p -> p.contains("P.M. EDT") || p.contains("credentials"));
    }

    @Test
    void boilerplateInEveryClassOrIdIsDroppedBeforeTheContentIsChosen() {
        String html = "<html><body>"
                + "<div id=\"site-navigation\"><p><b>Home:</b> the front page of the site, with every section.</p></div>"
                + "<div class=\"content\"><p><b>Jane Doe:</b> We open the hearing, and we thank the witnesses.</p>"
                + "<p><b>John Roe:</b> Thank you, chair, for having me here today, it is an honour.</p></div>"
                + "<div class=\"promo-box\"><p><b>Offer:</b> Half price for the first three months, sign up now.</p></div>"
                + "<div class=\"widget_recent_entries\"><p><b>Latest:</b> another story about something else.</p></div>"
                + "</body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://news.example/a");

        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsExactly("Jane Doe", "John Roe");
    }

    @Test
    void lonePlainTextLabelInAnArticleIsNotATurn() {
        String html = "<html><body><article><p>Photo Credit: Jane Roe for the Courier, taken on Monday evening.</p>"
                + "<p>The council met today and agreed, after a long debate, to repair the old pier.</p>"
                + "<p>Work starts in the spring, and the pier reopens in the autumn, the council said.</p>"
                + "</article></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "https://news.example/pier");

        assertThat(transcript.kind()).isEqualTo(TranscriptParsed.KIND_READOUT);
        assertThat(transcript.statements()).isEmpty();
    }

    @Test
    void kremlinMarkupIsReadByTheKremlinRulesEvenWithoutASourceUrl() {
        String html = Corpus.doc("01-kremlin-le-pen-meeting.html");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.source()).isEqualTo("Kremlin");
        assertThat(transcript.location()).isNotBlank();
    }

    @Test
    void kremlinSubdomainAddressSelectsTheKremlinRules() {
        String html = "<html><head><title>T</title></head><body><div itemprop=\"articleBody\">"
                + "<p><b>Vladimir Putin:</b> Good afternoon.</p></div></body></html>";

        ExtractedTranscript kremlin = extractor.extract(html, "text/html", "http://en.special.kremlin.ru/events/1");
        ExtractedTranscript elsewhere = extractor.extract(html, "text/html", "https://kremlin.ru.example.com/events/1");

        assertThat(kremlin.source()).isEqualTo("Kremlin");
        assertThat(elsewhere.source()).isNull();
        assertThat(elsewhere.statements()).hasSize(1);
    }

    @Test
    void kremlinTranscriptRepublishedWithItsMarkupOnAnotherSiteGetsTheSameTurnsFromTheGenericRules() {
        for (String fileName : List.of("01-kremlin-le-pen-meeting.html", "02-kremlin-mishustin-meeting.html",
                "05-kremlin-trilateral-news-conference.html", "08-kremlin-tass-interview.html")) {
            String original = Corpus.doc(fileName);
            String republished = original.replace("en.kremlin.ru", "mirror.example.org")
                    .replace("read__internal_content", "post-text");

            ExtractedTranscript kremlin = extractor.extract(original, "text/html", "http://en.kremlin.ru/events/1");
            ExtractedTranscript generic = extractor.extract(republished, "text/html", "https://mirror.example.org/1");

            assertThat(kremlin.source()).isEqualTo("Kremlin");
            assertThat(generic.source()).as(fileName).isEqualTo("President of Russia");
            // the same turns; the Kremlin person ids are the Kremlin rules' alone: a mirror's links are not the
            // Kremlin's catalogue
            assertThat(generic.statements()).as(fileName).isEqualTo(withoutExternalIds(kremlin.statements()));
            assertThat(generic.remarks()).as(fileName).isEqualTo(kremlin.remarks());
        }
    }

    private static List<TranscriptParsed.Statement> withoutExternalIds(List<TranscriptParsed.Statement> statements) {
        return statements.stream().map(s -> new TranscriptParsed.Statement(s.ordinal(),
                new TranscriptParsed.Speaker(s.speaker().name(), s.speaker().role(), s.speaker().label()),
                s.annotation(), s.paragraphs(), s.remarks())).toList();
    }

    private static List<String> speech(ExtractedTranscript transcript) {
        return transcript.statements().stream().flatMap(s -> s.paragraphs().stream()).toList();
    }
}
