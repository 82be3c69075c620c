package io.verbatim.store.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A public id that was merged into another speaker: it keeps finding that speaker. */
@Entity
@Table(name = "speaker_redirect")
public class SpeakerRedirect {

    @Id
    @Column(name = "public_id")
    public String publicId;

    @Column(name = "speaker_id", nullable = false)
    public Long speakerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
