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
 * with a reason, none fails otherwise (an OutOfMemoryError or StackOverflowError would show as "failed"), and none
 * runs far past the parser's deadline: each takes less than twice {@link ParseLimits#DEFAULT_DEADLINE} (10 s), since
 * the deadline is checked inside the parser's loops and a document that outlasts it is refused. The bound is the
 * deadline, not a speed figure: on a machine ten times slower a shape may be refused at the deadline instead of
 * parsed, and still pass; the speed of each shape is printed (and parse-benchmarks measures speed). Each shape is
 * about {@value #CHARS} characters (the two reproductions of findings 1 and 2 have their own sizes: 1 MB and 200 KB).
 */
class TranscriptExtractorSmallHeapTest {

    private static final String HEAP = "128m";
    private static final int CHARS = 1_000_000;
    private static final long SEED = 20261212L;
    private static final long MILLIS_PER_DOCUMENT = 2 * ParseLimits.DEFAULT_DEADLINE.toMillis();

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyHostileShapeIsParsedOrRefusedInTimeWithinASmallHeap() throws IOException, InterruptedException {
        List<String[]> results = runInSmallHeap(CHARS, "");

        assertThat(results.size()).as("shapes generated").isGreaterThan(40);
        for (String[] result : results) {
            assertThat(result[1]).as("outcome of %s: %s", result[0], result[4]).isIn("parsed", "refused");
            assertThat(Long.parseLong(result[2])).as("milliseconds for %s (twice the parse deadline)", result[0])
                    .isLessThan(MILLIS_PER_DOCUMENT);
        }
        assertThat(results).as("the reproduction of finding 1").anySatisfy(r -> assertThat(r[0])
                .isEqualTo("nested-bold-paragraph"));
    }

    /**
     * The shapes with the most turns per character at the parser's largest document, four million characters: one
     * paragraph per "Q: a" (before the bound on paragraphs, 670,000 turns exhausted this heap), an HTML paragraph per
     * label, and a block whose every line opens with a label. Each is refused naming the bound on paragraphs, but for
     * the HTML one, whose 444,000 start tags are refused before that by the bound on HTML elements.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theMostTurnsPerCharacterAreRefusedAtTheParagraphBoundWithinASmallHeap()
            throws IOException, InterruptedException {
        int chars = ParseLimits.DEFAULT_MAX_CHARS - 1_000;
        List<String[]> results = new ArrayList<>(runInSmallHeap(chars, "one-line-turns"));
        results.addAll(runInSmallHeap(chars, "labelled-lines-in-one-block"));

        assertThat(results).extracting(r -> r[0])
                .containsExactly("one-line-turns", "one-line-turns-html", "labelled-lines-in-one-block");
        for (String[] result : results) {
            assertThat(result[1]).as("outcome of %s: %s", result[0], result[4]).isEqualTo("refused");
            assertThat(result[4]).as("reason for %s", result[0]).endsWith(result[0].endsWith("-html")
                    ? "(verbatim.parse.max-elements)" : "(verbatim.parse.max-paragraphs)");
        }
    }

    /**
     * The shapes with the most HTML nodes and the most inline remarks per character at the parser's largest document:
     * a million elements ({@code <p>a}, {@code </p>} with no paragraph open), 570,000 empty {@code <i>} elements, 1.3
     * million comments, and one turn of 1.3 million {@code <…>} or 360,000 "(Laughter)". Before their bounds the
     * element shapes ran out of this heap inside jsoup, and the remark shapes while their remarks were collected; now
     * each is refused naming its bound.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theMostElementsAndRemarksPerCharacterAreRefusedAtTheirBoundsWithinASmallHeap()
            throws IOException, InterruptedException {
        int chars = ParseLimits.DEFAULT_MAX_CHARS - 1_000;
        List<String[]> elements = runInSmallHeap(chars, "most-elements-");
        List<String[]> remarks = runInSmallHeap(chars, "most-remarks-");

        assertThat(elements).extracting(r -> r[0]).containsExactly("most-elements-open-paragraphs",
                "most-elements-empty-italics", "most-elements-end-paragraphs", "most-elements-comments");
        assertThat(remarks).extracting(r -> r[0]).containsExactly("most-remarks-omission-marks",
                "most-remarks-laughter");
        for (String[] result : elements) {
            assertThat(result[1]).as("outcome of %s: %s", result[0], result[4]).isEqualTo("refused");
            assertThat(result[4]).as("reason for %s", result[0]).endsWith("(verbatim.parse.max-elements)");
        }
        for (String[] result : remarks) {
            assertThat(result[1]).as("outcome of %s: %s", result[0], result[4]).isEqualTo("refused");
            assertThat(result[4]).as("reason for %s", result[0]).endsWith("(verbatim.parse.max-remarks)");
        }
    }

    /**
     * Class 44's opening labels at the parser's largest document: 14,700 distinct labels of thirteen words and 260
     * Cyrillic characters, and one bold run after a line break. Every ending of every label kept as a string ran out
     * of this heap (an adversarial review); with the endings a name can be, the page is parsed or refused with a
     * reason, in time.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void longOpeningLabelsAfterALineBreakAreReadWithinASmallHeap() throws IOException, InterruptedException {
        List<String[]> results = runInSmallHeap(ParseLimits.DEFAULT_MAX_CHARS - 10_000, "long-opening-labels");

        assertThat(results).extracting(r -> r[0]).containsExactly("long-opening-labels-after-break");
        assertThat(results.get(0)[1]).as("outcome: %s", results.get(0)[4]).isIn("parsed", "refused");
        assertThat(Long.parseLong(results.get(0)[2])).as("milliseconds").isLessThan(MILLIS_PER_DOCUMENT);
    }

    /**
     * Runs the shapes whose names start with {@code shapes} ("" for all) at about {@code chars} characters through
     * {@link HostileDocumentsRun} in a JVM of {@value #HEAP} heap, and returns its line per shape (shape, outcome,
     * milliseconds, peak heap in MB, kind or reason), after checking that the run ended normally and gave a line for
     * every shape it generated.
     */
    private static List<String[]> runInSmallHeap(int chars, String shapes) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HostileDocumentsRun.class.getName(), Integer.toString(chars), Long.toString(SEED), shapes)
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
        assertThat(results).as("one line per shape generated (%d)", expected).hasSize(expected);
        return results;
    }
}
