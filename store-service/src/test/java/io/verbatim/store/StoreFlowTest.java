package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.testsupport.ConsumerGroups;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StoreFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TopicWriter writer;
    private TopicReader announcements;

    @BeforeEach
    void connect() {
        writer = new TopicWriter(KafkaBroker.shared().bootstrapServers());
        announcements = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.STATEMENTS_NEW);
    }

    @AfterEach
    void disconnect() {
        writer.close();
        announcements.close();
    }

    @Test
    void parsedTranscriptIsStoredAndEachStatementAnnouncedOnce() {
        String documentId = newDocumentId();
        TranscriptParsed parsed = talks(documentId, "hash-1", "Once again, welcome to Pyongyang.");

        publish(parsed);

        List<ConsumerRecord<String, String>> records = announcements.awaitRecords(2,
                r -> documentId.equals(r.key()), WAIT);
        List<StatementNew> events = records.stream().map(r -> EventJson.read(r.value(), StatementNew.class)).toList();
        assertThat(events).extracting(StatementNew::ordinal).containsExactly(1, 2);
        assertThat(events).extracting(e -> e.speaker().name()).containsExactly("Kim Jong-un", "Vladimir Putin");
        assertThat(events).extracting(StatementNew::eventId).containsExactlyElementsOf(
                events.stream().map(StatementNew::statementId).toList());
        assertThat(events.get(0).annotation()).isEqualTo("retranslated");
        assertThat(events.get(0).text()).isEqualTo("Comrade President Vladimir Putin,\n\nOnce again, welcome to Pyongyang.");
        assertThat(events.get(1).speaker().id()).isEqualTo("vladimir-putin");
        assertThat(header(records.get(1), StatementNew.SPEAKER_ID_HEADER)).isEqualTo("vladimir-putin");
        assertThat(header(records.get(1), "eventType")).isEqualTo("statement.new");

        given().get("/api/transcripts/" + documentId).then().statusCode(200)
                .body("title", equalTo("Russia-DPRK talks"))
                .body("statements", hasSize(2))
                .body("statements[0].speaker.role", equalTo("Chairman of State Affairs of the DPRK"))
                .body("statements[1].speaker.name", equalTo("Vladimir Putin"));
        given().queryParam("speaker", "vladimir putin").get("/api/statements").then().statusCode(200)
                .body("items.findAll { it.documentId == '" + documentId + "' }", hasSize(1));
    }

    @Test
    void redeliveredTranscriptStoresAndAnnouncesNothingTwice() {
        String documentId = newDocumentId();
        TranscriptParsed parsed = talks(documentId, "hash-1", "Once again, welcome to Pyongyang.");
        publish(parsed);
        announcements.awaitRecords(2, r -> documentId.equals(r.key()), WAIT);

        publish(parsed);
        publish(parsed);
        ConsumerGroups.awaitCaughtUp(KafkaBroker.shared().bootstrapServers(), "store-service",
                Topics.TRANSCRIPTS_PARSED, WAIT);
        // a row the redelivery wrote by mistake would be published by the relay after the commit: wait it out
        Awaitility.await().atMost(WAIT).until(() -> given().get("/q/health/ready").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'outbox relay' }.data.unsent") == 0);

        assertThat(announcements.readToEnd(WAIT))
                .filteredOn(r -> documentId.equals(r.key())).hasSize(2);
        assertThat(statementRows(documentId)).isEqualTo(2);
    }

    @Test
    void newRevisionKeepsUnchangedStatementsAndAnnouncesOnlyNewOnes() {
        String documentId = newDocumentId();
        publish(talks(documentId, "hash-1", "Once again, welcome to Pyongyang."));
        List<StatementNew> first = announcements.awaitRecords(2, r -> documentId.equals(r.key()), WAIT).stream()
                .map(r -> EventJson.read(r.value(), StatementNew.class)).toList();

        publish(talks(documentId, "hash-2", "Welcome, dear friend, to Pyongyang."));

        List<StatementNew> all = announcements.awaitRecords(3, r -> documentId.equals(r.key()), WAIT).stream()
                .map(r -> EventJson.read(r.value(), StatementNew.class)).toList();
        StatementNew added = all.get(2);
        assertThat(added.speaker().name()).isEqualTo("Kim Jong-un");
        assertThat(added.text()).endsWith("Welcome, dear friend, to Pyongyang.");
        given().get("/api/transcripts/" + documentId).then().statusCode(200)
                .body("revision", equalTo(2))
                .body("statements", hasSize(2))
                .body("statements[0].statementId", equalTo(added.statementId()))
                .body("statements[1].statementId", equalTo(first.get(1).statementId()));
        assertThat(statementRows(documentId)).isEqualTo(2);
    }

    // issue 12, finding 8: a replayed older revision (dead-letter replay, resubmission) replaced the newer one
    @Test
    void olderRevisionArrivingAfterANewerOneNeitherReplacesItNorIsAnnounced() {
        String documentId = newDocumentId();
        java.time.Instant fetchedB = java.time.Instant.parse("2024-06-20T10:00:00Z");
        TranscriptParsed newer = fetchedAt(talks(documentId, "hash-B", "Revision B, the newer fetch."), fetchedB);
        TranscriptParsed older = fetchedAt(talks(documentId, "hash-A", "Revision A, the older fetch."),
                fetchedB.minusSeconds(3600));
        publish(newer);
        List<ConsumerRecord<String, String>> announcedForB = announcements.awaitRecords(2,
                r -> documentId.equals(r.key()), WAIT);

        publish(older);
        ConsumerGroups.awaitCaughtUp(KafkaBroker.shared().bootstrapServers(), "store-service",
                Topics.TRANSCRIPTS_PARSED, WAIT);

        given().get("/api/transcripts/" + documentId).then().statusCode(200)
                .body("revision", equalTo(1))
                .body("statements[0].text", org.hamcrest.Matchers.endsWith("Revision B, the newer fetch."));
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.verbatim.store.persistence
                .OutboxEvent.count("recordKey", documentId))).isEqualTo(2);
        assertThat(announcements.readToEnd(WAIT)).filteredOn(r -> documentId.equals(r.key()))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(announcedForB.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void malformedRecordIsDeadLetteredWithItsReasonAndTheChannelGoesOn() {
        String poisonKey = newDocumentId();
        try (TopicReader deadLetters = new TopicReader(KafkaBroker.shared().bootstrapServers(),
                Topics.TRANSCRIPTS_PARSED_DLQ)) {
            writer.write(Topics.TRANSCRIPTS_PARSED, poisonKey, "{\"documentId\": \"" + poisonKey + "\", oops");

            ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, r -> poisonKey.equals(r.key()), WAIT)
                    .get(0);

            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("not a valid TranscriptParsed JSON document");
            assertThat(dead.value()).startsWith("{\"documentId\"");
        }
        String documentId = newDocumentId();
        publish(talks(documentId, "hash-1", "After the poison."));
        assertThat(announcements.awaitRecords(2, r -> documentId.equals(r.key()), WAIT)).hasSize(2);
    }

    @Test
    void customMetricsAreScrapedFromTheMetricsEndpoint() {
        String documentId = newDocumentId();
        TranscriptParsed parsed = talks(documentId, "hash-1", "Metrics.");
        writer.write(Topics.TRANSCRIPTS_PARSED, documentId, EventJson.write(
                fetchedAt(parsed, java.time.Instant.now().minusSeconds(2))));
        announcements.awaitRecords(2, r -> documentId.equals(r.key()), WAIT);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("verbatim_store_statements_total", "verbatim_store_outbox_unsent",
                "verbatim_store_outbox_oldest_seconds", "verbatim_pipeline_latency_seconds_bucket",
                "verbatim_pipeline_latency_seconds_count");
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_lag");
        assertThat(metrics).containsPattern("\\{[^}]*channel=\"transcripts-parsed\"");
    }

    @Test
    void badQueryParametersGetAProblemResponse() {
        given().get("/api/transcripts/not-an-id").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        given().get("/api/transcripts/" + newDocumentId()).then().statusCode(404);
        given().queryParam("limit", "lots").get("/api/statements").then().statusCode(400)
                .body("detail", equalTo("limit must be a whole number"));
        given().queryParam("speaker", "x' or '1'='1").get("/api/statements").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    private void publish(TranscriptParsed parsed) {
        writer.write(Topics.TRANSCRIPTS_PARSED, parsed.documentId(), EventJson.write(parsed));
    }

    private static long statementRows(String documentId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> StatementEntity.count("transcript.documentId", documentId));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String newDocumentId() {
        return Sha256.hex(UUID.randomUUID().toString());
    }

    private static TranscriptParsed fetchedAt(TranscriptParsed p, java.time.Instant fetchedAt) {
        return p.toBuilder().fetchedAt(fetchedAt).build();
    }

    private static TranscriptParsed talks(String documentId, String contentHash, String kimLastParagraph) {
        return TranscriptParsed.builder().documentId(documentId).contentHash(contentHash).parserVersion("test")
                .kind(TranscriptParsed.KIND_TRANSCRIPT).title("Russia-DPRK talks").publishedAt("2024-06-19")
                .location("Pyongyang").language("en")
                .statements(List.of(new TranscriptParsed.Statement(1,
                                new TranscriptParsed.Speaker("Kim Jong-un", "Chairman of State Affairs of the DPRK",
                                        "Chairman of State Affairs of the DPRK Kim Jong-un (retranslated)"),
                                "retranslated", List.of("Comrade President Vladimir Putin,", kimLastParagraph),
                                List.of()),
                        new TranscriptParsed.Statement(2,
                                new TranscriptParsed.Speaker("Vladimir Putin", "President of Russia",
                                        "President of Russia Vladimir Putin"),
                                null, List.of("Chairman of State Affairs Comrade Kim Jong-un, friends,"), List.of())))
                .build();
    }
}
