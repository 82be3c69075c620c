package io.verbatim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run of every build: the whole cluster as separate processes, 100 corpus documents, each service
 * killed once, the broker killed once, PostgreSQL stopped immediately once, one poison record of each kind; fed at
 * 2.5 documents/s so that the faults fall while it feeds. Each run draws a fresh seed (where the faults fall) and
 * prints it; {@code -Dchaos.seed=N} replays one. The full run (2,000 documents, three kills per service) is {@code chaos/run-chaos.sh}; see docs/reliability.md.
 */
class ChaosShortIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void aClusterKilledAndRestartedPieceByPieceLosesAndDuplicatesNothingAndDeadLettersExactlyThePoison()
            throws Exception {
        Path data = Path.of("target/chaos-short-" + System.currentTimeMillis()).toAbsolutePath();
        long seed = Long.getLong("chaos.seed", new SecureRandom().nextLong() & Long.MAX_VALUE);
        System.out.println("Short chaos run, seed " + seed + " (replay it: ./mvnw verify -pl chaos -am"
                + " -Dit.test=ChaosShortIT -Dchaos.seed=" + seed + ")");
        ChaosSettings settings = new ChaosSettings(ROOT, data, 100, 2.5, 1, 1, 1, 1, seed, Duration.ofSeconds(30),
                Duration.ofMinutes(3));

        ChaosReport report = new ChaosHarness(settings, System.out).run();
        Files.writeString(data.resolve("report.md"), report.render());
        System.out.println(report.render());

        assertThat(report.failures()).as("seed " + seed + "\n" + report.render()).isEmpty();
        assertThat(report.faultsInjected()).extracting(FaultInjector.Fault::target)
                .containsExactlyInAnyOrder("ingest-service", "parse-service", "store-service", "kafka",
                        "postgresql");
        assertThat(report.checks()).extracting(ChaosReport.Check::name).contains("statements lost",
                "distinct eventIds on statements.new = stored statements - parked ones not announced",
                "dead-letter records = poison injected", "documents stored = documents fed - poison");
    }
}
