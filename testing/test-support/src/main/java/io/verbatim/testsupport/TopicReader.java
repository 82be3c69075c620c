package io.verbatim.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from the beginning in a consumer group of its own, accumulating what it has seen, so that tests can
 * wait for records and assert on them (and on their headers).
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once, briefly, and returns everything seen so far. */
    public synchronized List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Waits until at least {@code count} records matching {@code filter} have been seen; returns those records. */
    public List<ConsumerRecord<String, String>> awaitRecords(int count, Predicate<ConsumerRecord<String, String>> filter,
            Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> poll().stream().filter(filter).count() >= count);
        return poll().stream().filter(filter).toList();
    }

    /** Keeps polling for the given time (for "nothing more arrives" checks) and returns what was seen. */
    public List<ConsumerRecord<String, String>> pollFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
        return poll();
    }

    /**
     * Polls until this reader has seen everything the topic held when called (its end offsets, on every partition),
     * and returns all it has seen: the check for "nothing was published" without waiting for an arbitrary time.
     */
    public synchronized List<ConsumerRecord<String, String>> readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.assignment().isEmpty()) {
            poll();
            requireBefore(deadline);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            poll();
            requireBefore(deadline);
        }
        return List.copyOf(seen);
    }

    private static void requireBefore(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the topic was not read to its end in time");
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
