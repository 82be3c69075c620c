package io.verbatim.parse.api;

import static io.restassured.RestAssured.given;
import static io.verbatim.testsupport.HostileInput.document;
import static io.verbatim.testsupport.HostileInput.shown;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import io.verbatim.events.EventJson;
import io.verbatim.events.SourceUrls;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.testsupport.HostileInput;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.RawHttpClient;
import io.verbatim.testsupport.RawHttpClient.Answer;
import io.verbatim.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to the preview API get a clear 4xx, and nothing else happens. The answer is a problem body,
 * except where the HTTP server itself refuses before the endpoint runs (a body over its 8 MiB cap: 413, a request
 * line over 4 KiB: 414, a query string it cannot decode: 400), which answers with the bare status. The preview never
 * touches Kafka: no record carrying a request's marker appears on {@code transcripts.raw}, {@code transcripts.parsed}
 * or {@code transcripts.raw.dlq}, whatever the answer was.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ParseApiAbuseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    /** {@code quarkus.http.limits.max-body-size}, the HTTP server's cap on every body. */
    private static final int TRANSPORT_LIMIT = 8 * 1024 * 1024;

    private static List<TopicReader> topics;

    /** Carried by every request, so that any record a request caused is found. */
    private final String marker = "preview-" + UUID.randomUUID();
    private RawHttpClient http;

    @BeforeAll
    static void connect() {
        topics = Stream.of(Topics.TRANSCRIPTS_RAW, Topics.TRANSCRIPTS_PARSED, Topics.TRANSCRIPTS_RAW_DLQ)
                .map(topic -> new TopicReader(KafkaBroker.shared().bootstrapServers(), topic)).toList();
        topics.parallelStream().forEach(reader -> reader.readToEnd(WAIT)); // join the three groups at once
    }

    @AfterAll
    static void disconnect() {
        topics.forEach(TopicReader::close);
    }

    @BeforeEach
    void connectClient() {
        http = new RawHttpClient("localhost", RestAssured.port);
    }

    @Test
    void documentsOverTheParsersLimitAreRefusedWith422AndBodiesOverTheCapWith413() {
        preview("text/plain; charset=utf-8").body(document(marker, 4_000_001)).post("/api/parse")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", equalTo("the document has 4,000,001 characters; the parser's limit is 4,000,000"));

        Answer justOverTheCap = http.send("POST /api/parse HTTP/1.1", List.of("Content-Type: text/plain"),
                document(marker, TRANSPORT_LIMIT + 1));
        Answer announcedGigabyte = http.send("POST /api/parse HTTP/1.1",
                List.of("Content-Type: text/plain", "Content-Length: 1073741824"), document(marker, 65_536));
        Answer chunkedTenMebibytes = http.sendChunked("POST /api/parse HTTP/1.1", List.of("Content-Type: text/plain"),
                document(marker, 65_536), 160);

        assertThat(List.of(justOverTheCap, announcedGigabyte, chunkedTenMebibytes)).extracting(Answer::status)
                .containsOnly(413);
        assertNothingPublished();
    }

    @Test
    void bodiesOfATypeThePreviewDoesNotReadAreRefusedWith415() {
        List<String> contentTypes = Stream.concat(HostileInput.NOT_TEXT_TYPES.stream(),
                Stream.of("application/pdf", "text/plain; charset=utf-8; charset=x-bogus")).toList();

        for (String contentType : contentTypes) {
            List<String> headers = contentType == null ? List.of() : List.of("Content-Type: " + contentType);

            Answer answer = http.send("POST /api/parse HTTP/1.1", headers, document(marker, 200));

            assertThat(answer.status()).as("Content-Type %s", contentType).isEqualTo(415);
            assertThat(answer.isProblem()).as("a problem body for Content-Type %s", contentType).isTrue();
        }
        assertNothingPublished();
    }

    @Test
    void hostileSourceUrlsGetAClearAnswer() {
        List<String> values = Stream.concat(HostileInput.VALUES.stream(), HostileInput.URLS.stream()).toList();

        for (String value : values) {
            Answer answer = http.send("POST /api/parse?" + RawHttpClient.parameter("sourceUrl", value) + " HTTP/1.1",
                    List.of("Content-Type: text/plain"), document(marker, 200));

            assertThat(answer.status()).as("sourceUrl=%s", shown(value)).isIn(200, 400, 414);
            if (answer.status() == 400) {
                assertThat(answer.isProblem()).as("a problem body for sourceUrl=%s", shown(value)).isTrue();
            }
            if (answer.status() == 200) {
                assertThat(value).as("taken as a source URL").isIn(HostileInput.VALID_URL, "\n", "   ");
                assertThat(EventJson.read(answer.body(), TranscriptParsed.class).sourceUrl())
                        .isEqualTo(value.isBlank() ? null : SourceUrls.canonical(value));
            }
        }
        assertNothingPublished();
    }

    @Test
    void queryStringsThatDoNotDecodeAreRefusedWith400BeforeThePreviewRuns() {
        List<String> targets = List.of("/api/parse?sourceUrl=%zz", "/api/parse?sourceUrl=%",
                "/api/parse?sourceUrl=http://example.org/%G1", "/api/parse?sourceUrl=a b",
                "/api/parse?sourceUrl=http://example.org/\u0000");

        for (String target : targets) {
            Answer answer = http.send("POST " + target + " HTTP/1.1", List.of("Content-Type: text/plain"),
                    document(marker, 200));

            assertThat(answer.status()).as(target).isEqualTo(400);
        }
        assertNothingPublished();
    }

    @Test
    void aRepeatedSourceUrlTakesTheFirstAndUnknownParametersAreIgnored() {
        preview("text/plain; charset=utf-8").body(document(marker, 200))
                .queryParam("sourceUrl", "https://example.org/first", "javascript:alert(1)")
                .queryParam("limit", "abc").queryParam("sourceName", "\u0000")
                .post("/api/parse")
                .then().statusCode(200).body("sourceUrl", equalTo("https://example.org/first"));

        assertNothingPublished();
    }

    @Test
    void aCharsetLabelIsCheckedButTheBodyIsAlwaysReadAsUtf8() {
        String text = "Vladimir Putin: Добрый день. " + marker;
        byte[] notUtf8 = document(marker, 400);
        Arrays.fill(notUtf8, 100, 400, (byte) 0xFF);

        preview("text/plain; charset=ISO-8859-1").body(text.getBytes(UTF_8)).post("/api/parse")
                .then().statusCode(200)
                .body("statements[0].paragraphs[0]", equalTo("Добрый день. " + marker));
        preview("text/plain; charset=ISO-8859-1").body(("Café " + marker).getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/parse").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("the document is not valid UTF-8 text"));
        preview("text/plain; charset=utf-8").body(notUtf8).post("/api/parse").then().statusCode(400)
                .contentType(PROBLEM).body("detail", equalTo("the document is not valid UTF-8 text"));

        assertNothingPublished();
    }

    @Test
    void methodsThePreviewDoesNotTakeGet405AndOtherPathsGet404() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            Answer answer = http.send(method + " /api/parse HTTP/1.1", List.of("Content-Type: text/plain"),
                    document(marker, 200));

            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.isProblem()).as(method).isTrue();
            assertThat(answer.body()).contains("/api/parse does not take " + method);
        }
        for (String target : List.of("/api", "/api/parse/1", "/api/parse/../transcripts", "/api/nothing", "/nothing",
                "/q/nothing")) {
            Answer answer = http.send("POST " + target + " HTTP/1.1", List.of("Content-Type: text/plain"),
                    document(marker, 200));

            assertThat(answer.status()).as(target).isEqualTo(404);
            assertThat(answer.isProblem()).as(target).isTrue();
        }
        assertNothingPublished();
    }

    private void assertNothingPublished() {
        for (TopicReader topic : topics) {
            assertThat(topic.readToEnd(WAIT)).noneMatch(r -> r.value() != null && r.value().contains(marker));
        }
    }

    /** A request that sends the Content-Type exactly as given (no charset added). */
    private static RequestSpecification preview(String contentType) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType(contentType);
    }
}
