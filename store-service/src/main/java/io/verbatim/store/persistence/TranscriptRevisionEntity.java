package io.verbatim.store.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored revision of a transcript: what changed when a new content hash or parser version arrived. */
@Entity
@Table(name = "transcript_revision")
public class TranscriptRevisionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transcript_revision_seq")
    @SequenceGenerator(name = "transcript_revision_seq", sequenceName = "transcript_revision_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transcript_id")
    public TranscriptEntity transcript;

    @Column(nullable = false)
    public int revision;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "parser_version", nullable = false)
    public String parserVersion;

    @Column(name = "statements_total", nullable = false)
    public int statementsTotal;

    @Column(name = "statements_added", nullable = false)
    public int statementsAdded;

    @Column(name = "statements_removed", nullable = false)
    public int statementsRemoved;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
