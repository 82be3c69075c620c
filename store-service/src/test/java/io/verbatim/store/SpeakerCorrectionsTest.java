package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.Sha256;
import io.verbatim.events.SpeakersChanged;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An operator's corrections of speakers (issue 19): merge and split through the admin API, on the real broker and
 * database. Past statements answer under the corrected speaker, and each correction is one {@code speakers.changed}
 * record.
 */
@QuarkusTest
@TestProfile(RelayAndAdminProfile.class) // the admin API on, with RelayAndAdminProfile.ADMIN_KEY
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SpeakerCorrectionsTest {

    static final String KEY = RelayAndAdminProfile.ADMIN_KEY;
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Letters only, so that the names of this run are new surnames. */
    private static final String RUN = UUID.randomUUID().toString().replaceAll("[^a-z]", "");

    @Test
    void mergedSpeakerStatementsAnswerUnderTheKeptIdAndTheOldIdRedirects() {
        String first = store("merge one", "Ivan Alphaev" + RUN, "Words under the first name.");
        String second = store("merge two", "Ivan Betaev" + RUN, "Words under the second name.");
        String kept = speakerOf(first);
        String merged = speakerOf(second);
        String movedStatement = statementOf(second);
        assertThat(kept).isNotEqualTo(merged);

        try (TopicReader changes = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.SPEAKERS_CHANGED)) {
            given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                    .body(Map.of("keep", kept, "merge", List.of(merged), "reason", "one person, two spellings"))
                    .post("/api/admin/speakers/merge").then().statusCode(200)
                    .body("change", equalTo("merge")).body("speakerId", equalTo(kept));

            List<String> texts = List.of("Words under the first name.", "Words under the second name.");
            assertThat(textsOf(kept)).containsExactlyInAnyOrderElementsOf(texts);
            assertThat(textsOf(merged)).containsExactlyInAnyOrderElementsOf(texts);
            given().get("/api/speakers/" + merged).then().statusCode(200)
                    .body("id", equalTo(kept)).body("formerIds", equalTo(List.of(merged)));
            given().get("/api/transcripts/" + second).then().statusCode(200)
                    .body("statements[0].speaker.id", equalTo(kept));

            changes.awaitRecords(1, r -> kept.equals(r.key()), WAIT);
            List<ConsumerRecord<String, String>> announced = changes.readToEnd(WAIT).stream()
                    .filter(r -> r.value().contains(merged)).toList();
            assertThat(announced).hasSize(1);
            SpeakersChanged event = EventJson.read(announced.get(0).value(), SpeakersChanged.class);
            assertThat(announced.get(0).key()).isEqualTo(kept);
            assertThat(header(announced.get(0), "eventType")).isEqualTo(EventTypes.SPEAKERS_CHANGED);
            assertThat(event.change()).isEqualTo(SpeakersChanged.MERGE);
            assertThat(event.formerIds()).containsExactly(merged);
            assertThat(event.statementIds()).containsExactly(movedStatement);
            assertThat(event.splitFrom()).isNull();
        }
    }

    @Test
    void splitStatementsMoveToTheNewSpeakerAndTheRestStay() {
        String name = "Petra Gammova" + RUN;
        String first = store("split one", name, "Said by the first Petra.");
        String second = store("split two", name, "Said by the second Petra.");
        String mixed = speakerOf(first);
        assertThat(speakerOf(second)).isEqualTo(mixed);
        String moved = statementOf(second);

        try (TopicReader changes = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.SPEAKERS_CHANGED)) {
            String created = given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                    .body(Map.of("from", mixed, "name", "Paula Gammova" + RUN, "statementIds", List.of(moved)))
                    .post("/api/admin/speakers/split").then().statusCode(200)
                    .body("change", equalTo("split")).body("splitFrom", equalTo(mixed))
                    .extract().jsonPath().getString("speakerId");

            assertThat(created).isNotEqualTo(mixed);
            assertThat(textsOf(created)).containsExactly("Said by the second Petra.");
            assertThat(textsOf(mixed)).containsExactly("Said by the first Petra.");
            given().get("/api/transcripts/" + second).then().statusCode(200)
                    .body("statements[0].speaker.id", equalTo(created))
                    .body("statements[0].speaker.name", equalTo("Paula Gammova" + RUN));

            changes.awaitRecords(1, r -> created.equals(r.key()), WAIT);
            List<ConsumerRecord<String, String>> announced = changes.readToEnd(WAIT).stream()
                    .filter(r -> r.value().contains(mixed)).toList();
            assertThat(announced).hasSize(1);
            SpeakersChanged event = EventJson.read(announced.get(0).value(), SpeakersChanged.class);
            assertThat(event.change()).isEqualTo(SpeakersChanged.SPLIT);
            assertThat(event.speakerId()).isEqualTo(created);
            assertThat(event.statementIds()).containsExactly(moved);
            assertThat(event.formerIds()).isEmpty();
        }
    }

    @Test
    void correctionsWithoutTheKeyOrWithAnotherAre401AndChangeNothing() {
        String document = store("unauthorised", "Olga Deltova" + RUN, "Nobody may move this.");
        String speaker = speakerOf(document);
        Map<String, Object> split = Map.of("from", speaker, "name", "Someone Else" + RUN,
                "statementIds", List.of(statementOf(document)));

        given().contentType(ContentType.JSON).body(split).post("/api/admin/speakers/split").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "not-" + KEY).contentType(ContentType.JSON).body(split)
                .post("/api/admin/speakers/split").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("keep", speaker, "merge", List.of("vladimir-putin")))
                .post("/api/admin/speakers/merge").then().statusCode(401);

        assertThat(speakerOf(document)).isEqualTo(speaker);
        assertThat(textsOf(speaker)).containsExactly("Nobody may move this.");
    }

    private static String store(String title, String speaker, String text) {
        String documentId = Sha256.hex(title + RUN);
        TranscriptParsed parsed = new TranscriptParsed(TranscriptParsed.eventIdFor(documentId, "h", "test"),
                EventTypes.TRANSCRIPT_PARSED, documentId, null, "h", "test", TranscriptParsed.KIND_TRANSCRIPT, title,
                "2024-03-01", null, "en", List.of(new TranscriptParsed.Statement(1,
                        new TranscriptParsed.Speaker(speaker, null, speaker), null, List.of(text), List.of())),
                List.of(), null, List.of(), List.of(), Instant.now());
        try (TopicWriter writer = new TopicWriter(KafkaBroker.shared().bootstrapServers())) {
            writer.write(Topics.TRANSCRIPTS_PARSED, documentId, EventJson.write(parsed));
        }
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/transcripts/" + documentId).statusCode() == 200);
        return documentId;
    }

    private static String speakerOf(String documentId) {
        return given().get("/api/transcripts/" + documentId).then().statusCode(200).extract().jsonPath()
                .getString("statements[0].speaker.id");
    }

    private static String statementOf(String documentId) {
        return given().get("/api/transcripts/" + documentId).then().statusCode(200).extract().jsonPath()
                .getString("statements[0].statementId");
    }

    private static List<String> textsOf(String speaker) {
        return given().queryParam("speaker", speaker).get("/api/statements").then().statusCode(200).extract()
                .jsonPath().getList("items.text");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
