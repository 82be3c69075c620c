package io.verbatim.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of ingest-service, prefix {@code verbatim.ingest}. */
@ConfigMapping(prefix = "verbatim.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes, from the submit API or the inbox. */
    @WithDefault("2097152")
    int maxBodyBytes();

    /** How long a publication may wait for the broker's acknowledgement before the caller gets an error. */
    @WithDefault("30s")
    Duration publishTimeout();

    Inbox inbox();

    /**
     * Feed URLs polled from the first start on (comma-separated in {@code VERBATIM_INGEST_SOURCES}); sources can
     * also be added, paused and removed through {@code /api/sources}.
     */
    Optional<List<String>> sources();

    /** The compacted topic holding the crawl state and the sources. */
    @WithDefault("ingest.state")
    String stateTopic();

    interface Inbox {

        /** The folder watched for dropped transcript files; unset means no inbox. */
        Optional<Path> directory();

        /** How often the inbox folder is scanned (the scheduler reads {@code verbatim.ingest.inbox.poll-interval}). */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
