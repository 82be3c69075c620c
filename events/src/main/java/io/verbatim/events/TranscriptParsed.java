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
 *
 * <p>Build one with {@link #builder()}: every component is named where it is set, so a title cannot land in the
 * location. The canonical constructor is there for the JSON reader.
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

    /** The event id of a parse: the same document content through the same parser version yields the same id. */
    public static String eventIdFor(String documentId, String contentHash, String parserVersion) {
        return Sha256.ofParts(EventTypes.TRANSCRIPT_PARSED, documentId, contentHash, parserVersion);
    }

    /** A builder for a new event; {@code eventType} is {@code transcript.parsed} unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this event's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().eventId(eventId).eventType(eventType).documentId(documentId).sourceUrl(sourceUrl)
                .contentHash(contentHash).parserVersion(parserVersion).kind(kind).title(title)
                .publishedAt(publishedAt).location(location).language(language).statements(statements)
                .remarks(remarks).source(source).tags(tags).persons(persons).fetchedAt(fetchedAt);
    }

    /**
     * Sets each component by name. The event id, unless set, is {@link #eventIdFor} of the document id, content hash
     * and parser version when all three are set, else null.
     */
    public static final class Builder {
        private String eventId;
        private String eventType = EventTypes.TRANSCRIPT_PARSED;
        private String documentId;
        private String sourceUrl;
        private String contentHash;
        private String parserVersion;
        private String kind;
        private String title;
        private String publishedAt;
        private String location;
        private String language;
        private List<Statement> statements = List.of();
        private List<String> remarks = List.of();
        private String source;
        private List<String> tags = List.of();
        private List<String> persons = List.of();
        private java.time.Instant fetchedAt;

        private Builder() {
        }

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder documentId(String documentId) {
            this.documentId = documentId;
            return this;
        }

        public Builder sourceUrl(String sourceUrl) {
            this.sourceUrl = sourceUrl;
            return this;
        }

        public Builder contentHash(String contentHash) {
            this.contentHash = contentHash;
            return this;
        }

        public Builder parserVersion(String parserVersion) {
            this.parserVersion = parserVersion;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder publishedAt(String publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder statements(List<Statement> statements) {
            this.statements = statements;
            return this;
        }

        public Builder remarks(List<String> remarks) {
            this.remarks = remarks;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder persons(List<String> persons) {
            this.persons = persons;
            return this;
        }

        public Builder fetchedAt(java.time.Instant fetchedAt) {
            this.fetchedAt = fetchedAt;
            return this;
        }

        public TranscriptParsed build() {
            String id = eventId != null || documentId == null || contentHash == null || parserVersion == null
                    ? eventId : eventIdFor(documentId, contentHash, parserVersion);
            return new TranscriptParsed(id, eventType, documentId, sourceUrl, contentHash, parserVersion, kind, title,
                    publishedAt, location, language, statements, remarks, source, tags, persons, fetchedAt);
        }
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
     * @param name        the fullest form of the name the document gives
     * @param role        the role from that speaker's fullest label, or null
     * @param label       the label exactly as it appears in the document
     * @param externalIds the speaker's identifiers elsewhere that the page itself shows, by scheme, as in
     *                    {@code statement.new}: {@code kremlin} (the number of the en.kremlin.ru/catalog/persons page
     *                    the page links under the speaker's name); empty when the page shows none, and when read from
     *                    a record written before contract 1.5 (added in 1.5)
     */
    @JsonPropertyOrder({"name", "role", "label", "externalIds"})
    public record Speaker(String name, String role, String label, java.util.Map<String, String> externalIds) {

        /** The scheme of a Kremlin person id: the number in {@code kremlin.ru/catalog/persons/<id>}. */
        public static final String KREMLIN = "kremlin";

        public Speaker {
            externalIds = externalIds == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(externalIds));
        }

        /** A speaker without external ids (as before contract 1.5). */
        public Speaker(String name, String role, String label) {
            this(name, role, label, java.util.Map.of());
        }

        /** This speaker with one more external id. */
        public Speaker withExternalId(String scheme, String value) {
            java.util.Map<String, String> ids = new java.util.TreeMap<>(externalIds);
            ids.put(scheme, value);
            return new Speaker(name, role, label, ids);
        }
    }
}
