package io.verbatim.ingest.crawl;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.verbatim.testsupport.KafkaTestResource;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Finding 10 of issue 12 for ingest-service: an {@link Error} (an {@link OutOfMemoryError}) in a crawl pass went to the
 * scheduler, which logged it and ran the next pass, while liveness stayed up; a crawl that fails on every pass (or a
 * thread that died) looked healthy. Now the crawl loop stops and liveness and readiness report it, so the orchestrator
 * restarts the service.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(CrawlLoopErrorTest.FailingPolls.class)
class CrawlLoopErrorTest {

    public static class FailingPolls implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingFeedPoller.class);
        }
    }

    @Test
    void anErrorInACrawlPassStopsTheLoopAndTakesLivenessDown() {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/live").statusCode() == 503);

        Response live = given().get("/q/health/live");
        assertThat(live.jsonPath().getString("checks.find { it.name == 'ingest crawl loop' }.status"))
                .isEqualTo("DOWN");
        assertThat(live.jsonPath().getString("checks.find { it.name == 'ingest crawl loop' }.data.error"))
                .isEqualTo("java.lang.OutOfMemoryError: Java heap space (simulated by the test)");
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(503);
        assertThat(FailingFeedPoller.PASSES.get()).isEqualTo(1);
    }
}
