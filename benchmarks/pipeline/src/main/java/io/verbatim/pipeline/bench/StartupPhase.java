package io.verbatim.pipeline.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Start-up time of each service to {@code /q/health/ready}: each restarted several times, the median reported. */
final class StartupPhase {

    private final ClusterProcesses cluster;
    private final BenchSettings settings;
    private final RunReport report;

    StartupPhase(ClusterProcesses cluster, BenchSettings settings, RunReport report) {
        this.cluster = cluster;
        this.settings = settings;
        this.report = report;
    }

    void run() throws Exception {
        int starts = settings.count("starts");
        report.load("before start-up");
        for (String name : List.of(ClusterProcesses.INGEST, ClusterProcesses.PARSE, ClusterProcesses.STORE)) {
            double[] millis = new double[starts];
            for (int i = 0; i < starts; i++) {
                ServiceProcess old = cluster.service(name);
                old.close();
                long began = System.nanoTime();
                ServiceProcess started = old.restart();
                cluster.replace(started);
                awaitReady(started);
                millis[i] = (System.nanoTime() - began) / 1e6;
                log("%s ready %.0f ms after its process started", name, millis[i]);
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            report.put("Start-up to /q/health/ready 200 (median of " + starts + ", the others)", name,
                    String.format("%,.0f ms   (%s)", sorted[starts / 2], Arrays.stream(millis)
                            .mapToObj(m -> String.format("%,.0f", m)).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        report.load("after start-up");
    }

    /** Polls readiness every 25 ms, finer than {@link ServiceProcess#awaitReady}. */
    private static void awaitReady(ServiceProcess service) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " died while starting; see " + service.log());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(service.name() + " was not ready within 2 minutes; see " + service.log());
    }
}
