package io.verbatim.example;

import io.verbatim.events.EventJson;
import io.verbatim.events.MalformedEventException;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code statements.new} for one speaker and prints each new statement once.
 *
 * <ul>
 *   <li>Filters on the {@value StatementNew#SPEAKER_ID_HEADER} header, so records of other speakers are skipped without parsing
 *       their value (a record without the header is parsed and matched on {@code speaker.id}).</li>
 *   <li>Deduplicates on {@code eventId} with {@link RecentEventIds}: delivery is at least once, so the same
 *       statement can arrive twice.</li>
 *   <li>Commits the offsets of a batch only after every record of it was handled: a crash in between means the
 *       records are read again, never that one is lost.</li>
 * </ul>
 *
 * <p>{@link #pollOnce(Duration)} does one poll-handle-commit round on the caller's thread (tests drive it);
 * {@link #run()} repeats it until {@link #stop()}, which {@link #main(String[])} calls on Ctrl-C.
 *
 * <pre>java -jar subscriber-example/target/subscriber-example.jar --speaker vladimir-putin
 *     [--bootstrap-servers localhost:9092] [--group-id speaker-subscriber-vladimir-putin]
 *     [--from earliest|latest] [--remember 10000]</pre>
 */
public final class SpeakerSubscriber implements AutoCloseable {

    /** The header store-service sets on every {@code statements.new} record: the speaker's stable id. */

    private final KafkaConsumer<String, String> consumer;
    private final String speakerId;
    private final RecentEventIds recentIds;
    private final Consumer<StatementNew> handler;
    private final PrintStream errors;
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private volatile boolean running = true;

    public SpeakerSubscriber(Settings settings, Consumer<StatementNew> handler, PrintStream errors) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "speaker-subscriber-" + settings.speakerId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.from());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.speakerId = settings.speakerId();
        this.recentIds = new RecentEventIds(settings.remember());
        this.handler = handler;
        this.errors = errors;
        consumer.subscribe(List.of(Topics.STATEMENTS_NEW));
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.fromArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        SpeakerSubscriber subscriber = new SpeakerSubscriber(settings, statement -> out.println(format(statement)),
                System.err);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscriber.stop();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "speaker-subscriber-stop"));
        System.err.printf("following %s for speaker %s as group %s (Ctrl-C stops)%n", Topics.STATEMENTS_NEW,
                settings.speakerId(), settings.groupId());
        try (subscriber) {
            subscriber.run();
        }
    }

    /** Polls, handles and commits until {@link #stop()}. */
    public void run() {
        try {
            while (running) {
                pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException e) {
            // stop() interrupted a poll or a commit; what was handled is committed on close
        }
    }

    /** Asks {@link #run()} to return; safe from any thread (e.g. a shutdown hook). */
    public void stop() {
        running = false;
        try {
            consumer.wakeup();
        } catch (IllegalStateException e) {
            // already closed
        }
    }

    /**
     * One round: polls once, hands each new statement of the speaker to the handler, then commits the offsets of
     * what it handled. Returns how many statements it handed on.
     */
    public int pollOnce(Duration timeout) {
        int delivered = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            if (handle(record)) {
                delivered++;
            }
            handled.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        commitHandled();
        return delivered;
    }

    private boolean handle(ConsumerRecord<String, String> record) {
        String headerSpeaker = header(record, StatementNew.SPEAKER_ID_HEADER);
        if (headerSpeaker != null && !headerSpeaker.equals(speakerId)) {
            return false;
        }
        StatementNew statement;
        try {
            statement = EventJson.read(record.value(), StatementNew.class);
        } catch (MalformedEventException e) {
            errors.printf("skipping unreadable record at %s-%d@%d: %s%n", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return false;
        }
        if (headerSpeaker == null && (statement.speaker() == null || !speakerId.equals(statement.speaker().id()))) {
            return false;
        }
        if (statement.eventId() == null || !recentIds.firstSeen(statement.eventId())) {
            return false;
        }
        handler.accept(statement);
        return true;
    }

    private void commitHandled() {
        if (!handled.isEmpty()) {
            consumer.commitSync(handled);
            handled.clear();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** How the example prints a statement: a line about who and where, then the text, indented. */
    public static String format(StatementNew statement) {
        StringBuilder line = new StringBuilder();
        StatementNew.Transcript transcript = statement.transcript();
        if (transcript != null && transcript.publishedAt() != null) {
            line.append('[').append(transcript.publishedAt()).append("] ");
        }
        line.append(statement.speaker().name());
        if (statement.speaker().role() != null) {
            line.append(" (").append(statement.speaker().role()).append(')');
        }
        if (statement.annotation() != null) {
            line.append(" [").append(statement.annotation()).append(']');
        }
        if (transcript != null && transcript.title() != null) {
            line.append(" in \"").append(transcript.title()).append('"');
        }
        line.append(", #").append(statement.ordinal()).append(':');
        for (String paragraph : statement.paragraphs()) {
            line.append(System.lineSeparator()).append("    ").append(paragraph);
        }
        return line.toString();
    }

    /** Commits what was handled and leaves the group. */
    @Override
    public void close() {
        try {
            commitHandled();
        } catch (RuntimeException e) {
            errors.println("could not commit on close, the last records will be read again: " + e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * What to follow and where.
     *
     * @param speakerId        the speaker's stable id, e.g. {@code vladimir-putin}
     * @param bootstrapServers the Kafka cluster
     * @param groupId          the consumer group; its committed offsets are where a restart resumes
     * @param from             where a new group starts: {@code earliest} (the whole history) or {@code latest}
     * @param remember         how many recent event ids are kept for deduplication
     */
    public record Settings(String speakerId, String bootstrapServers, String groupId, String from, int remember) {

        static final String USAGE = "usage: SpeakerSubscriber --speaker <speaker-id> [--bootstrap-servers <host:port>]"
                + " [--group-id <group>] [--from earliest|latest] [--remember <event ids>]";

        public Settings {
            if (speakerId == null || speakerId.isBlank()) {
                throw new IllegalArgumentException("--speaker is required, e.g. --speaker vladimir-putin");
            }
            if (!"earliest".equals(from) && !"latest".equals(from)) {
                throw new IllegalArgumentException("--from must be earliest or latest, was " + from);
            }
            if (remember < 1) {
                throw new IllegalArgumentException("--remember must be at least 1, was " + remember);
            }
        }

        /**
         * Reads the command line. Defaults: bootstrap servers from {@code KAFKA_BOOTSTRAP_SERVERS}, else
         * {@code localhost:9092}; group {@code speaker-subscriber-<speaker>}; from {@code earliest}; 10000 ids.
         */
        public static Settings fromArgs(String[] args, Map<String, String> env) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got " + name);
                }
                options.put(name.substring(2), args[++i]);
            }
            for (String name : options.keySet()) {
                if (!List.of("speaker", "bootstrap-servers", "group-id", "from", "remember").contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
            String speaker = options.get("speaker");
            String bootstrap = options.getOrDefault("bootstrap-servers",
                    env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
            String group = options.getOrDefault("group-id", "speaker-subscriber-" + speaker);
            int remember;
            try {
                remember = Integer.parseInt(options.getOrDefault("remember", "10000"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--remember must be a number, was " + options.get("remember"));
            }
            return new Settings(speaker, bootstrap, group, options.getOrDefault("from", "earliest"), remember);
        }
    }
}
