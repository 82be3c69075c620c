package io.verbatim.chaos;

import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.ServiceProcess;
import io.verbatim.local.VariantSubmitter;
import io.verbatim.testsupport.TopicReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;

/**
 * The scale-out run (issue 17): every service as several replicas (processes on ports of their own), documents fed
 * through the submit API of every ingest replica, through a local feed site of several hosts ({@link FeedSite}) and
 * through the shared inbox folder; one replica of each service killed with {@code kill -9} while it feeds and
 * started again later, then one replica of parse- and store-service stopped with SIGTERM (it must hand its
 * partitions back at once) and started again. The audit is the chaos run's (stored once, nothing lost, every
 * statement announced) plus: ordinal order within each document on {@code statements.new}, no page fetched twice
 * and the per-host delay kept (from the site's request log), no inbox file published twice, and the time each
 * consumer group took to move the work of a replica that died or stopped.
 */
public final class ScaleOutRun {

    /**
     * @param replicas    processes of each service
     * @param documents   documents submitted through the submit API, spread over the ingest replicas
     * @param feedRate    submissions per second
     * @param pages       pages of the feed site, over {@code hosts} hosts
     * @param inboxFiles  files dropped into the shared inbox
     * @param hostDelay   ingest-service's per-host delay for the run
     * @param downFor     how long a killed replica stays down before it is started again
     */
    public record Settings(Path root, Path data, int replicas, int documents, double feedRate, int pages, int hosts,
            int inboxFiles, Duration hostDelay, Duration downFor, long seed, Duration drainTimeout) {

        /** The full run of docs/reliability.md: two replicas, 1,000 documents, 60 pages on 3 hosts, 6 inbox files. */
        public static Settings full(Path root, Path data) {
            return new Settings(root, data, 2, 1000, 10, 60, 3, 6, Duration.ofSeconds(2), Duration.ofSeconds(20),
                    20261203L, Duration.ofMinutes(6));
        }

        /** {@code --name=value} over {@link #full}: replicas, documents, feed-rate, pages, inbox-files, seed. */
        public static Settings fromArguments(Path root, Path data, List<String> arguments) {
            Settings full = full(root, data);
            Map<String, String> values = new HashMap<>();
            for (String argument : arguments) {
                int equals = argument.indexOf('=');
                if (!argument.startsWith("--") || equals < 0) {
                    throw new IllegalArgumentException("expected --name=value, got " + argument);
                }
                values.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
            Settings settings = new Settings(root, data,
                    Integer.parseInt(values.getOrDefault("replicas", "" + full.replicas())),
                    Integer.parseInt(values.getOrDefault("documents", "" + full.documents())),
                    Double.parseDouble(values.getOrDefault("feed-rate", "" + full.feedRate())),
                    Integer.parseInt(values.getOrDefault("pages", "" + full.pages())), full.hosts(),
                    Integer.parseInt(values.getOrDefault("inbox-files", "" + full.inboxFiles())), full.hostDelay(),
                    full.downFor(), Long.parseLong(values.getOrDefault("seed", "" + full.seed())),
                    full.drainTimeout());
            values.keySet().removeAll(List.of("replicas", "documents", "feed-rate", "pages", "inbox-files", "seed"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown settings " + values.keySet());
            }
            return settings;
        }
    }

    /** One replica killed or stopped, and how long its consumer group took to give its work to the others. */
    record Handover(String replica, String action, int atDocument, long takenOverMillis, long rejoinedMillis) {
    }

    private static final Map<String, String> GROUP_TOPIC = Map.of(ClusterProcesses.PARSE, Topics.TRANSCRIPTS_RAW,
            ClusterProcesses.STORE, Topics.TRANSCRIPTS_PARSED);

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ScaleOutRun(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public ChaosReport run() throws Exception {
        if (Files.exists(settings.data())) {
            throw new IllegalStateException(settings.data() + " exists: a scale-out run starts from empty data");
        }
        Files.createDirectories(settings.data());
        Random random = new Random(settings.seed());
        ChaosReport report = new ChaosReport();
        report.figure("settings", settings.replicas() + " replicas of each service; " + settings.documents()
                + " documents through the submit API at " + settings.feedRate() + "/s, " + settings.pages()
                + " pages on " + settings.hosts() + " hosts (delay " + settings.hostDelay().toMillis() + " ms), "
                + settings.inboxFiles() + " inbox files; one kill -9 per service (down "
                + settings.downFor().toSeconds() + " s), one SIGTERM of parse- and store-service; seed "
                + settings.seed());
        String apiKey = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        CorpusVariants variants = CorpusVariants.load();
        out.println("Scale-out run; data and logs under " + settings.data());
        try (FeedSite site = new FeedSite(settings.hosts(), settings.pages(), variants, settings.documents())) {
            Map<String, Map<String, String>> environment = Map.of(ClusterProcesses.INGEST, Map.of(
                    "VERBATIM_INGEST_SOURCES", "none",
                    "VERBATIM_INGEST_ALLOWED_HOSTS", String.join(",", site.hosts()),
                    "VERBATIM_INGEST_FETCH_HOST_DELAY", settings.hostDelay().toMillis() + "ms",
                    // one poll per feed in the run: a page listed again is not re-checked while it runs
                    "VERBATIM_INGEST_FEEDS_POLL_INTERVAL", "1h",
                    "VERBATIM_INGEST_INBOX_POLL_INTERVAL", "500ms"));
            long clusterStart = System.nanoTime();
            try (ClusterProcesses cluster = ClusterProcesses.start(ClusterProcesses.Settings.local(settings.root(),
                    settings.data(), apiKey, environment).withReplicas(settings.replicas()), out);
                    PoisonRecords poison = new PoisonRecords(cluster.bootstrapServers());
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            cluster.bootstrapServers()))) {
                report.figure("cluster of " + cluster.services().size() + " service processes started and ready in",
                        millisSince(clusterStart) + " ms");
                for (String service : List.of(ClusterProcesses.PARSE, ClusterProcesses.STORE)) {
                    report.figure("partitions per member of group " + service + " at start",
                            assignment(admin, service));
                }
                List<VariantSubmitter> submitters = cluster.replicas(ClusterProcesses.INGEST).stream()
                        .map(ingest -> new VariantSubmitter(ingest.baseUrl(), apiKey, "scale-out")).toList();
                for (int i = 0; i < site.feeds().size(); i++) {
                    addSource(cluster.replicas(ClusterProcesses.INGEST).get(i % submitters.size()).baseUrl(),
                            apiKey, site.feeds().get(i));
                }
                List<CorpusVariants.Variant> inbox = dropIntoInbox(variants,
                        settings.documents() + settings.pages());
                ChaosSettings feed = new ChaosSettings(settings.root(), settings.data(), settings.documents(),
                        settings.feedRate(), 1, 0, 0, 0, settings.seed(), Duration.ofSeconds(60),
                        settings.drainTimeout());
                Feeder feeder = new Feeder(variants, submitters, poison, feed, random);
                Thread feeding = new Thread(feeder, "scale-out-feeder");
                long feedStart = System.nanoTime();
                out.println("- feeding " + settings.documents() + " documents over " + submitters.size()
                        + " ingest replicas; " + settings.pages() + " pages on the site; " + inbox.size()
                        + " inbox files");
                feeding.start();
                List<Handover> handovers = new ArrayList<>();
                List<String> order = new ArrayList<>(List.of(ClusterProcesses.INGEST, ClusterProcesses.PARSE,
                        ClusterProcesses.STORE));
                java.util.Collections.shuffle(order, random);
                double[] moments = {0.25, 0.45, 0.65};
                for (int i = 0; i < order.size(); i++) {
                    awaitFed(feeder, moments[i]);
                    handovers.add(replace(cluster, admin, order.get(i), random, true, feeder.submitted()));
                }
                for (String service : List.of(ClusterProcesses.PARSE, ClusterProcesses.STORE)) {
                    awaitFed(feeder, 0.8);
                    handovers.add(replace(cluster, admin, service, random, false, feeder.submitted()));
                }
                feeding.join();
                if (feeder.failure() != null) {
                    throw new IllegalStateException("the feeder failed", feeder.failure());
                }
                report.figure("feeding took", TimeUnit.NANOSECONDS.toMillis(feeder.finishedAt() - feedStart)
                        + " ms, with " + feeder.retries() + " submissions sent again (to the other replica)");
                handovers.forEach(h -> report.figure("rebalance: " + h.replica() + " " + h.action() + " at document "
                        + h.atDocument(), (h.takenOverMillis() == -2 ? "no consumer group shares its work"
                        : h.takenOverMillis() < 0 ? "its partitions not taken over within 60 s"
                        : "partitions taken over by the others after " + h.takenOverMillis() + " ms")
                        + (h.rejoinedMillis() < 0 ? "" : "; restarted replica assigned partitions again "
                        + h.rejoinedMillis() + " ms after its start")));

                out.println("- waiting for the site's pages and the inbox");
                awaitSiteAndInbox(site, settings.drainTimeout());
                PipelineAudit audit = new PipelineAudit(cluster);
                out.println("- waiting for the pipeline to catch up");
                long drained = audit.awaitDrained(settings.drainTimeout(), report);
                report.figure("from first submission to caught up", millisSince(feedStart) + " ms");
                report.check("documents accepted by the submit API", settings.documents(), feeder.accepted().size());
                report.check("documents refused by the submit API", "none", String.join("; ", feeder.refused()),
                        feeder.refused().isEmpty());
                List<TranscriptFetched> raw = rawEvents(cluster);
                List<Feeder.Fed> fed = new ArrayList<>(feeder.accepted());
                fed.addAll(fedThroughSiteAndInbox(site, inbox, raw));
                auditSite(site, report);
                auditInbox(inbox, raw, report);
                if (drained >= 0) {
                    out.println("- auditing");
                    audit.audit(fed, List.of(), report);
                }
            }
        }
        return report;
    }

    /** Kills (or stops) one replica of {@code service}, times the hand-over of its partitions, starts it again. */
    private Handover replace(ClusterProcesses cluster, Admin admin, String service, Random random, boolean kill,
            int atDocument) throws Exception {
        List<ServiceProcess> replicas = cluster.replicas(service);
        ServiceProcess victim = replicas.get(random.nextInt(replicas.size()));
        String group = groupOf(admin, service);
        long down = System.nanoTime();
        if (kill) {
            victim.kill();
        } else {
            victim.stopGracefully(Duration.ofSeconds(30));
        }
        long takenOver = group == null ? -2 : awaitMembers(admin, group, replicas.size() - 1, down,
                Duration.ofSeconds(60));
        long left = settings.downFor().toMillis() - millisSince(down);
        if (kill && left > 0) {
            TimeUnit.MILLISECONDS.sleep(left);
        }
        ServiceProcess restarted = victim.restart();
        cluster.replace(restarted);
        long started = System.nanoTime();
        restarted.awaitReady(Duration.ofMinutes(3));
        long rejoined = group == null ? -2 : awaitMembers(admin, group, replicas.size(), started,
                Duration.ofSeconds(60));
        Handover handover = new Handover(victim.id(), kill ? "kill -9" : "SIGTERM", atDocument, takenOver, rejoined);
        out.printf("  %-18s %-8s at document %5d: partitions taken over after %6d ms, back in the group %6d ms"
                + " after its start%n", handover.replica(), handover.action(), atDocument, takenOver, rejoined);
        return handover;
    }

    /**
     * The consumer group through which {@code service}'s replicas share their work: parse- and store-service's are
     * named after them; ingest-service's is the one group named {@code ingest…} with members, or null when there is
     * none (replicas that do not coordinate through Kafka).
     */
    private static String groupOf(Admin admin, String service) throws Exception {
        if (GROUP_TOPIC.containsKey(service)) {
            return service;
        }
        for (var listing : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            if (listing.groupId().startsWith("ingest") && !admin.describeConsumerGroups(List.of(listing.groupId()))
                    .all().get(10, TimeUnit.SECONDS).get(listing.groupId()).members().isEmpty()) {
                return listing.groupId();
            }
        }
        return null;
    }

    /**
     * Milliseconds from {@code since} until {@code group} is stable with {@code members} members that hold every
     * partition of its topic between them; -1 if not within {@code timeout} (or the group does not exist).
     */
    private static long awaitMembers(Admin admin, String group, int members, long since, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            List<String> topics = description.members().stream()
                    .flatMap(m -> m.assignment().topicPartitions().stream()).map(tp -> tp.topic()).distinct()
                    .toList();
            long assigned = description.members().stream()
                    .mapToLong(m -> m.assignment().topicPartitions().size()).sum();
            long partitions = 0;
            for (var topic : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                partitions += topic.partitions().size();
            }
            if (description.groupState() == GroupState.STABLE && description.members().size() == members
                    && assigned == partitions && partitions > 0) {
                return millisSince(since);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return -1;
    }

    private static String assignment(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        return description.members().stream().map(MemberDescription::assignment)
                .map(a -> Integer.toString(a.topicPartitions().size())).collect(Collectors.joining(" + "));
    }

    private void awaitFed(Feeder feeder, double share) throws InterruptedException {
        int moment = (int) Math.ceil(settings.documents() * share);
        while (feeder.submitted() < moment && feeder.failure() == null) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private void addSource(String ingestUrl, String apiKey, String feedUrl) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/sources"))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + feedUrl + "\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("ingest-service refused the feed " + feedUrl + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** Writes each file under a dot-name and renames it, so that no replica takes it half written. */
    private List<CorpusVariants.Variant> dropIntoInbox(CorpusVariants variants, int firstVariant) throws Exception {
        Path inbox = settings.data().resolve("inbox");
        Files.createDirectories(inbox);
        List<CorpusVariants.Variant> dropped = new ArrayList<>();
        for (int i = 0; i < settings.inboxFiles(); i++) {
            CorpusVariants.Variant variant = variants.variant(firstVariant + i);
            String name = "scale-out-" + i + (variant.contentType().equals("text/html") ? ".html" : ".txt");
            Path hidden = inbox.resolve("." + name);
            Files.write(hidden, variant.body());
            Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            dropped.add(new CorpusVariants.Variant(variant.number(), variant.template(), variant.contentType(), null,
                    variant.body()));
        }
        return dropped;
    }

    private void awaitSiteAndInbox(FeedSite site, Duration timeout) throws Exception {
        Path inbox = settings.data().resolve("inbox");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long fetched = site.requests().stream().filter(r -> r.path().startsWith("/pages/")).map(r -> r.host()
                    + r.path()).distinct().count();
            long waiting;
            try (var files = Files.list(inbox)) {
                waiting = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .count();
            }
            if (fetched == settings.pages() && waiting == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static List<TranscriptFetched> rawEvents(ClusterProcesses cluster) {
        try (TopicReader reader = new TopicReader(cluster.bootstrapServers(), Topics.TRANSCRIPTS_RAW)) {
            return reader.readToEnd(Duration.ofMinutes(2)).stream().map(ConsumerRecord::value)
                    .map(value -> EventJson.read(value, TranscriptFetched.class)).toList();
        }
    }

    /** The site's pages and the inbox files as fed documents, their ids as ingest-service gave them. */
    private static List<Feeder.Fed> fedThroughSiteAndInbox(FeedSite site, List<CorpusVariants.Variant> inbox,
            List<TranscriptFetched> raw) {
        Map<String, String> documentByContent = new HashMap<>();
        raw.forEach(event -> documentByContent.putIfAbsent(event.contentHash(), event.documentId()));
        List<Feeder.Fed> fed = new ArrayList<>();
        for (FeedSite.Page page : site.pages()) {
            CorpusVariants.Variant variant = page.variant();
            String documentId = documentByContent.get(Sha256.hex(new String(variant.body(), StandardCharsets.UTF_8)));
            if (documentId != null) {
                fed.add(new Feeder.Fed(new CorpusVariants.Variant(variant.number(), variant.template(),
                        variant.contentType(), page.url(), variant.body()), documentId, 1));
            }
        }
        for (CorpusVariants.Variant variant : inbox) {
            String documentId = documentByContent.get(Sha256.hex(new String(variant.body(), StandardCharsets.UTF_8)));
            if (documentId != null) {
                fed.add(new Feeder.Fed(variant, documentId, 1));
            }
        }
        return fed;
    }

    /** From the site's request log: every page fetched, none twice, and the per-host delay between requests. */
    private void auditSite(FeedSite site, ChaosReport report) {
        Map<String, Long> fetchesPerPage = site.requests().stream().filter(r -> r.path().startsWith("/pages/"))
                .filter(r -> r.method().equals("GET"))
                .collect(Collectors.groupingBy(r -> r.host() + r.path(), TreeMap::new, Collectors.counting()));
        report.figure("site requests", site.requests().size() + " (" + site.requests().stream()
                .collect(Collectors.groupingBy(r -> r.path().startsWith("/pages/") ? "pages"
                        : r.path(), TreeMap::new, Collectors.counting())) + ")");
        report.check("site pages fetched at least once", settings.pages(), fetchesPerPage.size());
        List<String> twice = fetchesPerPage.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        report.check("site pages fetched more than once", "none", twice.isEmpty() ? "none"
                : twice.size() + ": " + twice.stream().limit(5).collect(Collectors.joining(", ")), twice.isEmpty());
        long delay = settings.hostDelay().toMillis();
        Map<String, Long> shortestGap = new LinkedHashMap<>();
        List<String> closePairs = new ArrayList<>();
        long tooClose = 0;
        for (String host : site.hosts()) {
            // robots.txt is fetched right before the first request that needs it, not spaced from it
            // (docs/ingest-service.md, "Politeness"): the delay holds between feed and page requests
            List<FeedSite.Request> requests = site.requests().stream().filter(r -> r.host().equals(host))
                    .filter(r -> !r.path().equals("/robots.txt"))
                    .sorted(Comparator.comparing(FeedSite.Request::at)).toList();
            long shortest = Long.MAX_VALUE;
            for (int i = 1; i < requests.size(); i++) {
                long gap = Duration.between(requests.get(i - 1).at(), requests.get(i).at()).toMillis();
                shortest = Math.min(shortest, gap);
                // 5 % for the time between the fetcher's clock and the server's
                if (gap < delay * 95 / 100) {
                    tooClose++;
                    closePairs.add(host + " " + requests.get(i - 1).path() + " then " + requests.get(i).path()
                            + " after " + gap + " ms");
                }
            }
            shortestGap.put(host, shortest == Long.MAX_VALUE ? -1 : shortest);
        }
        report.figure("shortest time between two requests to one host (ms)", shortestGap);
        report.check("feed and page requests to one host closer than the per-host delay of " + delay + " ms (5 % slack)", 0,
                tooClose);
        closePairs.stream().limit(5).forEach(pair -> report.figure("closer than the delay", pair));
        try {
            Files.write(settings.data().resolve("site-requests.csv"), site.requests().stream()
                    .map(r -> r.at() + "," + r.host() + "," + r.method() + "," + r.path()).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every inbox file published once: one transcripts.raw record per file name. */
    private static void auditInbox(List<CorpusVariants.Variant> inbox, List<TranscriptFetched> raw,
            ChaosReport report) {
        Map<String, Long> perFile = raw.stream().filter(e -> e.sourceName() != null
                && e.sourceName().startsWith("inbox:")).collect(Collectors.groupingBy(TranscriptFetched::sourceName,
                TreeMap::new, Collectors.counting()));
        report.check("inbox files published", inbox.size(), perFile.size());
        report.check("inbox files published more than once", 0, perFile.values().stream().filter(n -> n > 1)
                .count());
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
