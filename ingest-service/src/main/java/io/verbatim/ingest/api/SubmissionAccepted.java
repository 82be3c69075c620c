package io.verbatim.ingest.api;

/** The answer to an accepted submission: the ids under which the document travels through the pipeline. */
public record SubmissionAccepted(String documentId, String contentHash, String eventId) {
}
