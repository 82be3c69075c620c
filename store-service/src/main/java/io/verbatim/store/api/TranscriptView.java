package io.verbatim.store.api;

import io.verbatim.store.persistence.TranscriptEntity;
import java.time.Instant;
import java.util.List;

/** A transcript with its statements in document order. */
public record TranscriptView(
        String documentId,
        String sourceUrl,
        String contentHash,
        String parserVersion,
        String kind,
        String title,
        String publishedAt,
        String location,
        String language,
        int revision,
        Instant firstStoredAt,
        Instant updatedAt,
        List<String> remarks,
        List<StatementView> statements) {

    public static TranscriptView of(TranscriptEntity transcript, List<StatementView> statements) {
        return new TranscriptView(transcript.documentId, transcript.sourceUrl, transcript.contentHash,
                transcript.parserVersion, transcript.kind, transcript.title, transcript.publishedAt,
                transcript.location, transcript.language, transcript.revision, transcript.firstStoredAt,
                transcript.updatedAt, transcript.remarks, statements);
    }
}
