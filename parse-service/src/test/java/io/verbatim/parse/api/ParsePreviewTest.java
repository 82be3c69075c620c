package io.verbatim.parse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.verbatim.events.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The preview API answers while no broker can be reached at all. */
@QuarkusTest
@TestProfile(ParsePreviewTest.WithoutBroker.class)
class ParsePreviewTest {

    public static class WithoutBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:" + closedPort());
        }
    }

    @Test
    void seedIsPreviewedAsTranscriptParsedWithoutABroker() throws IOException {
        String seed = resource("/corpus/docs/00-seed-pyongyang-talks.txt");

        given().contentType("text/plain; charset=utf-8").body(seed).post("/api/parse")
                .then().statusCode(200)
                .body("eventType", equalTo("transcript.parsed"))
                .body("documentId", equalTo(Sha256.hex(seed)))
                .body("sourceUrl", nullValue())
                .body("kind", equalTo("transcript"))
                .body("statements", hasSize(2))
                .body("statements[0].speaker.name", equalTo("Kim Jong-un"))
                .body("statements[0].annotation", equalTo("retranslated"))
                .body("statements[1].speaker.role", equalTo("President of Russia"));
    }

    @Test
    void sourceUrlIsCanonicalisedIntoTheDocumentId() {
        given().contentType("text/html")
                .body("<html><body><p><b>Vladimir Putin:</b> Good afternoon.</p></body></html>")
                .queryParam("sourceUrl", "HTTP://EN.KREMLIN.RU/events/president/news/1#x")
                .post("/api/parse")
                .then().statusCode(200)
                .body("sourceUrl", equalTo("http://en.kremlin.ru/events/president/news/1"))
                .body("documentId", equalTo(Sha256.hex("http://en.kremlin.ru/events/president/news/1")));
    }

    @Test
    void kremlinPageMetadataAppearsInThePreview() throws IOException {
        String page = resource("/corpus/docs/01-kremlin-le-pen-meeting.html");

        given().contentType("text/html; charset=utf-8").body(page)
                .queryParam("sourceUrl", "http://en.kremlin.ru/events/president/news/54102")
                .post("/api/parse")
                .then().statusCode(200)
                .body("kind", equalTo("transcript"))
                .body("source", equalTo("Kremlin"))
                .body("publishedAt", org.hamcrest.Matchers.startsWith("2017-03-24T"))
                .body("statements", hasSize(5));
    }

    @Test
    void aDocumentThatIsNotTextIsRefusedWithAnActionableReason() {
        given().contentType("text/plain").body("abc\u0000def\u0000".getBytes(StandardCharsets.UTF_8))
                .post("/api/parse").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("not text"));
    }

    @Test
    void badPreviewRequestsGetAProblem() {
        given().contentType("text/plain").body("").post("/api/parse").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("text/plain").body("x").queryParam("sourceUrl", "javascript:alert(1)")
                .post("/api/parse").then().statusCode(400).body("detail", containsString("http or https"));
        given().contentType("application/pdf").body("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)).post("/api/parse").then().statusCode(415);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ParsePreviewTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
