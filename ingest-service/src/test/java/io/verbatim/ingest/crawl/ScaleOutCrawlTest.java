package io.verbatim.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.ingest.state.FeedSources;
import io.verbatim.ingest.state.HostPartitioner;
import io.verbatim.ingest.state.IngestStateReadiness;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17: two replicas of the crawl, built from the service's classes, on the real broker, sharing one crawl state
 * topic (6 partitions) and one consumer group. A site of six hosts (one per partition, so both replicas have hosts
 * whatever the split), each with a feed of eight pages that also lists one page of the next host. One replica stops
 * (closed, or crashed) while the crawl runs; the other takes its hosts. From the hosts' request logs and
 * {@code transcripts.raw}: every page fetched and published exactly once, and the host delay kept between any two
 * requests to one host, whichever replica made them.
 */
class ScaleOutCrawlTest {

    private static final int PARTITIONS = 6;
    private static final int PAGES_PER_HOST = 8;
    // long enough that replica-a still has pages of its hosts left when it stops, even on a loaded machine (at 300 ms
    // a starved test thread once let it finish them all first, and no take-over happened to check)
    private static final Duration HOST_DELAY = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void topics() {
        KafkaBroker.shared().createTopics(ContractTopics.ALL);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    @Timeout(240)
    void aClosedReplicasHostsAreTakenOverAndEveryPageIsFetchedOnceWithTheHostDelayKept() throws Exception {
        crawlWhileOneReplicaStops(false);
    }

    @Test
    @Timeout(240)
    void aCrashedReplicasHostsAreTakenOverAndEveryPageIsFetchedOnceWithTheHostDelayKept() throws Exception {
        crawlWhileOneReplicaStops(true);
    }

    @Test
    @Timeout(120)
    void aReplicaWithoutPartitionsIsReadyAndTakesThemWhenTheOwnerLeaves() throws Exception {
        Map<String, String> settings = settings(1, Set.of("127.0.0.1"));
        CrawlReplica a = open(new CrawlReplica("replica-a", bootstrap(), settings)).start();
        Awaitility.await().atMost(WAIT).until(() -> a.state.ownedPartitions().equals(Set.of(0)));
        CrawlReplica b = open(new CrawlReplica("replica-b", bootstrap(), settings)).start();

        Awaitility.await().atMost(WAIT).until(() -> b.state.isLoaded());

        assertThat(b.state.ownedPartitions()).isEmpty();
        assertThat(new IngestStateReadiness(b.state).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(a.state.ownedPartitions()).containsExactly(0);
        long closing = System.nanoTime();
        a.close();
        Awaitility.await().atMost(WAIT).until(() -> b.state.ownedPartitions().equals(Set.of(0)));
        System.out.printf("rebalance after a clean close (1 partition): %d ms%n",
                (System.nanoTime() - closing) / 1_000_000);
    }

    private void crawlWhileOneReplicaStops(boolean crash) throws Exception {
        List<RecordingHost> hosts = hostsOnePerPartition();
        Set<String> names = hosts.stream().map(RecordingHost::host).collect(Collectors.toSet());
        Set<String> sites = hosts.stream().map(h -> h.url("/")).collect(Collectors.toSet());
        Map<String, String> settings = settings(PARTITIONS, names);
        for (int i = 0; i < hosts.size(); i++) {
            List<String> paths = new ArrayList<>();
            for (int page = 0; page < PAGES_PER_HOST; page++) {
                paths.add("/page/" + page);
            }
            paths.add("/shared");
            hosts.get(i).pages(paths);
            List<String> links = new ArrayList<>(paths.subList(0, PAGES_PER_HOST).stream()
                    .map(hosts.get(i)::url).toList());
            links.add(hosts.get((i + 1) % hosts.size()).url("/shared"));
            hosts.get(i).feed(links);
        }
        int pages = hosts.size() * (PAGES_PER_HOST + 1);
        CrawlReplica a = open(new CrawlReplica("replica-a", bootstrap(), settings)).start();
        CrawlReplica b = open(new CrawlReplica("replica-b", bootstrap(), settings)).start();
        Awaitility.await().atMost(WAIT).until(() -> a.state.isLoaded() && b.state.isLoaded()
                && !a.state.ownedPartitions().isEmpty() && !b.state.ownedPartitions().isEmpty()
                && a.state.ownedPartitions().size() + b.state.ownedPartitions().size() == PARTITIONS);
        Set<Integer> partitionsOfA = a.state.ownedPartitions();

        for (RecordingHost host : hosts) {
            a.state.putSource(FeedSources.newSource(host.url("/feed"), null));
        }
        Awaitility.await().atMost(WAIT).until(() -> pagesFetchedBy("replica-a", hosts) >= 2);
        long stopping = System.nanoTime();
        if (crash) {
            a.crash();
        } else {
            a.close();
        }
        Instant stopped = Instant.now();
        Awaitility.await().atMost(WAIT).until(() -> b.state.ownedPartitions().size() == PARTITIONS);
        long takeover = (System.nanoTime() - stopping) / 1_000_000;

        try (TopicReader raw = new TopicReader(bootstrap(), Topics.TRANSCRIPTS_RAW)) {
            raw.awaitRecords(pages, record -> isOf(record, sites), WAIT);
            List<String> published = raw.readToEnd(WAIT).stream().filter(record -> isOf(record, sites))
                    .map(record -> EventJson.read(record.value(), TranscriptFetched.class).sourceUrl()).toList();
            assertThat(published).as("pages published").hasSize(pages).doesNotHaveDuplicates();
        }
        for (RecordingHost host : hosts) {
            List<RecordingHost.Request> requests = host.requests().stream()
                    .filter(r -> !r.path().equals("/robots.txt"))
                    .sorted(Comparator.comparing(RecordingHost.Request::started)).toList();
            Map<String, Long> perPath = requests.stream()
                    .collect(Collectors.groupingBy(RecordingHost.Request::path, Collectors.counting()));
            assertThat(perPath).as("requests per path on %s", host.host()).hasSize(PAGES_PER_HOST + 2)
                    .allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1L));
            for (int i = 1; i < requests.size(); i++) {
                assertThat(Duration.between(requests.get(i - 1).answering(), requests.get(i).started()))
                        .as("gap before %s on %s (%s after %s)", requests.get(i).path(), host.host(),
                                requests.get(i).userAgent(), requests.get(i - 1).userAgent())
                        .isGreaterThanOrEqualTo(HOST_DELAY);
            }
            assertThat(requests).filteredOn(r -> r.userAgent().endsWith("replica-a"))
                    .allSatisfy(r -> assertThat(r.started()).isBefore(stopped));
        }
        List<RecordingHost> hostsOfA = hosts.stream().filter(h -> partitionsOfA.contains(
                HostPartitioner.partition(h.url("/"), PARTITIONS))).toList();
        assertThat(hostsOfA.stream().flatMap(h -> h.requests().stream()).map(RecordingHost.Request::userAgent))
                .as("requests to the hosts replica-a owned").anyMatch(ua -> ua.endsWith("replica-a"))
                .anyMatch(ua -> ua.endsWith("replica-b"));
        System.out.printf("%s: replica-b owned all %d partitions %d ms after replica-a stopped; "
                + "pages fetched: replica-a %d, replica-b %d%n", crash ? "crash" : "clean close", PARTITIONS,
                takeover, pagesFetchedBy("replica-a", hosts), pagesFetchedBy("replica-b", hosts));
    }

    private static long pagesFetchedBy(String replica, List<RecordingHost> hosts) {
        return hosts.stream().flatMap(h -> h.requests().stream())
                .filter(r -> r.path().startsWith("/page/") || r.path().equals("/shared"))
                .filter(r -> r.userAgent() != null && r.userAgent().endsWith(replica)).count();
    }

    private static boolean isOf(ConsumerRecord<String, String> record, Set<String> sites) {
        String url = EventJson.read(record.value(), TranscriptFetched.class).sourceUrl();
        return url != null && sites.stream().anyMatch(url::startsWith);
    }

    /** One loopback host per partition (127.0.0.k, the first k whose host hashes to it). */
    private List<RecordingHost> hostsOnePerPartition() {
        Map<Integer, String> byPartition = new HashMap<>();
        for (int k = 1; byPartition.size() < PARTITIONS; k++) {
            String address = "127.0.0." + k;
            byPartition.putIfAbsent(HostPartitioner.partition("http://" + address + "/", PARTITIONS), address);
        }
        return byPartition.values().stream().map(address -> open(new RecordingHost(address))).toList();
    }

    static Map<String, String> settings(int partitions, Set<String> allowedHosts) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new HashMap<>();
        settings.put("verbatim.ingest.state-topic", "ingest.state.scale-" + id);
        settings.put("verbatim.ingest.ownership.group-id", "ingest-scale-" + id);
        settings.put("verbatim.ingest.ownership.partitions", Integer.toString(partitions));
        settings.put("verbatim.ingest.ownership.session-timeout", "6s");
        settings.put("verbatim.ingest.ownership.max-poll-interval", "6s");
        settings.put("verbatim.ingest.sources", "none");
        settings.put("verbatim.ingest.allowed-hosts", String.join(",", allowedHosts));
        settings.put("verbatim.ingest.fetch.host-delay", HOST_DELAY.toMillis() + "ms");
        settings.put("verbatim.ingest.feeds.tick", "100ms");
        settings.put("verbatim.ingest.feeds.poll-interval", "10m");
        return settings;
    }

    static String bootstrap() {
        return KafkaBroker.shared().bootstrapServers();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
