package io.verbatim.ingest.state;

import java.time.Instant;

/**
 * A feed Verbatim polls.
 *
 * @param id        stable id: the first 16 hex digits of the SHA-256 of the canonical feed URL
 * @param url       the canonical feed URL
 * @param name      a human name (the feed's title once known)
 * @param paused    a paused source is kept but not polled
 * @param lastPolledAt when the feed itself was last fetched, or null
 */
public record FeedSource(String id, String url, String name, boolean paused, Instant addedAt, Instant lastPolledAt,
        String feedEtag, String feedLastModified) {

    public FeedSource withPaused(boolean value) {
        return new FeedSource(id, url, name, value, addedAt, lastPolledAt, feedEtag, feedLastModified);
    }

    public FeedSource polled(String title, Instant at, String etag, String lastModified) {
        String newName = title == null || title.isBlank() ? name : title.replaceAll("[\\s\\u00A0]+", " ").strip();
        return new FeedSource(id, url, newName, paused, addedAt, at, etag, lastModified);
    }
}
