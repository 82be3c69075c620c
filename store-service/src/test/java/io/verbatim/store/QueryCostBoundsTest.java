package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.verbatim.store.persistence.TranscriptEntity;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, finding 7: {@code q=-zzzz} matched and ranked every statement, queries had no {@code statement_timeout},
 * shared the pool of the consumer that stores incoming data, and the SSE stream took any number of clients. Small
 * bounds here (profile below) so that each can be reached: a statement timeout of 2 s, a query pool of 2
 * connections, a default pool of 4, at most 2 stream clients.
 */
@QuarkusTest
@TestProfile(QueryCostBoundsTest.SmallBounds.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QueryCostBoundsTest {

    public static class SmallBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "verbatim.store.api.statement-timeout", "2s",
                    "verbatim.store.api.max-stream-clients", "2",
                    "quarkus.datasource.queries.jdbc.max-size", "2",
                    "quarkus.datasource.queries.jdbc.acquisition-timeout", "1s",
                    "quarkus.datasource.jdbc.max-size", "4");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/api/statements")
    URL statements;

    @TestHTTPResource("/api/statements/stream")
    URL stream;

    // HTTP/1.1: one connection per request in flight, so that concurrent requests reach the service at once
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // finding 7: a search that only excludes words matched every statement and ranked them all
    @Test
    void searchThatOnlyExcludesWordsIsRefusedWithAProblem() {
        for (String negationOnly : List.of("-zzzz", "-zzzz -yyyy", "zzzz or -yyyy")) {
            given().queryParam("q", negationOnly).get("/api/statements").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("only excludes words"));
        }

        given().queryParam("q", "zzzz -yyyy").get("/api/statements").then().statusCode(200);
        given().queryParam("q", "the").get("/api/statements").then().statusCode(200);
    }

    // finding 7: no statement_timeout: a query that cannot finish held its connection and its client for ever
    @Test
    @Timeout(60)
    void queryLongerThanTheStatementTimeoutIsCancelledAndAnswers503WithAProblem() throws Exception {
        try (Connection blocker = lockStatementTable()) {

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(statements + "?q=welcome"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("longer than 2000 ms");
        }
        given().queryParam("q", "welcome").get("/api/statements").then().statusCode(200);
    }

    // finding 7: the read API shared the pool of the consumer that stores incoming data; a burst of slow queries
    // took every connection and storing waited for them
    @Test
    @Timeout(90)
    void slowQueriesCannotTakeTheConnectionsThatStoreIncomingData() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (Connection blocker = lockStatementTable()) {
            for (int i = 0; i < 6; i++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(statements + "?q=slow" + i))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> backendsWaitingOnALock() >= 2);

            long transcripts = QuarkusTransaction.requiringNew().call(() -> TranscriptEntity.count());

            assertThat(transcripts).isNotNegative();
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    // finding 7: the SSE stream had no connection cap
    @Test
    @Timeout(90)
    void streamClientsBeyondTheCapGet503WithRetryAfterUntilOneLeaves() throws Exception {
        HttpResponse<InputStream> first = openStream();
        HttpResponse<InputStream> second = openStream();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);

        HttpResponse<InputStream> third = openStream();

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(new String(third.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("already has 2 clients");

        first.body().close();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<InputStream> again = openStream();
            if (again.statusCode() == 200) {
                again.body().close();
                return true;
            }
            again.body().close();
            return false;
        });
        second.body().close();
    }

    private HttpResponse<InputStream> openStream() throws Exception {
        // a client of its own per stream: one HTTP connection each, closed with the body
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A connection of the test's own holding an exclusive lock on {@code statement} until it is closed. */
    private static Connection lockStatementTable() throws Exception {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (Statement lock = connection.createStatement()) {
            lock.execute("lock table statement in access exclusive mode");
        }
        return connection;
    }

    /** Backends waiting on a lock now (a fresh connection each time: a transaction would see one snapshot). */
    private static long backendsWaitingOnALock() throws Exception {
        try (Connection connection = connect(); Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("select count(*) from pg_stat_activity "
                        + "where datname = current_database() and wait_event_type = 'Lock'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void readApiAnswersFromItsOwnPoolAsBefore() {
        given().get("/api/transcripts").then().statusCode(200);
        given().get("/api/speakers").then().statusCode(200);
        given().get("/api/outbox/parked").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
