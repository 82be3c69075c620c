package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every shape of test-support's {@code HostileDocuments} (issue 12's adversarial generator) goes through the parser
 * with the default bounds in a JVM of {@value #HEAP} heap, started for this test: each document is parsed or refused
 * with a reason, none fails otherwise (an OutOfMemoryError or StackOverflowError would show as "failed"), and each
 * takes less than {@value #SECONDS_PER_DOCUMENT} s: the parse deadline of 10 s and 2 s for a refusal to be noticed.
 * (Measured on a loaded 2-core machine: slowest 4.2 s, many tiny paragraphs in a heap that is nearly full.) Each shape is about {@value #CHARS} characters (the two
 * reproductions of findings 1 and 2 have their own sizes: 1 MB and 200 KB).
 */
class TranscriptExtractorSmallHeapTest {

    private static final String HEAP = "128m";
    private static final int CHARS = 1_000_000;
    private static final long SEED = 20261212L;
    private static final int SECONDS_PER_DOCUMENT = 12;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyHostileShapeIsParsedOrRefusedInTimeWithinASmallHeap() throws IOException, InterruptedException {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HostileDocumentsRun.class.getName(), Integer.toString(CHARS), Long.toString(SEED))
                .redirectErrorStream(true).start();
        List<String[]> results = new ArrayList<>();
        List<String> output = new ArrayList<>();
        int expected = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                String[] fields = line.split("\t", 5);
                if (fields[0].equals("documents")) {
                    expected = Integer.parseInt(fields[1]);
                } else if (fields.length == 5) {
                    results.add(fields);
                    System.out.println(line);
                }
            }
        }

        assertThat(run.waitFor()).as("exit code of the small-heap run; its output: %s", output).isZero();
        assertThat(expected).as("shapes generated").isGreaterThan(40);
        assertThat(results).as("one line per shape").hasSize(expected);
        for (String[] result : results) {
            assertThat(result[1]).as("outcome of %s: %s", result[0], result[4]).isIn("parsed", "refused");
            assertThat(Long.parseLong(result[2])).as("milliseconds for %s", result[0])
                    .isLessThan(SECONDS_PER_DOCUMENT * 1_000L);
        }
        assertThat(results).as("the reproduction of finding 1").anySatisfy(r -> assertThat(r[0])
                .isEqualTo("nested-bold-paragraph"));
    }
}
