package io.verbatim.store.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored transcript: the latest revision of one document. */
@Entity
@Table(name = "transcript")
public class TranscriptEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transcript_seq")
    @SequenceGenerator(name = "transcript_seq", sequenceName = "transcript_seq", allocationSize = 50)
    public Long id;

    @Column(name = "document_id", nullable = false, unique = true)
    public String documentId;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "parser_version", nullable = false)
    public String parserVersion;

    @Column(nullable = false)
    public String kind;

    public String title;

    @Column(name = "published_at")
    public String publishedAt;

    public String location;

    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> remarks;

    /** Who published it, as the page attributes it. */
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> tags = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> persons = List.of();

    /** When the raw document was fetched or received (from the event; null for events before contract 1.2). */
    @Column(name = "fetched_at")
    public Instant fetchedAt;

    /** The date part of {@code publishedAt}, for range queries. */
    @Column(name = "published_on")
    public java.time.LocalDate publishedOn;

    @Column(nullable = false)
    public int revision;

    @Column(name = "first_stored_at", nullable = false)
    public Instant firstStoredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<TranscriptEntity> findByDocumentId(String documentId) {
        return find("documentId", documentId).firstResultOptional();
    }
}
