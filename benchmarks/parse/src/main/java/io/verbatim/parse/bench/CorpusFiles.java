package io.verbatim.parse.bench;

import io.verbatim.corpus.Corpus;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The corpus documents the benchmarks parse, read through {@link Corpus} from the classpath (the shaded jar). */
final class CorpusFiles {

    /**
     * Documents saved as .txt that were published as Markdown (the White House briefing, see corpus/SOURCES.md);
     * parse-service's tests parse them as text/markdown too.
     */
    private static final Set<String> MARKDOWN_SAVED_AS_TXT = Set.of("16-wh-psaki-gaggle.txt");

    private CorpusFiles() {
    }

    static String doc(String fileName) {
        return Corpus.text(Corpus.DOCS, fileName);
    }

    static int docSize(String fileName) {
        return Corpus.bytes(Corpus.DOCS, fileName).length;
    }

    /** All pages of {@code corpus/unlabelled}, sorted by name so that every run sees the same order. */
    static List<String> unlabelledPages() {
        List<String> pages = Corpus.list(Corpus.UNLABELLED).stream().filter(f -> f.endsWith(".html")).toList();
        if (pages.isEmpty()) {
            throw new IllegalStateException("no .html pages in corpus/unlabelled");
        }
        return pages;
    }

    static String unlabelled(String fileName) {
        return Corpus.text(Corpus.UNLABELLED, fileName);
    }

    static int unlabelledSize(String fileName) {
        return Corpus.bytes(Corpus.UNLABELLED, fileName).length;
    }

    /** The content type by extension: .html → text/html, .md → text/markdown, .txt → text/plain. */
    static String contentTypeOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".md") || MARKDOWN_SAVED_AS_TXT.contains(fileName)) {
            return "text/markdown; charset=utf-8";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        throw new IllegalArgumentException("no content type known for " + fileName);
    }
}
