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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored statement; {@code statementId} is deterministic and unique, which makes storage idempotent. */
@Entity
@Table(name = "statement")
public class StatementEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "statement_seq")
    @SequenceGenerator(name = "statement_seq", sequenceName = "statement_seq", allocationSize = 50)
    public Long id;

    @Column(name = "statement_id", nullable = false, unique = true)
    public String statementId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transcript_id")
    public TranscriptEntity transcript;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "speaker_id")
    public SpeakerEntity speaker;

    @Column(nullable = false)
    public int ordinal;

    @Column(name = "speaker_label")
    public String speakerLabel;

    @Column(name = "speaker_role")
    public String speakerRole;

    public String annotation;

    @Column(nullable = false)
    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> paragraphs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> remarks;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
