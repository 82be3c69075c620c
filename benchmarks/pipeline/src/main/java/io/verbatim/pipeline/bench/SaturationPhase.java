package io.verbatim.pipeline.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.local.ClusterProcesses;
import java.util.List;
import java.util.Map;

/**
 * Saturation: distinct corpus variants submitted through the submit API as fast as the cluster takes them, timed
 * from the first submit to the last of their statements on {@code statements.new}; per-stage progress from the
 * broker's offsets, CPU time and peak resident memory of every process.
 */
final class SaturationPhase {

    private final ClusterProcesses cluster;
    private final Workload workload;
    private final BenchSettings settings;
    private final RunReport report;

    SaturationPhase(ClusterProcesses cluster, Workload workload, BenchSettings settings, RunReport report) {
        this.cluster = cluster;
        this.workload = workload;
        this.settings = settings;
        this.report = report;
    }

    /** The rate the cluster reached and the documents' average size, for the phases that follow. */
    record Result(double documentsPerSecond, double averageBodyBytes) {
    }

    Result run(ProcessMeter meter, Map<String, Long> idle) throws Exception {
        int documents = settings.count("documents");
        int concurrency = settings.count("concurrency");
        report.load("before saturation");
        log("saturation: %,d documents, at most %d requests in flight", documents, concurrency);
        JfrProfiles profiles = null;
        if (settings.flag("jfr")) {
            profiles = new JfrProfiles(settings.data().resolveSibling("jfr"), cluster.services());
            profiles.start();
        }
        Map<String, Long> cpuBefore = meter.cpuMillis();
        meter.startSampling(500);
        List<Workload.Submission> submissions;
        long delivered;
        List<StageProgress.StageFigures> stages;
        try (StageProgress progress = new StageProgress(cluster.bootstrapServers(),
                cluster.service(ClusterProcesses.PARSE).baseUrl(), cluster.service(ClusterProcesses.STORE).baseUrl())) {
            progress.start();
            submissions = workload.submitClosedLoop(documents, concurrency);
            log("all %,d submissions answered; waiting for their statements", documents);
            delivered = workload.awaitDelivered(submissions);
            stages = progress.stop();
        }
        Map<String, Long> peak = meter.stopSampling();
        Map<String, Long> cpuAfter = meter.cpuMillis();
        if (profiles != null) {
            profiles.stop();
        }
        report.load("after saturation");

        List<Workload.Submission> accepted = submissions.stream().filter(Workload.Submission::accepted).toList();
        long first = submissions.stream().mapToLong(Workload.Submission::sent).min().orElseThrow();
        long lastAnswer = submissions.stream().mapToLong(Workload.Submission::answered).max().orElseThrow();
        long lastStatement = accepted.stream().map(s -> workload.watcher().of(s.documentId())).filter(a -> a != null)
                .mapToLong(StatementWatcher.Arrivals::last).max().orElse(lastAnswer);
        double seconds = (lastStatement - first) / 1e9;
        long expected = accepted.stream().mapToLong(workload::expectedStatements).sum();
        long incomplete = accepted.stream().filter(s -> {
            StatementWatcher.Arrivals a = workload.watcher().of(s.documentId());
            return (a == null ? 0 : a.count()) != workload.expectedStatements(s);
        }).count();
        double bodyBytes = submissions.stream().mapToLong(s -> s.variant().body().length).average().orElse(0);
        double docsPerSecond = accepted.size() / seconds;
        String section = "Saturation (" + String.format("%,d", documents) + " documents, " + concurrency
                + " in flight)";
        report.put(section, "accepted by the submit API", String.format("%,d of %,d (%,.1f KiB average body); all "
                + "answered after %.1f s = %,.1f documents/s accepted", accepted.size(), documents, bodyBytes / 1024,
                (lastAnswer - first) / 1e9, documents / ((lastAnswer - first) / 1e9)));
        report.put(section, "statements on statements.new", String.format("%,d of %,d expected; %d documents "
                + "incomplete", delivered, expected, incomplete));
        report.put(section, "first submit -> last statement", String.format("%.1f s", seconds));
        report.put(section, "** end-to-end rate **", String.format("%,.1f documents/s, %,.0f statements/s, %.2f MB/s "
                + "of documents", docsPerSecond, delivered / seconds, docsPerSecond * bodyBytes / 1e6));
        for (StageProgress.StageFigures stage : stages) {
            report.put(section, "stage " + stage.stage(), String.format("%,d %s in %.0f s busy: %,.1f/s%s%s",
                    stage.count(), stage.unit(), stage.busySeconds(), stage.rate(),
                    Double.isNaN(stage.peakRate()) ? "" : String.format(", best 5 s %,.1f/s", stage.peakRate()),
                    stage.maxBacklog() > 0 ? String.format("; most waiting in front of it %,d", stage.maxBacklog())
                            : ""));
        }
        long cores = Runtime.getRuntime().availableProcessors();
        cpuBefore.forEach((name, before) -> {
            long used = cpuAfter.getOrDefault(name, before) - before;
            report.put(section + ": CPU time", name, String.format("%,.1f ms per document, %4.0f %% of one core "
                    + "(%d cores)", (double) used / accepted.size(), 100.0 * used / 1000 / seconds, cores));
        });
        idle.forEach((name, kb) -> report.put("Resident memory: idle after start / peak during saturation",
                name, String.format("%,6.0f MiB / %,6.0f MiB", kb / 1024.0, peak.getOrDefault(name, 0L) / 1024.0)));
        if (profiles != null) {
            profiles.summarize(System.out, 15);
        }
        return new Result(docsPerSecond, bodyBytes);
    }
}
