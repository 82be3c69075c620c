package io.verbatim.pipeline.bench;

import io.verbatim.events.Topics;
import io.verbatim.testsupport.ConsumerGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each stage has got, sampled once a second during a run: documents published by ingest-service (the end
 * offsets of {@code transcripts.raw}), documents handled by parse-service (its {@code verbatim_parse_documents_total}
 * and {@code verbatim_parse_failures_total}: the end offsets of its transactional output would also count commit
 * markers), documents store-service has stored (completed calls of its storage method in {@code /q/metrics}) and statements the outbox relay has published ({@code statements.new}). The stage in front of which
 * work piles up is the slowest.
 */
final class StageProgress implements AutoCloseable {

    static final String[] STAGES = {"ingest: submitted -> transcripts.raw", "parse: -> transcripts.parsed",
            "store: stored in PostgreSQL", "store: outbox -> statements.new"};
    static final String[] UNITS = {"documents", "documents", "documents", "statements"};

    /** One sample: seconds since the start and each stage's count since the baseline. */
    record Sample(double seconds, long[] counts) {
    }

    /**
     * What a stage did: its count, its rate while busy, its best rate over 5 s (NaN in a shorter run) and the most
     * work in front of it.
     */
    record StageFigures(String stage, String unit, long count, double busySeconds, double rate, double peakRate,
            long maxBacklog) {
    }

    /** store-service's count of stored documents: completed calls of its storage method (fault-tolerance metrics). */
    private static final String STORED_METRIC = "ft_invocations_total{fallback=\"notDefined\",method=\""
            + "io.verbatim.store.persistence.ParsedTranscriptStorage.store\",result=\"valueReturned\"}";
    /** parse-service's counters of documents parsed (per kind) and dead-lettered (per reason). */
    private static final List<String> PARSED_METRICS = List.of("verbatim_parse_documents_total{",
            "verbatim_parse_failures_total{");

    private final Admin admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI storeMetrics;
    private final URI parseMetrics;
    private final String bootstrapServers;
    private final long[] baseline;
    private final List<Sample> samples = new ArrayList<>();
    private long startNanos;
    private volatile boolean sampling;
    private Thread sampler;

    StageProgress(String bootstrapServers, String parseBaseUrl, String storeBaseUrl) throws Exception {
        this.bootstrapServers = bootstrapServers;
        storeMetrics = URI.create(storeBaseUrl + "/q/metrics");
        parseMetrics = URI.create(parseBaseUrl + "/q/metrics");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(props);
        baseline = counts();
    }

    private long[] counts() throws Exception {
        return new long[] {
                endOffsets(Set.of(Topics.TRANSCRIPTS_RAW)),
                parsedDocuments(),
                storedDocuments(),
                endOffsets(Set.of(Topics.STATEMENTS_NEW))};
    }

    private long endOffsets(Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames()
                .get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    private long storedDocuments() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(storeMetrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(STORED_METRIC)).findFirst()
                .map(line -> (long) Double.parseDouble(line.substring(STORED_METRIC.length()).strip().split(" ")[0]))
                .orElse(0L);
    }

    private long parsedDocuments() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(parseMetrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return (long) metrics.lines().filter(line -> PARSED_METRICS.stream().anyMatch(line::startsWith))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Waits until parse-service and store-service have committed past every record in front of them. */
    void awaitDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ConsumerGroups.unconsumed(admin, bootstrapServers, "parse-service", Topics.TRANSCRIPTS_RAW) == 0
                    && ConsumerGroups.unconsumed(admin, bootstrapServers, "store-service",
                            Topics.TRANSCRIPTS_PARSED) == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the pipeline did not drain within " + timeout);
    }

    /** Starts sampling once a second; counts are from the moment this object was made. */
    void start() {
        startNanos = System.nanoTime();
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                try {
                    sample();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a slow answer under load: skip this sample
                }
            }
        }, "stage-progress");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() throws Exception {
        long[] now = counts();
        for (int i = 0; i < now.length; i++) {
            now[i] -= baseline[i];
        }
        synchronized (samples) {
            samples.add(new Sample((System.nanoTime() - startNanos) / 1e9, now));
        }
    }

    /** Stops sampling (after one last sample) and works out each stage's figures. */
    List<StageFigures> stop() throws Exception {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }
        sample();
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        List<StageFigures> figures = new ArrayList<>();
        for (int stage = 0; stage < STAGES.length; stage++) {
            figures.add(figures(all, stage));
        }
        return figures;
    }

    private static StageFigures figures(List<Sample> all, int stage) {
        long total = all.get(all.size() - 1).counts()[stage];
        double began = Double.NaN;
        double ended = Double.NaN;
        double peak = Double.NaN;
        long backlog = 0;
        for (int i = 0; i < all.size(); i++) {
            Sample sample = all.get(i);
            long count = sample.counts()[stage];
            if (Double.isNaN(began) && count > 0) {
                began = i == 0 ? 0 : all.get(i - 1).seconds();
            }
            if (Double.isNaN(ended) && count >= total && total > 0) {
                ended = sample.seconds();
            }
            for (int j = i - 1; j >= 0; j--) {
                if (sample.seconds() - all.get(j).seconds() >= 5) {
                    double rate = (count - all.get(j).counts()[stage]) / (sample.seconds() - all.get(j).seconds());
                    peak = Double.isNaN(peak) ? rate : Math.max(peak, rate);
                    break;
                }
            }
            // documents handed to this stage and not yet through it (the store's outbox counts statements)
            if (stage > 0 && stage < 3) {
                backlog = Math.max(backlog, sample.counts()[stage - 1] - count);
            }
        }
        double busy = ended - began;
        return new StageFigures(STAGES[stage], UNITS[stage], total, busy, total / busy, peak, backlog);
    }

    @Override
    public void close() {
        sampling = false;
        admin.close();
    }
}
