package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Publication time, place, language, source, tags and persons. */
class TranscriptExtractorMetadataTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void kremlinPageGivesPublicationDateAndTimeWithTheMoscowOffset() {
        String html = Corpus.doc("02-kremlin-mishustin-meeting.html");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/events/president/news/60476");

        assertThat(transcript.publishedAt()).isEqualTo("2019-05-06T17:05:00+03:00");
    }

    @Test
    void moscowOffsetIsTheOneInForceOnThatDay() {
        String html = Corpus.unlabelled("17789");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/17789");

        assertThat(transcript.publishedAt()).isEqualTo("2013-04-02T19:00:00+04:00");
    }

    @Test
    void archivePageWhoseTimeIsMidnightPlaceholderGivesTheDateOnly() {
        String html = Corpus.unlabelled("27727");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/27727");

        assertThat(transcript.publishedAt()).isEqualTo("2002-11-20");
    }

    @Test
    void kremlinPageNamesItsPlaceLanguageAndSource() {
        String html = Corpus.doc("02-kremlin-mishustin-meeting.html");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.location()).isEqualTo("The Kremlin, Moscow");
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.source()).isEqualTo("Kremlin");
    }

    @Test
    void kremlinTagsAreTheGeographyAndTopicLinksAndPersonsAreTheCatalogueLinksInPageOrder() {
        String html = Corpus.unlabelled("63450");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/63450");

        assertThat(transcript.tags()).containsExactly("Krasnoyarsk Territory", "Environment");
        assertThat(transcript.persons()).startsWith("Viktoria Abramchenko", "Yevgeny Zinichev").doesNotHaveDuplicates();
    }

    @Test
    void personOnlyInTheTagListIsNamedGivenNameFirst() {
        String html = Corpus.unlabelled("54723");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/54723");

        assertThat(transcript.persons()).containsExactly("Hassan Rouhani");
        assertThat(transcript.tags()).containsExactly("Iran", "Foreign policy");
    }

    @Test
    void personLinkedInTheTextAndInTheTagListIsListedOnce() {
        String html = Corpus.unlabelled("62763");

        ExtractedTranscript transcript = extractor.extract(html, "text/html", "http://en.kremlin.ru/d/62763");

        assertThat(transcript.persons()).containsExactly("Igor Sechin");
    }

    @Test
    void republishedTextNamesItsSourceInTheAttributionLine() {
        String text = Corpus.doc("00-seed-pyongyang-talks.txt");

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.source()).isEqualTo("The Kremlin");
        assertThat(transcript.tags()).isEmpty();
        assertThat(transcript.persons()).isEmpty();
    }

    @Test
    void pageWithoutSourceTagsOrPersonsGivesNullSourceAndEmptyLists() {
        String html = "<html><body><p><b>Jane Doe:</b> Hello there, everyone, and welcome.</p></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.source()).isNull();
        assertThat(transcript.tags()).isEmpty();
        assertThat(transcript.persons()).isEmpty();
        assertThat(transcript.language()).isEqualTo("en");
    }

    @Test
    void htmlLangGivesThePrimaryLanguageSubtag() {
        String html = "<html lang=\"fr-CA\"><body><p><b>Jeanne Roy:</b> Bonjour à tous.</p></body></html>";

        ExtractedTranscript transcript = extractor.extract(html, "text/html", null);

        assertThat(transcript.language()).isEqualTo("fr");
    }

    @Test
    void markdownFrontMatterGivesTagsAndTheTimeOfPublication() {
        String briefing = Corpus.doc("16-wh-psaki-gaggle.txt");

        ExtractedTranscript transcript = extractor.extract(briefing, "text/markdown", null);

        assertThat(transcript.tags()).containsExactly("press-briefings");
        assertThat(transcript.publishedAt()).startsWith("2021-02-19T16:12:23");
    }

    @Test
    void extractedTranscriptNormalisesNullListsToEmptyLists() {
        ExtractedTranscript transcript = new ExtractedTranscript("readout", null, null, null, "en", null, null, null,
                null, null);

        assertThat(transcript.statements()).isEmpty();
        assertThat(transcript.remarks()).isEmpty();
        assertThat(transcript.tags()).isEmpty();
        assertThat(transcript.persons()).isEmpty();
    }
}
