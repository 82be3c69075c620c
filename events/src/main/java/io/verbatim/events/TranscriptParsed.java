package io.verbatim.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Topic {@code transcripts.parsed}, event {@code transcript.parsed}: one document turned into ordered statements.
 *
 * @param kind        {@code transcript}, {@code address} or {@code readout}
 * @param publishedAt ISO-8601 date or date-time, or null
 * @param location    where it took place, or null
 * @param statements  the speaker turns in document order
 * @param remarks     standalone stage remarks outside any statement, in document order
 * @param source      who published it, as the page attributes it ("Kremlin", a site name), or null (added in 1.1)
 * @param tags        the page's tags or categories, in page order (added in 1.1)
 * @param persons     names of the persons the page links, in page order (added in 1.1)
 * @param fetchedAt   when the document was fetched or received, from its {@code transcript.fetched} (added in 1.2)
 */
@JsonPropertyOrder({"eventId", "eventType", "documentId", "sourceUrl", "contentHash", "parserVersion", "kind",
        "title", "publishedAt", "location", "language", "statements", "remarks", "source", "tags", "persons",
        "fetchedAt"})
public record TranscriptParsed(
        String eventId,
        String eventType,
        String documentId,
        String sourceUrl,
        String contentHash,
        String parserVersion,
        String kind,
        String title,
        String publishedAt,
        String location,
        String language,
        List<Statement> statements,
        List<String> remarks,
        String source,
        List<String> tags,
        List<String> persons,
        java.time.Instant fetchedAt) {

    public static final String KIND_TRANSCRIPT = "transcript";
    public static final String KIND_ADDRESS = "address";
    public static final String KIND_READOUT = "readout";

    public TranscriptParsed {
        statements = statements == null ? List.of() : List.copyOf(statements);
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /** An event without the optional metadata of contract 1.1 (source, tags, persons). */
    public TranscriptParsed(String eventId, String eventType, String documentId, String sourceUrl, String contentHash,
            String parserVersion, String kind, String title, String publishedAt, String location, String language,
            List<Statement> statements, List<String> remarks) {
        this(eventId, eventType, documentId, sourceUrl, contentHash, parserVersion, kind, title, publishedAt, location,
                language, statements, remarks, null, List.of(), List.of(), null);
    }

    /** The event id of a parse: the same document content through the same parser version yields the same id. */
    public static String eventIdFor(String documentId, String contentHash, String parserVersion) {
        return Sha256.ofParts(EventTypes.TRANSCRIPT_PARSED, documentId, contentHash, parserVersion);
    }

    /**
     * One speaker turn.
     *
     * @param ordinal    1-based position in the document
     * @param annotation a note on the label such as "retranslated", or null
     * @param paragraphs the speech, one string per paragraph, label removed
     * @param remarks    inline remarks that stay in the text, listed again here
     */
    @JsonPropertyOrder({"ordinal", "speaker", "annotation", "paragraphs", "remarks"})
    public record Statement(
            int ordinal,
            Speaker speaker,
            String annotation,
            List<String> paragraphs,
            List<String> remarks) {

        public Statement {
            paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
            remarks = remarks == null ? List.of() : List.copyOf(remarks);
        }
    }

    /**
     * Who spoke, as the document names them.
     *
     * @param name  the fullest form of the name the document gives
     * @param role  the role from that speaker's fullest label, or null
     * @param label the label exactly as it appears in the document
     */
    @JsonPropertyOrder({"name", "role", "label"})
    public record Speaker(String name, String role, String label) {
    }
}
