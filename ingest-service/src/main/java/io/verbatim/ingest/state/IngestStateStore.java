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
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The crawl state and the configured sources, kept in the compacted topic {@code ingest.state} the way Kafka
 * Connect keeps source offsets: every change is written (acks=all) before it counts.
 *
 * <p><b>Partitioned by host, owned through the consumer group.</b> Every record of one host lands on one partition
 * ({@link HostPartitioner}; keys stay {@code url:<canonical url>}, {@code source:<id>}, {@code feed:<id>},
 * {@code entry:<url>}). Each replica is a member of the consumer group {@code verbatim.ingest.ownership.group-id};
 * the partitions Kafka assigns it are the hosts it crawls. On assignment it reads those partitions from the beginning
 * to their end and only then crawls them ({@link #whileOwning}); on revocation it stops, waits for the fetch in
 * progress on them (at most {@code handover-timeout}; after that the result is refused, not recorded) and drops their
 * state. No offsets are committed: the state is rebuilt from the topic at each assignment.
 *
 * <p><b>Sources</b> are small and every replica keeps all of them (the directory: every partition read from the
 * beginning and followed), so the admin API answers on any replica. Their configuration ({@code source:<id>}, written
 * by the API) and their poll state ({@code feed:<id>}, written only by the owner of the feed's host) are separate
 * records, so a pause through one replica is never overwritten by a poll on another. Loading the directory runs in
 * the background, so an unreachable broker delays it but never blocks start-up; {@link #isLoaded()} feeds
 * readiness.
 *
 * <p><b>URLs</b> are held only by the owner of their host. A replica that finds a page on a host it does not own (a
 * feed entry, {@code POST /api/pages}) writes an {@link ListedEntry} to the host's partition; the owner takes it
 * ({@link #takeListed()}) and writes its tombstone once recorded.
 *
 * <p>The URLs held are bounded ({@code verbatim.ingest.crawl-state.max-urls}, per replica): beyond the bound the least
 * recently used settled URL (fetched or refused) is forgotten, in memory and, by a tombstone, in the topic. A lookup
 * counts as a use, so a page that its feed still lists is looked up at every poll and stays. Pending pages are never
 * forgotten; {@link #roomForNewUrls(String)} tells how many new ones may be added (also bounded per source).
 */
@ApplicationScoped
public class IngestStateStore {

    private static final Logger LOG = Logger.getLogger(IngestStateStore.class);
    private static final String SOURCE_PREFIX = "source:";
    private static final String FEED_PREFIX = "feed:";
    private static final String URL_PREFIX = "url:";
    private static final String ENTRY_PREFIX = "entry:";
    /** The inbox folder is read by the owner of this partition only. */
    public static final int INBOX_PARTITION = 0;
    private static final String OWNERSHIP_THREAD = "ingest-state-ownership";

    private final Map<String, Object> kafkaConfig;
    private final IngestConfig config;
    /** The directory: every source's configuration and poll state with the offset it came from; guarded by itself. */
    private final Map<String, Versioned> sourceConfigs = new HashMap<>();
    private final Map<String, Versioned> sourcePolls = new HashMap<>();
    /** In access order (least recently used first); only URLs of owned partitions; guarded by itself. */
    private final Map<String, CrawlState> urls = new LinkedHashMap<>(16, 0.75f, true);
    /** URLs with a write sent and not yet counted in memory, with the number of their latest write (under urls). */
    private final Map<String, Long> writesInFlight = new HashMap<>();
    /** Held while sending URL records and tombstones, so their order in the topic is the order they count in. */
    private final Object sendOrder = new Object();
    /** Numbers the URL writes; guarded by sendOrder. */
    private long lastWrite;
    /** Guards {@link #rebuilding}, {@link #ready}, {@link #inFlight}, {@link #listed}, {@link #forgottenWhileRebuilding}. */
    private final Object ownership = new Object();
    private final Set<Integer> rebuilding = new HashSet<>();
    /** Owned partitions whose state is rebuilt, with when they became ready. */
    private final Map<Integer, Instant> ready = new HashMap<>();
    private final Map<Integer, Integer> inFlight = new HashMap<>();
    private final Map<String, ListedEntry> listed = new LinkedHashMap<>();
    private final Set<String> forgottenWhileRebuilding = new HashSet<>();
    private final AtomicBoolean loaded = new AtomicBoolean();
    private volatile int partitionCount;
    private volatile boolean stopping;
    private volatile boolean halted;
    private volatile KafkaProducer<String, String> producer;
    private volatile KafkaConsumer<String, String> directoryConsumer;
    private volatile KafkaConsumer<String, String> ownershipConsumer;
    private final List<Thread> threads = new ArrayList<>();
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

    /** A directory value with the offset of the record it came from; a removed source has no value. */
    private record Versioned(FeedSource source, long offset) {
    }

    public IngestStateStore(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Starts loading the directory and joins the group (in the background). */
    public synchronized void start() {
        Thread starter = new Thread(this::run, "ingest-state");
        starter.setDaemon(true);
        threads.add(starter);
        starter.start();
    }

    /**
     * Leaves the group (handing back every partition after the work in progress, see {@code handover-timeout}) and
     * stops.
     */
    public void close() {
        synchronized (this) {
            stopping = true;
        }
        wakeUp(ownershipConsumer);
        wakeUp(directoryConsumer);
        for (Thread thread : List.copyOf(threads)) {
            try {
                // the group member hands its partitions back (bounded by the hand-over time-out and the close);
                // the others only read, and a retry pause or a slow broker must not hold up the shutdown
                boolean member = thread.getName().equals(OWNERSHIP_THREAD);
                thread.join(member ? config.ownership().handoverTimeout().plusSeconds(15).toMillis() : 2_000);
                if (!member && thread.isAlive()) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (halted && ownershipConsumer != null) {
            try {
                ownershipConsumer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("closing the consumer left behind by halt(): %s", e.getMessage());
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Stops reading and crawling at once without leaving the group or handing anything back, as a process killed
     * with {@code kill -9} would (only the client's heartbeat goes on, until {@code max-poll-interval}): the group
     * moves the partitions when it gives up on this member. For tests of the hand-over after a crash.
     */
    public void halt() {
        halted = true;
        synchronized (ownership) {
            rebuilding.clear();
            ready.clear();
        }
        wakeUp(directoryConsumer);
    }

    private static void wakeUp(KafkaConsumer<String, String> consumer) {
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    /** Whether the sources have been read from every partition (the API and readiness wait for it). */
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

    // ---- ownership ----------------------------------------------------------------------------------------------

    /** The partition of {@code ingest.state} that holds the URL's host. */
    public int partitionOf(String url) {
        int partitions = partitionCount;
        if (partitions == 0) {
            throw new IllegalStateException("the partitions of " + config.stateTopic() + " are not known yet");
        }
        return HostPartitioner.partition(url, partitions);
    }

    /** The partitions this replica owns and has rebuilt (it crawls their hosts). */
    public Set<Integer> ownedPartitions() {
        synchronized (ownership) {
            return Set.copyOf(ready.keySet());
        }
    }

    /** Whether this replica crawls the URL's host now (it owns the partition and has rebuilt its state). */
    public boolean owns(String url) {
        if (partitionCount == 0) {
            return false;
        }
        synchronized (ownership) {
            return ready.containsKey(partitionOf(url));
        }
    }

    /** Since when this replica crawls the URL's host, or {@link Instant#MIN} when it does not. */
    public Instant ownedSince(String url) {
        if (partitionCount == 0) {
            return Instant.MIN;
        }
        synchronized (ownership) {
            return ready.getOrDefault(partitionOf(url), Instant.MIN);
        }
    }

    /**
     * Runs crawl work on the URL's host while this replica owns it; returns false (without running it) when it does
     * not. A revocation waits for the work to end (up to {@code handover-timeout}).
     */
    public boolean whileOwning(String url, Runnable work) {
        return whileOwningPartition(partitionOf(url), work);
    }

    /** {@link #whileOwning} for a partition, e.g. {@link #INBOX_PARTITION}. */
    public boolean whileOwningPartition(int partition, Runnable work) {
        synchronized (ownership) {
            if (!ready.containsKey(partition)) {
                return false;
            }
            inFlight.merge(partition, 1, Integer::sum);
        }
        try {
            work.run();
            return true;
        } finally {
            synchronized (ownership) {
                inFlight.merge(partition, -1, Integer::sum);
                ownership.notifyAll();
            }
        }
    }

    private void requireOwned(String url) {
        int partition = partitionOf(url);
        synchronized (ownership) {
            if (!ready.containsKey(partition)) {
                throw new IllegalStateException("partition " + partition + " of " + config.stateTopic()
                        + " (the host of " + url + ") is not owned by this replica any more; not recorded");
            }
        }
    }

    // ---- sources (every replica) ---------------------------------------------------------------------------------

    public Collection<FeedSource> sources() {
        synchronized (sourceConfigs) {
            List<FeedSource> all = new ArrayList<>();
            for (Map.Entry<String, Versioned> source : sourceConfigs.entrySet()) {
                if (source.getValue().source() != null) {
                    all.add(merged(source.getValue().source(), sourcePolls.get(source.getKey())));
                }
            }
            return all;
        }
    }

    public Optional<FeedSource> source(String id) {
        synchronized (sourceConfigs) {
            Versioned source = sourceConfigs.get(id);
            return source == null || source.source() == null ? Optional.empty()
                    : Optional.of(merged(source.source(), sourcePolls.get(id)));
        }
    }

    /** The configuration (url, paused, when added) with the poll state (name from the feed's title, validators). */
    private static FeedSource merged(FeedSource configured, Versioned poll) {
        if (poll == null) {
            return configured;
        }
        FeedSource polled = poll.source();
        return new FeedSource(configured.id(), configured.url(), polled.name(), configured.paused(),
                configured.addedAt(), polled.lastPolledAt(), polled.feedEtag(), polled.feedLastModified());
    }

    /** Adds a source or changes its settings (the admin API, on any replica). */
    public void putSource(FeedSource source) {
        String key = SOURCE_PREFIX + source.id();
        String value = encode("source", source);
        applyToDirectory(key, value, write(key, source.url(), value));
    }

    /** Records a poll of the source's feed (its owner only): when, the title and the feed's validators. */
    public void recordPoll(FeedSource polled) {
        String key = FEED_PREFIX + polled.id();
        String value = encode("feed", polled);
        applyToDirectory(key, value, write(key, polled.url(), value));
    }

    /** Removes a source; a marker (not a tombstone) remembers the removal so configuration does not revive it. */
    public void removeSource(String id) {
        FeedSource source = source(id).orElseThrow(() -> new IllegalArgumentException("no source with id " + id));
        String key = SOURCE_PREFIX + id;
        String value = encode("source-removed", Map.of("id", id));
        applyToDirectory(key, value, write(key, source.url(), value));
    }

    private void applyToDirectory(String key, String value, long offset) {
        boolean config = key.startsWith(SOURCE_PREFIX);
        String id = key.substring(config ? SOURCE_PREFIX.length() : FEED_PREFIX.length());
        try {
            synchronized (sourceConfigs) {
                Map<String, Versioned> map = config ? sourceConfigs : sourcePolls;
                Versioned known = map.get(id);
                if (known != null && known.offset() > offset) {
                    return; // already newer (our own write, applied before the directory read it back)
                }
                if (config && (value == null || "source-removed".equals(
                        EventJson.mapper().readTree(value).path("type").asText()))) {
                    sourceConfigs.put(id, new Versioned(null, offset));
                    sourcePolls.remove(id);
                } else if (config) {
                    sourceConfigs.put(id, new Versioned(EventJson.mapper().treeToValue(payload(value),
                            FeedSource.class), offset));
                } else if (value != null && sourceConfigs.containsKey(id)
                        && sourceConfigs.get(id).source() != null) {
                    sourcePolls.put(id, new Versioned(EventJson.mapper().treeToValue(payload(value),
                            FeedSource.class), offset));
                }
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping unreadable crawl-state record %s: %s", key, e.getOriginalMessage());
        }
    }

    private boolean isRemoved(String id) {
        synchronized (sourceConfigs) {
            Versioned known = sourceConfigs.get(id);
            return known != null && known.source() == null;
        }
    }

    // ---- URLs (the owner of their host) --------------------------------------------------------------------------

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

    public void putUrl(CrawlState state) {
        putUrls(List.of(state));
    }

    /**
     * Writes many URL states at once: all records are sent, then every acknowledgement awaited (one round trip for
     * the batch instead of one per URL). Only the acknowledged ones count; if any failed, this throws after the
     * others are recorded.
     *
     * <p>Order per URL: the records of one URL reach {@code ingest.state} in the order in which their states count in
     * memory, so the next owner's rebuild reads back what memory held. Three rules make it so (docs/ingest-service.md,
     * "The crawl state's bound and its tombstones"): records and tombstones are sent under one lock
     * ({@link #sendOrder}); a URL with a write sent and not yet counted is never forgotten; the decision to forget
     * URLs and the sending of their tombstones happen under that lock together, so no write of the same URL can come
     * in between. Only the latest write of a URL sets memory.
     */
    public void putUrls(List<CrawlState> states) {
        if (states.isEmpty()) {
            return;
        }
        requireLoaded();
        states.forEach(state -> requireOwned(state.url()));
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>(states.size());
        long[] writes = new long[states.size()];
        synchronized (sendOrder) {
            try {
                for (int i = 0; i < states.size(); i++) {
                    CrawlState state = states.get(i);
                    writes[i] = ++lastWrite;
                    synchronized (urls) {
                        writesInFlight.put(state.url(), writes[i]);
                    }
                    sent.add(producer().send(record(URL_PREFIX + state.url(), state.url(), encode("url", state))));
                }
            } catch (RuntimeException e) {
                // a send that threw (a full buffer, no metadata): the writes of this call count nowhere
                synchronized (urls) {
                    for (int i = 0; i < states.size(); i++) {
                        writesInFlight.remove(states.get(i).url(), writes[i]);
                    }
                }
                throw e;
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
            List<String> forgotten;
            synchronized (urls) {
                for (int i = 0; i < states.size(); i++) {
                    CrawlState state = states.get(i);
                    boolean latest = writesInFlight.remove(state.url(), writes[i]);
                    // a later write of the same URL, still in flight, decides what memory holds
                    if (acknowledged[i] && latest) {
                        urls.put(state.url(), state);
                    }
                }
                forgotten = evictBeyondTheBound();
            }
            forget(forgotten);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Hands pages to the replicas that own their hosts: each is written as {@code entry:<url>} to its host's
     * partition (acknowledged before this returns).
     */
    public void listForOwners(List<ListedEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        requireLoaded();
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>(entries.size());
        for (ListedEntry entry : entries) {
            sent.add(producer().send(record(ENTRY_PREFIX + entry.url(), entry.url(), encode("entry", entry))));
        }
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        for (java.util.concurrent.Future<?> future : sent) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the crawl state", e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("could not write listed pages to " + config.stateTopic() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The listed pages of owned hosts not taken yet; they are no longer returned by the next call. */
    public List<ListedEntry> takeListed() {
        synchronized (ownership) {
            List<ListedEntry> taken = new ArrayList<>();
            for (Iterator<ListedEntry> it = listed.values().iterator(); it.hasNext(); ) {
                ListedEntry entry = it.next();
                if (ready.containsKey(partitionOf(entry.url()))) {
                    taken.add(entry);
                    it.remove();
                }
            }
            return taken;
        }
    }

    /** Writes the tombstones of listed pages once recorded (not awaited: a lost one is taken again, harmlessly). */
    public void listedTaken(List<ListedEntry> entries) {
        for (ListedEntry entry : entries) {
            producer().send(record(ENTRY_PREFIX + entry.url(), entry.url(), null), (metadata, e) -> {
                if (e != null) {
                    LOG.debugf("tombstone of listed page %s not written: %s", entry.url(), e.getMessage());
                }
            });
        }
    }

    /**
     * Holds a URL's state read while rebuilding and, beyond {@code max-urls}, forgets the least recently used settled
     * URLs; returns them (their tombstones are sent when a rebuild finishes, see {@link #finishRebuild}).
     */
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
            if (!CrawlState.PENDING.equals(url.getValue().status()) && !writesInFlight.containsKey(url.getKey())) {
                eldestFirst.remove();
                forgotten.add(url.getKey());
            }
        }
        return forgotten;
    }

    /**
     * Sends a tombstone for each forgotten URL, so the topic keeps no more than memory does once compacted; the caller
     * holds {@link #sendOrder} and decided under it which URLs to forget. Not awaited: a tombstone that fails leaves a
     * record that the next rebuild forgets again.
     */
    private void forget(List<String> forgotten) {
        if (forgotten.isEmpty()) {
            return;
        }
        LOG.debugf("crawl state: %d settled URLs forgotten (verbatim.ingest.crawl-state.max-urls %d)",
                forgotten.size(), config.crawlState().maxUrls());
        observer.forgetting(forgotten);
        for (String url : forgotten) {
            producer().send(record(URL_PREFIX + url, url, null), (metadata, e) -> {
                if (e != null) {
                    LOG.warnf("tombstone of forgotten URL %s not written: %s", url, e.getMessage());
                }
            });
        }
    }

    /** A record on the partition of the URL's host. */
    private ProducerRecord<String, String> record(String key, String url, String value) {
        return new ProducerRecord<>(config.stateTopic(), partitionOf(url), key, value);
    }

    /** Writes a record on the partition of the URL's host and waits for the acknowledgement; returns its offset. */
    private long write(String key, String url, String value) {
        requireLoaded();
        try {
            return producer().send(record(key, url, value))
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS).offset();
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

    // ---- background: topic, directory, group membership ----------------------------------------------------------

    private void run() {
        long backoff = 500;
        while (!stopping && partitionCount == 0) {
            try {
                partitionCount = ensureTopic();
            } catch (Exception e) {
                LOG.warnf("crawl state not reachable yet (%s); retrying", e.getMessage());
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        Thread owner = new Thread(this::ownPartitions, OWNERSHIP_THREAD);
        owner.setDaemon(true);
        synchronized (this) {
            if (stopping) {
                return;
            }
            threads.add(owner);
        }
        owner.start();
        readDirectory();
    }

    private static boolean pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates the topic with {@code ownership.partitions} partitions unless it exists; returns its partitions. */
    private int ensureTopic() throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(config.stateTopic())) {
                NewTopic topic = new NewTopic(config.stateTopic(), config.ownership().partitions(), (short) -1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            int partitions = admin.describeTopics(List.of(config.stateTopic())).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(config.stateTopic()).partitions().size();
            if (partitions != config.ownership().partitions()) {
                LOG.infof("%s has %d partitions (verbatim.ingest.ownership.partitions %d applies to a new topic "
                        + "only): at most %d replicas crawl", config.stateTopic(), partitions,
                        config.ownership().partitions(), partitions);
            }
            return partitions;
        }
    }

    /** Reads the sources of every partition from the beginning, then follows them (every replica). */
    private void readDirectory() {
        long backoff = 500;
        while (!stopping && !halted) {
            try (KafkaConsumer<String, String> consumer = newConsumer(null)) {
                directoryConsumer = consumer;
                List<TopicPartition> partitions = consumer.partitionsFor(config.stateTopic(), Duration.ofSeconds(10))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions,
                        Duration.ofSeconds(10)));
                while (!stopping && !halted) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        String key = record.key();
                        if (key != null && (key.startsWith(SOURCE_PREFIX) || key.startsWith(FEED_PREFIX))) {
                            applyToDirectory(key, record.value(), record.offset());
                        }
                    }
                    if (!loaded.get() && partitions.stream()
                            .allMatch(p -> consumer.position(p, Duration.ofSeconds(10)) >= end.get(p))) {
                        loaded.set(true);
                        LOG.infof("crawl state: %d sources read from %s (%d partitions)", sources().size(),
                                config.stateTopic(), partitions.size());
                        seedConfiguredSources();
                    }
                }
                return;
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("sources not read from %s (%s); retrying", config.stateTopic(), e.getMessage());
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Joins the group and keeps the state of the partitions it is given (see the class comment). */
    private void ownPartitions() {
        long backoff = 500;
        while (!stopping && !halted) {
            KafkaConsumer<String, String> consumer = newConsumer(config.ownership().groupId());
            ownershipConsumer = consumer;
            Map<TopicPartition, Long> rebuildEnds = new HashMap<>();
            Map<TopicPartition, Long> assignedAt = new HashMap<>();
            try {
                consumer.subscribe(List.of(config.stateTopic()), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        if (partitions.isEmpty()) {
                            return;
                        }
                        startRebuild(ids(partitions));
                        consumer.seekToBeginning(partitions);
                        rebuildEnds.putAll(consumer.endOffsets(partitions));
                        partitions.forEach(p -> assignedAt.put(p, System.nanoTime()));
                    }

                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        partitions.forEach(rebuildEnds::remove);
                        release(ids(partitions), "revoked");
                    }

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> partitions) {
                        partitions.forEach(rebuildEnds::remove);
                        release(ids(partitions), "lost");
                    }
                });
                while (!stopping && !halted) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        applyOwned(record.partition(), record.key(), record.value());
                    }
                    for (Iterator<Map.Entry<TopicPartition, Long>> it = rebuildEnds.entrySet().iterator();
                            it.hasNext(); ) {
                        Map.Entry<TopicPartition, Long> end = it.next();
                        if (consumer.position(end.getKey()) >= end.getValue()) {
                            it.remove();
                            Long since = assignedAt.remove(end.getKey());
                            finishRebuild(end.getKey().partition(),
                                    since == null ? 0 : (System.nanoTime() - since) / 1_000_000);
                        }
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Exception e) {
                LOG.warnf("crawl ownership interrupted (%s); joining the group again", e.getMessage());
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                if (!halted) {
                    consumer.close(Duration.ofSeconds(10)); // hands back the partitions (revocation, then leave)
                    Set<Integer> left = new HashSet<>();
                    synchronized (ownership) {
                        left.addAll(ready.keySet());
                        left.addAll(rebuilding);
                    }
                    release(left, "closed");
                }
            }
        }
    }

    private static Set<Integer> ids(Collection<TopicPartition> partitions) {
        Set<Integer> ids = new HashSet<>();
        partitions.forEach(p -> ids.add(p.partition()));
        return ids;
    }

    private void startRebuild(Set<Integer> partitions) {
        synchronized (ownership) {
            rebuilding.addAll(partitions);
        }
        LOG.infof("crawl ownership: partitions %s of %s assigned; reading their state", partitions,
                config.stateTopic());
    }

    /** Applies a record of an owned partition: all of them while rebuilding, then only pages listed by others. */
    private void applyOwned(int partition, String key, String value) {
        if (key == null) {
            return;
        }
        boolean isRebuilding;
        synchronized (ownership) {
            isRebuilding = rebuilding.contains(partition);
            if (!isRebuilding && !ready.containsKey(partition)) {
                return;
            }
        }
        try {
            if (key.startsWith(URL_PREFIX) && isRebuilding) {
                String url = key.substring(URL_PREFIX.length());
                if (value == null) {
                    synchronized (urls) {
                        urls.remove(url);
                    }
                } else {
                    List<String> forgotten = remember(EventJson.mapper().treeToValue(payload(value), CrawlState.class));
                    synchronized (ownership) {
                        forgottenWhileRebuilding.addAll(forgotten);
                    }
                }
            } else if (key.startsWith(ENTRY_PREFIX)) {
                String url = key.substring(ENTRY_PREFIX.length());
                synchronized (ownership) {
                    if (value == null) {
                        if (isRebuilding) {
                            listed.remove(url);
                        }
                    } else if (listed.size() < config.crawlState().maxUrls() || listed.containsKey(url)) {
                        listed.put(url, EventJson.mapper().treeToValue(payload(value), ListedEntry.class));
                    } else {
                        LOG.debugf("listed page %s left in %s for later: %d listed pages wait already", url,
                                config.stateTopic(), listed.size());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping unreadable crawl-state record %s: %s", key, e.getOriginalMessage());
        }
    }

    /**
     * Sends the tombstones of the URLs forgotten while rebuilding (those of partitions no longer rebuilding), then
     * counts the partition as ready, so no write of its URLs can run before them. The decision (not held again, no
     * write in flight) and the tombstones go together under {@link #sendOrder}, as in {@link #putUrls}.
     */
    private void finishRebuild(int partition, long millis) {
        synchronized (sendOrder) {
            List<String> forgotten = new ArrayList<>();
            synchronized (ownership) {
                if (!rebuilding.contains(partition)) {
                    return;
                }
                for (Iterator<String> it = forgottenWhileRebuilding.iterator(); it.hasNext(); ) {
                    String url = it.next();
                    int of = partitionOf(url);
                    if (of == partition || !rebuilding.contains(of)) {
                        it.remove();
                        forgotten.add(url);
                    }
                }
            }
            synchronized (urls) {
                forgotten.removeAll(urls.keySet());
                forgotten.removeAll(writesInFlight.keySet());
            }
            forget(forgotten);
            synchronized (ownership) {
                if (!rebuilding.remove(partition)) {
                    return; // halted meanwhile
                }
                ready.put(partition, Instant.now());
            }
        }
        LOG.infof("crawl ownership: partition %d of %s ready in %d ms after its assignment; %d urls held",
                partition, config.stateTopic(), millis, urlCount());
    }

    /** Stops crawling the partitions, waits for the work in progress on them (bounded), and drops their state. */
    private void release(Set<Integer> partitions, String why) {
        if (partitions.isEmpty()) {
            return;
        }
        Set<Integer> busy = new HashSet<>();
        synchronized (ownership) {
            partitions.forEach(p -> {
                rebuilding.remove(p);
                ready.remove(p);
            });
            long deadline = System.nanoTime() + config.ownership().handoverTimeout().toNanos();
            while (partitions.stream().anyMatch(p -> inFlight.getOrDefault(p, 0) > 0)
                    && System.nanoTime() < deadline) {
                try {
                    ownership.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            partitions.stream().filter(p -> inFlight.getOrDefault(p, 0) > 0).forEach(busy::add);
            listed.values().removeIf(entry -> partitions.contains(partitionOf(entry.url())));
            forgottenWhileRebuilding.removeIf(url -> partitions.contains(partitionOf(url)));
        }
        synchronized (urls) {
            urls.keySet().removeIf(url -> partitions.contains(partitionOf(url)));
        }
        if (!busy.isEmpty()) {
            LOG.warnf("crawl ownership: work on partitions %s still running after %s; its result will not be "
                    + "recorded (the new owner fetches it again)", busy, config.ownership().handoverTimeout());
        }
        LOG.infof("crawl ownership: partitions %s of %s %s; their state is dropped", partitions,
                config.stateTopic(), why);
    }

    private KafkaConsumer<String, String> newConsumer(String groupId) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                    Long.toString(config.ownership().sessionTimeout().toMillis()));
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                    Long.toString(Math.max(500, config.ownership().sessionTimeout().toMillis() / 4)));
            props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                    Long.toString(config.ownership().maxPollInterval().toMillis()));
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
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
                if (source(source.id()).isEmpty() && !isRemoved(source.id())) {
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
