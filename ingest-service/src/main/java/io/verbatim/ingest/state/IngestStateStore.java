package io.verbatim.ingest.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.verbatim.events.EventJson;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.config.IngestConfig.CrawlStateBounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The crawl state and the configured sources, kept in the compacted topic {@code ingest.state} the way Kafka
 * Connect keeps source offsets: every change is written (acks=all) before it counts, and at start-up the whole topic
 * is read back into memory. Keys are {@code source:<id>} and {@code url:<canonical url>}; a removed source is a
 * tombstone. Loading runs in the background, so an unreachable broker delays it but never blocks start-up;
 * {@link #isLoaded()} feeds readiness and the poller waits for it.
 *
 * <p>The URLs held are bounded ({@code verbatim.ingest.crawl-state.max-urls}): beyond the bound the least recently
 * used settled URL (fetched or refused) is forgotten, in memory and, by a tombstone, in the topic. A lookup counts as
 * a use, so a page that its feed still lists is looked up at every poll and stays. Pending pages are never
 * forgotten; {@link #roomForNewUrls(String)} tells how many new ones may be added (also bounded per source).
 */
@ApplicationScoped
public class IngestStateStore {

    private static final Logger LOG = Logger.getLogger(IngestStateStore.class);
    private static final String SOURCE_PREFIX = "source:";
    private static final String URL_PREFIX = "url:";

    private final Map<String, Object> kafkaConfig;
    private final IngestConfig config;
    private final Map<String, FeedSource> sources = new ConcurrentHashMap<>();
    /** In access order (least recently used first); guarded by itself. */
    private final Map<String, CrawlState> urls = new LinkedHashMap<>(16, 0.75f, true);
    /** URLs with a write sent and not yet counted in memory, with the number of their latest write; guarded by urls. */
    private final Map<String, Long> inFlight = new HashMap<>();
    /** Held while sending URL records and tombstones, so their order in the topic is the order they count in. */
    private final Object sendOrder = new Object();
    /** Numbers the URL writes; guarded by sendOrder. */
    private long lastWrite;
    private final Set<String> removedSources = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean loaded = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile KafkaProducer<String, String> producer;
    private Thread loader;
    private volatile WriteObserver observer = new WriteObserver() {
    };

    /**
     * Called at the points where another thread's write of the same URL can come in between: after a write's
     * acknowledgement (before the URL's state counts in memory) and after the decision to forget URLs (before their
     * tombstones are sent). Does nothing in the service; tests hold a thread there to make an interleaving happen.
     */
    interface WriteObserver {
        default void acknowledged(CrawlState state) {
        }

        default void forgetting(List<String> urls) {
        }
    }

    void observeWrites(WriteObserver observer) {
        this.observer = observer;
    }

    public IngestStateStore(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        loader = new Thread(this::loadUntilDone, "ingest-state-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public boolean isLoaded() {
        return loaded.get();
    }

    /** Blocks until the state is loaded or the timeout passes; returns whether it is loaded. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!loaded.get() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return loaded.get();
    }

    public Collection<FeedSource> sources() {
        return List.copyOf(sources.values());
    }

    public Optional<FeedSource> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** The URL's state; looking it up counts as a use, which keeps it from being forgotten first. */
    public Optional<CrawlState> url(String canonicalUrl) {
        synchronized (urls) {
            return Optional.ofNullable(urls.get(canonicalUrl));
        }
    }

    /** Pages not fetched yet: new entries, single pages and failures awaiting a retry. */
    public List<CrawlState> pendingUrls() {
        synchronized (urls) {
            return urls.values().stream().filter(u -> CrawlState.PENDING.equals(u.status())).toList();
        }
    }

    public List<CrawlState> urlsOf(String sourceId) {
        synchronized (urls) {
            return urls.values().stream().filter(u -> sourceId.equals(u.sourceId())).toList();
        }
    }

    /** How many URLs are held now (at most {@code max-urls}, unless pending pages alone exceed it). */
    public int urlCount() {
        synchronized (urls) {
            return urls.size();
        }
    }

    /**
     * How many new (pending) URLs of the source ({@code null} for single pages) may be added now: the pending pages
     * of all sources stay within {@code max-urls}, those of one source within {@code max-pending-per-source}.
     */
    public int roomForNewUrls(String sourceId) {
        int pending = 0;
        int pendingOfSource = 0;
        synchronized (urls) {
            for (CrawlState url : urls.values()) {
                if (CrawlState.PENDING.equals(url.status())) {
                    pending++;
                    if (Objects.equals(sourceId, url.sourceId())) {
                        pendingOfSource++;
                    }
                }
            }
        }
        CrawlStateBounds bounds = config.crawlState();
        return Math.max(0, Math.min(bounds.maxUrls() - pending, bounds.maxPendingPerSource() - pendingOfSource));
    }

    public void putSource(FeedSource source) {
        write(SOURCE_PREFIX + source.id(), encode("source", source));
        sources.put(source.id(), source);
        removedSources.remove(source.id());
    }

    /** Removes a source; a marker (not a tombstone) remembers the removal so configuration does not revive it. */
    public void removeSource(String id) {
        write(SOURCE_PREFIX + id, encode("source-removed", Map.of("id", id)));
        sources.remove(id);
        removedSources.add(id);
    }

    public void putUrl(CrawlState state) {
        putUrls(List.of(state));
    }

    /**
     * Writes many URL states at once: all records are sent, then every acknowledgement awaited (one round trip for
     * the batch instead of one per URL). Only the acknowledged ones count; if any failed, this throws after the
     * others are recorded.
     *
     * <p>Order per URL: the records of one URL reach {@code ingest.state} in the order in which their states count in
     * memory, so a restart reads back what memory held. Three rules make it so (docs/ingest-service.md, "The crawl
     * state's bound and its tombstones"): records and tombstones are sent under one lock ({@link #sendOrder}); a URL
     * with a write sent and not yet counted is never forgotten; the decision to forget URLs and the sending of their
     * tombstones happen under that lock together, so no write of the same URL can come in between.
     */
    public void putUrls(List<CrawlState> states) {
        if (states.isEmpty()) {
            return;
        }
        requireLoaded();
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>(states.size());
        long[] writes = new long[states.size()];
        synchronized (sendOrder) {
            for (int i = 0; i < states.size(); i++) {
                CrawlState state = states.get(i);
                writes[i] = ++lastWrite;
                synchronized (urls) {
                    inFlight.put(state.url(), writes[i]);
                }
                sent.add(producer().send(new ProducerRecord<>(config.stateTopic(), URL_PREFIX + state.url(),
                        encode("url", state))));
            }
        }
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        IllegalStateException failure = null;
        boolean[] acknowledged = new boolean[states.size()];
        for (int i = 0; i < states.size(); i++) {
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged[i] = true;
                observer.acknowledged(states.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while writing the crawl state", e);
                break;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                failure = new IllegalStateException("could not write the crawl state to " + config.stateTopic()
                        + ": " + e.getMessage(), e);
            }
        }
        synchronized (sendOrder) {
            List<String> forgotten = new java.util.ArrayList<>();
            synchronized (urls) {
                for (int i = 0; i < states.size(); i++) {
                    CrawlState state = states.get(i);
                    boolean latest = inFlight.remove(state.url(), writes[i]);
                    // a later write of the same URL, still in flight, decides what memory holds
                    if (acknowledged[i] && latest) {
                        urls.put(state.url(), state);
                    }
                }
                forgotten.addAll(evictBeyondTheBound());
            }
            forget(forgotten);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Holds the URL's state (while loading); beyond {@code max-urls}, forgets the least recently used settled ones. */
    private List<String> remember(CrawlState state) {
        synchronized (urls) {
            urls.put(state.url(), state);
            return evictBeyondTheBound();
        }
    }

    /**
     * Beyond {@code max-urls}, removes the least recently used settled URLs that have no write in flight and returns
     * them; the caller holds {@code urls}.
     */
    private List<String> evictBeyondTheBound() {
        if (urls.size() <= config.crawlState().maxUrls()) {
            return List.of();
        }
        List<String> forgotten = new java.util.ArrayList<>();
        Iterator<Map.Entry<String, CrawlState>> eldestFirst = urls.entrySet().iterator();
        while (urls.size() > config.crawlState().maxUrls() && eldestFirst.hasNext()) {
            Map.Entry<String, CrawlState> url = eldestFirst.next();
            if (!CrawlState.PENDING.equals(url.getValue().status()) && !inFlight.containsKey(url.getKey())) {
                eldestFirst.remove();
                forgotten.add(url.getKey());
            }
        }
        return forgotten;
    }

    /**
     * Sends a tombstone for each forgotten URL, so the topic keeps no more than memory does once compacted; the caller
     * holds {@link #sendOrder} (or is loading, when no write can run). Not awaited: a tombstone that fails leaves a
     * record that the next load forgets again.
     */
    private void forget(List<String> forgotten) {
        if (forgotten.isEmpty()) {
            return;
        }
        LOG.debugf("crawl state: %d settled URLs forgotten (verbatim.ingest.crawl-state.max-urls %d)",
                forgotten.size(), config.crawlState().maxUrls());
        observer.forgetting(forgotten);
        for (String url : forgotten) {
            producer().send(new ProducerRecord<>(config.stateTopic(), URL_PREFIX + url, null), (metadata, e) -> {
                if (e != null) {
                    LOG.warnf("tombstone of forgotten URL %s not written: %s", url, e.getMessage());
                }
            });
        }
    }

    private void write(String key, String value) {
        requireLoaded();
        try {
            producer().send(new ProducerRecord<>(config.stateTopic(), key, value))
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the crawl state", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not write the crawl state to " + config.stateTopic() + ": "
                    + e.getMessage(), e);
        }
    }

    private void requireLoaded() {
        if (!loaded.get()) {
            throw new IllegalStateException("the crawl state is still loading from " + config.stateTopic());
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = clientProperties();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-state-writer");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void loadUntilDone() {
        long backoff = 500;
        while (!stopping && !loaded.get()) {
            try {
                ensureTopic();
                Set<String> forgotten = new HashSet<>();
                load(forgotten);
                synchronized (urls) {
                    forgotten.removeAll(urls.keySet());
                }
                // before any write may run (they wait for loaded), so no write of these URLs can follow a tombstone
                synchronized (sendOrder) {
                    forget(List.copyOf(forgotten));
                }
                loaded.set(true);
                LOG.infof("crawl state loaded from %s: %d sources, %d urls", config.stateTopic(), sources.size(),
                        urlCount());
                seedConfiguredSources();
            } catch (Exception e) {
                LOG.warnf("crawl state not loaded yet (%s); retrying", e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void ensureTopic() throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(config.stateTopic())) {
                return;
            }
            NewTopic topic = new NewTopic(config.stateTopic(), 1, (short) -1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Reads the whole topic; the URLs forgotten on the way (beyond {@code max-urls}) are added to the set. */
    private void load(Set<String> forgotten) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.stateTopic(), Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record.key(), record.value(), forgotten);
                }
            }
        }
    }

    private void apply(String key, String value, Set<String> forgotten) {
        if (key == null) {
            return;
        }
        try {
            if (key.startsWith(SOURCE_PREFIX)) {
                String id = key.substring(SOURCE_PREFIX.length());
                if (value == null || "source-removed".equals(EventJson.mapper().readTree(value).path("type").asText())) {
                    sources.remove(id);
                    removedSources.add(id);
                } else {
                    sources.put(id, EventJson.mapper().treeToValue(payload(value), FeedSource.class));
                    removedSources.remove(id);
                }
            } else if (key.startsWith(URL_PREFIX) && value == null) {
                synchronized (urls) {
                    urls.remove(key.substring(URL_PREFIX.length()));
                }
            } else if (key.startsWith(URL_PREFIX)) {
                CrawlState state = EventJson.mapper().treeToValue(payload(value), CrawlState.class);
                forgotten.addAll(remember(state));
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping unreadable crawl-state record %s: %s", key, e.getOriginalMessage());
        }
    }

    private static JsonNode payload(String value) throws JsonProcessingException {
        return EventJson.mapper().readTree(value).path("value");
    }

    private static String encode(String type, Object value) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("type", type);
        node.put("version", 1);
        node.set("value", EventJson.mapper().valueToTree(value));
        return node.toString();
    }

    /**
     * Adds the configured sources ({@code verbatim.ingest.sources}) that the state has never seen. A source removed
     * through the admin API stays removed across restarts, even if it is still configured.
     */
    private void seedConfiguredSources() {
        for (String url : config.sources()) {
            if (url.isBlank() || url.strip().equalsIgnoreCase("none")) {
                continue;
            }
            try {
                FeedSource source = FeedSources.newSource(url.strip(), null);
                if (!sources.containsKey(source.id()) && !removedSources.contains(source.id())) {
                    putSource(source);
                    LOG.infof("configured source added: %s", source.url());
                }
            } catch (RuntimeException e) {
                LOG.warnf("configured source %s ignored: %s", url, e.getMessage());
            }
        }
    }

    private Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafkaConfig.getOrDefault("bootstrap.servers", "localhost:9092"));
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "15000");
        return props;
    }
}
