package io.verbatim.parse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real transcripts copied from the shared corpus into the test resources (see corpus/SOURCES.md). */
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

    static String doc(String fileName) {
        return read("/corpus/docs/" + fileName);
    }

    static String unlabelled(String id) {
        return read("/corpus/unlabelled/" + id + ".html");
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
