package io.verbatim.ingest.bench;

import com.sun.net.httpserver.HttpServer;
import io.verbatim.events.Sha256;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.fetch.FetchResult;
import io.verbatim.ingest.fetch.FetchSettings;
import io.verbatim.ingest.fetch.HostPoliteness;
import io.verbatim.ingest.fetch.PageFetcher;
import io.verbatim.ingest.fetch.RobotsPolicy;
import io.verbatim.ingest.state.CrawlState;
import io.verbatim.ingest.state.IngestStateStore;
import io.verbatim.local.LocalKafka;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Retained heap of ingest-service's three in-memory maps at their default bounds, and beyond them: the crawl state
 * ({@code verbatim.ingest.crawl-state.max-urls}, 50,000 URLs, written through a real broker run as a child process,
 * then read back by a second store as after a restart), the politeness map ({@code fetch.max-hosts}, 10,000 hosts)
 * and the robots.txt cache ({@code fetch.max-robots-sites}, 10,000 sites, each a real fetch of the Kremlin's
 * robots.txt from a local server on its own loopback address). Retained heap is the heap in use after full
 * collections ({@code System.gc()} until it stops shrinking), before and after; run it with a fixed heap and
 * nothing else in the JVM (see benchmarks/README.md). Options: {@code --beyond F} (default 2: fill to F times the
 * bound after the bound), {@code --data DIR}, {@code --parts crawl-state,politeness,robots} (default all three).
 */
public final class CrawlStateMemoryBenchmark {

    private static final String[] WORDS = {"remarks", "president", "press", "conference", "meeting", "security",
            "council", "prime", "minister", "visit", "talks", "statement", "interview", "briefing", "address", "nation",
            "economy", "energy", "trade", "defence", "cooperation", "summit", "bilateral", "joint"};

    public static void main(String[] args) throws Exception {
        double beyond = 2.0;
        Set<String> parts = Set.of("crawl-state", "politeness", "robots");
        Path data = Files.createTempDirectory("ingest-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--beyond" -> beyond = Double.parseDouble(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--parts" -> parts = Set.of(args[++i].split(","));
                case "--help" -> {
                    System.out.println("usage: java -jar benchmarks/ingest/target/ingest-benchmarks.jar "
                            + "[--beyond 2] [--data DIR] [--parts crawl-state,politeness,robots]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        IngestConfig config = ConfigDefaults.of(IngestConfig.class, Map.of("sources", List.of("none")));
        int maxUrls = config.crawlState().maxUrls();
        int maxHosts = config.fetch().maxHosts();
        int maxSites = config.fetch().maxRobotsSites();
        System.out.printf(Locale.ROOT, "JVM %s, max heap %d MB, %s%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "default bounds: crawl-state.max-urls %,d, fetch.max-hosts %,d, "
                + "fetch.max-robots-sites %,d%n", maxUrls, maxHosts, maxSites);

        if (parts.contains("crawl-state")) {
            try (LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), freePort(), freePort(),
                    data.resolve("logs"), Duration.ofMinutes(5))) {
                Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
                crawlState(config, kafkaConfig, maxUrls, beyond);
            }
        }
        if (parts.contains("politeness")) {
            politeness(maxHosts, beyond);
        }
        if (parts.contains("robots")) {
            robots(maxSites, beyond);
        }
    }

    private static void crawlState(IngestConfig config, Map<String, Object> kafkaConfig, int maxUrls, double beyond)
            throws Exception {
        IngestStateStore store = started(config, kafkaConfig);
        store.putUrl(page(0));
        long before = retainedHeap();

        fill(store, 1, maxUrls);
        long atBound = retainedHeap();
        int beyondCount = (int) (maxUrls * beyond);
        fill(store, maxUrls + 1, beyondCount);
        long past = retainedHeap();
        report("crawl state", "URLs", maxUrls, store.urlCount(), beyondCount, before, atBound, past);
        stop(store);
        store = null;

        long beforeRestart = retainedHeap();
        IngestStateStore restarted = started(config, kafkaConfig);
        long afterRestart = retainedHeap();
        System.out.printf(Locale.ROOT, "crawl state read back from ingest.state after a restart: %,d URLs held, "
                        + "%.1f MB retained (%,d bytes per URL)%n", restarted.urlCount(), mb(afterRestart - beforeRestart),
                (afterRestart - beforeRestart) / Math.max(1, restarted.urlCount()));
        stop(restarted);
    }

    private static void fill(IngestStateStore store, int from, int to) {
        List<CrawlState> batch = new ArrayList<>(1000);
        for (int i = from; i <= to; i++) {
            batch.add(page(i));
            if (batch.size() == 1000 || i == to) {
                store.putUrls(batch);
                batch = new ArrayList<>(1000);
            }
        }
    }

    /** A fetched page as the crawler records it: a URL of one of three real sites, validators, a hash. */
    static CrawlState page(int n) {
        String url = switch (n % 3) {
            case 0 -> "http://en.kremlin.ru/events/president/news/" + (70000 + n);
            case 1 -> "https://www.whitehouse.gov/briefing-room/speeches-remarks/2025/" + two(1 + n % 12) + "/"
                    + two(1 + n % 28) + "/" + slug(n, 9) + "-" + n + "/";
            default -> "https://hansard.parliament.uk/commons/2024-" + two(1 + n % 12) + "-" + two(1 + n % 28)
                    + "/debates/" + java.util.UUID.nameUUIDFromBytes(Integer.toString(n).getBytes(StandardCharsets.UTF_8))
                            .toString().toUpperCase(Locale.ROOT) + "/" + slug(n, 2).replace("-", "");
        };
        String sourceId = Sha256.hex("feed " + (n % 3)).substring(0, 16);
        Instant fetched = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(n);
        String etag = "\"" + Long.toHexString(n * 2654435761L) + "-" + Long.toHexString(fetched.getEpochSecond()) + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(fetched.atOffset(ZoneOffset.UTC));
        return CrawlState.discovered(url, sourceId).fetched(etag, lastModified, Sha256.hex(url), fetched);
    }

    private static void politeness(int maxHosts, double beyond) throws InterruptedException {
        long before = retainedHeap();
        HostPoliteness hosts = new HostPoliteness(Clock.systemUTC(), HostPoliteness.DEFAULT_MIN_DELAY,
                HostPoliteness.DEFAULT_INITIAL_BACKOFF, HostPoliteness.DEFAULT_MAX_BACKOFF, url -> Optional.empty(),
                maxHosts);
        for (int i = 0; i < maxHosts; i++) {
            visit(hosts, i);
        }
        long atBound = retainedHeap();
        int beyondCount = (int) (maxHosts * beyond);
        for (int i = maxHosts; i < beyondCount; i++) {
            visit(hosts, i);
        }
        long past = retainedHeap();
        report("politeness map", "hosts", maxHosts, hosts.trackedHosts(), beyondCount, before, atBound, past);
    }

    /** A request to a host of its own that failed with 503: the host is backed off, the entry must be kept. */
    private static void visit(HostPoliteness hosts, int n) {
        String url = "https://www." + slug(n, 2) + "-" + n + ".example.org/news/" + n;
        hosts.requestStarted(url);
        hosts.requestFinished(url, new FetchResult.Failed(url, "503 Service Unavailable", OptionalInt.of(503),
                Optional.empty()));
    }

    private static void robots(int maxSites, double beyond) throws IOException, InterruptedException {
        byte[] robotsTxt;
        try (InputStream in = CrawlStateMemoryBenchmark.class.getResourceAsStream("/sites/en.kremlin.ru/robots.txt")) {
            robotsTxt = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 64);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, robotsTxt.length);
            exchange.getResponseBody().write(robotsTxt);
            exchange.close();
        });
        server.start();
        int beyondCount = (int) (maxSites * beyond);
        Set<String> sites = new HashSet<>();
        for (int i = 0; i < beyondCount; i++) {
            sites.add(loopback(i));
        }
        int port = server.getAddress().getPort();
        try (PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowedHosts(sites),
                Clock.systemUTC())) {
            RobotsPolicy warmUp = new RobotsPolicy(fetcher, Clock.systemUTC(), 1);
            warmUp.isAllowed("http://" + loopback(0) + ":" + port + "/");
            long before = retainedHeap();
            RobotsPolicy robots = new RobotsPolicy(fetcher, Clock.systemUTC(), maxSites);
            int disallowed = 0;
            for (int i = 0; i < maxSites; i++) {
                disallowed += robots.isAllowed("http://" + loopback(i) + ":" + port + "/search?query=x") ? 0 : 1;
            }
            long atBound = retainedHeap();
            for (int i = maxSites; i < beyondCount; i++) {
                robots.isAllowed("http://" + loopback(i) + ":" + port + "/events/president/news/" + i);
            }
            long past = retainedHeap();
            if (disallowed != maxSites) {
                throw new IllegalStateException("robots.txt not applied: " + disallowed + " of " + maxSites
                        + " searches disallowed");
            }
            report("robots.txt cache", "sites", maxSites, robots.cachedSites(), beyondCount, before, atBound, past);
        } finally {
            server.stop(0);
        }
    }

    private static void report(String what, String unit, int bound, int held, int added, long before, long atBound,
            long past) {
        System.out.printf(Locale.ROOT, "%s: at the bound (%,d %s) %.1f MB retained (%,d bytes per entry); after %,d "
                        + "%s in all, %,d held, %.1f MB (%+.1f MB over the bound's figure)%n", what, bound, unit,
                mb(atBound - before), (atBound - before) / bound, added, unit, held, mb(past - before),
                mb(past - atBound));
    }

    private static IngestStateStore started(IngestConfig config, Map<String, Object> kafkaConfig) throws Exception {
        IngestStateStore store = new IngestStateStore(kafkaConfig, config);
        lifecycle("onStart").invoke(store, new Object[] {null});
        if (!store.awaitLoaded(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the crawl state did not load within 2 minutes");
        }
        return store;
    }

    private static void stop(IngestStateStore store) throws Exception {
        lifecycle("onStop").invoke(store, new Object[] {null});
    }

    /** The start-up and shut-down observers Quarkus calls (package-private in the service). */
    private static Method lifecycle(String name) {
        for (Method method : IngestStateStore.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                method.setAccessible(true);
                return method;
            }
        }
        throw new IllegalStateException("IngestStateStore has no " + name);
    }

    /** Heap in use after full collections, once a further collection frees less than 64 KB. */
    static long retainedHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous - used < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static String loopback(int n) {
        return "127.1." + (n / 250) + "." + (1 + n % 250);
    }

    private static String slug(int n, int words) {
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < words; i++) {
            slug.append(i == 0 ? "" : "-").append(WORDS[(n / (i + 1) + i * 7) % WORDS.length]);
        }
        return slug.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
