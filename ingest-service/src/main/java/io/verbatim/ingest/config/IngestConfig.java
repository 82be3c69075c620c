package io.verbatim.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of ingest-service, prefix {@code verbatim.ingest}. */
@ConfigMapping(prefix = "verbatim.ingest")
public interface IngestConfig {

    /** Largest document accepted, in bytes, from the submit API or the inbox. */
    @WithDefault("2097152")
    int maxBodyBytes();

    /**
     * The largest {@code transcript.fetched} event, in bytes of its JSON (UTF-8), that is published. The JSON can be
     * much larger than the document (a NUL byte becomes the six characters {@code \u0000}); a larger event is
     * refused with its reason. It must stay below {@code max.message.bytes} of {@code transcripts.raw} and
     * {@code max.request.size} of the producer (8 MiB), leaving room for the key and headers:
     * {@code RecordSizeChainTest} checks this.
     */
    @WithDefault("7340032")
    int maxEventBytes();

    /** How long a publication may wait for the broker's acknowledgement before the caller gets an error. */
    @WithDefault("30s")
    Duration publishTimeout();

    Inbox inbox();

    /**
     * Feed URLs added on the first start (comma-separated in {@code VERBATIM_INGEST_SOURCES}); sources can also be
     * added, paused and removed through {@code /api/sources}. The default is the Kremlin's English transcripts feed;
     * {@code none} means no configured source.
     */
    @WithDefault("http://en.kremlin.ru/events/president/transcripts/feed")
    List<String> sources();

    /**
     * Hosts the fetcher may reach even though they resolve to loopback or private addresses
     * ({@code VERBATIM_INGEST_ALLOWED_HOSTS}, comma-separated). Empty in production.
     */
    Optional<Set<String>> allowedHosts();

    Fetch fetch();

    Feeds feeds();

    interface Fetch {

        /** The User-Agent sent with every request; it names the project. */
        @WithDefault("Verbatim/0.1 (+https://github.com/verbatim; transcript archiver)")
        String userAgent();

        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration readTimeout();

        /**
         * The longest time one whole fetch may take (every redirect hop: connecting, the response headers and the
         * whole body). A server that trickles bytes just inside the read time-out is cut off here; the fetch fails
         * with this reason and the host backs off.
         */
        @WithDefault("60s")
        Duration deadline();

        @WithDefault("5")
        int maxRedirects();

        /** The least time between two requests to one host. */
        @WithDefault("2s")
        Duration hostDelay();

        /**
         * The most hosts whose request pace is tracked at once. A host is forgotten when its entry no longer matters
         * (its next request may start, and any back-off ended an hour ago); while every tracked host must still
         * wait, a new host waits for room.
         */
        @WithDefault("10000")
        int maxHosts();

        /**
         * The most sites whose robots.txt rules are cached at once (each for 24 h, or 1 h when unreachable). When
         * full, expired rules go first, then those closest to expiry; a site dropped early is asked again.
         */
        @WithDefault("10000")
        int maxRobotsSites();
    }

    interface Feeds {

        /** How often each feed is fetched (conditionally) for new entries. */
        @WithDefault("10m")
        Duration pollInterval();

        /** How many {@code rel="next"} pages of a feed to follow for older entries. */
        @WithDefault("2")
        int backfillDepth();

        /** How often the crawl loop wakes up to poll due feeds and fetch due pages. */
        @WithDefault("1s")
        Duration tick();

        /**
         * The most feed entries taken from one poll of one feed (backfill pages included): new entries first, then
         * known ones for a re-check. The entries beyond it are left for later polls (the feed's validators are not
         * kept, so the next poll reads it whole again and takes the next ones) and logged.
         */
        @WithDefault("500")
        int maxEntriesPerPoll();

        /**
         * How long one crawl pass may run before liveness reports the crawl loop stalled (and the service is
         * restarted). A pass is bounded by the fetch deadline per request, so this is far above any healthy pass.
         */
        @WithDefault("30m")
        Duration stallTimeout();

        /** The first delay before a page that failed is tried again; it doubles per failure, up to 6 h. */
        @WithDefault("1m")
        Duration retryDelay();
    }

    /** The compacted topic holding the crawl state and the sources. */
    @WithDefault("ingest.state")
    String stateTopic();

    CrawlStateBounds crawlState();

    Ownership ownership();

    /**
     * How the crawl work is split between replicas, prefix {@code verbatim.ingest.ownership}: {@code ingest.state}
     * is partitioned by host, and Kafka's consumer group gives each replica its partitions (the hosts it crawls).
     */
    interface Ownership {

        /**
         * The partitions of {@code ingest.state} when this service creates the topic (the most replicas that crawl at
         * once). An existing topic keeps its own count: every replica reads the count from the broker.
         */
        @WithDefault("6")
        int partitions();

        /** The consumer group whose members share the partitions of {@code ingest.state}. */
        @WithDefault("ingest-service")
        String groupId();

        /**
         * How long the group waits for a replica that stopped without leaving (kill -9, a lost network) before its
         * partitions move to the others ({@code session.timeout.ms}; the broker allows 6 s to 30 min by default).
         */
        @WithDefault("10s")
        Duration sessionTimeout();

        /**
         * How long a replica may go without reading its partitions before it leaves the group by itself
         * ({@code max.poll.interval.ms}): a rebuild or a hand-over that takes longer loses the partitions.
         */
        @WithDefault("5m")
        Duration maxPollInterval();

        /**
         * How long a replica that hands back partitions (rebalance, shutdown) waits for the fetch or feed poll in
         * progress on them; work still running then is abandoned: its result is not recorded, so the new owner
         * fetches that page once more.
         */
        @WithDefault("5s")
        Duration handoverTimeout();
    }

    /** Bounds on the crawl state held in memory, prefix {@code verbatim.ingest.crawl-state}. */
    interface CrawlStateBounds {

        /**
         * The most URLs whose crawl state is held (in memory, and in {@code ingest.state} after compaction). Beyond
         * it the least recently used settled URL (fetched or refused, neither listed by a feed poll nor fetched
         * since the others) is forgotten and a tombstone written. Pending pages are never forgotten; when they fill
         * the bound, new ones wait (feed entries are left for later polls, {@code POST /api/pages} answers 503).
         */
        @WithDefault("50000")
        int maxUrls();

        /**
         * The most pending pages (not fetched yet, or failing and waiting for a retry) one source may have; a poll
         * takes no new entries beyond it. Single pages ({@code POST /api/pages}) count as one source.
         */
        @WithDefault("2000")
        int maxPendingPerSource();
    }

    interface Inbox {

        /** The folder watched for dropped transcript files; unset means no inbox. */
        Optional<Path> directory();

        /** How often the inbox folder is scanned (the scheduler reads {@code verbatim.ingest.inbox.poll-interval}). */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
