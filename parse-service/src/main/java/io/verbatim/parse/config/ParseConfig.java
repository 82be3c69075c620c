package io.verbatim.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of parse-service, prefix {@code verbatim.parse}. */
@ConfigMapping(prefix = "verbatim.parse")
public interface ParseConfig {

    /** The largest document the parser reads, in characters; larger ones are dead-lettered with the reason. */
    @WithDefault("4000000")
    int maxChars();
}
