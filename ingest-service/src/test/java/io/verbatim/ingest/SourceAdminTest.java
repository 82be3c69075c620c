package io.verbatim.ingest;

import static io.restassured.RestAssured.given;
import static io.verbatim.ingest.IngestFlowTest.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.testsupport.KafkaTestResource;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SourceAdminTest {

    @BeforeEach
    void stateIsLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> api().get("/api/sources").statusCode() == 200);
    }

    @Test
    void sourceCanBeAddedListedPausedResumedAndRemoved() {
        String url = "https://example.org/feeds/" + UUID.randomUUID();

        String id = api().contentType("application/json").body("{\"url\":\"" + url + "\",\"name\":\"Example\"}")
                .post("/api/sources").then().statusCode(201)
                .body("url", equalTo(url)).body("paused", equalTo(false)).extract().path("id");

        api().get("/api/sources").then().statusCode(200).body("id", hasItem(id));
        api().post("/api/sources/" + id + "/pause").then().statusCode(200).body("paused", equalTo(true));
        api().post("/api/sources/" + id + "/resume").then().statusCode(200).body("paused", equalTo(false));
        api().contentType("application/json").body("{\"url\":\"" + url + "\"}").post("/api/sources")
                .then().statusCode(200).body("id", equalTo(id));
        api().delete("/api/sources/" + id).then().statusCode(204);
        api().get("/api/sources").then().statusCode(200).body("id", not(hasItem(id)));
        api().delete("/api/sources/" + id).then().statusCode(404);
    }

    @Test
    void badSourcesAreRefusedAndTheAdminApiNeedsTheKey() {
        api().contentType("application/json").body("{\"url\":\"ftp://example.org/feed\"}").post("/api/sources")
                .then().statusCode(400).body("detail", equalTo("sourceUrl must be an absolute http or https URL"));
        api().contentType("application/json").body("{}").post("/api/sources").then().statusCode(400);

        given().get("/api/sources").then().statusCode(401);
    }
}
