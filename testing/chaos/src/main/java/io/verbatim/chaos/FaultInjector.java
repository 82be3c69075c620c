package io.verbatim.chaos;

import io.verbatim.local.LocalKafka;
import io.verbatim.local.LocalPostgres;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.ServiceProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The faults of a chaos run, in a seeded random order at seeded random moments after 20 % of the documents are
 * fed: kill -9 and restart of each service, kill -9 and restart of the broker, immediate stop and restart of
 * PostgreSQL. After each restart it measures how long every service takes to be ready again.
 */
final class FaultInjector {

    /** One fault and what followed it. */
    record Fault(String target, String action, int atDocument, long downMillis, long readyAfterMillis) {
    }

    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final ClusterProcesses cluster;
    private final ChaosSettings settings;
    private final Random random;
    private final PrintStream out;
    private final List<Fault> done = new ArrayList<>();

    FaultInjector(ClusterProcesses cluster, ChaosSettings settings, Random random, PrintStream out) {
        this.cluster = cluster;
        this.settings = settings;
        this.random = random;
        this.out = out;
    }

    /** Runs every fault, each once the feed has passed its moment; returns what happened. */
    List<Fault> run(IntSupplier documentsFed) throws Exception {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < settings.killsPerService(); i++) {
            targets.addAll(List.of(ClusterProcesses.INGEST, ClusterProcesses.PARSE, ClusterProcesses.STORE));
        }
        for (int i = 0; i < settings.brokerRestarts(); i++) {
            targets.add("kafka");
        }
        for (int i = 0; i < settings.databaseRestarts(); i++) {
            targets.add("postgresql");
        }
        Collections.shuffle(targets, random);
        List<Integer> moments = new ArrayList<>();
        int first = (int) Math.ceil(settings.documents() * 0.2);
        int last = Math.max(first + 1, (int) (settings.documents() * 0.95));
        for (int i = 0; i < targets.size(); i++) {
            moments.add(first + random.nextInt(last - first));
        }
        Collections.sort(moments);
        for (int i = 0; i < targets.size(); i++) {
            int moment = moments.get(i);
            while (documentsFed.getAsInt() < moment && documentsFed.getAsInt() < settings.documents()) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            Fault fault = inject(targets.get(i), documentsFed.getAsInt());
            done.add(fault);
            out.printf("  %-14s %-22s at document %5d: down %5d ms, every service ready %5d ms after restart%n",
                    fault.target(), fault.action(), fault.atDocument(), fault.downMillis(),
                    fault.readyAfterMillis());
        }
        return List.copyOf(done);
    }

    private Fault inject(String target, int atDocument) throws Exception {
        long down = System.nanoTime();
        String action;
        switch (target) {
            case "kafka" -> {
                action = "kill -9, restart";
                LocalKafka kafka = cluster.kafka();
                kafka.kill();
                pause();
                cluster.replace(kafka.restart());
            }
            case "postgresql" -> {
                action = "immediate stop, restart";
                LocalPostgres postgres = cluster.postgres();
                postgres.stopImmediately();
                pause();
                cluster.replace(postgres.restart());
            }
            default -> {
                action = "kill -9, restart";
                ServiceProcess service = cluster.service(target);
                service.kill();
                cluster.replace(service.restart());
            }
        }
        long restarted = System.nanoTime();
        awaitEveryServiceReady();
        long ready = System.nanoTime();
        return new Fault(target, action, atDocument, TimeUnit.NANOSECONDS.toMillis(restarted - down),
                TimeUnit.NANOSECONDS.toMillis(ready - restarted));
    }

    /** A broker or a database is not back the instant it died: leave it down for 0.5 to 2 s. */
    private void pause() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(500 + random.nextInt(1500));
    }

    private void awaitEveryServiceReady() throws InterruptedException {
        for (ServiceProcess service : cluster.services()) {
            service.awaitReady(GIVE_UP);
        }
    }
}
