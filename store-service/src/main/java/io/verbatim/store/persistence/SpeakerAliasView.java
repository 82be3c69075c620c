package io.verbatim.store.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A name a speaker has been seen under; written by {@code SpeakerDirectory}, read by queries. */
@Entity
@Table(name = "speaker_alias")
@IdClass(SpeakerAliasView.Key.class)
public class SpeakerAliasView {

    @Id
    @Column(name = "alias_key")
    public String aliasKey;

    @Id
    @Column(name = "speaker_id")
    public Long speakerId;

    public String alias;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    /** The composite key. */
    public static class Key implements Serializable {

        public String aliasKey;
        public Long speakerId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(aliasKey, key.aliasKey)
                    && java.util.Objects.equals(speakerId, key.speakerId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(aliasKey, speakerId);
        }
    }
}
