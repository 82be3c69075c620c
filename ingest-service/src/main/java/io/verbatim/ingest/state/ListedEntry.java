package io.verbatim.ingest.state;

/**
 * A page listed for the replica that owns its host: a feed entry on another replica's host, or a page asked for
 * through {@code POST /api/pages} on a replica that does not crawl its host. Written to {@code ingest.state} under
 * {@code entry:<url>} on the host's partition; the owner records it as pending (or re-checks a known page) and writes
 * a tombstone.
 *
 * @param url       the canonical URL
 * @param sourceId  the feed that lists it, or null for a single page
 * @param requested asked for through the API: a refused page is asked once more (a feed entry is not)
 */
public record ListedEntry(String url, String sourceId, boolean requested) {
}
