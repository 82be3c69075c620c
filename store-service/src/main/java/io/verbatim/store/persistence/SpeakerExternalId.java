package io.verbatim.store.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An identifier of a speaker elsewhere: {@code wikidata} (a QID) or {@code kremlin} (the number of a
 * kremlin.ru/catalog/persons page). One id names one speaker. Written by {@code SpeakerDirectory}.
 */
@Entity
@Table(name = "speaker_external_id")
@IdClass(SpeakerExternalId.Key.class)
public class SpeakerExternalId {

    public static final String WIKIDATA = "wikidata";
    public static final String KREMLIN = "kremlin";

    @Id
    public String scheme;

    @Id
    public String value;

    @Column(name = "speaker_id")
    public Long speakerId;

    /** Where the id came from: {@code office-holders} (the shipped table), {@code page} (a link on a page). */
    public String source;

    /** The composite key. */
    public static class Key implements Serializable {

        public String scheme;
        public String value;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(scheme, key.scheme) && Objects.equals(value, key.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scheme, value);
        }
    }
}
