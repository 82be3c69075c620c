package io.verbatim.parse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.verbatim.events.http.Problem;
import io.verbatim.testsupport.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The preview answers issue 12's reproductions with 200 or 422 within 2 s each (the figure), on the running
 * test application with its default heap. Only the request is timed: RestAssured and the parser are warmed up first
 * with a small document (RestAssured's first use alone took over 2 s on a loaded machine). Each request has a 2 s
 * socket timeout and each test a generous 30 s JUnit timeout in a separate thread, so a stuck parse fails the test
 * instead of holding it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ParsePreviewHostileInputTest {

    private static final int TWO_SECONDS = 2_000;
    private static final RestAssuredConfig TIMEOUTS = RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", TWO_SECONDS)
            .setParam("http.socket.timeout", TWO_SECONDS));

    @BeforeEach
    void warmUp() {
        given().contentType("text/html").body("<p><b>Jane Doe:</b> Hello.</p>").post("/api/parse")
                .then().statusCode(200);
    }

    /** Issue 12, finding 1: 500 with OutOfMemoryError after 4 s; 600 nesting levels are over the bound of 256. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theMegabyteNestedBoldDocumentIsRefusedWith422NamingTheDepthBound() {
        String page = "<p><i>i</i>" + "<b>".repeat(600) + "y ".repeat(500_000) + "</p>";

        ValidatableResponse answer = postTimed(page);

        answer.statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the document nests HTML elements more than 256 deep; the parser's limit"
                        + " is 256 (verbatim.parse.max-depth)"));
    }

    /** Issue 12, finding 2: no answer after 120 s. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theTwoHundredKilobyteWhiteSpaceDocumentIsAnsweredWith200() {
        String page = "<p><b>A</b>" + " ".repeat(200_000) + "x</p>";

        ValidatableResponse answer = postTimed(page);

        answer.statusCode(200).body("kind", equalTo("readout"));
    }

    /**
     * The bound on paragraphs, as the service configures it (`verbatim.parse.max-paragraphs`, default 50,000):
     * 60,000 one-line turns in 1.4 MB of HTML are refused. That the bound is exact, and that the service reads what
     * is within it, is {@code TranscriptExtractorHostileInputTest}'s part.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sixtyThousandOneLineTurnsAreRefusedWith422NamingTheParagraphBound() {
        String twoTurns = "<p><b>Q:</b> a</p><p><b>Jane Doe:</b> b</p>";
        ValidatableResponse refused = given().contentType("text/html").body(twoTurns.repeat(30_000))
                .post("/api/parse").then(); // not timed: the 2 s are issue 12's figure for its own reproductions

        refused.statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("the document has more than 50,000 paragraphs; the parser's limit is"
                        + " 50,000 paragraphs (verbatim.parse.max-paragraphs)"));
    }

    /** Posts the page and asserts that the answer came within 2 s. */
    private static ValidatableResponse postTimed(String page) {
        long start = System.nanoTime();
        ValidatableResponse answer = given().config(TIMEOUTS).contentType("text/html; charset=utf-8")
                .body(page.getBytes(StandardCharsets.UTF_8))
                .post("/api/parse")
                .then();
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to answer").isLessThan(TWO_SECONDS);
        return answer;
    }
}
