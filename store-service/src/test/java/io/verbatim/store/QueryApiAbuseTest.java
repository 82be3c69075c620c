package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.store.persistence.TranscriptEntity;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile query parameters: SQL metacharacters, oversized and malformed values in every parameter of every query
 * endpoint get a 200 or a clear 4xx (a problem body, or 414 from the HTTP layer for an over-long URI), never a
 * 500, and leave the database as it was.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QueryApiAbuseTest {

    private static final List<String> HOSTILE = List.of(
            "'", "\"", "' or '1'='1", "'; drop table statement; --", "1; delete from transcript", "%", "_", "\\",
            "%' union select * from speaker --", "$$", "::text", "(", ")", ":q", "?1", "\u0000", "x".repeat(5_000),
            "😀", "NULL", "-1", "9999999999999999999999", "<script>alert(1)</script>", "a & b | !c", "!!!", "*");

    private static final Map<String, List<String>> ENDPOINTS = Map.of(
            "/api/statements", List.of("speaker", "from", "to", "document", "q", "limit", "cursor"),
            "/api/transcripts", List.of("from", "to", "source", "kind", "limit", "cursor"),
            "/api/speakers", List.of("q", "limit", "cursor"),
            "/api/statements/stream", List.of());

    @Test
    void hostileQueryParametersGetAClearAnswerAndChangeNothing() {
        long transcripts = count(TranscriptEntity.class);
        long statements = count(StatementEntity.class);

        ENDPOINTS.forEach((path, parameters) -> parameters.forEach(parameter -> HOSTILE.forEach(value -> {
            int status = given().queryParam(parameter, value).get(path).statusCode();

            // a speaker name (speaker=, q= of /api/speakers) may also be ambiguous (300) or unknown (404)
            boolean speakerName = parameter.equals("speaker") || (path.equals("/api/speakers") && parameter.equals("q"));
            assertThat(status).as("%s?%s=%s", path, parameter, value.length() > 40 ? "(long)" : value)
                    .isIn(speakerName ? new Integer[] {200, 300, 400, 404, 414} : new Integer[] {200, 400, 414});
        })));

        for (String value : HOSTILE) {
            int status = given().get("/api/speakers/" + java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8)).statusCode();
            assertThat(status).as("/api/speakers/%s", value.length() > 40 ? "(long)" : value).isIn(400, 404, 414);
            int transcript = given().get("/api/transcripts/" + java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8)).statusCode();
            assertThat(transcript).isIn(400, 404, 414);
        }
        assertThat(count(TranscriptEntity.class)).isEqualTo(transcripts);
        assertThat(count(StatementEntity.class)).isEqualTo(statements);
    }

    private static long count(Class<?> entity) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Long) StatementEntity
                .getEntityManager().createQuery("select count(e) from " + entity.getSimpleName() + " e")
                .getSingleResult());
    }
}
