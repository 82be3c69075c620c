package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.List;

/**
 * What the extractor finds in one document, before it is wrapped into a {@link TranscriptParsed} event.
 *
 * @param kind        {@code transcript} (speaker turns), {@code address} (one voice) or {@code readout} (a report
 *                    without direct speech: no statements)
 * @param publishedAt ISO-8601 date or date-time with offset where the page gives a time, or null
 * @param location    where it took place, or null
 * @param language    a language tag such as {@code en}
 * @param statements  the speaker turns in document order
 * @param remarks     standalone remarks outside statements, in document order
 * @param source      who published the text: "Kremlin", the site's own name, or the publisher named by a
 *                    "Transcript originally published by …" line; null when the document does not say
 * @param tags        the page's tags or categories, in page order (never null)
 * @param persons     the persons the page links to, deduplicated, in page order (never null)
 */
public record ExtractedTranscript(
        String kind,
        String title,
        String publishedAt,
        String location,
        String language,
        List<TranscriptParsed.Statement> statements,
        List<String> remarks,
        String source,
        List<String> tags,
        List<String> persons) {

    public ExtractedTranscript {
        statements = statements == null ? List.of() : List.copyOf(statements);
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }
}
