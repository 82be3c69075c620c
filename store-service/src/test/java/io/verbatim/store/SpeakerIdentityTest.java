package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.verbatim.corpus.Corpus;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.Sha256;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Speakers as people (issue 19) on the real gold documents: every gold document is stored as parse-service would
 * publish it (speaker name, role and label from the gold file, the Kremlin person ids its page links from
 * {@code corpus/persons/kremlin-person-ids.tsv}, the text's first and last characters as its paragraphs), then the
 * speakers are looked up the way readers name them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SpeakerIdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The six gold documents shared by every Verbatim project (the shared corpus). */
    private static final List<String> SHARED = List.of("00-seed-pyongyang-talks", "01-kremlin-le-pen-meeting",
            "02-kremlin-mishustin-meeting", "05-kremlin-trilateral-news-conference", "08-kremlin-tass-interview",
            "16-wh-psaki-gaggle");
    /** Unnamed voices of the gold files: not persons. */
    private static final Set<String> VOICES = Set.of("Question", "Remark", "Moderator");

    /**
     * An unnamed voice: the generic labels above, and aides named by their office only ("Aide", "White House Aide",
     * "Polish Aide": gold 33, 56, 64), who are not one person across documents.
     */
    private static boolean isVoice(String goldName) {
        return VOICES.contains(goldName) || goldName.equals("Aide") || goldName.endsWith(" Aide");
    }
    /** Gold names that name the same person as another gold name, checked by hand against the documents. */
    private static final Map<String, String> SAME_PERSON = Map.of("Biden", "Joe Biden", "Merkel", "Angela Merkel",
            // gold 48 (Camp David, 2023) names the moderator "MS. JEAN-PIERRE:" only; gold 56 gives her full name
            "Jean-Pierre", "Karine Jean-Pierre");
    /**
     * Office-only gold names that store-service links to the office holder at the document's date, checked by hand:
     * gold 64 is a White House briefing of 2024-10-04 whose "THE PRESIDENT:" says "My name is Joe Biden".
     */
    private static final Map<String, Map<String, String>> HOLDER_IN_DOCUMENT = Map.of(
            "64-wh-briefing-biden-brainard", Map.of("The President", "Joe Biden"));
    /** Salt of this run's document ids, so that the test documents are new to the database. */
    private static final String RUN = UUID.randomUUID().toString();
    /** gold file name -> documentId, filled once per run. */
    private static final Map<String, String> STORED = new TreeMap<>();

    @BeforeEach
    void storeTheGoldDocumentsOnce() throws IOException {
        synchronized (STORED) {
            if (!STORED.isEmpty()) {
                return;
            }
            try (TopicWriter writer = new TopicWriter(KafkaBroker.shared().bootstrapServers())) {
                for (String file : Corpus.list(Corpus.GOLD).stream().filter(f -> f.endsWith(".json")).toList()) {
                    TranscriptParsed parsed = fromGold(file);
                    writer.write(Topics.TRANSCRIPTS_PARSED, parsed.documentId(), EventJson.write(parsed));
                    STORED.put(file.replace(".json", ""), parsed.documentId());
                }
            }
            STORED.values().forEach(SpeakerIdentityTest::awaitStored);
        }
    }

    @Test
    void everyGoldPersonHasOneIdAcrossDocumentsAndNoTwoPeopleShareOne() throws IOException {
        Map<String, Set<String>> idsOfPerson = new TreeMap<>();
        for (Map.Entry<String, String> doc : STORED.entrySet()) {
            JsonNode gold = EventJson.mapper().readTree(Corpus.text(Corpus.GOLD, doc.getKey() + ".json"));
            List<String> names = new ArrayList<>();
            gold.get("turns").forEach(turn -> names.add(turn.get("speaker").asText()));
            List<String> ids = given().get("/api/transcripts/" + doc.getValue()).then().statusCode(200)
                    .extract().jsonPath().getList("statements.speaker.id");
            assertThat(ids).as(doc.getKey()).hasSameSizeAs(names);
            for (int i = 0; i < names.size(); i++) {
                if (!isVoice(names.get(i))) {
                    String name = HOLDER_IN_DOCUMENT.getOrDefault(doc.getKey(), Map.of())
                            .getOrDefault(names.get(i), names.get(i));
                    idsOfPerson.computeIfAbsent(SAME_PERSON.getOrDefault(name, name), person -> new HashSet<>())
                            .add(ids.get(i));
                }
            }
        }

        Map<String, String> personOfId = new LinkedHashMap<>();
        idsOfPerson.forEach((person, ids) -> {
            assertThat(ids).as("ids of %s", person).hasSize(1);
            String previous = personOfId.put(ids.iterator().next(), person);
            assertThat(previous).as("id %s is %s and %s", ids, previous, person).isNull();
        });
        assertThat(idsOfPerson).containsKeys("Vladimir Putin", "Joe Biden", "Angela Merkel", "Adam Stacoviak");
    }

    @Test
    void kremlinIdsOfTheGoldPagesArriveOnTheirSpeakersAndOnStatementNew() throws IOException {
        List<Corpus.KremlinPersonId> rows = Corpus.kremlinPersonIds().stream()
                .filter(row -> row.file().startsWith("docs/")).toList();
        Map<String, String> speakerOfKremlinId = new TreeMap<>();
        Map<String, String> documentOfKremlinId = new TreeMap<>();
        for (Corpus.KremlinPersonId row : rows) {
            String gold = row.file().substring("docs/".length(), row.file().lastIndexOf('.'));
            speakerOfKremlinId.put(row.id(), speakerIdIn(gold, row.speaker()));
            documentOfKremlinId.put(row.id(), STORED.get(gold));
        }
        // every statement of those pages, announced by the outbox relay after the commit
        int statementsOfThosePages = documentOfKremlinId.values().stream().distinct().mapToInt(documentId -> given()
                .get("/api/transcripts/" + documentId).then().statusCode(200).extract().jsonPath()
                .getList("statements").size()).sum();
        List<StatementNew> announced;
        try (TopicReader reader = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.STATEMENTS_NEW)) {
            announced = reader.awaitRecords(statementsOfThosePages,
                            r -> documentOfKremlinId.containsValue(r.key()), WAIT).stream()
                    .map(r -> EventJson.read(r.value(), StatementNew.class)).toList();
        }

        assertThat(rows).hasSizeGreaterThanOrEqualTo(14);
        speakerOfKremlinId.forEach((kremlinId, speakerId) -> {
            given().get("/api/speakers/" + speakerId).then().statusCode(200)
                    .body("externalIds.find { it.scheme == 'kremlin' }.value", equalTo(kremlinId))
                    .body("externalIds.find { it.scheme == 'kremlin' }.url",
                            equalTo("http://en.kremlin.ru/catalog/persons/" + kremlinId))
                    .body("externalIds.find { it.scheme == 'kremlin' }.source", equalTo("page"));
            assertThat(statementsOf("kremlin:" + kremlinId)).as("speaker=kremlin:%s", kremlinId)
                    .containsExactlyElementsOf(statementsOf(speakerId));
            assertThat(announced).as("statement.new of %s in its Kremlin page", speakerId)
                    .filteredOn(e -> e.documentId().equals(documentOfKremlinId.get(kremlinId))
                            && e.speaker().id().equals(speakerId))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.speaker().externalIds()).containsEntry("kremlin", kremlinId));
        });
        // Putin, who speaks on every one of those pages, is never linked there: he has no Kremlin id
        assertThat(announced).filteredOn(e -> e.speaker().id().equals("vladimir-putin")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.speaker().externalIds()).doesNotContainKey("kremlin"));
        // Angela Merkel: by Kremlin id on the Kremlin page (gold 31), by her surname alone at the White House (gold 32)
        assertThat(speakerIdIn("32-wh-biden-merkel-press-conference", "Merkel"))
                .isEqualTo(speakerOfKremlinId.get("55"));
    }

    @Test
    void aSpeakerFoundByKremlinIdUnderAnotherSpellingAndLaterByNameStaysOnePerson() {
        // gold 59 (Kremlin page 54337) links person 96 as "Yevgeny Savchenko" in its text and as "Savchenko Evgeny" in
        // its tag list: two spellings, one id; the gold page is stored already, with its statements under that id
        String goldSavchenko = speakerIdIn("59-kremlin-belgorod-governor", "Yevgeny Savchenko");
        List<String> goldStatements = statementsOf("kremlin:96");
        List<String> goldStatementsByName = statementsOf(goldSavchenko);
        TranscriptParsed first = doc("Belgorod one " + RUN, "2017-05-25", "http://en.kremlin.ru/x-" + RUN,
                kremlinTurn("Yevgeny Savchenko", "Governor of Belgorod Region", "96", "The region is growing."));
        TranscriptParsed second = doc("Belgorod two " + RUN, "2017-06-01", "http://en.kremlin.ru/y-" + RUN,
                kremlinTurn("Evgeny Savchenko", "Governor of Belgorod Region", "96", "Good afternoon."));
        TranscriptParsed third = doc("Belgorod three " + RUN, "2017-06-02", null,
                turn("Evgeny Savchenko", null, "Without any link."));
        storeAndWait(first);
        storeAndWait(second);
        storeAndWait(third);

        List<String> ids = List.of(first, second, third).stream().map(d -> given()
                .get("/api/transcripts/" + d.documentId()).then().statusCode(200).extract().jsonPath()
                .getString("statements[0].speaker.id")).toList();

        assertThat(ids).containsOnly(goldSavchenko);
        given().get("/api/speakers/" + goldSavchenko).then().statusCode(200)
                .body("aliases", hasItem("Evgeny Savchenko")).body("aliases", hasItem("Yevgeny Savchenko"))
                .body("externalIds.value", equalTo(List.of("96")));
        assertThat(goldStatements).isNotEmpty().isEqualTo(goldStatementsByName);
        assertThat(statementsOf("kremlin:96")).hasSize(goldStatements.size() + 3).containsAll(goldStatements);
    }

    @Test
    void twoNamesakesWithDifferentKremlinIdsStayTwoPeopleAndTheirNameIsAmbiguous() {
        String name = "Ivan Namesakov" + RUN.replaceAll("[^a-z]", "");
        TranscriptParsed one = doc("Namesake one " + RUN, "2018-01-10", "http://en.kremlin.ru/a-" + RUN,
                kremlinTurn(name, "Governor", "900001", "First namesake."));
        TranscriptParsed other = doc("Namesake two " + RUN, "2018-01-11", "http://en.kremlin.ru/b-" + RUN,
                kremlinTurn(name, "Minister", "900002", "Second namesake."));
        storeAndWait(one);
        storeAndWait(other);

        JsonPath ambiguous = given().queryParam("speaker", name).get("/api/statements").then().statusCode(300)
                .extract().jsonPath();

        given().queryParam("speaker", "kremlin:900001").get("/api/statements").then().statusCode(200)
                .body("items.text", equalTo(List.of("First namesake.")));
        given().queryParam("speaker", "kremlin:900002").get("/api/statements").then().statusCode(200)
                .body("items.text", equalTo(List.of("Second namesake.")));
        assertThat(ambiguous.getList("candidates.id")).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void putinByAnyNamePeopleUseFindsVladimirPutinsStatementsOfTheSharedDocuments() {
        List<String> all = statementsOf("vladimir-putin");
        Set<String> sharedDocs = new HashSet<>();
        SHARED.forEach(name -> sharedDocs.add(STORED.get(name)));
        List<String> ofShared = pagesOf("vladimir-putin", "documentId").stream().filter(sharedDocs::contains).toList();
        assertThat(ofShared).hasSize(1 + 3 + 9 + 6 + 11); // Putin's turns in gold 00, 01, 02, 05, 08

        for (String name : List.of("Putin", "President Putin", "putin", "PUTIN", "Mr Putin", "Mr. Putin",
                "President of Russia Vladimir Putin", "vladimir putin", "Vladímir Pútin", "V. Putin", "Q7747")) {
            assertThat(statementsOf(name)).as("speaker=%s", name).containsExactlyElementsOf(all);
        }
        given().queryParam("q", "President Putin").get("/api/speakers").then().statusCode(200)
                .body("items.id", equalTo(List.of("vladimir-putin")));
        given().get("/api/speakers/vladimir-putin").then().statusCode(200)
                .body("externalIds.value", hasItem("Q7747"))
                .body("externalIds.url", hasItem("https://www.wikidata.org/wiki/Q7747"));
    }

    @Test
    void anAmbiguousSurnameListsItsCandidatesInsteadOfGuessing() {
        String surname = "Ambigova" + RUN.replaceAll("[^a-z]", "");
        storeAndWait(doc("Ambiguity one " + RUN, "2024-01-10", null, turn("Anna " + surname, null, "First words.")));
        storeAndWait(doc("Ambiguity two " + RUN, "2024-01-11", null, turn("Boris " + surname, null,
                "Second words.")));

        JsonPath problem = given().queryParam("speaker", surname).get("/api/statements").then().statusCode(300)
                .contentType("application/problem+json").extract().jsonPath();
        JsonPath listed = given().queryParam("q", "Mr " + surname).get("/api/speakers").then().statusCode(200)
                .extract().jsonPath();

        assertThat(problem.getString("type")).isEqualTo("urn:verbatim:problem:ambiguous-speaker");
        assertThat(problem.getList("candidates.name")).containsExactlyInAnyOrder("Anna " + surname,
                "Boris " + surname);
        assertThat(listed.getList("items.name")).containsExactlyInAnyOrder("Anna " + surname, "Boris " + surname);
        given().queryParam("speaker", "Anna " + surname).get("/api/statements").then().statusCode(200)
                .body("items.text", equalTo(List.of("First words.")));
        given().queryParam("speaker", "B. " + surname).get("/api/statements").then().statusCode(200)
                .body("items.text", equalTo(List.of("Second words.")));
    }

    @Test
    void anUnknownNameIsA404WithSuggestionsNotAnEmptyList() {
        JsonPath misspelt = given().queryParam("speaker", "Vladimir Putn").get("/api/statements").then()
                .statusCode(404).contentType("application/problem+json").extract().jsonPath();
        JsonPath nobody = given().queryParam("speaker", "Zzyzx Qwvjkh").get("/api/statements")
                .then().statusCode(404).extract().jsonPath();

        assertThat(misspelt.getString("type")).isEqualTo("urn:verbatim:problem:unknown-speaker");
        assertThat(misspelt.getList("suggestions.id")).contains("vladimir-putin");
        assertThat(nobody.getList("suggestions")).isEmpty();
        given().queryParam("q", "Vladimir Putn").get("/api/speakers").then().statusCode(404)
                .body("suggestions.id", hasItem("vladimir-putin"));
    }

    @Test
    void theWhiteHouseOfficeLabelIsThePresidentOfTheDayAndKeepsItsLabel() throws IOException {
        TranscriptParsed briefing = whiteHouseBriefing();
        TopicReader announcements = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.STATEMENTS_NEW);
        storeAndWait(briefing);
        StatementNew announced;
        try (announcements) {
            announced = announcements.awaitRecords(1, r -> briefing.documentId().equals(r.key())
                            && r.value().contains("\"ordinal\":1,"), WAIT).stream()
                    .map(r -> EventJson.read(r.value(), StatementNew.class)).findFirst().orElseThrow();
        }

        JsonPath stored = given().get("/api/transcripts/" + briefing.documentId()).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> statements = stored.getList("statements");
        List<Map<String, Object>> president = statements.stream()
                .filter(s -> "THE PRESIDENT".equals(s.get("label"))).toList();

        assertThat(president).isNotEmpty();
        // statement.new (contract 1.3) carries the Wikidata id of the person the office label resolved to
        assertThat(announced.speaker().id()).isEqualTo("joe-biden");
        assertThat(announced.speaker().externalIds()).containsEntry("wikidata", "Q6279");
        assertThat(president).allSatisfy(s -> {
            assertThat(((Map<?, ?>) s.get("speaker")).get("id")).isEqualTo("joe-biden");
            assertThat(((Map<?, ?>) s.get("speaker")).get("role")).isEqualTo("President of the United States");
        });
        // the typo "THE PRESIDNET:" names no office: it stays a speaker of its own, never guessed
        assertThat(statements).filteredOn(s -> "THE PRESIDNET".equals(s.get("label")))
                .allSatisfy(s -> assertThat(((Map<?, ?>) s.get("speaker")).get("id")).isNotEqualTo("joe-biden"));
        // "Biden" with the role "President" in the gold press conference of 2021 is the same person
        given().get("/api/transcripts/" + STORED.get("32-wh-biden-merkel-press-conference")).then().statusCode(200)
                .body("statements[0].speaker.id", equalTo("joe-biden"))
                .body("statements[0].speaker.role", equalTo("President"));
        given().get("/api/speakers/joe-biden").then().statusCode(200)
                .body("externalIds.value", hasItem("Q6279"));
        given().queryParam("speaker", "President Biden").get("/api/statements").then().statusCode(200);
    }

    @Test
    void withoutADateTheOfficeLabelStaysTheSpeaker() {
        TranscriptParsed undated = doc("Undated " + RUN, null, "https://www.whitehouse.gov/briefing-room/x-" + RUN,
                turn("THE PRESIDENT", null, "Words of an unknown day."));
        storeAndWait(undated);

        given().get("/api/transcripts/" + undated.documentId()).then().statusCode(200)
                .body("statements[0].speaker.id", equalTo("the-president"))
                .body("statements[0].label", equalTo("THE PRESIDENT"));
        given().get("/api/speakers/the-president").then().statusCode(200).body("kind", equalTo("office"));
    }

    @Test
    void aKremlinPresidentOfRussiaIsTheHolderOfTheDayMedvedevIn2010() {
        // pool/kremlin/8021.html of the shared corpus, 2010-06-11: "President of Russia Dmitry Medvedev:" is parsed
        // as the name Dmitry Medvedev with the role President of Russia; the office on that day agrees and gives
        // his Wikidata id. The corpus has no Kremlin label naming the office alone, so the second turn is ours:
        // the bare office label of that page's date.
        TranscriptParsed kremlin = doc("Kremlin 2010 " + RUN, "2010-06-11",
                "http://en.kremlin.ru/events/president/transcripts/8021-" + RUN.substring(0, 8),
                turn("Dmitry Medvedev", "President of Russia", "Good afternoon."),
                turn("President of Russia", null, "Thank you."));
        storeAndWait(kremlin);

        JsonPath stored = given().get("/api/transcripts/" + kremlin.documentId()).then().statusCode(200)
                .extract().jsonPath();

        assertThat(stored.getString("statements[0].speaker.id")).isEqualTo(stored.getString("statements[1].speaker.id"));
        String medvedev = stored.getString("statements[0].speaker.id");
        given().get("/api/speakers/" + medvedev).then().statusCode(200)
                .body("name", equalTo("Dmitry Medvedev"))
                .body("externalIds.value", hasItem("Q23530"));
        assertThat(medvedev).isNotEqualTo("vladimir-putin");
    }

    @Test
    void aHansardPrimeMinisterIsThePrimeMinisterOfTheDebatesDate() {
        // gold 36 (Hansard, 2011-07-19) has no office-only label: its Foreign Secretary is named. "The Prime
        // Minister" is the label Hansard prints for later turns of the Prime Minister; here it is added to the turns
        // of that debate as a test of the rule on that date.
        TranscriptParsed hansard = doc("Hansard 2011 " + RUN, "2011-07-19",
                "https://publications.parliament.uk/pa/cm201011/cmhansrd/x-" + RUN.substring(0, 8),
                turn("William Hague", "The Secretary of State for Foreign and Commonwealth Affairs", "Mr Speaker."),
                turn("The Prime Minister", null, "I answered that question."));
        storeAndWait(hansard);

        JsonPath stored = given().get("/api/transcripts/" + hansard.documentId()).then().statusCode(200)
                .extract().jsonPath();

        assertThat(stored.getString("statements[1].speaker.name")).isEqualTo("David Cameron");
        assertThat(stored.getString("statements[1].label")).isEqualTo("The Prime Minister");
        assertThat(stored.getString("statements[0].speaker.id"))
                .isEqualTo(given().get("/api/transcripts/" + STORED.get("36-hansard-fco-oral-answers")).then()
                        .extract().jsonPath().getString("statements.find { it.speaker.name == 'William Hague' }"
                                + ".speaker.id"));
        given().queryParam("speaker", "Q192").get("/api/statements").then().statusCode(200)
                .body("items.label", hasItem("The Prime Minister"));
    }

    @Test
    void rolesAreDatedByTheirDocumentsAndTheStatementKeepsItsLabelledRole() {
        String name = "Mikhail Mishustin";
        TranscriptParsed later = doc("Government meeting " + RUN, "2020-02-05", "http://en.kremlin.ru/x-" + RUN,
                turn(name, "Prime Minister", "Colleagues, good afternoon."));
        storeAndWait(later);

        JsonPath speaker = given().get("/api/speakers/mikhail-mishustin").then().statusCode(200).extract().jsonPath();

        assertThat(speaker.getString("role")).isEqualTo("Prime Minister");
        assertThat(speaker.getString("roles.find { it.role == 'Head of the Federal Taxation Service' }.firstSeenOn"))
                .isEqualTo("2019-05-06");
        assertThat(speaker.getString("roles.find { it.role == 'Prime Minister' }.firstSeenOn"))
                .isEqualTo("2020-02-05");
        given().get("/api/transcripts/" + STORED.get("02-kremlin-mishustin-meeting")).then().statusCode(200)
                .body("statements[1].speaker.id", equalTo("mikhail-mishustin"))
                .body("statements[1].speaker.role", equalTo("Head of the Federal Taxation Service"));
    }

    private static List<String> statementsOf(String speaker) {
        return pagesOf(speaker, "statementId");
    }

    /** One field of every statement of {@code speaker}, through every page (the corpus holds more than one page). */
    private static List<String> pagesOf(String speaker, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("speaker", speaker).queryParam("limit", "500");
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/statements").then().statusCode(200).extract().jsonPath();
            values.addAll(page.getList("items." + field));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return values;
    }

    /** A gold file as parse-service publishes it: names, roles and labels from gold, the text's ends as paragraphs. */
    static TranscriptParsed fromGold(String file) {
        try {
            JsonNode gold = EventJson.mapper().readTree(Corpus.text(Corpus.GOLD, file));
            String name = file.replace(".json", "");
            List<TranscriptParsed.Statement> statements = new ArrayList<>();
            Map<String, String> kremlinIds = kremlinIdsOfGold(name);
            for (JsonNode turn : gold.get("turns")) {
                String speaker = turn.get("speaker").asText();
                String role = turn.get("role").isNull() ? null : turn.get("role").asText();
                TranscriptParsed.Speaker parsed = new TranscriptParsed.Speaker(speaker, role,
                        role == null ? speaker : role + " " + speaker);
                statements.add(new TranscriptParsed.Statement(statements.size() + 1,
                        kremlinIds.containsKey(speaker)
                                ? parsed.withExternalId(TranscriptParsed.Speaker.KREMLIN, kremlinIds.get(speaker))
                                : parsed,
                        turn.get("annotation").isNull() ? null : turn.get("annotation").asText(),
                        List.of(turn.get("text_start").asText() + " … " + turn.get("text_end").asText()), List.of()));
            }
            String source = gold.get("source").asText();
            String published = gold.get("published").isNull() ? null : gold.get("published").asText();
            String publisher = name.contains("kremlin") ? "Kremlin" : name.contains("-wh-") ? "The White House"
                    : name.contains("hansard") ? "House of Commons Hansard" : null;
            return doc(gold.get("title").asText() + " (" + name + ") " + RUN, published, sourceUrl(source), publisher, statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Speaker name to Kremlin person id of one gold document, as parse-service reads them from its page. */
    private static Map<String, String> kremlinIdsOfGold(String goldName) {
        Map<String, String> ids = new TreeMap<>();
        Corpus.kremlinPersonIds().stream().filter(row -> row.file().startsWith("docs/" + goldName + "."))
                .forEach(row -> ids.put(row.speaker(), row.id()));
        return ids;
    }

    static String sourceUrl(String source) {
        Matcher url = Pattern.compile("https?://[^\\s)]+").matcher(source);
        if (url.find()) {
            return url.group();
        }
        Matcher kremlin = Pattern.compile("en\\.kremlin\\.ru/[^\\s)]+?(?:\\.html)?(?=[\\s)]|$)").matcher(source);
        return kremlin.find() ? "http://" + kremlin.group().replaceFirst("\\.html$", "") : null;
    }

    /** The White House briefing of 2024-10-04 with its labelled turns ("THE PRESIDENT:", "Q"). */
    private static TranscriptParsed whiteHouseBriefing() throws IOException {
        String text;
        try (var in = SpeakerIdentityTest.class.getResourceAsStream(
                "/speakers/wh-2024-10-04-press-briefing-biden-jean-pierre-brainard.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the page separates label and speech with a no-break space and a space
        Pattern label = Pattern.compile("^([A-Z][A-Z.' -]+):[\\s\u00A0]+(.*)$|^Q[\\s\u00A0]{2,}(.*)$");
        List<TranscriptParsed.Statement> statements = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = label.matcher(line.replace('\u00A0', ' ').strip());
            if (m.matches()) {
                String speaker = m.group(1) != null ? m.group(1).strip() : "Question";
                String said = m.group(1) != null ? m.group(2) : m.group(3);
                statements.add(new TranscriptParsed.Statement(statements.size() + 1,
                        new TranscriptParsed.Speaker(speaker, null, speaker), null, List.of(said.strip()), List.of()));
            }
        }
        return doc("Press Briefing 2024-10-04 " + RUN, "2024-10-04",
                "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2024/10/04/press-briefing-" + RUN,
                "The White House", statements);
    }

    /** The speaker id of the first turn of {@code name} in a stored gold document. */
    private static String speakerIdIn(String gold, String name) {
        try {
            JsonNode turns = EventJson.mapper().readTree(Corpus.text(Corpus.GOLD, gold + ".json")).get("turns");
            int index = 0;
            while (!turns.get(index).get("speaker").asText().equals(name)) {
                index++;
            }
            return given().get("/api/transcripts/" + STORED.get(gold)).then().statusCode(200).extract().jsonPath()
                    .getString("statements[" + index + "].speaker.id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A turn whose page links the speaker to a Kremlin person id, as parse-service publishes it since 1.5. */
    private static TranscriptParsed.Statement kremlinTurn(String name, String role, String kremlinId, String text) {
        TranscriptParsed.Statement turn = turn(name, role, text);
        return new TranscriptParsed.Statement(0,
                turn.speaker().withExternalId(TranscriptParsed.Speaker.KREMLIN, kremlinId), null, turn.paragraphs(),
                List.of());
    }

    private static TranscriptParsed.Statement turn(String name, String role, String text) {
        return new TranscriptParsed.Statement(0, new TranscriptParsed.Speaker(name, role,
                role == null ? name : role + " " + name), null, List.of(text), List.of());
    }

    private static TranscriptParsed doc(String title, String publishedAt, String sourceUrl,
            TranscriptParsed.Statement... turns) {
        List<TranscriptParsed.Statement> numbered = new ArrayList<>();
        for (int i = 0; i < turns.length; i++) {
            numbered.add(new TranscriptParsed.Statement(i + 1, turns[i].speaker(), turns[i].annotation(),
                    turns[i].paragraphs(), turns[i].remarks()));
        }
        return doc(title, publishedAt, sourceUrl, null, numbered);
    }

    private static TranscriptParsed doc(String title, String publishedAt, String sourceUrl, String source,
            List<TranscriptParsed.Statement> statements) {
        String documentId = Sha256.hex(title + RUN);
        return new TranscriptParsed(TranscriptParsed.eventIdFor(documentId, "h", "test"),
                EventTypes.TRANSCRIPT_PARSED, documentId, sourceUrl, "h", "test", TranscriptParsed.KIND_TRANSCRIPT,
                title, publishedAt, null, "en", statements, List.of(), source, List.of(), List.of(), Instant.now());
    }

    private static void storeAndWait(TranscriptParsed parsed) {
        try (TopicWriter writer = new TopicWriter(KafkaBroker.shared().bootstrapServers())) {
            writer.write(Topics.TRANSCRIPTS_PARSED, parsed.documentId(), EventJson.write(parsed));
        }
        awaitStored(parsed.documentId());
    }

    private static void awaitStored(String documentId) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/transcripts/" + documentId).statusCode() == 200);
    }
}
