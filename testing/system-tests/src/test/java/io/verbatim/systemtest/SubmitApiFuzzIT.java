package io.verbatim.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.ServiceProcess;
import io.verbatim.testsupport.ConsumerGroups;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.DocumentMutator;
import io.verbatim.testsupport.KafkaBroker;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A fixed-seed fuzz run through the submit API: mutated corpus documents (and some with corrupted bytes or an odd
 * content type) go to ingest-service over HTTP, and parse-service reads them from the broker. Every input must be
 * accounted for: refused at the door with a 4xx problem, or accepted and then either parsed onto
 * {@code transcripts.parsed} or dead-lettered onto {@code transcripts.raw.dlq} with a reason. Nothing may crash
 * a service or take longer than the limit to parse. {@code -Dfuzz.documents=N} changes the count (default
 * 10,000); {@code -Dfuzz.seed=S} the seed.
 */
class SubmitApiFuzzIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final int DOCUMENTS = Integer.getInteger("fuzz.documents", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final Duration PARSE_LIMIT = Duration.ofSeconds(5);
    private static final String API_KEY = "fuzz-" + SEED;
    private static final String[] ODD_TYPES = {"text/html", "text/plain", "text/markdown", "text/html; charset=utf-8",
            "application/octet-stream", "text/csv", "text/plain; charset=latin-1"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What happened to one input at the submit API. */
    private record Outcome(int status, String documentId, String detail) {
    }

    @Test
    void everyMutatedSubmissionIsRefusedWithAProblemOrParsedOrDeadLetteredWithAReason() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(ContractTopics.ALL);
        Path logs = Path.of("target/fuzz-logs").toAbsolutePath();
        try (ServiceProcess ingest = ServiceProcess.start(ROOT, "ingest-service", ServiceProcess.freePort(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "VERBATIM_API_KEY", API_KEY,
                        "VERBATIM_INGEST_SOURCES", "none",
                        "VERBATIM_INGEST_INBOX_DIRECTORY", logs.resolve("inbox").toString()), logs);
                ServiceProcess parse = ServiceProcess.start(ROOT, "parse-service", ServiceProcess.freePort(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()), logs)) {
            ingest.awaitReady(Duration.ofSeconds(120));
            parse.awaitReady(Duration.ofSeconds(120));

            // the metric's maximum covers a sliding window of a few minutes: sample it while the run lasts
            java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor();
            double[] slowest = {0};
            sampler.scheduleAtFixedRate(() -> {
                double seconds = slowestProcessingSeconds(parse.baseUrl());
                synchronized (slowest) {
                    slowest[0] = Math.max(slowest[0], seconds);
                }
            }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
            Map<Integer, Outcome> outcomes = submitAll(ingest.baseUrl());
            ConsumerGroups.awaitCaughtUp(broker.bootstrapServers(), "parse-service", Topics.TRANSCRIPTS_RAW,
                    Duration.ofMinutes(10));
            sampler.shutdown();
            sampler.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);

            Map<String, Long> parsed = readAll(broker, Topics.TRANSCRIPTS_PARSED).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            Map<String, String> deadLettered = new HashMap<>();
            Map<String, Long> deadLetterCount = new HashMap<>();
            for (ConsumerRecord<String, String> record : readAll(broker, Topics.TRANSCRIPTS_RAW_DLQ)) {
                Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
                deadLettered.put(record.key(), reason == null ? "" : new String(reason.value(),
                        StandardCharsets.UTF_8));
                deadLetterCount.merge(record.key(), 1L, Long::sum);
            }

            Map<String, Integer> tally = new TreeMap<>();
            for (Map.Entry<Integer, Outcome> entry : outcomes.entrySet()) {
                Outcome outcome = entry.getValue();
                String input = "input " + entry.getKey() + " (seed " + SEED + ")";
                if (outcome.status() == 202) {
                    long timesParsed = parsed.getOrDefault(outcome.documentId(), 0L);
                    long timesDeadLettered = deadLetterCount.getOrDefault(outcome.documentId(), 0L);
                    assertThat(timesParsed + timesDeadLettered).as(input + " accepted as " + outcome.documentId()
                            + ": records on transcripts.parsed and transcripts.raw.dlq").isEqualTo(1);
                    boolean wasParsed = timesParsed == 1;
                    String reason = deadLettered.get(outcome.documentId());
                    if (reason != null) {
                        assertThat(reason).as(input + " dead-lettered without a reason").isNotBlank();
                    }
                    tally.merge(wasParsed ? "accepted, parsed" : "accepted, dead-lettered with a reason", 1,
                            Integer::sum);
                } else {
                    assertThat(outcome.status()).as(input + ": " + outcome.detail()).isBetween(400, 499);
                    assertThat(outcome.detail()).as(input + " refused with HTTP " + outcome.status()
                            + " but without a reason").isNotBlank();
                    tally.merge("refused by the submit API with HTTP " + outcome.status(), 1, Integer::sum);
                }
            }
            assertThat(outcomes).hasSize(DOCUMENTS);
            // the mutations reach every answer: accepted and parsed, and refused by the submit API
            assertThat(tally).containsKey("accepted, parsed");
            assertThat(tally.keySet()).anyMatch(outcome -> outcome.startsWith("refused by the submit API"));
            assertThat(ingest.isAlive()).isTrue();
            assertThat(parse.isAlive()).isTrue();

            double slowestParse;
            synchronized (slowest) {
                slowestParse = Math.max(slowest[0], slowestProcessingSeconds(parse.baseUrl()));
            }
            assertThat(slowestParse).as("slowest document through parse-service, s").isLessThan(
                    PARSE_LIMIT.toMillis() / 1000.0);
            System.out.printf("submit-API fuzz: %,d inputs (seed %d): %s; slowest parse %.3f s%n", DOCUMENTS,
                    SEED, tally, slowestParse);
        }
    }

    private Map<Integer, Outcome> submitAll(String ingestUrl) throws InterruptedException {
        Random random = new Random(SEED);
        CorpusVariants variants = CorpusVariants.load();
        Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(8);
        for (int i = 0; i < DOCUMENTS; i++) {
            CorpusVariants.Variant variant = variants.variant(random.nextInt(variants.templates()));
            byte[] body = DocumentMutator.mutate(new String(variant.body(), StandardCharsets.UTF_8), random)
                    .getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(20) == 0) {
                body = DocumentMutator.corruptBytes(body, random);
            }
            String type = random.nextInt(10) == 0 ? ODD_TYPES[random.nextInt(ODD_TYPES.length)]
                    : variant.contentType();
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/transcripts?sourceName=fuzz"
                            + "&sourceUrl=" + URLEncoder.encode("https://fuzz.verbatim.test/" + SEED + "/" + i,
                            StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", type)
                    .header("X-API-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int input = i;
            inFlight.acquire();
            CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request,
                    HttpResponse.BodyHandlers.ofString());
            sent.whenComplete((response, failure) -> {
                try {
                    outcomes.put(input, failure != null ? new Outcome(-1, null, failure.toString())
                            : outcome(response));
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(8);
        return outcomes;
    }

    private static Outcome outcome(HttpResponse<String> response) {
        try {
            JsonNode body = EventJson.mapper().readTree(response.body());
            return response.statusCode() == 202
                    ? new Outcome(202, body.path("documentId").asText(), null)
                    : new Outcome(response.statusCode(), null, body.path("detail").asText(""));
        } catch (IOException e) {
            return new Outcome(response.statusCode(), null, "");
        }
    }

    /** The longest time parse-service took over one document lately, from its own metric. */
    private double slowestProcessingSeconds(String parseUrl) {
        String metrics;
        try {
            metrics = http.send(HttpRequest.newBuilder(URI.create(parseUrl + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        List<String> lines = metrics.lines()
                .filter(l -> l.startsWith("verbatim_parse_duration_seconds_max"))
                .toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("parse-service has no verbatim_parse_duration_seconds_max metric");
        }
        return lines.stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max()
                .orElseThrow();
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic) {
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            return reader.readToEnd(Duration.ofMinutes(2));
        }
    }
}
