package io.verbatim.parse.bench;

import io.verbatim.parse.extract.TranscriptExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Param;

/**
 * The parser against a bare {@code Jsoup.parse} of the same strings, measured by <b>thread CPU time</b>, which a
 * thread waiting for a busy CPU does not accumulate, so the figures hold on a shared machine where JMH's wall-clock
 * times do not. The documents are those of the JMH benchmarks: the six gold documents of {@link DocumentBenchmark}
 * and the 40 pages of {@link UnlabelledCorpusBenchmark}, called as they call them
 * ({@code extract(body, contentType, null)}, the content type by extension).
 *
 * <p>Each round runs every document {@value #RUNS_PER_ROUND} times with the parser, then
 * {@value #RUNS_PER_ROUND} times with jsoup; after {@value #WARM_UP_ROUNDS} warm-up rounds, the fastest of
 * {@value #MEASURED_ROUNDS} measured rounds is reported (per set of documents, parser and jsoup each), as the CPU
 * time of one pass over the documents (the round's time divided by {@value #RUNS_PER_ROUND}). One thread.
 * The statement count is a checksum: two builds that find the same statements did the same work.
 */
public final class ParserCpuTimeComparison {

    static final int RUNS_PER_ROUND = 20;
    static final int WARM_UP_ROUNDS = 4;
    static final int MEASURED_ROUNDS = 8;

    /** The gold documents: the {@code @Param} values of {@link DocumentBenchmark}, so that both measure the same. */
    private static List<String> goldDocuments() {
        try {
            return List.of(DocumentBenchmark.class.getField("document").getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DocumentBenchmark has no field \"document\"", e);
        }
    }

    private record Input(String body, String contentType) {
    }

    /** The fastest measured round's CPU time of one set of documents, in nanoseconds. */
    private static final class Fastest {
        long parser = Long.MAX_VALUE;
        long jsoup = Long.MAX_VALUE;

        void add(long parserRound, long jsoupRound) {
            parser = Math.min(parser, parserRound);
            jsoup = Math.min(jsoup, jsoupRound);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TranscriptExtractor extractor = new TranscriptExtractor();
    private long sink;

    private ParserCpuTimeComparison() {
    }

    public static void main(String[] args) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        List<Input> gold = new ArrayList<>();
        for (String name : goldDocuments()) {
            gold.add(new Input(CorpusFiles.doc(name), CorpusFiles.contentTypeOf(name)));
        }
        List<Input> unlabelled = new ArrayList<>();
        for (String name : CorpusFiles.unlabelledPages()) {
            unlabelled.add(new Input(CorpusFiles.unlabelled(name), CorpusFiles.contentTypeOf(name)));
        }
        new ParserCpuTimeComparison().run(gold, unlabelled);
    }

    private void run(List<Input> gold, List<Input> unlabelled) {
        int statements = 0;
        for (Input input : gold) {
            statements += extractor.extract(input.body(), input.contentType(), null).statements().size();
        }
        for (Input input : unlabelled) {
            statements += extractor.extract(input.body(), input.contentType(), null).statements().size();
        }

        Fastest goldFastest = new Fastest();
        Fastest unlabelledFastest = new Fastest();
        Fastest corpusFastest = new Fastest();
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            long[] goldRound = round(gold);
            long[] unlabelledRound = round(unlabelled);
            if (round >= WARM_UP_ROUNDS) {
                goldFastest.add(goldRound[0], goldRound[1]);
                unlabelledFastest.add(unlabelledRound[0], unlabelledRound[1]);
                corpusFastest.add(goldRound[0] + unlabelledRound[0], goldRound[1] + unlabelledRound[1]);
            }
        }

        System.out.printf(Locale.ROOT, "%s, %d documents (%d gold, %d unlabelled), %d runs each per round, "
                        + "fastest of %d rounds after %d warm-up rounds, thread CPU time%n",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                gold.size() + unlabelled.size(), gold.size(), unlabelled.size(), RUNS_PER_ROUND, MEASURED_ROUNDS,
                WARM_UP_ROUNDS);
        System.out.printf(Locale.ROOT, "%-28s %14s %14s %8s%n", "documents, one pass", "parser µs", "bare jsoup µs",
                "ratio");
        print("whole corpus", corpusFastest);
        print(gold.size() + " gold documents", goldFastest);
        print(unlabelled.size() + " unlabelled pages", unlabelledFastest);
        System.out.printf(Locale.ROOT, "statements found (one parse of each document): %d%n", statements);
        System.out.printf(Locale.ROOT, "(checksum of the work done, ignore: %d)%n", sink);
    }

    /** One round over the documents: the parser's and jsoup's CPU time in nanoseconds, summed over the documents. */
    private long[] round(List<Input> inputs) {
        long parser = 0;
        long jsoup = 0;
        for (Input input : inputs) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < RUNS_PER_ROUND; i++) {
                sink += extractor.extract(input.body(), input.contentType(), null).statements().size();
            }
            long afterParser = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < RUNS_PER_ROUND; i++) {
                sink += Jsoup.parse(input.body()).childNodeSize();
            }
            long afterJsoup = THREADS.getCurrentThreadCpuTime();
            parser += afterParser - start;
            jsoup += afterJsoup - afterParser;
        }
        return new long[] {parser, jsoup};
    }

    /** One line of the table: the CPU time of one pass over the documents (a round divided by its runs), in µs. */
    private static void print(String label, Fastest fastest) {
        long perPass = RUNS_PER_ROUND * 1_000L;
        System.out.printf(Locale.ROOT, "%-28s %,14d %,14d %7.2f×%n", label, fastest.parser / perPass,
                fastest.jsoup / perPass, (double) fastest.parser / fastest.jsoup);
    }
}
