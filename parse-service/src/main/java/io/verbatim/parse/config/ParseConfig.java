package io.verbatim.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of parse-service, prefix {@code verbatim.parse}. */
@ConfigMapping(prefix = "verbatim.parse")
public interface ParseConfig {

    /** The largest document the parser reads, in characters; larger ones are dead-lettered with the reason. */
    @WithDefault("4000000")
    int maxChars();

    /**
     * The largest {@code transcript.parsed} record, in bytes of JSON; a document whose parsed form is larger (a
     * parsed document can be several times its source: 3.9 million characters of one-line turns made 31 MB) is
     * dead-lettered with the reason. Stays below the producer's {@code max.request.size} (8 MiB).
     */
    @WithDefault("7340032")
    int maxRecordBytes();
}
