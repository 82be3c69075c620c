package io.verbatim.store.api;

import io.verbatim.store.persistence.StatementEntity;
import java.time.Instant;
import java.util.List;

/** A statement as the query API returns it. */
public record StatementView(
        String statementId,
        String documentId,
        int ordinal,
        SpeakerView speaker,
        String label,
        String annotation,
        String text,
        List<String> paragraphs,
        List<String> remarks,
        Instant storedAt) {

    public record SpeakerView(String id, String name, String role) {
    }

    public static StatementView of(StatementEntity statement) {
        return new StatementView(statement.statementId, statement.transcript.documentId, statement.ordinal,
                new SpeakerView(statement.speaker.publicId, statement.speaker.name,
                        statement.speakerRole != null ? statement.speakerRole : statement.speaker.role),
                statement.speakerLabel, statement.annotation, statement.text, statement.paragraphs,
                statement.remarks, statement.storedAt);
    }
}
