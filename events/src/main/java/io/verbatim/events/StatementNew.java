package io.verbatim.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * Topic {@code statements.new}, event {@code statement.new}: one newly stored statement.
 * The {@code eventId} equals the stable {@code statementId}; subscribers deduplicate on it.
 *
 * @param text     the paragraphs joined by a blank line
 * @param storedAt when store-service stored the statement
 */
@JsonPropertyOrder({"eventId", "eventType", "statementId", "documentId", "ordinal", "speaker", "annotation", "text",
        "paragraphs", "remarks", "transcript", "storedAt"})
public record StatementNew(
        String eventId,
        String eventType,
        String statementId,
        String documentId,
        int ordinal,
        Speaker speaker,
        String annotation,
        String text,
        List<String> paragraphs,
        List<String> remarks,
        Transcript transcript,
        Instant storedAt) {

    /** The record header naming the speaker's {@code id}, so a subscriber can filter without parsing the value. */
    public static final String SPEAKER_ID_HEADER = "verbatim-speaker-id";

    public StatementNew {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }

    /** Joins paragraphs the way {@code text} is defined: with a blank line between them. */
    public static String joinParagraphs(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /**
     * The speaker as store-service resolved them; {@code id} is stable across documents.
     *
     * @param externalIds the speaker's identifiers elsewhere by scheme: {@code wikidata} (a QID such as
     *                    {@code Q7747}), {@code kremlin} (the number of a kremlin.ru/catalog/persons page); empty when
     *                    none is known, and when read from a record written before contract 1.3
     */
    @JsonPropertyOrder({"id", "name", "role", "externalIds"})
    public record Speaker(String id, String name, String role, java.util.Map<String, String> externalIds) {

        public Speaker {
            externalIds = externalIds == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(externalIds));
        }

        /** A speaker without external ids (as before contract 1.3). */
        public Speaker(String id, String name, String role) {
            this(id, name, role, java.util.Map.of());
        }
    }

    /**
     * The transcript the statement belongs to.
     *
     * @param kind   {@code transcript} or {@code address}, as parse-service classified the document; null when read
     *               from a record written before contract 1.6
     * @param source who published it, as the page attributes it ("Kremlin"), or null; since contract 1.6
     */
    @JsonPropertyOrder({"title", "publishedAt", "location", "sourceUrl", "kind", "source"})
    public record Transcript(String title, String publishedAt, String location, String sourceUrl, String kind,
            String source) {

        /** A transcript without kind and source (as before contract 1.6). */
        public Transcript(String title, String publishedAt, String location, String sourceUrl) {
            this(title, publishedAt, location, sourceUrl, null, null);
        }
    }
}
