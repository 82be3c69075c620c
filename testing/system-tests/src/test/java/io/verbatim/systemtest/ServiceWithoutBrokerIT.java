package io.verbatim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.local.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A service whose broker is unreachable still starts and stays live, but reports itself not ready. */
class ServiceWithoutBrokerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void unreachableBrokerMakesTheServiceNotReadyButItStartsAndStaysLive() throws Exception {
        int deadBrokerPort = ServiceProcess.freePort();
        try (ServiceProcess ingest = ServiceProcess.start(Path.of("../..").toAbsolutePath().normalize(),
                "ingest-service", ServiceProcess.freePort(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + deadBrokerPort,
                        "VERBATIM_INGEST_SOURCES", "none",
                        // the prod profile refuses to start without an API key (deploy/README.md, "Safe defaults")
                        "VERBATIM_API_KEY", "no-broker-" + UUID.randomUUID()),
                Path.of("target/e2e-logs/no-broker"))) {

            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> status(ingest.baseUrl() + "/q/health/started") == 200);

            assertThat(status(ingest.baseUrl() + "/q/health/live")).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(ingest.baseUrl() + "/q/health/ready") == 503);
            assertThat(ingest.isAlive()).isTrue();
        }
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
