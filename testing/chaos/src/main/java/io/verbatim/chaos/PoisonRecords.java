package io.verbatim.chaos;

import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.HostileDocuments;
import io.verbatim.testsupport.HostileDocuments.HostileDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no service can use, written straight to the topics: each must end on a dead-letter topic with its
 * reason, and nothing else may come of it. Each record's key names its kind and number, so the audit can find it.
 */
public final class PoisonRecords implements AutoCloseable {

    /** The kinds of poison, and the topic each is written to. */
    public enum Kind {
        /** Bytes that are neither UTF-8 nor JSON, on {@code transcripts.raw}. */
        UNDECODABLE(Topics.TRANSCRIPTS_RAW),
        /** A well-formed {@code transcript.fetched} whose body is beyond the parser's 4,000,000 characters. */
        OVERSIZED(Topics.TRANSCRIPTS_RAW),
        /** A well-formed {@code transcript.fetched} carrying a PNG image, not a transcript at all. */
        NOT_A_TRANSCRIPT(Topics.TRANSCRIPTS_RAW),
        /**
         * A well-formed {@code transcript.fetched} whose body is an adversarial shape from test-support's
         * {@link HostileDocuments} that the parser must refuse within its bounds (markup nested deeper than it
         * reads, among them issue 12's nested-bold paragraph), on {@code transcripts.raw}.
         */
        HOSTILE(Topics.TRANSCRIPTS_RAW),
        /** A truncated JSON document on {@code transcripts.parsed}. */
        MALFORMED_PARSED(Topics.TRANSCRIPTS_PARSED);

        private final String topic;

        Kind(String topic) {
            this.topic = topic;
        }

        public String topic() {
            return topic;
        }

        /** The dead-letter topic the service reading {@link #topic()} writes to. */
        public String deadLetterTopic() {
            return topic + ".dlq";
        }
    }

    /** One poison record that was written (acknowledged by the broker). */
    public record Injected(Kind kind, String key) {
    }

    private static final int OVERSIZED_CHARS = 4_500_000;
    /** The adversarial shapes nested beyond the parser's depth bound: each must be refused, never parsed. */
    private static final List<HostileDocument> REFUSED_SHAPES = new HostileDocuments(12L).documents(100_000).stream()
            .filter(d -> d.shape().equals("nested-bold-paragraph") || d.shape().startsWith("deep-"))
            .toList();

    private final KafkaProducer<String, byte[]> producer;
    private final List<Injected> injected = new ArrayList<>();

    public PoisonRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes poison record {@code number} of {@code kind} and waits until the broker has it. */
    public Injected inject(Kind kind, int number) throws InterruptedException {
        String key = "poison-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + number;
        try {
            producer.send(new ProducerRecord<>(kind.topic(), key, value(kind, number))).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write poison record " + key, e.getCause());
        }
        Injected record = new Injected(kind, key);
        synchronized (injected) {
            injected.add(record);
        }
        return record;
    }

    public List<Injected> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    static byte[] value(Kind kind, int number) {
        return switch (kind) {
            case UNDECODABLE -> new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28, (byte) 0xa0,
                    (byte) number, (byte) 0x80, '{', '"'};
            case OVERSIZED -> fetched(number, "text/plain",
                    "Poison " + number + ": " + "word ".repeat(OVERSIZED_CHARS / 5));
            case NOT_A_TRANSCRIPT -> fetched(number, "image/png",
                    "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR poison " + number);
            case HOSTILE -> {
                HostileDocument hostile = REFUSED_SHAPES.get(number % REFUSED_SHAPES.size());
                yield fetched(number, hostile.contentType(), hostile.body());
            }
            case MALFORMED_PARSED -> ("{\"eventId\":\"poison-" + number + "\",\"eventType\":\"transcript.parsed\","
                    + "\"documentId\":").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] fetched(int number, String contentType, String body) {
        TranscriptFetched event = TranscriptFetched.of("https://poison.verbatim.test/" + number, "chaos-poison",
                Instant.now(), contentType, body);
        return EventJson.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
