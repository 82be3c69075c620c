package io.verbatim.parse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The project corpus ({@code corpus/} at the repository root, read through {@link io.verbatim.corpus.Corpus}) as the
 * parser tests use it; {@link #read} takes any classpath resource, e.g. {@code /corpus/gold/NN-name.json}.
 */
final class Corpus {

    static final List<String> GOLD_DOCUMENTS = List.of(
            "00-seed-pyongyang-talks.txt",
            "01-kremlin-le-pen-meeting.html",
            "02-kremlin-mishustin-meeting.html",
            "05-kremlin-trilateral-news-conference.html",
            "08-kremlin-tass-interview.html",
            "16-wh-psaki-gaggle.txt");

    static final List<String> UNLABELLED_PAGES = List.of(
            "17789", "27727", "28091", "29060", "29367", "29661", "33568", "33668", "34641", "37880", "39026",
            "39287", "40319", "40461", "40534", "40542", "41580", "41676", "51277", "51707", "52905", "54405",
            "54723", "54766", "55381", "55462", "55694", "55702", "56483", "57307", "58589", "59397", "59399",
            "60512", "60896", "62763", "63307", "63450", "63896", "8056");

    private Corpus() {
    }

    /**
     * Every gold annotation in {@code corpus/gold} ({@code NN-name.json}) with its document in {@code corpus/docs}
     * ({@code NN-name.*}, any extension), as the corpus holds them, so that gold documents added later are scored too.
     */
    static List<String> goldDocumentsOnDisk() {
        return io.verbatim.corpus.Corpus.goldDocuments();
    }

    /**
     * The content type a document is read with: HTML by its extension; Markdown for .md and for text that opens with
     * YAML front matter or holds Markdown bold labels ("**Name:**"); plain text otherwise.
     */
    static String contentTypeOfDocument(String fileName, String body) {
        if (fileName.endsWith(".html") || fileName.endsWith(".htm")) {
            return "text/html; charset=utf-8";
        }
        boolean markdown = fileName.endsWith(".md") || body.startsWith("---\n") || body.startsWith("---\r\n")
                || MARKDOWN_BOLD_LABEL.matcher(body).find();
        return markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8";
    }

    private static final Pattern MARKDOWN_BOLD_LABEL = Pattern.compile("(?m)^\\*\\*[^*\\n]{1,120}:\\*\\*");

    static String doc(String fileName) {
        return io.verbatim.corpus.Corpus.text(io.verbatim.corpus.Corpus.DOCS, fileName);
    }

    static String unlabelled(String id) {
        return io.verbatim.corpus.Corpus.text(io.verbatim.corpus.Corpus.UNLABELLED, id + ".html");
    }

    /** The content type each document was published with: the White House briefing is Markdown saved as .txt. */
    static String contentTypeOf(String fileName) {
        if (fileName.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return fileName.startsWith("16-") ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8";
    }

    static String read(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
