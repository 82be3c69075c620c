package io.verbatim.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of parse-service, prefix {@code verbatim.parse}. */
@ConfigMapping(prefix = "verbatim.parse")
public interface ParseConfig {

    /** The largest document the parser reads, in characters; larger ones are dead-lettered with the reason. */
    @WithDefault("4000000")
    int maxChars();

    /**
     * The deepest nesting of HTML elements the parser reads ({@code <html>} is 1); a deeper page is refused, not
     * flattened: the turn rules read labels, remarks and the content container from the nesting, and a flattened page
     * could attribute words to the wrong speaker.
     */
    @WithDefault("256")
    int maxDepth();

    /**
     * The longest one document may take to parse; the parser checks it in its own loops and refuses the document
     * once it has passed (in the pipeline: a dead letter with the reason; in the preview: 422).
     */
    @WithDefault("10s")
    Duration deadline();

    /**
     * The most paragraphs one document may have (in plain text, lines inside a paragraph that open with a speaker
     * label count too, as each may become one); a document with more is refused. Each paragraph can become a turn,
     * so this bounds the turns, and the memory, of one document; the longest real transcripts have a few thousand.
     */
    @WithDefault("50000")
    int maxParagraphs();

    /**
     * The largest {@code transcript.parsed} record, in bytes of JSON; a document whose parsed form is larger (a
     * parsed document can be several times its source: 3.9 million characters of one-line turns made 31 MB) is
     * dead-lettered with the reason. Stays below the producer's {@code max.request.size} (8 MiB).
     */
    @WithDefault("7340032")
    int maxRecordBytes();
}
