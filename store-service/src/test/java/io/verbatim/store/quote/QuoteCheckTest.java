package io.verbatim.store.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.verbatim.corpus.Corpus;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.CorpusTranscripts;
import io.verbatim.store.CorpusTranscripts.GoldTranscript;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The quote check (issue 15) on the real gold documents of the corpus, stored with their statements' full text. The
 * quality figures are measured here, seeded: 200 quotes taken from stored statements and altered (words dropped,
 * punctuation changed, a word replaced, shortened to a fragment) must find their statement first in at least 95 %;
 * 200 sentences nobody said (two stored sentences spliced half and half, and sentences of the corpus's unlabelled
 * pages that no stored statement contains) must score below the threshold in at least 95 %.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QuoteCheckTest {

    private static final long SEED = 15;
    private static final String RUN = UUID.randomUUID().toString();
    private static final List<GoldTranscript> STORED = new ArrayList<>();
    private static final Map<String, List<String>> TEXT_OF_DOCUMENT = new HashMap<>();

    /** A sentence of a stored statement, with the document that holds it. */
    private record Sentence(String documentId, int ordinal, String text) {
    }

    @BeforeEach
    void storeTheGoldDocumentsOnce() {
        synchronized (STORED) {
            if (!STORED.isEmpty()) {
                return;
            }
            STORED.addAll(CorpusTranscripts.all(RUN));
            try (TopicWriter writer = new TopicWriter(KafkaBroker.shared().bootstrapServers())) {
                for (GoldTranscript t : STORED) {
                    writer.write(Topics.TRANSCRIPTS_PARSED, t.event().documentId(), EventJson.write(t.event()));
                }
            }
            for (GoldTranscript t : STORED) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(
                        () -> given().get("/api/transcripts/" + t.event().documentId()).statusCode() == 200);
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // 400 checks: 1.5 s each on a 2-core machine at load 25
    void alteredQuotesFindTheirStatementFirstAndInventedOnesStayBelowTheThreshold() {
        List<Sentence> sentences = sentencesOfWholeStatements();
        Random random = new Random(SEED);
        Collections.shuffle(sentences, random);
        double threshold = given().contentType(ContentType.JSON).body(Map.of("quote", "any three words"))
                .post("/api/quotes/check").then().statusCode(200).extract().jsonPath().getDouble("threshold");

        int first = 0;
        List<Double> positiveScores = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Sentence source = sentences.get(i);
            String quote = alter(source.text(), i % 4, random, sentences.get(sentences.size() - 1 - i).text());
            JsonPath answer = check(quote);
            List<String> docs = answer.getList("matches.documentId");
            if (!docs.isEmpty() && containsPassage(docs.get(0), answer.getInt("matches[0].ordinal"), source.text())) {
                first++;
                positiveScores.add(answer.getDouble("matches[0].score"));
            } else {
                misses.add(quote + " <- " + source.text());
            }
        }

        int below = 0;
        List<Double> negativeScores = new ArrayList<>();
        List<String> invented = inventedSentences(sentences, random);
        for (String sentence : invented) {
            JsonPath answer = check(sentence);
            double score = answer.getList("matches").isEmpty() ? 0 : answer.getDouble("matches[0].score");
            negativeScores.add(score);
            if (score < threshold) {
                below++;
            }
        }

        long firstAndCloseEnough = positiveScores.stream().filter(score -> score >= threshold).count();
        System.out.printf(Locale.ROOT, "quote check on %d stored sentences: right statement first %d/200 (%.1f %%), "
                        + "%d of them at or above the threshold, scores of those %s; invented sentences below %.2f "
                        + "%d/%d (%.1f %%), their scores %s%n",
                sentences.size(), first, first / 2.0, firstAndCloseEnough, quantiles(positiveScores), threshold, below,
                invented.size(),
                100.0 * below / invented.size(), quantiles(negativeScores));
        misses.stream().limit(10).forEach(m -> System.out.println("missed: " + m));
        assertThat(invented).hasSize(200);
        assertThat(first).as("altered quotes whose statement comes first").isGreaterThanOrEqualTo(190);
        assertThat(below).as("invented sentences scoring below the threshold").isGreaterThanOrEqualTo(190);
    }

    @Test
    void quoteWithOtherPunctuationAndAMissingWordNamesTheDifferenceAndTheSpeaker() {
        GoldTranscript gaggle = stored("16-wh-psaki-gaggle");
        TranscriptParsed.Statement statement = gaggle.event().statements().stream()
                .filter(s -> s.speaker().name().equals("Jen Psaki") && String.join(" ", s.paragraphs())
                        .contains("Looking forward to our trip to Kalamazoo")).findFirst().orElseThrow();

        JsonPath answer = check("good afternoon -- looking forward to the trip to Kalamazoo");

        assertThat(answer.getBoolean("found")).isTrue();
        assertThat(answer.getString("matches[0].speaker.name")).isEqualTo("Jen Psaki");
        assertThat(answer.getInt("matches[0].ordinal")).isEqualTo(statement.ordinal());
        assertThat(answer.getString("matches[0].passage")).startsWith("Good afternoon. Looking forward to our trip");
        assertThat(answer.getList("matches[0].differences.kind")).containsExactly("changed");
        assertThat(answer.getString("matches[0].differences[0].said")).isEqualTo("our");
        assertThat(answer.getString("matches[0].differences[0].quoted")).isEqualTo("the");
        // the gaggle may be stored more than once (other tests store the gold documents too): any copy is it
        assertThat(answer.getString("matches[0].link")).isEqualTo("/transcripts/"
                + answer.getString("matches[0].documentId") + "#s" + statement.ordinal() + "-p1");
        assertThat(answer.getBoolean("matches[0].interpreted")).isFalse();
    }

    @Test
    void quoteOfAnInterpretersWordsIsMarkedAsInterpreted() {
        GoldTranscript merkel = stored("32-wh-biden-merkel-press-conference");
        int index = -1;
        for (int i = 0; i < merkel.whole().size(); i++) {
            TranscriptParsed.Statement s = merkel.event().statements().get(i);
            if (merkel.whole().get(i) && "as interpreted".equals(s.annotation())) {
                index = i;
            }
        }
        TranscriptParsed.Statement interpreted = index >= 0 ? merkel.event().statements().get(index)
                : STORED.stream().flatMap(t -> wholeStatements(t).stream())
                        .filter(s -> "as interpreted".equals(s.annotation())).findFirst().orElseThrow();
        String quote = String.join(" ", words(String.join(" ", interpreted.paragraphs())).subList(0, 12));

        JsonPath answer = check(quote);

        assertThat(answer.getBoolean("matches[0].interpreted")).isTrue();
        assertThat(answer.getString("matches[0].annotation")).isEqualTo("as interpreted");
        assertThat(answer.getString("matches[0].warning")).contains("interpreter");
        assertThat(answer.getString("verdict")).contains("interpreter");
    }

    @Test
    void tooShortOrMissingQuoteIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("quote", "Kalamazoo"))
                .post("/api/quotes/check").then().statusCode(400).body("detail", containsString("at least 3 words"));
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/quotes/check").then().statusCode(400).body("detail", containsString("quote"));
        given().contentType(ContentType.JSON).body(Map.of("quote", "x ".repeat(1001)))
                .post("/api/quotes/check").then().statusCode(400).body("detail", containsString("longer"));
    }

    private static JsonPath check(String quote) {
        return given().contentType(ContentType.JSON).body(Map.of("quote", quote, "limit", 3))
                .post("/api/quotes/check").then().statusCode(200).extract().jsonPath();
    }

    /** Whether statement {@code ordinal} of the stored document holds the passage, word for word. */
    private static boolean containsPassage(String documentId, int ordinal, String passage) {
        List<String> texts = TEXT_OF_DOCUMENT.computeIfAbsent(documentId, id -> given()
                .get("/api/transcripts/" + id).then().statusCode(200).extract().jsonPath()
                .getList("statements.text"));
        return (" " + QuoteWords.normalisedText(texts.get(ordinal - 1)) + " ")
                .contains(" " + QuoteWords.normalisedText(passage) + " ");
    }

    private static GoldTranscript stored(String name) {
        return STORED.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<TranscriptParsed.Statement> wholeStatements(GoldTranscript t) {
        List<TranscriptParsed.Statement> whole = new ArrayList<>();
        for (int i = 0; i < t.whole().size(); i++) {
            if (t.whole().get(i)) {
                whole.add(t.event().statements().get(i));
            }
        }
        return whole;
    }

    /** Sentences of 10 to 40 words of every statement whose full text was found, in corpus order. */
    private static List<Sentence> sentencesOfWholeStatements() {
        List<Sentence> sentences = new ArrayList<>();
        for (GoldTranscript t : STORED) {
            for (TranscriptParsed.Statement s : wholeStatements(t)) {
                for (String paragraph : s.paragraphs()) {
                    for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
                        int words = words(sentence).size();
                        if (words >= 10 && words <= 40) {
                            sentences.add(new Sentence(t.event().documentId(), s.ordinal(), sentence));
                        }
                    }
                }
            }
        }
        return sentences;
    }

    /** Alteration {@code kind}: 0 words dropped, 1 punctuation changed, 2 a word replaced, 3 a fragment. */
    static String alter(String sentence, int kind, Random random, String other) {
        List<String> words = new ArrayList<>(words(sentence));
        switch (kind) {
            case 0 -> {
                int drops = 1 + random.nextInt(2);
                for (int d = 0; d < drops; d++) {
                    words.remove(1 + random.nextInt(words.size() - 2));
                }
                return String.join(" ", words);
            }
            case 1 -> {
                String changed = sentence.replace(",", "").replace(";", ",").replace(":", " -").replace("’", "'")
                        .replace("'", "’").replaceAll("[.!?]$", "...");
                return random.nextBoolean() ? "\"" + changed.toLowerCase(Locale.ROOT) + "\"" : changed + "!";
            }
            case 2 -> {
                List<String> otherWords = words(other);
                int at = 1 + random.nextInt(words.size() - 2);
                String replacement = otherWords.get(random.nextInt(otherWords.size()));
                words.set(at, replacement.equalsIgnoreCase(words.get(at)) ? "indeed" : replacement);
                return String.join(" ", words);
            }
            default -> {
                int length = Math.max(6, words.size() * (50 + random.nextInt(26)) / 100);
                int start = random.nextInt(words.size() - length + 1);
                return String.join(" ", words.subList(start, start + length));
            }
        }
    }

    /**
     * 200 sentences nobody said: 100 splices (the first half of one stored sentence, the second half of another's)
     * and 100 sentences of the corpus's unlabelled pages (not stored) that no stored statement contains.
     */
    private static List<String> inventedSentences(List<Sentence> sentences, Random random) {
        List<String> invented = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<String> a = words(sentences.get(random.nextInt(sentences.size())).text());
            List<String> b = words(sentences.get(random.nextInt(sentences.size())).text());
            invented.add(String.join(" ", a.subList(0, a.size() / 2)) + " "
                    + String.join(" ", b.subList(b.size() / 2, b.size())));
        }
        String stored = String.join(" | ", STORED.stream().flatMap(t -> t.event().statements().stream())
                .map(s -> QuoteWords.normalisedText(String.join(" ", s.paragraphs()))).toList());
        List<String> unsaid = new ArrayList<>();
        for (String page : Corpus.list(Corpus.UNLABELLED)) {
            for (Element p : Jsoup.parse(Corpus.text(Corpus.UNLABELLED, page)).select("p")) {
                for (String sentence : p.text().split("(?<=[.!?])\\s+")) {
                    int n = words(sentence).size();
                    if (n >= 10 && n <= 40 && !stored.contains(QuoteWords.normalisedText(sentence))) {
                        unsaid.add(sentence);
                    }
                }
            }
        }
        Collections.shuffle(unsaid, random);
        invented.addAll(unsaid.subList(0, Math.min(100, unsaid.size())));
        return invented;
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    private static String quantiles(List<Double> scores) {
        if (scores.isEmpty()) {
            return "(none)";
        }
        List<Double> sorted = scores.stream().sorted().toList();
        Function<Double, Double> at = q -> sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size()));
        return String.format(Locale.ROOT, "min %.2f, p5 %.2f, median %.2f, p95 %.2f, max %.2f", sorted.get(0),
                at.apply(0.05), at.apply(0.5), at.apply(0.95), sorted.get(sorted.size() - 1));
    }
}
