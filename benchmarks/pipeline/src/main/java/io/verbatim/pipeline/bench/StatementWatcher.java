package io.verbatim.pipeline.bench;

import io.verbatim.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code statements.new} from its end with a plain {@link KafkaConsumer} (all partitions assigned, no group)
 * and notes, per record key (the document id), when its first and last statement arrived and how many came. The
 * values are not decoded: only arrival matters here.
 */
final class StatementWatcher implements AutoCloseable {

    /** The statements of one document seen so far; times are {@link System#nanoTime()} at arrival. */
    record Arrivals(long first, long last, int count) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Map<String, Arrivals> byDocument = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();

    StatementWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "statement-watcher");
        thread.setDaemon(true);
    }

    /** Starts reading and returns once the end positions are fixed, so nothing published later is missed. */
    void start() throws InterruptedException {
        thread.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not position a consumer on " + Topics.STATEMENTS_NEW);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATEMENTS_NEW).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (true) {
                var batch = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (record.key() != null) {
                        byDocument.merge(record.key(), new Arrivals(now, now, 1),
                                (seen, one) -> new Arrivals(seen.first(), now, seen.count() + 1));
                    }
                    records.incrementAndGet();
                }
                if (!batch.isEmpty()) {
                    lastArrival.set(now);
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The arrivals of one document, or null when none of its statements came yet. */
    Arrivals of(String documentId) {
        return byDocument.get(documentId);
    }

    /** How many statements of these documents have arrived. */
    long statementsOf(Collection<String> documentIds) {
        long total = 0;
        for (String id : documentIds) {
            Arrivals arrivals = byDocument.get(id);
            total += arrivals == null ? 0 : arrivals.count();
        }
        return total;
    }

    /** Every record read, of any document. */
    long records() {
        return records.get();
    }

    /** {@link System#nanoTime()} of the last arrival of anything, 0 before the first. */
    long lastArrival() {
        return lastArrival.get();
    }

    /** Ends the reading thread (the consumer closes on it) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
    }
}
