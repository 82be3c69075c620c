package io.verbatim.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Record sizes agree along the whole path (issue 12): on every hop, the largest record a service lets through, plus
 * room for the key, headers and batch overhead, fits the topic's {@code max.message.bytes}, and the topic's limit is
 * no larger than the writing producer's {@code max.request.size}, so the service's own bound (which parks the record
 * with its reason) is always the one that refuses, never the producer (which fails the publish, again and again) nor
 * the broker. Checked for every place topics are created: docker-compose.yml, the Kubernetes topics, the test broker
 * (test-support) and the local cluster. docs/reliability.md ("Record sizes along the path") describes the chain.
 */
class RecordSizeChainTest {

    private static final Path REPO = Path.of("..");
    /** Room for the key (64 hex characters), the headers (a dead letter's reason) and the batch overhead. */
    private static final long HEADROOM = 64 * 1024;
    /** Kafka's defaults: the broker's message.max.bytes, and a producer's max.request.size. */
    private static final long KAFKA_DEFAULT_MESSAGE_MAX = 1_048_588;
    private static final long KAFKA_DEFAULT_REQUEST_MAX = 1_048_576;

    /** One hop: the topic, the service and channel whose producer writes it, and the largest record it lets through. */
    private record Hop(String topic, String service, String channel, String boundName, long bound) {
    }

    @Test
    void everyHopsRecordBoundFitsTheTopicAndTheTopicFitsTheProducerEverywhereTopicsAreCreated() throws IOException {
        Map<String, Map<String, Long>> environments = new LinkedHashMap<>();
        environments.put("docker-compose.yml", composeTopicLimits());
        environments.put("deploy/k8s/base/kafka-topics.yaml", kubernetesTopicLimits());
        environments.put("test-support KafkaBroker", brokerWideLimit(
                "testing/test-support/src/main/java/io/verbatim/testsupport/KafkaBroker.java"));
        environments.put("local-cluster LocalKafka", brokerWideLimit(
                "deploy/local-cluster/src/main/java/io/verbatim/local/LocalKafka.java"));
        List<String> broken = new ArrayList<>();

        for (Hop hop : hops()) {
            long producerMax = producerMaxRequestSize(hop.service(), hop.channel());
            environments.forEach((where, limits) -> {
                long topicMax = limits.getOrDefault(hop.topic(), limits.getOrDefault("*", KAFKA_DEFAULT_MESSAGE_MAX));
                if (hop.bound() + HEADROOM > topicMax) {
                    broken.add(String.format("%s in %s: %s (%,d) + %,d headroom > max.message.bytes %,d", hop.topic(),
                            where, hop.boundName(), hop.bound(), HEADROOM, topicMax));
                }
                if (topicMax > producerMax) {
                    broken.add(String.format("%s in %s: max.message.bytes %,d > %s's %s max.request.size %,d",
                            hop.topic(), where, topicMax, hop.service(), hop.channel(), producerMax));
                }
            });
        }

        assertThat(broken).as("record-size chain").isEmpty();
    }

    @Test
    void everyContractTopicIsWrittenByAHopOfTheChain() throws IOException {
        assertThat(hops()).extracting(Hop::topic).containsExactlyInAnyOrder(Topics.TRANSCRIPTS_RAW,
                Topics.TRANSCRIPTS_RAW_DLQ, Topics.TRANSCRIPTS_PARSED, Topics.TRANSCRIPTS_PARSED_DLQ,
                Topics.STATEMENTS_NEW, Topics.SPEAKERS_CHANGED);
    }

    private static List<Hop> hops() throws IOException {
        long event = configuredBytes("ingest-service", "verbatim.ingest.max-event-bytes",
                "ingest-service/src/main/java/io/verbatim/ingest/config/IngestConfig.java", "maxEventBytes");
        long parsed = configuredBytes("parse-service", "verbatim.parse.max-record-bytes",
                "parse-service/src/main/java/io/verbatim/parse/config/ParseConfig.java", "maxRecordBytes");
        // statements.new: store-service's statement bound is its relay's business; the topic must at least take
        // whatever its producer sends (bound 0 checks only topic <= producer).
        return List.of(
                new Hop(Topics.TRANSCRIPTS_RAW, "ingest-service", "transcripts-raw", "max-event-bytes", event),
                // parse-service's dead letters (the raw record, unchanged, plus a reason header) go through its
                // transactional transcripts-parsed producer
                new Hop(Topics.TRANSCRIPTS_RAW_DLQ, "parse-service", "transcripts-parsed", "max-event-bytes", event),
                new Hop(Topics.TRANSCRIPTS_PARSED, "parse-service", "transcripts-parsed", "max-record-bytes", parsed),
                new Hop(Topics.TRANSCRIPTS_PARSED_DLQ, "store-service", "transcripts-parsed-dlq", "max-record-bytes",
                        parsed),
                new Hop(Topics.STATEMENTS_NEW, "store-service", "statements-new", "no bound here", 0),
                // speakers.changed: an operator's correction, through the same outbox relay
                new Hop(Topics.SPEAKERS_CHANGED, "store-service", "speakers-changed", "no bound here", 0));
    }

    /** The property in the service's application.properties, else the {@code @WithDefault} of its config method. */
    private static long configuredBytes(String service, String property, String configSource, String method)
            throws IOException {
        String value = properties(service).getProperty(property);
        if (value != null) {
            return Long.parseLong(value.strip());
        }
        Matcher matcher = Pattern.compile("@WithDefault\\(\"(\\d+)\"\\)\\s+(?:long|int)\\s+" + method + "\\(\\)")
                .matcher(Files.readString(REPO.resolve(configSource)));
        assertThat(matcher.find()).as(method + " with a numeric @WithDefault in " + configSource).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static long producerMaxRequestSize(String service, String channel) throws IOException {
        String value = properties(service).getProperty("mp.messaging.outgoing." + channel + ".max.request.size");
        return value == null ? KAFKA_DEFAULT_REQUEST_MAX : Long.parseLong(value.strip());
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** Per topic from kafka-init's --config, "*" for the broker's KAFKA_MESSAGE_MAX_BYTES. */
    private static Map<String, Long> composeTopicLimits() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
        Map<String, Long> limits = new LinkedHashMap<>();
        JsonNode brokerWide = compose.at("/services/kafka/environment/KAFKA_MESSAGE_MAX_BYTES");
        if (!brokerWide.isMissingNode()) {
            limits.put("*", brokerWide.asLong());
        }
        StringBuilder init = new StringBuilder();
        compose.at("/services/kafka-init/command").forEach(part -> init.append(part.asText()).append(' '));
        Matcher loops = Pattern.compile("for topic in ([^;]+); do(.*?)done").matcher(init);
        while (loops.find()) {
            Matcher config = Pattern.compile("max\\.message\\.bytes=(\\d+)").matcher(loops.group(2));
            if (config.find()) {
                for (String topic : loops.group(1).trim().split("\\s+")) {
                    limits.put(topic, Long.parseLong(config.group(1)));
                }
            }
        }
        assertThat(init.toString()).as("kafka-init creates the topics").contains("--create");
        return limits;
    }

    /** Per topic from the KafkaTopic resources; Strimzi's brokers keep Kafka's default otherwise. */
    private static Map<String, Long> kubernetesTopicLimits() throws IOException {
        Map<String, Long> limits = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(REPO.resolve("deploy/k8s/base/kafka-topics.yaml").toFile())) {
            while (documents.hasNext()) {
                JsonNode topic = documents.next();
                JsonNode limit = topic.at("/spec/config/max.message.bytes");
                limits.put(topic.at("/spec/topicName").asText(), limit.isMissingNode() ? KAFKA_DEFAULT_MESSAGE_MAX
                        : limit.asLong());
            }
        }
        assertThat(limits).as("KafkaTopic resources").isNotEmpty();
        return limits;
    }

    /** A broker started in Java with one message.max.bytes for every topic. */
    private static Map<String, Long> brokerWideLimit(String source) throws IOException {
        Matcher matcher = Pattern.compile("\"message\\.max\\.bytes\",\\s*\"(\\d+)\"")
                .matcher(Files.readString(REPO.resolve(source)));
        return matcher.find() ? Map.of("*", Long.parseLong(matcher.group(1))) : Map.of();
    }
}
