package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.TranscriptParsed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kremlin person ids that the parser reads from the links of real Kremlin pages ({@code /catalog/persons/<id>}):
 * on every Kremlin page of the corpus exactly the hand-checked ids of {@code corpus/persons/kremlin-person-ids.tsv},
 * and none where the page leaves a doubt.
 */
class TranscriptExtractorKremlinPersonIdsTest {

    /**
     * Gold 63, Kremlin page 52852 (2016-09-08): its labels link ten persons, and two of its speakers share a surname
     * (Minister of Transport Maxim Sokolov, linked as person 333, and Deputy Minister Alexei Sokolov, not linked).
     */
    private static final String DEFENCE_INDUSTRY_MEETING = "63-kremlin-defence-industry-meeting.html";
    private static final String ALEXEI_SOKOLOVS_LABEL =
            "<p><b>Deputy Minister of\u00a0Communications and\u00a0Mass Media Alexei Sokolov: </b>";

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void everyKremlinPageOfTheCorpusGivesItsSpeakersExactlyTheHandCheckedIds() {
        Map<String, Map<String, String>> expected = new TreeMap<>();
        io.verbatim.corpus.Corpus.kremlinPersonIds().forEach(row -> expected
                .computeIfAbsent(row.file(), file -> new TreeMap<>()).put(row.speaker(), row.id()));
        Map<String, Map<String, String>> found = new TreeMap<>();

        for (String document : Corpus.goldDocumentsOnDisk()) {
            if (document.contains("-kremlin-") && document.endsWith(".html")) {
                found.put("docs/" + document, kremlinIdsOf(extractor.extract(Corpus.doc(document), "text/html", null)));
            }
        }
        for (String id : Corpus.UNLABELLED_PAGES) {
            found.put("unlabelled/" + id + ".html",
                    kremlinIdsOf(extractor.extract(Corpus.unlabelled(id), "text/html", null)));
        }
        Set<String> pages = Set.copyOf(found.keySet());
        found.values().removeIf(Map::isEmpty);

        // every Kremlin page the corpus holds was read, as its folders list them: the gold pages of docs/ and the
        // pages of unlabelled/ (the pages the ids file names are among them)
        assertThat(pages).isEqualTo(kremlinPagesOfTheCorpus()).containsAll(expected.keySet());
        assertThat(found).isEqualTo(expected);
        // the tag list alone ("Kudrin Alexei", surname first) is enough, and so is a page that links two Nikolais
        assertThat(found.get("docs/28-kremlin-kudrin-meeting.html")).containsExactly(Map.entry("Alexei Kudrin", "77"));
        assertThat(found.get("docs/46-kremlin-patrushev-bordyuzha.html"))
                .containsExactly(Map.entry("Nikolai Bordyuzha", "147"), Map.entry("Nikolai Patrushev", "148"));
    }

    @Test
    void aSpeakerWhoSharesALinkedPersonsSurnameButNotTheGivenNameGetsNoId() {
        ExtractedTranscript meeting = extractor.extract(Corpus.doc(DEFENCE_INDUSTRY_MEETING), "text/html", null);

        Map<String, String> ids = kremlinIdsOf(meeting);

        assertThat(ids).containsEntry("Maxim Sokolov", "333").containsEntry("Sergei Shoigu", "90")
                .containsEntry("Denis Manturov", "331").doesNotContainKey("Alexei Sokolov")
                .doesNotContainKey("Vladimir Putin").hasSize(10);
        assertThat(speakerNames(meeting)).contains("Alexei Sokolov", "Igor Komarov");
    }

    @Test
    void aPageThatLinksTwoPersonsUnderTheSpeakersNameGivesThatSpeakerNoId() {
        // the real page with one more link: a second person, another id, shown with Maxim Sokolov's name
        String page = Corpus.doc(DEFENCE_INDUSTRY_MEETING).replace("<p>Mr Sokolov, please.",
                "<p><a href=\"http://en.kremlin.ru/catalog/persons/99999/events\">Maxim Sokolov</a>, please.");

        Map<String, String> ids = kremlinIdsOf(extractor.extract(page, "text/html", null));

        assertThat(page).contains("/catalog/persons/99999/");
        assertThat(ids).doesNotContainKey("Maxim Sokolov").containsEntry("Sergei Shoigu", "90").hasSize(9);
    }

    @Test
    void aSurnameAloneThatTwoSpeakersShareGetsNoIdAndTakesNoneFromThem() {
        // the real page with one more turn, labelled by the surname the two Sokolovs share; the form of address goes,
        // as in the corpus convention ("Mr Sokolov:" is "Sokolov")
        String page = Corpus.doc(DEFENCE_INDUSTRY_MEETING).replace(ALEXEI_SOKOLOVS_LABEL,
                "<p><b>Mr Sokolov:</b> Thank you.</p>" + ALEXEI_SOKOLOVS_LABEL);

        ExtractedTranscript meeting = extractor.extract(page, "text/html", null);
        Map<String, String> ids = kremlinIdsOf(meeting);

        assertThat(speakerNames(meeting)).contains("Sokolov", "Maxim Sokolov", "Alexei Sokolov");
        assertThat(ids).doesNotContainKeys("Sokolov", "Alexei Sokolov").containsEntry("Maxim Sokolov", "333");
    }

    @Test
    void everyStatementOfASpeakerCarriesTheSameIdAndUnnamedVoicesNone() {
        ExtractedTranscript conference = extractor.extract(
                Corpus.doc("05-kremlin-trilateral-news-conference.html"), "text/html", null);

        assertThat(conference.statements()).filteredOn(s -> s.speaker().name().equals("Hassan Rouhani"))
                .hasSizeGreaterThan(1)
                .allSatisfy(s -> assertThat(s.speaker().externalIds()).containsExactly(Map.entry("kremlin", "362")));
        assertThat(conference.statements()).filteredOn(s -> List.of("Question", "Remark", "Vladimir Putin")
                        .contains(s.speaker().name()))
                .isNotEmpty().allSatisfy(s -> assertThat(s.speaker().externalIds()).isEmpty());
    }

    @Test
    void pagesOfOtherSitesCarryNoKremlinIds() {
        for (String document : Corpus.goldDocumentsOnDisk()) {
            if (!document.contains("-kremlin-")) {
                String body = Corpus.doc(document);
                ExtractedTranscript transcript = extractor.extract(body, Corpus.contentTypeOfDocument(document, body),
                        null);
                assertThat(transcript.statements()).as(document)
                        .allSatisfy(s -> assertThat(s.speaker().externalIds()).isEmpty());
            }
        }
    }

    @Test
    @Timeout(60)
    void aPageOfThousandsOfLinkedSpeakersGivesEachTheirOwnIdWithoutComparingEveryPair() {
        // 3,000 speakers, each linked in their label and again in the tag list; surnames at least two letters apart
        int speakers = 3_000;
        StringBuilder body = new StringBuilder("<div itemprop=\"articleBody\" class=\"read__internal_content\">");
        StringBuilder tags = new StringBuilder("<div class=\"read__tags\">");
        for (int n = 0; n < speakers; n++) {
            String surname = surnameFor(n);
            body.append("<p><b>Minister <a href=\"http://en.kremlin.ru/catalog/persons/").append(1000 + n)
                    .append("/events\">Ivan ").append(surname).append("</a>:</b> Words number ").append(n)
                    .append(".</p>");
            tags.append("<a rel=\"tag\" href=\"http://en.kremlin.ru/catalog/persons/").append(1000 + n)
                    .append("\">").append(surname).append(" Ivan</a>");
        }
        String page = "<html><body><article>" + body + "</div>" + tags + "</div></article></body></html>";

        // the bound is the test's time-out, not the service's 10 s deadline, which is wall-clock time: the parse takes
        // about 0.7 s of CPU here, but on the shared 2-core machine under load a niced JVM saw 8 to 15 s pass
        TranscriptExtractor withTheTestsBound = new TranscriptExtractor(new ParseLimits(
                ParseLimits.DEFAULTS.maxChars(), ParseLimits.DEFAULTS.maxDepth(), Duration.ofSeconds(50)));
        Map<String, String> ids = kremlinIdsOf(withTheTestsBound.extract(page, "text/html",
                "http://en.kremlin.ru/events/president/news/1"));

        assertThat(ids).hasSize(speakers).containsEntry("Ivan " + surnameFor(0), "1000")
                .containsEntry("Ivan " + surnameFor(speakers - 1), String.valueOf(1000 + speakers - 1));
    }

    /**
     * A surname of its own for n: its three-letter code twice, so two surnames differ in at least two letters. The
     * code has no "i" and no "y": the resolver takes names that differ only by "y" and "i" for romanisations of one
     * name ("Kleymenov", "Kleimenov"), and distinct persons here must stay distinct under that rule too.
     */
    private static String surnameFor(int n) {
        String code = "" + LETTERS.charAt(n / (LETTERS.length() * LETTERS.length()))
                + LETTERS.charAt(n / LETTERS.length() % LETTERS.length()) + LETTERS.charAt(n % LETTERS.length());
        return Character.toUpperCase(code.charAt(0)) + code.substring(1) + "o" + code;
    }

    private static final String LETTERS = "abcdefghjklmnopqrstuvwxz";

    /**
     * The Kremlin pages of the corpus as its folders list them, under the ids file's names: every {@code .html} page of
     * {@code unlabelled/}, and every Kremlin page of {@code docs/} (Kremlin documents are named {@code NN-kremlin-*}).
     */
    private static Set<String> kremlinPagesOfTheCorpus() {
        Set<String> pages = new TreeSet<>();
        io.verbatim.corpus.Corpus.list(io.verbatim.corpus.Corpus.DOCS).stream()
                .filter(file -> file.contains("-kremlin-") && file.endsWith(".html"))
                .forEach(file -> pages.add("docs/" + file));
        io.verbatim.corpus.Corpus.list(io.verbatim.corpus.Corpus.UNLABELLED).stream()
                .filter(file -> file.endsWith(".html"))
                .forEach(file -> pages.add("unlabelled/" + file));
        return pages;
    }

    /** Speaker name to Kremlin id over the statements; a speaker whose statements disagree fails the test. */
    private static Map<String, String> kremlinIdsOf(ExtractedTranscript transcript) {
        Map<String, String> ids = new TreeMap<>();
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        for (TranscriptParsed.Statement statement : transcript.statements()) {
            Map<String, String> first = seen.putIfAbsent(statement.speaker().name(), statement.speaker().externalIds());
            assertThat(statement.speaker().externalIds()).as(statement.speaker().name())
                    .isEqualTo(first == null ? statement.speaker().externalIds() : first);
            String id = statement.speaker().externalIds().get(TranscriptParsed.Speaker.KREMLIN);
            if (id != null) {
                ids.put(statement.speaker().name(), id);
            }
        }
        return ids;
    }

    private static List<String> speakerNames(ExtractedTranscript transcript) {
        return transcript.statements().stream().map(s -> s.speaker().name()).distinct().toList();
    }
}
