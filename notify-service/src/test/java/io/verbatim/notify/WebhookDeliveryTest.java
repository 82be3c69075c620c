package io.verbatim.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.notify.delivery.WebhookSignature;
import io.verbatim.notify.messaging.DeliveryDeadLetters;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class WebhookDeliveryTest {

    private static final String KEY = "test-notify-key";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static JsonPath subscribe(Map<String, Object> body) {
        return given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(body)
                .when().post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void publish(StatementNew... statements) {
        try (TopicWriter writer = new TopicWriter(KafkaBroker.shared().bootstrapServers())) {
            for (StatementNew statement : statements) {
                writer.write(Topics.STATEMENTS_NEW, statement.documentId(), Statements.json(statement));
            }
        }
    }

    @Test
    void matchingStatementsAreDeliveredSignedAndOthersAreNot() throws Exception {
        String url = receiver.endpoint("/signed", n -> 204);
        JsonPath created = subscribe(Map.of("url", url, "speakerId", "vladimir-putin", "query", "grain exports"));
        String id = created.getString("id");
        String secret = created.getString("secret");
        String document = Statements.hexId();
        StatementNew otherSpeaker = Statements.statement(document, 1, "joe-biden", "Joe Biden",
                "Our grain exports are growing.");
        StatementNew otherTopic = Statements.statement(document, 2, "vladimir-putin", "Vladimir Putin",
                "We discussed energy.");
        StatementNew match1 = Statements.statement(document, 3, "vladimir-putin", "Vladimir Putin",
                "Grain is what we export: exports of grain grew.");
        StatementNew match2 = Statements.statement(document, 4, "vladimir-putin", "Vladimir Putin",
                "The grain deal keeps exporting alive.");

        publish(otherSpeaker, otherTopic, match1, match2);

        Awaitility.await().atMost(WAIT).until(() -> receiver.requestsTo("/signed").size() >= 2);
        List<WebhookReceiver.Received> requests = receiver.requestsTo("/signed");
        assertThat(requests).hasSize(2);
        List<String> eventIds = new ArrayList<>();
        for (WebhookReceiver.Received request : requests) {
            assertThat(WebhookSignature.verify(secret, request.header("Verbatim-Signature"), request.body()))
                    .as("signature of %s", request.header("Verbatim-Event-Id")).isTrue();
            assertThat(WebhookSignature.verify("whsec_wrong", request.header("Verbatim-Signature"), request.body()))
                    .isFalse();
            JsonNode body = EventJson.mapper().readTree(request.body());
            assertThat(body.path("subscriptionId").asText()).isEqualTo(id);
            assertThat(body.path("eventId").asText()).isEqualTo(request.header("Verbatim-Event-Id"));
            assertThat(body.path("permalink").asText()).endsWith("/api/statements/" + body.path("statementId")
                    .asText());
            assertThat(body.path("speaker").path("id").asText()).isEqualTo("vladimir-putin");
            eventIds.add(body.path("eventId").asText());
        }
        // per-subscription order: as published
        assertThat(eventIds).containsExactly(match1.eventId(), match2.eventId());
        given().header("X-API-Key", KEY).when().get("/api/subscriptions/" + id + "/deliveries")
                .then().statusCode(200).body("size()", equalTo(2)).body("[0].status", equalTo("delivered"));
        given().header("X-API-Key", KEY).when().get("/api/subscriptions/" + id)
                .then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue())
                .body("status", equalTo("active"));
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheDeliveryOnceItRecovers() {
        String url = receiver.endpoint("/recovering", n -> n <= 2 ? 500 : 200);
        String id = subscribe(Map.of("url", url, "speakerId", "recovering-speaker")).getString("id");
        StatementNew statement = Statements.statement(Statements.hexId(), 1, "recovering-speaker", "R. Speaker",
                "Nothing works today.");

        publish(statement);

        Awaitility.await().atMost(WAIT).until(() -> receiver.requestsTo("/recovering").size() >= 3);
        assertThat(receiver.requestsTo("/recovering")).extracting(WebhookReceiver.Received::answeredWith)
                .containsExactly(500, 500, 200);
        assertThat(receiver.requestsTo("/recovering")).extracting(r -> r.header("Verbatim-Delivery-Attempt"))
                .containsExactly("1", "2", "3");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().header("X-API-Key", KEY)
                .when().get("/api/subscriptions/" + id + "/deliveries")
                .then().statusCode(200).body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(3))
                .body("[0].lastStatus", equalTo(200)));
    }

    @Test
    void aDeadEndpointIsDeadLetteredWithoutHoldingUpAHealthyOne() {
        String dead = receiver.endpoint("/dead", n -> WebhookReceiver.NEVER);
        String healthy = receiver.endpoint("/healthy", n -> 200);
        String deadId = subscribe(Map.of("url", dead, "speakerId", "shared-speaker")).getString("id");
        subscribe(Map.of("url", healthy, "speakerId", "shared-speaker"));
        String document = Statements.hexId();
        List<StatementNew> statements = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            statements.add(Statements.statement(document, i, "shared-speaker", "Shared Speaker", "Point " + i));
        }

        try (TopicReader dlq = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.NOTIFY_DELIVERIES_DLQ)) {
            publish(statements.toArray(StatementNew[]::new));

            Awaitility.await().atMost(WAIT).until(() -> receiver.requestsTo("/healthy").size() >= 5);
            // every healthy delivery arrived before the dead endpoint's first delivery was even given up on
            assertThat(dlq.poll()).filteredOn(r -> r.key().equals(deadId)).isEmpty();
            assertThat(receiver.requestsTo("/healthy")).extracting(r -> r.header("Verbatim-Event-Id"))
                    .containsExactlyElementsOf(statements.stream().map(StatementNew::eventId).toList());

            List<ConsumerRecord<String, String>> dead1 = dlq.awaitRecords(1, r -> r.key().equals(deadId), WAIT);
            ConsumerRecord<String, String> letter = dead1.get(0);
            assertThat(header(letter, DeadLetterHeaders.REASON)).contains("gave up after 3 tries");
            assertThat(header(letter, DeliveryDeadLetters.EVENT_HEADER)).isEqualTo(statements.get(0).eventId());
            assertThat(letter.value()).contains(statements.get(0).eventId()).contains(deadId);
        }
        given().header("X-API-Key", KEY).when().get("/api/subscriptions/" + deadId)
                .then().statusCode(200).body("status", equalTo("failing"))
                .body("lastFailure", containsString("gave up after 3 tries"));
        // the first dead delivery is logged as such; the dead endpoint's queue went on in order
        given().header("X-API-Key", KEY).when().get("/api/subscriptions/" + deadId + "/deliveries")
                .then().statusCode(200)
                .body("find { it.eventId == '" + statements.get(0).eventId() + "' }.status", equalTo("dead"))
                .body("find { it.eventId == '" + statements.get(0).eventId() + "' }.attempts", equalTo(3));
    }

    @Test
    void aSubscriptionToAPrivateAddressIsRefused() {
        for (String url : List.of("http://127.0.0.1:" + receiver.port() + "/hook", "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "file:///etc/passwd")) {
            given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(Map.of("url", url))
                    .when().post("/api/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("refused"));
        }
        List<String> urls = given().header("X-API-Key", KEY).when().get("/api/subscriptions")
                .then().statusCode(200).extract().jsonPath().getList("url");
        assertThat(urls).noneMatch(u -> u.contains("127.0.0.1") || u.contains("10.1.2.3") || u.contains("169.254"));
    }

    @Test
    void theApiNeedsTheKeyAndADeletedSubscriptionIsGone() {
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/hook"))
                .when().post("/api/subscriptions").then().statusCode(401);
        String id = subscribe(Map.of("url", receiver.endpoint("/deleted", n -> 200), "speakerId", "deleted-speaker"))
                .getString("id");

        given().header("X-API-Key", KEY).when().delete("/api/subscriptions/" + id).then().statusCode(204);

        given().header("X-API-Key", KEY).when().get("/api/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.endpoint("/x", n -> 200), "query", "-only -excluded"))
                .when().post("/api/subscriptions").then().statusCode(400);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
