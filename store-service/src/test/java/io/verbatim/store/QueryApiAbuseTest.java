package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.store.persistence.TranscriptEntity;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hostile query parameters: SQL metacharacters, oversized and malformed values in every parameter of every query
 * endpoint get a page (200) or a 400 problem that names the parameter (414 from the HTTP layer for an over-long
 * URI), never a 500, and leave the database as it was. A value no parameter of its kind can take (a date, a limit, a
 * document id, a kind, a cursor) and any control character must be refused; free text may match or not.
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

    /** Parameters that no hostile value is a valid value of: each one must be refused. */
    private static final Set<String> STRICT = Set.of("from", "to", "document", "kind", "limit", "cursor");

    /** Over the HTTP server's 4 KiB request line: refused with a bare 414 before any endpoint runs. */
    private static final int LONGER_THAN_THE_REQUEST_LINE = 4_096;

    @Test
    void hostileQueryParametersGetAClearAnswerAndChangeNothing() {
        long transcripts = count(TranscriptEntity.class);
        long statements = count(StatementEntity.class);

        ENDPOINTS.forEach((path, parameters) -> parameters.forEach(parameter -> HOSTILE.forEach(value -> {
            Response answer = given().queryParam(parameter, value).get(path);

            boolean speakerName = parameter.equals("speaker")
                    || (path.equals("/api/speakers") && parameter.equals("q"));
            String request = String.format("%s?%s=%s", path, parameter, value.length() > 40 ? "(long)" : value);
            if (value.length() > LONGER_THAN_THE_REQUEST_LINE) {
                assertThat(answer.statusCode()).as(request).isEqualTo(414);
            } else if (STRICT.contains(parameter) || value.chars().anyMatch(Character::isISOControl)) {
                assertRefusedWithAProblemNaming(answer, parameter, request);
            } else if (speakerName && (answer.statusCode() == 300 || answer.statusCode() == 404)) {
                // a speaker name may also be ambiguous (300, the candidates) or unknown (404, suggestions)
                assertThat(answer.contentType()).as(request).startsWith("application/problem+json");
                assertThat(answer.jsonPath().getString("detail")).as(request).isNotBlank();
            } else if (answer.statusCode() == 400) {
                // q: a search made only of excluded words or of nothing searchable is refused, with a problem
                assertThat(parameter).as(request + ": " + answer.asString()).isEqualTo("q");
                assertRefusedWithAProblemNaming(answer, parameter, request);
            } else {
                assertThat(answer.statusCode()).as(request + ": " + answer.asString()).isEqualTo(200);
                assertThat(answer.jsonPath().getList("items")).as(request).isNotNull();
            }
        })));

        for (String value : HOSTILE) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String path : List.of("/api/speakers/", "/api/transcripts/")) {
                Response answer = given().get(path + encoded);

                String request = path + (value.length() > 40 ? "(long)" : value);
                if (value.length() > LONGER_THAN_THE_REQUEST_LINE) {
                    assertThat(answer.statusCode()).as(request).isEqualTo(414);
                } else {
                    assertThat(answer.statusCode()).as(request + ": " + answer.asString()).isIn(400, 404);
                    assertThat(answer.contentType()).as(request).startsWith("application/problem+json");
                    assertThat(answer.jsonPath().getInt("status")).as(request).isEqualTo(answer.statusCode());
                    assertThat(answer.jsonPath().getString("detail")).as(request).isNotBlank();
                }
            }
        }
        assertThat(count(TranscriptEntity.class)).isEqualTo(transcripts);
        assertThat(count(StatementEntity.class)).isEqualTo(statements);
    }

    private static void assertRefusedWithAProblemNaming(Response answer, String parameter, String request) {
        assertThat(answer.statusCode()).as(request + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).as(request).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).as(request).isEqualTo(400);
        assertThat(answer.jsonPath().getString("detail")).as(request).contains(parameter);
    }

    private static long count(Class<?> entity) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Long) StatementEntity
                .getEntityManager().createQuery("select count(e) from " + entity.getSimpleName() + " e")
                .getSingleResult());
    }
}
