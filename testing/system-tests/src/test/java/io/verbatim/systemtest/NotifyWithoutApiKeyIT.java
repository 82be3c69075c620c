package io.verbatim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.Topics;
import io.verbatim.local.ServiceProcess;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged notify-service (the prod profile) does not start without a usable API key, as ingest-service does not:
 * with its broker and database there, it stops at start-up and says how to set VERBATIM_NOTIFY_API_KEY.
 */
class NotifyWithoutApiKeyIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void packagedNotifyServiceRefusesToStartWithoutAKeyOrWithAPlaceholder() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(List.of(Topics.STATEMENTS_NEW, Topics.NOTIFY_DELIVERIES_DLQ));
        PostgresServer postgres = PostgresServer.shared();
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(postgres.createDatabase("notify_no_key")),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USERNAME,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD,
                "VERBATIM_INSTANCE_ID", "notify-no-key-test"));

        String withoutKey = startAndAwaitExit(env, "unset");
        env.put("VERBATIM_NOTIFY_API_KEY", " Change-Me ");
        String withPlaceholder = startAndAwaitExit(env, "placeholder");

        assertThat(withoutKey).contains("VERBATIM_NOTIFY_API_KEY is not set: notify-service does not start")
                .contains("openssl rand -hex 32");
        assertThat(withPlaceholder).contains("VERBATIM_NOTIFY_API_KEY is a well-known placeholder");
    }

    /** Starts the service, waits until the process has ended on its own, returns its log. */
    private static String startAndAwaitExit(Map<String, String> env, String run) throws Exception {
        try (ServiceProcess notify = ServiceProcess.start(ROOT, "notify-service", ServiceProcess.freePort(), env,
                Path.of("target/e2e-logs/notify-no-key-" + run))) {
            Awaitility.await(run).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !notify.isAlive());
            return Files.readString(notify.log());
        }
    }
}
