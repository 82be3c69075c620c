package io.verbatim.store.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * docs/store-service.md says every error of the query API is an RFC 7807 problem: one request down each error
 * path, each answered with {@code application/problem+json} and a body whose {@code status} is the HTTP status,
 * whose {@code title} is its reason phrase and whose {@code detail} says what was wrong. The 503 paths (query
 * timeout, busy pool, stream cap) are in {@code QueryCostBoundsTest}. No endpoint reads a body, so there is no 415;
 * the HTTP server's own limits (414 for a request line over 4 KiB) answer before any endpoint, with a bare status.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StoreApiProblemsTest {

    @Test
    void theAdminApiIsDisabledWith503WhileNoAdminKeyIsConfigured() {
        Response answer = given().header("X-API-Key", "any").contentType("application/json")
                .body("{\"keep\":\"a\",\"merge\":[\"b\"]}").post("/api/admin/speakers/merge");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("detail")).contains("VERBATIM_STORE_ADMIN_API_KEY");
    }

    @Test
    void aBadParameterIsA400Problem() {
        Response answer = given().queryParam("limit", "0").get("/api/statements");

        assertProblem(answer, 400, "Bad Request", "limit must be between 1 and 500");
    }

    @Test
    void anUnknownIdIsA404Problem() {
        String unknown = "0".repeat(64);

        assertProblem(given().get("/api/transcripts/" + unknown), 404, "Not Found", "no transcript with id " + unknown);
        assertProblem(given().get("/api/speakers/nobody-at-all"), 404, "Not Found", "no speaker with id nobody-at-all");
    }

    @Test
    void aPathNothingIsServedAtIsA404Problem() {
        assertProblem(given().get("/api/nothing-here"), 404, "Not Found", "nothing is served at /api/nothing-here");
        assertProblem(given().get("/api/transcripts/x/y"), 404, "Not Found", "nothing is served at /api/transcripts/x/y");
    }

    @Test
    void aMethodThePathDoesNotTakeIsA405Problem() {
        assertProblem(given().delete("/api/statements"), 405, "Method Not Allowed",
                "/api/statements does not take DELETE");
        assertProblem(given().contentType("application/json").body("{}").post("/api/transcripts"), 405,
                "Method Not Allowed", "/api/transcripts does not take POST");
    }

    @Test
    void anAnswerTypeTheApiCannotGiveIsA406Problem() {
        Response answer = given().accept("application/xml").get("/api/statements");

        assertProblem(answer, 406, "Not Acceptable", "/api/statements answers only with JSON");
    }

    @Test
    void anUnexpectedFailureIsA500ProblemThatKeepsTheInternalsToItself() {
        Response answer = given().get("/test-only/failure");

        assertProblem(answer, 500, "Internal Server Error", "the request failed on the server");
        assertThat(answer.asString()).doesNotContain(FailingForTestResource.INTERNAL_MESSAGE, "IllegalStateException");
    }

    @Test
    void aRequestLineOverTheServersLimitIsABare414() {
        Response answer = given().queryParam("q", "x".repeat(5_000)).get("/api/statements");

        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.contentType()).doesNotStartWith("application/problem+json");
    }

    static void assertProblem(Response answer, int status, String title, String detailStart) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("type")).isEqualTo("about:blank");
        assertThat(answer.jsonPath().getString("title")).isEqualTo(title);
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(answer.jsonPath().getString("detail")).startsWith(detailStart);
    }
}
