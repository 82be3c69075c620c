package io.verbatim.ingest.state;

import java.time.Instant;

/**
 * What the fetcher remembers about one URL: the validators for a conditional GET, the hash of the last body it
 * published, and the retry bookkeeping for a page that could not be fetched yet.
 *
 * @param url            the canonical URL
 * @param sourceId       the feed it came from, or null for a single page
 * @param status         {@code pending} (known, not fetched yet or failing), {@code fetched}, {@code refused}
 * @param contentHash    SHA-256 of the last published body, or null
 * @param failures       consecutive failed attempts
 * @param nextAttemptAt  when a pending or failed URL may be tried again, or null
 * @param reason         why the last attempt failed or was refused, or null
 */
public record CrawlState(
        String url,
        String sourceId,
        String status,
        String etag,
        String lastModified,
        String contentHash,
        Instant lastFetchedAt,
        int failures,
        Instant nextAttemptAt,
        String reason) {

    public static final String PENDING = "pending";
    public static final String FETCHED = "fetched";
    public static final String REFUSED = "refused";

    public static CrawlState discovered(String url, String sourceId) {
        return new CrawlState(url, sourceId, PENDING, null, null, null, null, 0, null, null);
    }

    public CrawlState fetched(String etag, String lastModified, String contentHash, Instant at) {
        return new CrawlState(url, sourceId, FETCHED, etag, lastModified, contentHash, at, 0, null, null);
    }

    public CrawlState failed(String why, Instant at, Instant retryAt) {
        return new CrawlState(url, sourceId, status.equals(FETCHED) ? FETCHED : PENDING, etag, lastModified,
                contentHash, at, failures + 1, retryAt, why);
    }

    public CrawlState refused(String why, Instant at) {
        return new CrawlState(url, sourceId, REFUSED, etag, lastModified, contentHash, at, failures, null, why);
    }

    public boolean isDue(Instant now) {
        return nextAttemptAt == null || !nextAttemptAt.isAfter(now);
    }
}
