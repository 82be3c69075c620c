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
import java.util.Optional;

/** A speaker known across documents; {@code publicId} is the stable id subscribers see. */
@Entity
@Table(name = "speaker")
public class SpeakerEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "speaker_seq")
    @SequenceGenerator(name = "speaker_seq", sequenceName = "speaker_seq", allocationSize = 50)
    public Long id;

    @Column(name = "public_id", nullable = false, unique = true)
    public String publicId;

    @Column(nullable = false)
    public String name;

    /** The most recent non-null role seen for this speaker. */
    public String role;

    /** {@code person}, {@code voice} for an unnamed voice such as "Question", or {@code office}. */
    @Column(nullable = false)
    public String kind = PERSON;

    @Column(name = "surname_key")
    public String surnameKey;

    @Column(name = "given_initial")
    public String givenInitial;

    public static final String PERSON = "person";
    public static final String VOICE = "voice";
    /** A label that names only an office ("The President") whose holder could not be told (no date, no country). */
    public static final String OFFICE = "office";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<SpeakerEntity> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }
}
