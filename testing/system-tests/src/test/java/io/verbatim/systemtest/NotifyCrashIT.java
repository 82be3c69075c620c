package io.verbatim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.local.ServiceProcess;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.PostgresServer;
import io.verbatim.testsupport.TopicWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged notify-service in the middle of delivering loses nothing: after a restart every matching
 * statement reaches the webhook at least once (a repeat carries the same eventId, so the receiver can drop it).
 */
class NotifyCrashIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int MATCHING = 120;
    /** Deliveries answered before the receiver holds the next one open until the kill. */
    private static final int HELD_AFTER = 10;

    @Test
    void killingNotifyServiceMidDeliveryLosesNoMatchingStatement() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(ContractTopics.ALL);
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("notify_crash");
        Map<String, Integer> received = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = EventJson.mapper().readTree(body);
            if (received.size() >= HELD_AFTER) {
                try {
                    // the receiver holds this delivery open until the test has killed notify-service, so that the
                    // kill lands mid-delivery whatever the machine's speed
                    killed.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.merge(json.path("eventId").asText(), 1, Integer::sum);
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USERNAME,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD,
                "VERBATIM_NOTIFY_API_KEY", "crash-test-key-7f3a9c",
                "VERBATIM_NOTIFY_ALLOWED_HOSTS", "localhost",
                "VERBATIM_INSTANCE_ID", "notify-crash-test",
                "VERBATIM_NOTIFY_DELIVERY_INITIAL_BACKOFF", "200ms",
                "VERBATIM_NOTIFY_DELIVERY_POLL_INTERVAL", "50ms");
        Path logs = Path.of("target/e2e-logs/notify-crash");
        String speaker = "crash-speaker-" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> expected = new ArrayList<>();
        try {
            ServiceProcess notify = ServiceProcess.start(ROOT, "notify-service", ServiceProcess.freePort(), env, logs);
            try {
                notify.awaitReady(Duration.ofSeconds(240));
                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(notify.baseUrl() + "/api/subscriptions"))
                        .header("X-API-Key", "crash-test-key-7f3a9c").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://localhost:"
                                + receiver.getAddress().getPort() + "/hook\",\"speakerId\":\"" + speaker + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                try (TopicWriter writer = new TopicWriter(broker.bootstrapServers())) {
                    for (int i = 1; i <= MATCHING; i++) {
                        StatementNew matching = statement(speaker, i);
                        expected.add(matching.eventId());
                        writer.write(Topics.STATEMENTS_NEW, matching.documentId(), EventJson.write(matching));
                        StatementNew other = statement("someone-else", i);
                        writer.write(Topics.STATEMENTS_NEW, other.documentId(), EventJson.write(other));
                    }
                }
                Awaitility.await().atMost(WAIT).until(() -> received.size() >= HELD_AFTER);

                notify.kill();
                killed.countDown();

                assertThat(received.size()).as("deliveries before the kill").isLessThan(MATCHING);
                notify = notify.restart();
                notify.awaitReady(Duration.ofSeconds(240));
                Awaitility.await().atMost(WAIT).until(() -> received.keySet().containsAll(expected));
            } finally {
                notify.close();
            }
        } finally {
            killed.countDown(); // never leave a held delivery waiting, whatever failed
            receiver.stop(0);
        }

        Set<String> delivered = new TreeSet<>(received.keySet());
        assertThat(delivered).isEqualTo(new TreeSet<>(expected));
        assertThat(requests.get()).isGreaterThanOrEqualTo(MATCHING);
    }

    private static StatementNew statement(String speakerId, int ordinal) {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        // one document for all: the statements keep their order on one partition
        String document = "c0ffee".repeat(10) + "c0ff";
        return new StatementNew(id, EventTypes.STATEMENT_NEW, id, document, ordinal,
                new StatementNew.Speaker(speakerId, speakerId, null), null, "Statement " + ordinal,
                List.of("Statement " + ordinal), List.of(),
                new StatementNew.Transcript("Crash", "2026-12-03", null, null), Instant.now());
    }
}
