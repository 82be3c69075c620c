package io.verbatim.pipeline.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.events.EventJson;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.VariantSubmitter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What every phase of the pipeline benchmark submits and waits for: distinct corpus variants sent through the
 * submit API, and their statements arriving on {@code statements.new}. The warm-up learns how many statements each
 * corpus template yields, so that a later phase knows when a document is complete.
 */
final class Workload {

    /** Variant numbers of the warm-up documents, apart from the measured ones. */
    private static final int WARMUP_BASE = 1_000_000;

    private final ClusterProcesses cluster;
    private final CorpusVariants corpus;
    private final VariantSubmitter submitter;
    private final StatementWatcher watcher;
    private final BenchSettings settings;
    private final RunReport report;
    /** Statements each corpus template yields (learnt in the warm-up), by template name. */
    private final Map<String, Integer> statementsPerTemplate = new HashMap<>();
    private int nextVariant;

    Workload(ClusterProcesses cluster, CorpusVariants corpus, VariantSubmitter submitter, StatementWatcher watcher,
            BenchSettings settings, RunReport report) {
        this.cluster = cluster;
        this.corpus = corpus;
        this.submitter = submitter;
        this.watcher = watcher;
        this.settings = settings;
        this.report = report;
    }

    StatementWatcher watcher() {
        return watcher;
    }

    /** The next variant not submitted yet. */
    CorpusVariants.Variant nextVariant() {
        return corpus.variant(nextVariant++);
    }

    /** The average body size of one round of the corpus templates, in bytes. */
    double averageTemplateBytes() {
        double total = 0;
        for (int i = 0; i < corpus.templates(); i++) {
            total += corpus.variant(i).body().length;
        }
        return corpus.templates() == 0 ? 0 : total / corpus.templates();
    }

    /** One submitted document; times are {@link System#nanoTime()}. */
    record Submission(CorpusVariants.Variant variant, long scheduled, long sent, long answered, int status,
            String documentId) {

        boolean accepted() {
            return status == 202 && documentId != null;
        }
    }

    CompletableFuture<Submission> submit(CorpusVariants.Variant variant, long scheduled) {
        long sent = System.nanoTime();
        return submitter.submit(variant).handle((response, failure) -> {
            long answered = System.nanoTime();
            if (failure != null) {
                return new Submission(variant, scheduled, sent, answered, -1, null);
            }
            String id = null;
            if (response.statusCode() == 202) {
                try {
                    id = EventJson.mapper().readTree(response.body()).path("documentId").asText(null);
                } catch (IOException e) {
                    // counted as not accepted
                }
            }
            return new Submission(variant, scheduled, sent, answered, response.statusCode(), id);
        });
    }

    /** Submits {@code count} new variants with at most {@code concurrency} requests in flight. */
    List<Submission> submitClosedLoop(int count, int concurrency) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Submission>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.acquire();
            CompletableFuture<Submission> submission = submit(nextVariant(), System.nanoTime());
            submission.whenComplete((s, f) -> slots.release());
            pending.add(submission);
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    int expectedStatements(Submission submission) {
        return statementsPerTemplate.getOrDefault(submission.variant().template(), 0);
    }

    /**
     * Waits until every statement expected of the accepted submissions has arrived on {@code statements.new}, or
     * nothing has arrived for a minute, or the phase's time is up. Returns the statements that arrived.
     */
    long awaitDelivered(List<Submission> submissions) throws InterruptedException {
        List<String> ids = submissions.stream().filter(Submission::accepted).map(Submission::documentId).toList();
        long expected = submissions.stream().filter(Submission::accepted).mapToLong(this::expectedStatements).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.count("timeout-seconds"));
        long delivered = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            long now = watcher.statementsOf(ids);
            if (now != delivered) {
                delivered = now;
                lastProgress = System.nanoTime();
            }
            if (delivered >= expected) {
                return delivered;
            }
            if (System.nanoTime() > deadline || System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(1)) {
                log("gave up waiting: %,d of %,d statements arrived", delivered, expected);
                return delivered;
            }
            Thread.sleep(50);
        }
    }

    /**
     * One variant of every corpus template, submitted and waited for until the pipeline is drained: it warms the
     * services up and tells how many statements each template yields (some yield none: they are refused or have no
     * statements), so that later phases know when a document is complete.
     */
    void warmUp() throws Exception {
        nextVariant = WARMUP_BASE;
        log("warm-up: one variant of each of the %d corpus templates", corpus.templates());
        List<Submission> warmup = submitClosedLoop(corpus.templates(), 4);
        long refused = warmup.stream().filter(s -> !s.accepted()).count();
        if (refused > 0) {
            throw new IllegalStateException(refused + " warm-up documents were not accepted; see "
                    + cluster.service(ClusterProcesses.INGEST).log());
        }
        try (StageProgress progress = new StageProgress(cluster.bootstrapServers(),
                cluster.service(ClusterProcesses.PARSE).baseUrl(), cluster.service(ClusterProcesses.STORE).baseUrl())) {
            progress.awaitDrained(Duration.ofSeconds(settings.count("timeout-seconds")));
        }
        // the outbox relay publishes after the consumer commits: wait for statements.new to fall quiet
        while (System.nanoTime() - watcher.lastArrival() < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(200);
        }
        int withStatements = 0;
        long statements = 0;
        for (Submission submission : warmup) {
            StatementWatcher.Arrivals arrivals = watcher.of(submission.documentId());
            int count = arrivals == null ? 0 : arrivals.count();
            statementsPerTemplate.put(submission.variant().template(), count);
            withStatements += count > 0 ? 1 : 0;
            statements += count;
        }
        log("warm-up done: %d of %d templates yield statements, %d statements in all", withStatements,
                warmup.size(), statements);
        report.put("Workload", "corpus", String.format("%d templates (the corpus's docs/ and unlabelled/), "
                + "%d of them yield statements, %,d statements per round of the %d", corpus.templates(),
                withStatements, statements, corpus.templates()));
        nextVariant = 0;
    }
}
