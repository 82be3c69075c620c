package io.verbatim.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Topic {@code transcripts.raw}, event {@code transcript.fetched}: one raw document as fetched or submitted.
 *
 * @param eventId     unique per event; the same document content always yields the same id, so it deduplicates
 * @param eventType   always {@code transcript.fetched}
 * @param documentId  SHA-256 of the canonical source URL, or of the body when there is no URL
 * @param sourceUrl   where the document came from, or null
 * @param sourceName  a human name of the source ("submit-api", "inbox", a feed title)
 * @param fetchedAt   when the document was fetched or received
 * @param contentType {@code text/html}, {@code text/plain} or {@code text/markdown}
 * @param contentHash SHA-256 hex of the body
 * @param body        the document, decoded to a string
 */
@JsonPropertyOrder({"eventId", "eventType", "documentId", "sourceUrl", "sourceName", "fetchedAt", "contentType",
        "contentHash", "body"})
public record TranscriptFetched(
        String eventId,
        String eventType,
        String documentId,
        String sourceUrl,
        String sourceName,
        Instant fetchedAt,
        String contentType,
        String contentHash,
        String body) {

    /** Builds the event with its derived fields: document id, content hash and event id. */
    public static TranscriptFetched of(String canonicalUrl, String sourceName, Instant fetchedAt, String contentType,
            String body) {
        String contentHash = Sha256.hex(body);
        String documentId = canonicalUrl == null ? contentHash : Sha256.hex(canonicalUrl);
        String eventId = Sha256.ofParts(EventTypes.TRANSCRIPT_FETCHED, documentId, contentHash);
        return new TranscriptFetched(eventId, EventTypes.TRANSCRIPT_FETCHED, documentId, canonicalUrl, sourceName,
                fetchedAt, contentType, contentHash, body);
    }
}
