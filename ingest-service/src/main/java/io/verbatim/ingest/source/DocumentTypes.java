package io.verbatim.ingest.source;

import java.util.Locale;
import java.util.Optional;

/** The three document types Verbatim reads, and how a file name maps to them. */
public final class DocumentTypes {

    public static final String HTML = "text/html";
    public static final String PLAIN = "text/plain";
    public static final String MARKDOWN = "text/markdown";

    private DocumentTypes() {
    }

    /** The content type for a file name by its extension, if it is one Verbatim reads. */
    public static Optional<String> forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".txt")) {
            return Optional.of(PLAIN);
        }
        return Optional.empty();
    }
}
