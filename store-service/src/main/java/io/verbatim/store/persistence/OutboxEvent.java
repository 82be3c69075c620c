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

/**
 * An event in the transactional outbox: pending until the broker acknowledged it ({@code sentAt} set), or parked
 * ({@code parkedAt} and {@code parkReason} set) when it can never be published as it is.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "speaker_id")
    public String speakerId;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** When the relay gave up on this row because it can never be published as it is; null unless parked. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /** Why the row was parked, e.g. its record size against the producer's {@code max.request.size}. */
    @Column(name = "park_reason")
    public String parkReason;

    /** When the document behind this event was fetched, for the end-to-end latency metric; may be null. */
    @Column(name = "fetched_at")
    public Instant fetchedAt;
}
