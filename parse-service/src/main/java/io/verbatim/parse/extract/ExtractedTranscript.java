package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.List;

/**
 * What the extractor finds in one document, before it is wrapped into a {@link TranscriptParsed} event.
 *
 * @param kind        {@code transcript}, {@code address} or {@code readout}
 * @param publishedAt ISO-8601 date or date-time, or null
 * @param location    where it took place, or null
 * @param language    a language tag such as {@code en}
 * @param statements  the speaker turns in document order
 * @param remarks     standalone remarks outside statements, in document order
 */
public record ExtractedTranscript(
        String kind,
        String title,
        String publishedAt,
        String location,
        String language,
        List<TranscriptParsed.Statement> statements,
        List<String> remarks) {

    public ExtractedTranscript {
        statements = statements == null ? List.of() : List.copyOf(statements);
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }
}
