package io.verbatim.parse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the parse-service test corpus where it lies (nothing is copied). Paths are relative to the working directory,
 * which is the repository root when the benchmark is started as documented.
 */
final class CorpusFiles {

    /** The corpus as parse-service's tests keep it. Override with {@code -p corpusDir=...}. */
    static final String DEFAULT_DIR = "parse-service/src/test/resources/corpus";

    /**
     * Documents saved as .txt that were published as Markdown (the White House briefing, see corpus/SOURCES.md);
     * parse-service's tests parse them as text/markdown too.
     */
    private static final Set<String> MARKDOWN_SAVED_AS_TXT = Set.of("16-wh-psaki-gaggle.txt");

    private CorpusFiles() {
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + file.toAbsolutePath()
                    + " (start the benchmark from the repository root or pass -p corpusDir=...)", e);
        }
    }

    static Path docs(String corpusDir) {
        return Path.of(corpusDir, "docs");
    }

    /** All pages of {@code corpus/unlabelled}, sorted by name so that every run sees the same order. */
    static List<Path> unlabelledPages(String corpusDir) {
        Path dir = Path.of(corpusDir, "unlabelled");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> pages = files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
            if (pages.isEmpty()) {
                throw new IllegalStateException("no .html pages in " + dir.toAbsolutePath());
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath()
                    + " (start the benchmark from the repository root or pass -p corpusDir=...)", e);
        }
    }

    /** The content type by extension: .html → text/html, .md → text/markdown, .txt → text/plain. */
    static String contentTypeOf(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
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
