package io.verbatim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short scale-out run of every build (issue 17): two replicas of each service, 60 documents through both ingest
 * replicas' submit API, a feed site of 15 pages on 3 hosts, 3 inbox files; one replica of each service killed with
 * kill -9 and started again, one of parse- and store-service stopped with SIGTERM and started again. The full run
 * is {@code testing/chaos/run-chaos.sh --replicas=2 --documents=1000}; see docs/reliability.md.
 */
class ScaleOutShortIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void twoReplicasOfEveryServiceKilledOneByOneStoreAndAnnounceEverythingOnceInOrderAndFetchEveryPageOnce()
            throws Exception {
        Path data = Path.of("target/scale-out-short-" + System.currentTimeMillis()).toAbsolutePath();
        long seed = Long.getLong("chaos.seed", 20261203L);
        ScaleOutRun.Settings settings = new ScaleOutRun.Settings(ROOT, data, 2, 60, 4, 15, 3, 3,
                Duration.ofMillis(500), Duration.ofSeconds(5), seed, Duration.ofMinutes(3));

        ChaosReport report = new ScaleOutRun(settings, System.out).run();
        Files.writeString(data.resolve("report.md"), report.render());
        System.out.println(report.render());

        assertThat(report.failures()).as("seed " + seed + "\n" + report.render()).isEmpty();
        assertThat(report.checks()).extracting(ChaosReport.Check::name).contains("statements lost",
                "documents whose statements.new records (first copy of each eventId) are not in ordinal order",
                "site pages fetched more than once", "inbox files published more than once");
    }
}
