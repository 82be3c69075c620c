package io.verbatim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Any number of distinct documents made from the real test corpus ({@code parse-service/src/test/resources/corpus},
 * 46 Kremlin and White House transcripts; sources and licences in its {@code SOURCES.md}). Variant {@code n} is
 * template {@code n mod 46} with a marker that makes its bytes unique (an HTML comment, or a last line in a text
 * document) and a source address of its own, so each variant is a different document with its own id. The chaos
 * harness and the end-to-end benchmark feed the cluster with these.
 */
public final class CorpusVariants {

    /** The host of every variant's source address; it never resolves, nothing fetches it. */
    public static final String SOURCE_HOST = "corpus.verbatim.test";

    /** One document to submit: its bytes, content type and source address. */
    public record Variant(int number, String template, String contentType, String sourceUrl, byte[] body) {
    }

    private record Template(String name, String contentType, String text) {
    }

    private final List<Template> templates;

    private CorpusVariants(List<Template> templates) {
        this.templates = templates;
    }

    /** Loads the corpus below {@code root} (the checkout). */
    public static CorpusVariants load(Path root) {
        Path corpus = root.resolve("parse-service/src/test/resources/corpus");
        try (Stream<Path> docs = Files.list(corpus.resolve("docs"));
                Stream<Path> unlabelled = Files.list(corpus.resolve("unlabelled"))) {
            List<Template> templates = Stream.concat(docs, unlabelled).sorted()
                    .map(CorpusVariants::template).toList();
            if (templates.isEmpty()) {
                throw new IllegalStateException("no documents in " + corpus);
            }
            return new CorpusVariants(templates);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the corpus in " + corpus, e);
        }
    }

    private static Template template(Path file) {
        String name = file.getFileName().toString();
        String contentType = name.toLowerCase(Locale.ROOT).endsWith(".html") ? "text/html" : "text/plain";
        try {
            return new Template(name, contentType, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int templates() {
        return templates.size();
    }

    /** Variant {@code number}: the same number always gives the same bytes. */
    public Variant variant(int number) {
        Template template = templates.get(Math.floorMod(number, templates.size()));
        String marker = "verbatim corpus variant " + number;
        String text = template.contentType().equals("text/html")
                ? template.text() + "\n<!-- " + marker + " -->\n"
                : template.text().stripTrailing() + "\n\n[" + marker + "]\n";
        String sourceUrl = "https://" + SOURCE_HOST + "/" + template.name().replace('.', '-') + "/" + number;
        return new Variant(number, template.name(), template.contentType(), sourceUrl,
                text.getBytes(StandardCharsets.UTF_8));
    }
}
