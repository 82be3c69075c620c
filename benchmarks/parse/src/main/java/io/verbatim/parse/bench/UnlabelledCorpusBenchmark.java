package io.verbatim.parse.bench;

import io.verbatim.parse.extract.TranscriptExtractor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole {@code corpus/unlabelled} folder (40 Kremlin pages) in one invocation; JMH divides by
 * {@link #PAGES}, so the score is the average time per page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UnlabelledCorpusBenchmark {

    /** The number of pages in corpus/unlabelled; {@link #load()} refuses to run on a folder of another size. */
    static final int PAGES = 40;

    private final TranscriptExtractor extractor = new TranscriptExtractor();
    private String[] bodies;
    private String[] contentTypes;

    @Setup
    public void load() {
        List<String> pages = CorpusFiles.unlabelledPages();
        if (pages.size() != PAGES) {
            throw new IllegalStateException("expected " + PAGES + " unlabelled pages, found " + pages.size()
                    + "; update UnlabelledCorpusBenchmark.PAGES");
        }
        bodies = new String[PAGES];
        contentTypes = new String[PAGES];
        for (int i = 0; i < PAGES; i++) {
            bodies[i] = CorpusFiles.unlabelled(pages.get(i));
            contentTypes[i] = CorpusFiles.contentTypeOf(pages.get(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void parser(Blackhole sink) {
        for (int i = 0; i < PAGES; i++) {
            sink.consume(extractor.extract(bodies[i], contentTypes[i], null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void jsoup(Blackhole sink) {
        for (int i = 0; i < PAGES; i++) {
            sink.consume(Jsoup.parse(bodies[i]));
        }
    }
}
