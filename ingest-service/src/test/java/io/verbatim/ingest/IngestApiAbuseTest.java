package io.verbatim.ingest;

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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.verbatim.events.EventJson;
import io.verbatim.events.SourceUrls;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.HostileInput;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.RawHttpClient;
import io.verbatim.testsupport.RawHttpClient.Answer;
import io.verbatim.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to every endpoint of ingest-service get a clear 4xx, and nothing else happens. The answer is a
 * problem body, except where the HTTP server itself refuses before any endpoint runs (a body over its 8 MiB cap:
 * 413, a request line over 4 KiB: 414, headers over 20 KiB: 431, a header or query string it cannot read: 400),
 * which answers with the bare status. "Nothing else" is read back, not assumed: no record on
 * {@code transcripts.raw} and nothing in the crawl state ({@code ingest.state}) carries the refused request's marker,
 * and the list of sources is what it was.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IngestApiAbuseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final String KEY_HEADER = "X-API-Key: test-api-key";
    /** {@code verbatim.ingest.max-body-bytes}, checked by the submit API. */
    private static final int DOCUMENT_LIMIT = 2_097_152;
    /** {@code quarkus.http.limits.max-body-size}, the HTTP server's cap on every body. */
    private static final int TRANSPORT_LIMIT = 8 * 1024 * 1024;
    private static final String UNKNOWN_SOURCE = "0123456789abcdef";

    private static TopicReader raw;
    private static TopicReader state;

    /** Carried by every request a test expects to be refused, so that anything such a request caused is found. */
    private final String marker = "refused-" + UUID.randomUUID();
    private RawHttpClient http;
    private List<String> sourcesBefore;

    @BeforeAll
    static void connect() {
        raw = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSCRIPTS_RAW);
        state = new TopicReader(KafkaBroker.shared().bootstrapServers(), "ingest.state");
        Stream.of(raw, state).parallel().forEach(reader -> reader.readToEnd(WAIT)); // join both groups at once
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        state.close();
    }

    @BeforeEach
    void stateIsLoaded() {
        Awaitility.await().pollDelay(Duration.ZERO).atMost(WAIT)
                .until(() -> api().get("/api/sources").statusCode() == 200);
        sourcesBefore = sourceIds();
        http = new RawHttpClient("localhost", RestAssured.port);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        api().contentType("text/plain; charset=utf-8").body(document(marker, DOCUMENT_LIMIT + 1))
                .post("/api/transcripts").then().statusCode(413).contentType(PROBLEM)
                .body("detail", equalTo("the document has 2097153 bytes; the limit is 2097152"));

        Answer justOverTheCap = http.send("POST /api/transcripts HTTP/1.1",
                List.of(KEY_HEADER, "Content-Type: text/plain"), document(marker, TRANSPORT_LIMIT + 1));
        Answer announcedGigabyte = http.send("POST /api/transcripts HTTP/1.1",
                List.of(KEY_HEADER, "Content-Type: text/plain", "Content-Length: 1073741824"),
                document(marker, 65_536));
        Answer chunkedTenMebibytes = http.sendChunked("POST /api/transcripts HTTP/1.1",
                List.of(KEY_HEADER, "Content-Type: text/plain"), document(marker, 65_536), 160);
        Answer hugeJson = http.send("POST /api/sources HTTP/1.1",
                List.of(KEY_HEADER, "Content-Type: application/json"), json("{\"url\":\"https://example.org/" + marker
                        + "\",\"name\":\"" + "n".repeat(TRANSPORT_LIMIT) + "\"}"));

        assertThat(List.of(justOverTheCap, announcedGigabyte, chunkedTenMebibytes, hugeJson))
                .extracting(Answer::status).containsOnly(413);
        assertNothingHappened();
    }

    @Test
    void megabyteUrlsAndNamesInsideTheCapAreRefusedWith400() {
        String longUrl = "https://example.org/" + marker + "/" + "a".repeat(1_000_000);

        api().contentType("application/json").body(Map.of("url", longUrl)).post("/api/pages")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("sourceUrl is longer than 2048 characters"));
        api().contentType("application/json").body(Map.of("url", longUrl)).post("/api/sources")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("sourceUrl is longer than 2048 characters"));
        api().contentType("application/json")
                .body(Map.of("url", "https://example.org/" + marker, "name", "n".repeat(1_000_000)))
                .post("/api/sources").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("name is longer than 200 characters"));

        assertNothingHappened();
    }

    /** For each body-taking endpoint, Content-Types it must refuse (null: none at all). */
    private static final Map<String, List<String>> MISTYPED = Map.of(
            "/api/transcripts", HostileInput.NOT_TEXT_TYPES,
            "/api/sources", Arrays.asList(null, "text/plain", "application/octet-stream", "application/xml",
                    "application/json; charset=x-bogus"),
            "/api/pages", Arrays.asList(null, "text/plain", "multipart/form-data; boundary=xyz",
                    "application/json; charset=x-bogus"));

    @Test
    void bodiesOfATypeTheEndpointDoesNotReadAreRefusedWith415() {
        MISTYPED.forEach((path, contentTypes) -> contentTypes.forEach(contentType -> {
            byte[] body = path.equals("/api/transcripts") ? document(marker, 200)
                    : json("{\"url\":\"https://example.org/" + marker + "\"}");
            List<String> headers = contentType == null ? List.of(KEY_HEADER)
                    : List.of(KEY_HEADER, "Content-Type: " + contentType);

            Answer answer = http.send("POST " + path + " HTTP/1.1", headers, body);

            assertProblem(answer, 415, "%s with Content-Type %s", path, contentType);
        }));
        assertNothingHappened();
    }

    @Test
    void aContentTypeOnARequestWithoutBodyIsStillChecked() {
        for (Endpoint endpoint : endpoints().stream().filter(e -> e.body() == null).toList()) {
            for (String contentType : List.of(";;;", "text", "text/plain; charset=x-bogus")) {
                Answer answer = http.send(endpoint.method() + " " + endpoint.path() + " HTTP/1.1",
                        List.of(KEY_HEADER, "Content-Type: " + contentType), null);

                assertProblem(answer, 415, "%s %s with Content-Type %s", endpoint.method(), endpoint.path(),
                        contentType);
            }
        }
        assertNothingHappened();
    }

    @Test
    void hostileQueryParametersGetAClearAnswerAndOnlyWhatWasAcceptedIsPublished() {
        Map<String, Published> accepted = new HashMap<>();
        List<String> refused = new ArrayList<>();
        List<String> urls = Stream.concat(HostileInput.VALUES.stream(), HostileInput.URLS.stream()).toList();

        for (String parameter : List.of("sourceUrl", "sourceName")) {
            for (String value : parameter.equals("sourceUrl") ? urls : HostileInput.VALUES) {
                String tag = "query-" + UUID.randomUUID();
                Answer answer = http.send("POST /api/transcripts?" + RawHttpClient.parameter(parameter, value)
                        + " HTTP/1.1", List.of(KEY_HEADER, "Content-Type: text/plain"), document(tag, 200));

                assertThat(answer.status()).as("%s=%s", parameter, shown(value)).isIn(202, 400, 414);
                assertProblemUnlessUriTooLong(answer, "%s=%s", parameter, shown(value));
                if (answer.status() == 202) {
                    accepted.put(tag, Published.expected(parameter, value));
                } else {
                    refused.add(tag);
                }
                if (answer.status() == 400) {
                    assertThat(answer.body()).as("the detail names %s", parameter).contains(parameter);
                }
            }
        }
        for (String value : urls) {
            Answer answer = http.send("GET /api/pages?" + RawHttpClient.parameter("url", value) + " HTTP/1.1",
                    List.of(KEY_HEADER), null);

            assertThat(answer.status()).as("url=%s", shown(value)).isIn(400, 404, 414);
            assertProblemUnlessUriTooLong(answer, "url=%s", shown(value));
        }

        List<ConsumerRecord<String, String>> records = raw.readToEnd(WAIT);
        assertThat(refused).allSatisfy(tag -> assertThat(records).noneMatch(r -> r.value().contains(tag)));
        accepted.forEach((tag, expected) -> assertThat(records.stream().filter(r -> r.value().contains(tag))
                .map(r -> Published.of(EventJson.read(r.value(), TranscriptFetched.class))))
                .containsExactly(expected));
        assertThat(accepted).as("printable names of up to 200 characters, blank values and the one valid URL")
                .hasSize(27);
        assertNothingHappened();
    }

    /** What a submission published about its source. */
    private record Published(String sourceUrl, String sourceName) {

        static Published of(TranscriptFetched event) {
            return new Published(event.sourceUrl(), event.sourceName());
        }

        static Published expected(String parameter, String value) {
            if (value.isBlank()) {
                return new Published(null, "submit-api");
            }
            return "sourceUrl".equals(parameter) ? new Published(SourceUrls.canonical(value), "submit-api")
                    : new Published(null, value.strip());
        }
    }

    @Test
    void queryStringsThatDoNotDecodeAreRefusedWith400BeforeAnyEndpointRuns() {
        List<String> requests = List.of("POST /api/transcripts?sourceName=%zz", "POST /api/transcripts?sourceName=%",
                "POST /api/transcripts?sourceUrl=http://example.org/%G1", "POST /api/transcripts?sourceName=a%2",
                "POST /api/transcripts?sourceName=a b", "POST /api/transcripts?sourceName=a\u0000b",
                "GET /api/pages?url=%zz", "GET /api/pages?url=http://example.org/\u0001");

        for (String request : requests) {
            Answer answer = http.send(request + " HTTP/1.1", List.of(KEY_HEADER, "Content-Type: text/plain"),
                    document(marker, 200));

            assertThat(answer.status()).as(request).isEqualTo(400);
        }
        assertNothingHappened();
    }

    @Test
    void repeatedQueryParametersTakeTheFirstValueAndUnknownOnesAreIgnored() {
        String tag = "repeated-" + UUID.randomUUID();

        api().contentType("text/plain; charset=utf-8").body(document(tag, 200))
                .queryParam("sourceUrl", "https://example.org/first/" + tag, "https://example.org/second/" + tag)
                .queryParam("sourceName", "first", "second").queryParam("limit", "abc")
                .post("/api/transcripts").then().statusCode(202);
        api().queryParam("url", "https://example.org/first/" + tag, "javascript:alert(1)").get("/api/pages")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("no page https://example.org/first/" + tag + " is known"));

        TranscriptFetched event = EventJson.read(raw.awaitRecords(1, r -> r.value().contains(tag), WAIT).get(0)
                .value(), TranscriptFetched.class);
        assertThat(event.sourceUrl()).isEqualTo("https://example.org/first/" + tag);
        assertThat(event.sourceName()).isEqualTo("first");
    }

    @Test
    void escapesOfBytesThatAreNotUtf8AreReadAsReplacementCharacters() {
        String tag = "escapes-" + UUID.randomUUID();

        Answer answer = http.send("POST /api/transcripts?sourceName=%C3%28 HTTP/1.1",
                List.of(KEY_HEADER, "Content-Type: text/plain"), document(tag, 200));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(EventJson.read(raw.awaitRecords(1, r -> r.value().contains(tag), WAIT).get(0).value(),
                TranscriptFetched.class).sourceName()).isEqualTo("\uFFFD(");
    }

    @Test
    void aCharsetLabelIsCheckedButTheBodyIsAlwaysReadAsUtf8() {
        String tag = "latin-1-label-" + UUID.randomUUID();
        String text = "Vladimir Putin: Добрый день. " + tag;

        api().contentType("text/plain; charset=ISO-8859-1").body(text.getBytes(UTF_8)).post("/api/transcripts")
                .then().statusCode(202);
        api().contentType("text/plain; charset=ISO-8859-1")
                .body(("Café " + marker).getBytes(StandardCharsets.ISO_8859_1)).post("/api/transcripts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("the document is not valid UTF-8 text"));

        assertThat(EventJson.read(raw.awaitRecords(1, r -> r.value().contains(tag), WAIT).get(0).value(),
                TranscriptFetched.class).body()).isEqualTo(text);
        assertNothingHappened();
    }

    /** Every protected endpoint, with a body it would accept. */
    private record Endpoint(String method, String path, String contentType, String body) {
    }

    private List<Endpoint> endpoints() {
        String page = "{\"url\":\"https://example.org/" + marker + "\"}";
        return List.of(
                new Endpoint("POST", "/api/transcripts?sourceName=" + marker, "text/plain",
                        "Vladimir Putin: " + marker),
                new Endpoint("GET", "/api/sources", null, null),
                new Endpoint("POST", "/api/sources", "application/json", page),
                new Endpoint("POST", "/api/sources/" + UNKNOWN_SOURCE + "/pause", null, null),
                new Endpoint("POST", "/api/sources/" + UNKNOWN_SOURCE + "/resume", null, null),
                new Endpoint("DELETE", "/api/sources/" + UNKNOWN_SOURCE, null, null),
                new Endpoint("POST", "/api/pages", "application/json", page),
                new Endpoint("GET", "/api/pages?url=https://example.org/" + marker, null, null));
    }

    private Answer send(Endpoint endpoint, List<String> keyHeaders) {
        List<String> headers = new ArrayList<>(keyHeaders);
        if (endpoint.contentType() != null) {
            headers.add("Content-Type: " + endpoint.contentType());
        }
        return http.send(endpoint.method() + " " + endpoint.path() + " HTTP/1.1", headers,
                endpoint.body() == null ? null : endpoint.body().getBytes(UTF_8));
    }

    /** API keys that must not open anything, each as the header lines that carry it. */
    private static final Map<String, List<String>> WRONG_KEYS = Map.ofEntries(
            Map.entry("no key", List.of()),
            Map.entry("an empty key", List.of("X-API-Key:")),
            Map.entry("a blank key", List.of("X-API-Key:     ")),
            Map.entry("a wrong key", List.of("X-API-Key: wrong")),
            Map.entry("the key in capitals", List.of("X-API-Key: TEST-API-KEY")),
            Map.entry("the key and more", List.of("X-API-Key: test-api-key2")),
            Map.entry("part of the key", List.of("X-API-Key: test-api-ke")),
            Map.entry("the key quoted", List.of("X-API-Key: \"test-api-key\"")),
            Map.entry("the key and SQL", List.of("X-API-Key: test-api-key' or '1'='1")),
            Map.entry("SQL", List.of("X-API-Key: ' or '1'='1' --")),
            Map.entry("the key and a non-ASCII letter", List.of("X-API-Key: test-api-keyé")),
            Map.entry("a 10,000-character key", List.of("X-API-Key: " + "k".repeat(10_000))),
            Map.entry("the key twice in one header", List.of("X-API-Key: test-api-key, test-api-key")),
            Map.entry("a wrong and the right key", List.of("X-API-Key: wrong", KEY_HEADER)),
            Map.entry("the key in another header", List.of("Authorization: Bearer test-api-key")),
            Map.entry("the key in a cookie", List.of("Cookie: X-API-Key=test-api-key")));

    @Test
    void everyProtectedEndpointRefusesAWrongKeyWith401() {
        WRONG_KEYS.forEach((what, keyHeaders) -> {
            for (Endpoint endpoint : endpoints()) {
                Answer answer = send(endpoint, keyHeaders);

                assertProblem(answer, 401, "%s %s with %s", endpoint.method(), endpoint.path(), what);
            }
        });
        assertProblem(http.send("GET /api/sources?X-API-Key=test-api-key HTTP/1.1", List.of(), null), 401,
                "the key as a query parameter");
        assertNothingHappened();
    }

    @Test
    void keysTheHttpServerCannotReadAreRefusedBeforeAnyEndpointRuns() {
        List<String> controlCharacters = List.of("X-API-Key: test-api-key\u0000", "X-API-Key: test-api-key\u000b",
                "X-API-Key: test-api-key\u007f", "X-API-Key: test\rapi-key");

        for (Endpoint endpoint : endpoints()) {
            for (String keyHeader : controlCharacters) {
                assertThat(send(endpoint, List.of(keyHeader)).status())
                        .as("%s %s with %s", endpoint.method(), endpoint.path(), keyHeader).isEqualTo(400);
            }
            assertThat(send(endpoint, List.of("X-API-Key: " + "k".repeat(100_000))).status())
                    .as("%s %s with a 100,000-character key", endpoint.method(), endpoint.path()).isEqualTo(431);
        }
        assertNothingHappened();
    }

    @Test
    void apiPathsSpelledAnotherWayStillNeedTheKey() {
        List<String> paths = List.of("//api/sources", "/api//sources", "/api/./sources", "/x/../api/sources",
                "/api/sources/../sources", "/api;a=b/sources", "/api/sources;a=b", "/%61pi/sources", "/api%2Fsources",
                "/api/sources/", "/API/sources", "/api/sources%00", "/api/%2e%2e/api/sources", "/./api/transcripts",
                "//api/transcripts", "/api/transcripts;x=y", "/%61pi/transcripts");

        for (String path : paths) {
            Answer list = http.send("GET " + path + " HTTP/1.1", List.of(), null);
            Answer submit = http.send("POST " + path + " HTTP/1.1", List.of("Content-Type: text/plain"),
                    document(marker, 200));

            assertThat(list.status()).as("GET %s", path).isIn(400, 401, 404);
            assertThat(list.isProblem() || list.status() == 400).as("GET %s answers with a problem", path).isTrue();
            assertThat(list.body()).as("GET %s", path).doesNotContain("\"id\"");
            assertThat(submit.status()).as("POST %s", path).isIn(400, 401, 404);
        }
        assertNothingHappened();
    }

    @Test
    void methodsAnEndpointDoesNotTakeAreRefusedWith405() {
        List<String> requests = List.of("GET /api/transcripts", "PUT /api/transcripts", "DELETE /api/transcripts",
                "PATCH /api/transcripts", "PUT /api/sources", "DELETE /api/sources", "PATCH /api/sources",
                "GET /api/sources/" + UNKNOWN_SOURCE, "PUT /api/sources/" + UNKNOWN_SOURCE,
                "GET /api/sources/" + UNKNOWN_SOURCE + "/pause", "DELETE /api/sources/" + UNKNOWN_SOURCE + "/resume",
                "PUT /api/pages", "DELETE /api/pages");

        for (String request : requests) {
            Answer answer = http.send(request + " HTTP/1.1", List.of(KEY_HEADER, "Content-Type: text/plain"),
                    document(marker, 200));

            assertProblem(answer, 405, request);
            assertThat(answer.body()).as(request).contains("does not take " + request.split(" ")[0]);
        }
        assertNothingHappened();
    }

    @Test
    void pathsNothingIsServedAtGet404() {
        List<String> requests = List.of("GET /api", "GET /api/nothing", "POST /api/transcripts/1", "GET /api/pages/1",
                "POST /api/sources/" + UNKNOWN_SOURCE + "/pause/now", "GET /nothing", "GET /q/nothing");

        for (String request : requests) {
            Answer answer = http.send(request + " HTTP/1.1", List.of(KEY_HEADER, "Content-Type: text/plain"),
                    document(marker, 200));

            assertProblem(answer, 404, request);
        }
        assertNothingHappened();
    }

    /** JSON bodies that must add no source and queue no page; %s is the marker. */
    private static final Map<String, List<String>> HOSTILE_JSON = Map.of(
            "/api/sources", List.of("{\"url\":", "[\"https://example.org/%s\"]", "\"https://example.org/%s\"", "null",
                    "{}", "{\"name\":\"%s\"}", "{\"url\":{\"href\":\"https://example.org/%s\"}}",
                    "{\"url\":[\"https://example.org/%s\"]}", "{\"url\":\"javascript:alert('%s')\"}",
                    "{\"url\":\"https://example.org/%s\\u0000\"}", "{\"url\":\"https://example.org/%s' or '1'='1\"}",
                    "{\"url\":\"https://example.org/%s\",\"name\":\"a\\u0000b\"}",
                    "{\"url\":\"https://example.org/%s\",\"name\":\"two\\nlines\"}",
                    "{\"url\":\"https://example.org/%s\",\"name\":\"" + "n".repeat(201) + "\"}",
                    "{\"url\":\"https://example.org/%s\",\"x\":" + "[".repeat(5_000) + "}"),
            "/api/pages", List.of("{\"url\":", "[\"https://example.org/%s\"]", "null",
                    "{\"url\":{\"href\":\"https://example.org/%s\"}}", "{\"url\":\"file:///etc/%s\"}",
                    "{\"url\":\"https://example.org/%s\\u0000\"}",
                    "{\"url\":\"https://example.org/%s\",\"x\":" + "[".repeat(5_000) + "}"));

    @Test
    void hostileSourceAndPageRequestsAreRefusedWith400() {
        HOSTILE_JSON.forEach((path, bodies) -> bodies.forEach(body -> {
            Answer answer = http.send("POST " + path + " HTTP/1.1",
                    List.of(KEY_HEADER, "Content-Type: application/json"), json(body.replace("%s", marker)));

            assertProblem(answer, 400, "%s %s", path, shown(body));
        }));
        assertNothingHappened();
    }

    @Test
    void hostileSourceIdsAreNotFound() {
        List<String> ids = List.of("'", "' or '1'='1", "1;drop table source", "%00", "\u0000", "..", "*", "😀",
                "0123456789abcdef0", "a".repeat(5_000));

        for (String id : ids) {
            List<Response> answers = List.of(api().post("/api/sources/{id}/pause", id),
                    api().post("/api/sources/{id}/resume", id), api().delete("/api/sources/{id}", id));

            assertThat(answers).as(shown(id)).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isIn(404, 414);
                if (answer.statusCode() == 404) {
                    answer.then().contentType(PROBLEM);
                }
            });
        }
        assertNothingHappened();
    }

    private void assertNothingHappened() {
        assertThat(raw.readToEnd(WAIT)).noneMatch(r -> r.value().contains(marker));
        assertThat(state.readToEnd(WAIT)).noneMatch(r -> r.key().contains(marker)
                || (r.value() != null && r.value().contains(marker)));
        assertThat(sourceIds()).isEqualTo(sourcesBefore);
    }

    private static void assertProblem(Answer answer, int status, String description, Object... arguments) {
        assertThat(answer.status()).as(description, arguments).isEqualTo(status);
        assertThat(answer.isProblem()).as("a problem body for " + description, arguments).isTrue();
    }

    private static void assertProblemUnlessUriTooLong(Answer answer, String description, Object... arguments) {
        if (answer.status() != 202 && answer.status() != 414) {
            assertThat(answer.isProblem()).as("a problem body for " + description, arguments).isTrue();
        }
    }

    private static byte[] json(String json) {
        return json.getBytes(UTF_8);
    }

    private List<String> sourceIds() {
        return api().get("/api/sources").then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    /** A request with the API key that sends the Content-Type exactly as given (no charset added). */
    private static RequestSpecification api() {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).header("X-API-Key", "test-api-key");
    }
}
