package io.verbatim.local;

import io.verbatim.corpus.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any number of distinct documents made from the project corpus ({@link Corpus}: its {@code docs/} and
 * {@code unlabelled/} pages; sources and licences in its {@code SOURCES.md}). Variant {@code n} is
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

    /** Loads the documents of the corpus: {@code docs/} then {@code unlabelled/}, each in name order. */
    public static CorpusVariants load() {
        List<Template> templates = new ArrayList<>();
        for (String folder : List.of(Corpus.DOCS, Corpus.UNLABELLED)) {
            for (String name : Corpus.list(folder)) {
                String contentType = name.toLowerCase(Locale.ROOT).endsWith(".html") ? "text/html" : "text/plain";
                templates.add(new Template(name, contentType, Corpus.text(folder, name)));
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no documents in the corpus");
        }
        return new CorpusVariants(templates);
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
