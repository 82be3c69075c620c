package io.verbatim.chaos;

import io.verbatim.local.CorpusVariants;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.local.VariantSubmitter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The chaos run: starts the cluster as the run command does (loopback only), feeds distinct corpus documents
 * through the submit API and poison straight into the topics, kills and restarts every part while it feeds, then
 * audits the result and prints the report. Exit code 0 only when every check passes. Arguments: see
 * {@link ChaosSettings#fromArguments}; the defaults are the full run of {@code docs/reliability.md}.
 */
public final class ChaosHarness {

    private final ChaosSettings settings;
    private final PrintStream out;

    public ChaosHarness(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * One run per seed: {@code --seeds=39027,42} runs those seeds one after the other, {@code --runs=5} draws five
     * fresh seeds, otherwise one run with {@code --seed} (or the default). Each run gets a fresh cluster and data
     * folder and its own report; a summary line per seed follows, and the exit code is 0 only when every run passed.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("verbatim.home", ".")).toAbsolutePath().normalize();
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--replicas="))) {
            scaleOut(root, args);
            return;
        }
        List<String> settingsArguments = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (String argument : args) {
            if (argument.startsWith("--seeds=")) {
                Arrays.stream(argument.substring("--seeds=".length()).split(",")).map(String::trim)
                        .map(Long::parseLong).forEach(seeds::add);
            } else if (argument.startsWith("--runs=")) {
                SecureRandom fresh = new SecureRandom();
                for (int i = Integer.parseInt(argument.substring("--runs=".length())); i > 0; i--) {
                    seeds.add(fresh.nextLong() & Long.MAX_VALUE);
                }
            } else {
                settingsArguments.add(argument);
            }
        }
        if (seeds.isEmpty()) {
            seeds.add(null); // the --seed argument or the default
        }
        List<String> summary = new ArrayList<>();
        boolean allPassed = true;
        for (Long seed : seeds) {
            List<String> arguments = new ArrayList<>(settingsArguments);
            if (seed != null) {
                arguments.add("--seed=" + seed);
            }
            Path data = root.resolve("testing/chaos/target/chaos-" + System.currentTimeMillis());
            ChaosSettings settings = ChaosSettings.fromArguments(root, data, arguments.toArray(String[]::new));
            ChaosReport report = new ChaosHarness(settings, System.out).run();
            Path file = settings.data().resolve("report.md");
            Files.writeString(file, report.render());
            System.out.println();
            System.out.println(report.render());
            System.out.println("report written to " + file);
            summary.add("seed " + settings.seed() + ": " + (report.passed() ? "PASSED" : "FAILED") + " (" + file
                    + ")");
            allPassed &= report.passed();
        }
        System.out.println();
        summary.forEach(System.out::println);
        System.exit(allPassed ? 0 : 1);
    }

    /**
     * The scale-out run ({@link ScaleOutRun}) when {@code --replicas=N} is given: {@code --replicas=2
     * --documents=1000} is the full run of docs/reliability.md.
     */
    private static void scaleOut(Path root, String[] args) throws Exception {
        Path data = root.resolve("testing/chaos/target/scale-out-" + System.currentTimeMillis());
        ScaleOutRun.Settings settings = ScaleOutRun.Settings.fromArguments(root, data, Arrays.asList(args));
        ChaosReport report = new ScaleOutRun(settings, System.out).run();
        Path file = data.resolve("report.md");
        Files.writeString(file, report.render());
        System.out.println();
        System.out.println(report.render());
        System.out.println("report written to " + file);
        System.exit(report.passed() ? 0 : 1);
    }

    public ChaosReport run() throws Exception {
        if (Files.exists(settings.data())) {
            throw new IllegalStateException(settings.data() + " exists: a chaos run starts from empty data");
        }
        Files.createDirectories(settings.data());
        Random random = new Random(settings.seed());
        ChaosReport report = new ChaosReport();
        report.figure("settings", settings.documents() + " documents at " + settings.feedRate() + "/s, "
                + settings.killsPerService() + " kill -9 per service, " + settings.brokerRestarts()
                + " broker kill -9, " + settings.databaseRestarts() + " PostgreSQL immediate stop, "
                + settings.poisonPerKind() + " poison records of each of " + PoisonRecords.Kind.values().length
                + " kinds, seed " + settings.seed());
        String apiKey = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        out.println("Chaos run; data and logs under " + settings.data());
        long clusterStart = System.nanoTime();
        try (ClusterProcesses cluster = ClusterProcesses.start(ClusterProcesses.Settings.local(settings.root(),
                settings.data(), apiKey, Map.of(ClusterProcesses.INGEST, Map.of("VERBATIM_INGEST_SOURCES", "none"))),
                out); PoisonRecords poison = new PoisonRecords(cluster.bootstrapServers())) {
            report.figure("cluster started and ready in", millisSince(clusterStart) + " ms");
            CorpusVariants variants = CorpusVariants.load();
            VariantSubmitter submitter = new VariantSubmitter(cluster.service(ClusterProcesses.INGEST).baseUrl(),
                    apiKey, "chaos");
            Feeder feeder = new Feeder(variants, submitter, poison, settings, random);
            Thread feeding = new Thread(feeder, "chaos-feeder");
            out.println("- feeding " + settings.documents() + " documents; faults after 20 % of them");
            long feedStart = System.nanoTime();
            feeding.start();
            List<FaultInjector.Fault> faults = new FaultInjector(cluster, settings, random, out)
                    .run(feeder::submitted);
            report.faults(faults);
            feeding.join();
            if (feeder.failure() != null) {
                throw new IllegalStateException("the feeder failed", feeder.failure());
            }
            report.figure("feeding took", TimeUnit.NANOSECONDS.toMillis(feeder.finishedAt() - feedStart)
                    + " ms, with " + feeder.retries()
                    + " submissions sent again while ingest-service or the broker was down");

            PipelineAudit audit = new PipelineAudit(cluster);
            out.println("- waiting for the pipeline to catch up");
            long drained = audit.awaitDrained(settings.drainTimeout(), report);
            long total = millisSince(feedStart);
            report.figure("from first submission to caught up", total + " ms");
            report.check("documents accepted by the submit API", settings.documents(), feeder.accepted().size());
            report.check("documents refused by the submit API", "none", String.join("; ", feeder.refused()),
                    feeder.refused().isEmpty());
            report.check("poison records injected", settings.poisonRecords(), poison.injected().size());
            long slowest = faults.stream().mapToLong(FaultInjector.Fault::readyAfterMillis).max().orElse(0);
            report.check("every service ready within " + settings.readinessLimit().toSeconds()
                    + " s of each restart", "<= " + settings.readinessLimit().toMillis() + " ms",
                    "slowest " + slowest + " ms", slowest <= settings.readinessLimit().toMillis());
            long expectedFaults = 3L * settings.killsPerService() + settings.brokerRestarts()
                    + settings.databaseRestarts();
            report.check("faults injected", expectedFaults, faults.size());
            if (drained >= 0) {
                out.println("- auditing");
                audit.audit(feeder.accepted(), poison.injected(), report);
            }
        }
        return report;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
