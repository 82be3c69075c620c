package io.verbatim.parse.bench;

import io.verbatim.parse.extract.ExtractedTranscript;
import io.verbatim.parse.extract.TranscriptExtractor;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per document of the parser ({@link TranscriptExtractor#extract}) next to a bare {@code Jsoup.parse} of the
 * same string, for each gold document of the corpus. The text and Markdown documents go through jsoup as well, so
 * the baseline is always "what jsoup alone costs on these bytes".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DocumentBenchmark {

    @Param({
            "00-seed-pyongyang-talks.txt",
            "01-kremlin-le-pen-meeting.html",
            "02-kremlin-mishustin-meeting.html",
            "05-kremlin-trilateral-news-conference.html",
            "08-kremlin-tass-interview.html",
            "16-wh-psaki-gaggle.txt"})
    public String document;

    private final TranscriptExtractor extractor = new TranscriptExtractor();
    private String body;
    private String contentType;

    @Setup
    public void load() {
        body = CorpusFiles.doc(document);
        contentType = CorpusFiles.contentTypeOf(document);
        // Fail fast rather than time an exception path.
        if (extractor.extract(body, contentType, null).statements().isEmpty()) {
            throw new IllegalStateException("the parser finds no statements in " + document);
        }
    }

    @Benchmark
    public ExtractedTranscript parser() {
        return extractor.extract(body, contentType, null);
    }

    @Benchmark
    public Document jsoup() {
        return Jsoup.parse(body);
    }
}
