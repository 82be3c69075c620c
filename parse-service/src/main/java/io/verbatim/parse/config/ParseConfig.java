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
     * The most HTML elements and comments one page may have, counted in its text before jsoup builds the page (start
     * tags, comments and other {@code <!}/{@code <?} markup, and the end tags {@code </p>} and {@code </br>}, which
     * make an element where none is open); a page with more is refused. jsoup builds the whole page in memory before
     * any other bound is counted; the largest corpus page counts 3,016 (2,088 start tags).
     */
    @WithDefault("200000")
    int maxElements();

    /**
     * The most inline stage remarks ("(Laughter.)", "[Applause]", {@code <…>}) that one document's turns may hold,
     * counted as they are collected; a document with more is refused. The real transcripts have a few dozen; the
     * default is as many as the default bound on paragraphs, a remark in each.
     */
    @WithDefault("50000")
    int maxRemarks();

    /**
     * The largest {@code transcript.parsed} record, in bytes of JSON; a document whose parsed form is larger (a
     * parsed document can be several times its source: 3.9 million characters of one-line turns made 31 MB) is
     * dead-lettered with the reason. Stays below the producer's {@code max.request.size} (8 MiB).
     */
    @WithDefault("7340032")
    int maxRecordBytes();
}
