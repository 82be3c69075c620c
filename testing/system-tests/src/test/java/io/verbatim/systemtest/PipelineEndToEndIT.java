package io.verbatim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.corpus.Corpus;
import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.local.ServiceProcess;
import io.verbatim.testsupport.ConsumerGroups;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.PostgresServer;
import io.verbatim.testsupport.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as users run it: the three packaged services as separate processes against one real Kafka
 * broker and one real PostgreSQL; the seed goes in over HTTP and comes out on {@code statements.new} and the API.
 */
class PipelineEndToEndIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String SEED = "00-seed-pyongyang-talks.txt";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String API_KEY = java.util.UUID.randomUUID().toString();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static String bootstrap;
    private static ServiceProcess ingest;
    private static ServiceProcess store;

    @BeforeAll
    static void startCluster() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(ContractTopics.ALL);
        bootstrap = broker.bootstrapServers();
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("e2e");
        Path logs = Path.of("target/e2e-logs");
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap);

        ingest = ServiceProcess.start(ROOT, "ingest-service", ServiceProcess.freePort(), Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "VERBATIM_API_KEY", API_KEY, "VERBATIM_INGEST_SOURCES", "none",
                "VERBATIM_INGEST_INBOX_DIRECTORY", Path.of("target/e2e-inbox").toAbsolutePath().toString()), logs);
        SERVICES.add(ingest);
        SERVICES.add(ServiceProcess.start(ROOT, "parse-service", ServiceProcess.freePort(), kafka, logs));
        store = ServiceProcess.start(ROOT, "store-service", ServiceProcess.freePort(), Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USERNAME,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD), logs);
        SERVICES.add(store);
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopCluster() {
        SERVICES.forEach(ServiceProcess::close);
    }

    @Test
    void seedSubmittedToIngestComesOutAsTwoStatementsOnTheTopicAndTheApiAndOnlyOnce() throws Exception {
        try (TopicReader statements = new TopicReader(bootstrap, Topics.STATEMENTS_NEW)) {
            String documentId = submitSeed();

            List<ConsumerRecord<String, String>> records = statements.awaitRecords(2,
                    r -> documentId.equals(r.key()), WAIT);

            List<StatementNew> events = records.stream().map(r -> EventJson.read(r.value(), StatementNew.class))
                    .toList();
            assertThat(events).hasSize(2);
            assertThat(events).extracting(StatementNew::ordinal).containsExactly(1, 2);
            assertThat(events).extracting(e -> e.speaker().name()).containsExactly("Kim Jong-un", "Vladimir Putin");
            assertThat(events).extracting(e -> e.speaker().role())
                    .containsExactly("Chairman of State Affairs of the DPRK", "President of Russia");
            assertThat(events).extracting(StatementNew::annotation).containsExactly("retranslated", null);
            assertThat(events.get(0).paragraphs()).hasSize(9).first().isEqualTo("Comrade President Vladimir Putin,");
            assertThat(events.get(1).paragraphs()).hasSize(13).last()
                    .isEqualTo("Once again, thank you for inviting me here.");
            assertThat(events).allSatisfy(e -> assertThat(e.eventId()).isEqualTo(e.statementId()));
            assertThat(String.join(" ", events.get(1).paragraphs())).doesNotContain("EDITOR", "Recent Posts");

            JsonNode transcript = getJson(store.baseUrl() + "/api/transcripts/" + documentId);
            assertThat(transcript.get("statements")).hasSize(2);
            assertThat(transcript.get("statements").get(0).get("speaker").get("name").asText())
                    .isEqualTo("Kim Jong-un");
            JsonNode putin = getJson(store.baseUrl() + "/api/statements?speaker="
                    + URLEncoder.encode("Vladimir Putin", StandardCharsets.UTF_8) + "&document=" + documentId)
                    .get("items");
            assertThat(putin).hasSize(1);
            assertThat(putin.get(0).get("speaker").get("role").asText()).isEqualTo("President of Russia");

            String again = submitSeed();
            assertThat(again).isEqualTo(documentId);
            ConsumerGroups.awaitCaughtUp(bootstrap, "parse-service", Topics.TRANSCRIPTS_RAW, WAIT);
            ConsumerGroups.awaitCaughtUp(bootstrap, "store-service", Topics.TRANSCRIPTS_PARSED, WAIT);

            assertThat(statements.readToEnd(WAIT)).filteredOn(r -> documentId.equals(r.key()))
                    .hasSize(2);
            assertThat(getJson(store.baseUrl() + "/api/transcripts/" + documentId).get("statements")).hasSize(2);
            assertThat(getJson(store.baseUrl() + "/api/statements?speaker=Vladimir%20Putin&document=" + documentId)
                    .get("items")).hasSize(1);
        }
    }

    @Test
    void everyServiceReportsLiveReadyAndStarted() throws Exception {
        for (ServiceProcess service : SERVICES) {
            for (String probe : List.of("live", "ready", "started")) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/q/health/" + probe)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service.name() + " " + probe).isEqualTo(200);
            }
        }
    }

    private static String submitSeed() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(ingest.baseUrl() + "/api/transcripts?sourceName=seed"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Corpus.bytes(Corpus.DOCS, SEED)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return EventJson.mapper().readTree(response.body()).get("documentId").asText();
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }
}
