package io.verbatim.local;

import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Follows {@code statements.new} from its end and prints each new statement: speaker, role and first words. */
public final class StatementPrinter implements AutoCloseable {

    private static final int FIRST_WORDS = 12;

    private final KafkaConsumer<String, String> consumer;
    private final PrintStream out;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicInteger printed = new AtomicInteger();

    public StatementPrinter(String bootstrapServers, PrintStream out) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "local-cluster-printer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.out = out;
        this.thread = new Thread(this::run, "statement-printer");
        this.thread.setDaemon(true);
    }

    /** Starts following and waits until the consumer holds its partitions, so nothing published later is missed. */
    public void start(Duration timeout) throws InterruptedException {
        thread.start();
        assigned.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public int printed() {
        return printed.get();
    }

    private void run() {
        consumer.subscribe(List.of(Topics.STATEMENTS_NEW));
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!consumer.assignment().isEmpty()) {
                    // resolve the "latest" positions now, before anything is submitted
                    consumer.assignment().forEach(consumer::position);
                    assigned.countDown();
                }
                for (ConsumerRecord<String, String> record : records) {
                    print(record.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void print(String json) {
        try {
            StatementNew statement = EventJson.read(json, StatementNew.class);
            String role = statement.speaker().role() == null ? "" : " (" + statement.speaker().role() + ")";
            String annotation = statement.annotation() == null ? "" : " [" + statement.annotation() + "]";
            out.printf("  [statement.new] %s%s%s: \"%s\"%n", statement.speaker().name(), role, annotation,
                    firstWords(statement.text()));
            printed.incrementAndGet();
        } catch (RuntimeException e) {
            out.println("  [statements.new] unreadable record: " + e.getMessage());
        }
    }

    static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= FIRST_WORDS) {
            return String.join(" ", words);
        }
        return String.join(" ", java.util.Arrays.copyOf(words, FIRST_WORDS)) + " …";
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
