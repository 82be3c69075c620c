package io.verbatim.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IngestFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path INBOX = Path.of("target/test-inbox");

    private TopicReader raw;

    @BeforeEach
    void connect() {
        raw = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSCRIPTS_RAW);
    }

    @AfterEach
    void disconnect() {
        raw.close();
    }

    /** A request that carries the test API key. */
    static io.restassured.specification.RequestSpecification api() {
        return given().header("X-API-Key", "test-api-key");
    }

    @Test
    void submittedDocumentIsPublishedKeyedByItsDocumentId() {
        String body = "President of Russia Vladimir Putin: Good afternoon. " + UUID.randomUUID();

        String documentId = api().contentType("text/plain; charset=utf-8").body(body)
                .queryParam("sourceUrl", "HTTP://En.Kremlin.ru:80/events/president/news/1#top")
                .queryParam("sourceName", "kremlin")
                .post("/api/transcripts")
                .then().statusCode(202).extract().path("documentId");

        ConsumerRecord<String, String> record = raw.awaitRecords(1, r -> documentId.equals(r.key()), WAIT).get(0);
        TranscriptFetched event = EventJson.read(record.value(), TranscriptFetched.class);
        assertThat(documentId).isEqualTo(Sha256.hex("http://en.kremlin.ru/events/president/news/1"));
        assertThat(event.sourceUrl()).isEqualTo("http://en.kremlin.ru/events/president/news/1");
        assertThat(event.sourceName()).isEqualTo("kremlin");
        assertThat(event.contentType()).isEqualTo("text/plain");
        assertThat(event.contentHash()).isEqualTo(Sha256.hex(body));
        assertThat(event.body()).isEqualTo(body);
        assertThat(event.eventType()).isEqualTo("transcript.fetched");
        assertThat(new String(record.headers().lastHeader("verbatim-contract-version").value(),
                StandardCharsets.UTF_8)).isEqualTo("1");
    }

    @Test
    void documentWithoutSourceUrlIsIdentifiedByItsContent() {
        String body = "<p><b>Vladimir Putin:</b> Hello.</p>" + UUID.randomUUID();

        api().contentType("text/html").body(body).post("/api/transcripts")
                .then().statusCode(202).body("documentId", equalTo(Sha256.hex(body)));
    }

    @Test
    void badSubmissionsAreRefusedWithAProblemAndPublishNothing() {
        api().contentType("text/plain").body("").post("/api/transcripts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("empty"));
        api().contentType("text/plain").body("x").queryParam("sourceUrl", "file:///etc/passwd")
                .post("/api/transcripts").then().statusCode(400)
                .body("detail", containsString("http or https"));
        api().contentType("application/json").body("{}").post("/api/transcripts").then().statusCode(415);
        api().contentType("text/plain").body(new byte[] {(byte) 0xC3, (byte) 0x28, 'a'})
                .post("/api/transcripts").then().statusCode(400).body("detail", containsString("UTF-8"));
        api().contentType("text/plain").body(new byte[2_097_153]).post("/api/transcripts")
                .then().statusCode(413);
    }

    @Test
    void submitApiRefusesRequestsWithoutTheRightApiKeyButHealthStaysOpen() {
        given().contentType("text/plain").body("Vladimir Putin: Hello.").post("/api/transcripts")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-API-Key"));
        given().header("X-API-Key", "wrong").contentType("text/plain").body("Vladimir Putin: Hello.")
                .post("/api/transcripts").then().statusCode(401).body("detail", containsString("not valid"));

        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void fileDroppedInTheInboxIsPublishedAndMovedToProcessed() throws Exception {
        String body = "Question: Will you come back?\n\nVladimir Putin: Certainly. " + UUID.randomUUID();
        String documentId = Sha256.hex(body);
        Files.createDirectories(INBOX);
        Path dropped = INBOX.resolve("talk-" + UUID.randomUUID() + ".txt");
        Files.writeString(dropped.resolveSibling(".writing"), body);
        Files.move(dropped.resolveSibling(".writing"), dropped);

        ConsumerRecord<String, String> record = raw.awaitRecords(1, r -> documentId.equals(r.key()), WAIT).get(0);

        TranscriptFetched event = EventJson.read(record.value(), TranscriptFetched.class);
        assertThat(event.sourceName()).isEqualTo("inbox:" + dropped.getFileName());
        assertThat(event.contentType()).isEqualTo("text/plain");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(INBOX.resolve("processed")
                .resolve(dropped.getFileName())));
        assertThat(dropped).doesNotExist();
    }

    @Test
    void inboxFileOfUnknownTypeIsSetAsideWithItsReason() throws Exception {
        Files.createDirectories(INBOX);
        Path dropped = INBOX.resolve("photo-" + UUID.randomUUID() + ".jpg");
        Files.write(dropped, new byte[] {1, 2, 3});

        Path reason = INBOX.resolve("failed").resolve(dropped.getFileName() + ".reason");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("unsupported file type");
        assertThat(INBOX.resolve("failed").resolve(dropped.getFileName())).exists();
    }
}
