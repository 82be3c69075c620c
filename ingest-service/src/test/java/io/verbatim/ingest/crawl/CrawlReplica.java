package io.verbatim.ingest.crawl;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.fetch.PageFetcher;
import io.verbatim.ingest.fetch.RobotsPolicy;
import io.verbatim.ingest.messaging.RawDocumentPublisher;
import io.verbatim.ingest.state.IngestStateStore;
import io.verbatim.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One ingest-service replica built from the service's own classes (crawl state, feed poller, page crawler, crawl loop,
 * publisher), outside Quarkus, so that a test can run two in one JVM against the real broker and stop one cleanly or
 * as a crash would. Its crawl loop ticks on a thread of its own, as the scheduler would.
 */
public final class CrawlReplica implements AutoCloseable {

    public final String name;
    public final IngestConfig config;
    public final IngestStateStore state;
    public final RawDocumentPublisher publisher;
    private final KafkaProducer<String, String> rawProducer;
    private final PageFetcher fetcher;
    private final CrawlLoop loop;
    /** Runs the crawl loop's ticks, as the service's scheduler does; null until started. */
    private ScheduledExecutorService driver;

    /**
     * @param settings {@code verbatim.ingest.*} settings on top of the defaults; the User-Agent names the replica
     */
    public CrawlReplica(String name, String bootstrapServers, Map<String, String> settings) {
        this.name = name;
        Map<String, String> all = new HashMap<>(settings);
        all.put("verbatim.ingest.fetch.user-agent", "Verbatim-test/" + name);
        config = new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build().getConfigMapping(IngestConfig.class);
        state = new IngestStateStore(Map.of("bootstrap.servers", bootstrapServers), config);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        rawProducer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        publisher = new RawDocumentPublisher(new ProducerEmitter(rawProducer), config, registry);
        FetchComponents components = new FetchComponents();
        fetcher = components.pageFetcher(config);
        RobotsPolicy robots = components.robotsPolicy(fetcher, config);
        HostPoliteness politeness = components.hostPoliteness(config, robots, state);
        CrawlMetrics metrics = new CrawlMetrics(registry);
        PageCrawler pages = new PageCrawler(state, fetcher, robots, politeness, publisher, metrics, config);
        FeedPoller feeds = new FeedPoller(state, fetcher, robots, politeness, pages, metrics, config);
        loop = new CrawlLoop(state, feeds, pages, new CrawlLoopHealth(config));
    }

    /** Joins the group and starts crawling what it is given. */
    public CrawlReplica start() {
        state.start();
        driver = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "crawl-" + name));
        long tick = config.feeds().tick().toMillis();
        driver.scheduleWithFixedDelay(loop::tick, 0, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops the crawl loop after its pass in progress. */
    public void stopCrawling() throws InterruptedException {
        if (driver != null) {
            driver.shutdown(); // the pass in progress ends, no new one starts
            if (!driver.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the crawl pass of " + name + " did not end within 2 minutes");
            }
        }
    }

    /** A clean stop: the crawl ends its pass, the replica leaves the group and hands back its partitions. */
    @Override
    public void close() throws Exception {
        stopCrawling();
        state.close();
        rawProducer.close(Duration.ofSeconds(5));
        fetcher.close();
    }

    /**
     * As a {@code kill -9} between two fetches: the crawl stops and the replica never leaves the group nor hands
     * anything back; the group gives its partitions to others only when it stops hearing from it.
     */
    public void crash() throws InterruptedException {
        stopCrawling();
        state.halt();
    }

    /** The SmallRye emitter's part that the publisher uses, on a plain producer to {@code transcripts.raw}. */
    private static final class ProducerEmitter implements Emitter<String> {

        private final KafkaProducer<String, String> producer;

        ProducerEmitter(KafkaProducer<String, String> producer) {
            this.producer = producer;
        }

        @Override
        public CompletionStage<Void> send(String payload) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            send(Message.of(payload, () -> {
                done.complete(null);
                return CompletableFuture.completedFuture(null);
            }));
            return done;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <M extends Message<? extends String>> void send(M message) {
            OutgoingKafkaRecordMetadata<String> metadata = message.getMetadata(OutgoingKafkaRecordMetadata.class)
                    .orElse(null);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TRANSCRIPTS_RAW, null,
                    metadata == null ? null : metadata.getKey(), message.getPayload(),
                    metadata == null ? null : metadata.getHeaders());
            producer.send(record, (result, e) -> {
                if (e == null) {
                    message.ack();
                } else {
                    message.nack(e);
                }
            });
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
