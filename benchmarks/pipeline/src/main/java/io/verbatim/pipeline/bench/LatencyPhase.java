package io.verbatim.pipeline.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fraction of the saturation rate, on a fixed (open-loop) schedule: per document from its scheduled
 * submit to its first and to its last statement.
 */
final class LatencyPhase {

    private final Workload workload;
    private final BenchSettings settings;
    private final RunReport report;

    LatencyPhase(Workload workload, BenchSettings settings, RunReport report) {
        this.workload = workload;
        this.settings = settings;
        this.report = report;
    }

    void run(double saturationRate) throws Exception {
        double rate = saturationRate * settings.fraction("latency-fraction");
        int seconds = settings.count("latency-seconds");
        int count = Math.max(1, (int) Math.round(rate * seconds));
        long interval = (long) (1e9 / rate);
        report.load("before latency");
        log("latency: %,d documents at %.2f/s for %d s (fixed schedule)", count, rate, seconds);
        List<CompletableFuture<Workload.Submission>> pending = new ArrayList<>(count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long lateSends = 0;
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - scheduled > TimeUnit.MILLISECONDS.toNanos(10)) {
                lateSends++;
            }
            pending.add(workload.submit(workload.nextVariant(), scheduled));
        }
        List<Workload.Submission> submissions = pending.stream().map(CompletableFuture::join).toList();
        long delivered = workload.awaitDelivered(submissions);
        report.load("after latency");

        List<Double> accept = new ArrayList<>();
        List<Double> toFirst = new ArrayList<>();
        List<Double> toLast = new ArrayList<>();
        long missing = 0;
        for (Workload.Submission s : submissions) {
            accept.add((s.answered() - s.scheduled()) / 1e6);
            if (!s.accepted() || workload.expectedStatements(s) == 0) {
                continue;
            }
            StatementWatcher.Arrivals arrivals = workload.watcher().of(s.documentId());
            if (arrivals == null || arrivals.count() < workload.expectedStatements(s)) {
                missing++;
                continue;
            }
            toFirst.add((arrivals.first() - s.scheduled()) / 1e6);
            toLast.add((arrivals.last() - s.scheduled()) / 1e6);
        }
        String section = String.format("Latency at %.0f %% of saturation: %.2f documents/s for %d s, open loop",
                100 * settings.fraction("latency-fraction"), rate, seconds);
        report.put(section, "documents", String.format("%,d submitted (%d sent > 10 ms late), %,d with statements "
                + "complete, %d incomplete; %,d statements", count, lateSends, toFirst.size(), missing, delivered));
        report.put(section, "submit -> 202 accepted", percentiles(accept));
        report.put(section, "submit -> first statement", percentiles(toFirst));
        report.put(section, "submit -> last statement", percentiles(toLast));
    }

    /** p50 / p90 / p99 / max by nearest rank, in ms. */
    static String percentiles(List<Double> millis) {
        if (millis.isEmpty()) {
            return "no samples";
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        StringBuilder text = new StringBuilder();
        for (double p : new double[] {50, 90, 99, 100}) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            text.append(text.isEmpty() ? "" : " / ").append(String.format("%,.0f",
                    sorted[Math.max(0, Math.min(sorted.length, rank) - 1)]));
        }
        return "p50 / p90 / p99 / max  " + text + " ms  (n=" + sorted.length + ")";
    }
}
