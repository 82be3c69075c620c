package io.verbatim.store.speaker;

import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.SpeakersChanged;
import io.verbatim.events.Topics;
import io.verbatim.events.http.Problem;
import io.verbatim.store.persistence.OutboxEvent;
import io.verbatim.store.persistence.SpeakerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An operator's corrections of speakers: merge records that are one person, split a record that mixes two. Each
 * correction is one database transaction that changes the speakers and statements and writes one
 * {@code speakers.changed} row to the transactional outbox; the {@code OutboxRelay} publishes it after the commit.
 * So a correction that rolls back announces nothing, and one that commits is announced (at least once, with one
 * {@code eventId}) even if the service stops right after the commit. Statement ids do not change.
 */
@ApplicationScoped
public class SpeakerCorrections {

    private static final Logger LOG = Logger.getLogger(SpeakerCorrections.class);

    /** Fired after a correction commits, so the relay publishes its announcement at once. */
    public record Corrected(String eventId) {
    }

    private final EntityManager entityManager;
    private final SpeakerDirectory directory;
    private final Event<Corrected> corrected;

    public SpeakerCorrections(EntityManager entityManager, SpeakerDirectory directory, Event<Corrected> corrected) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.corrected = corrected;
    }

    /**
     * Merges the speakers {@code mergedIds} into {@code keptId}: their statements, aliases, roles and external ids
     * become the kept speaker's, their ids (and the ids merged into them before) redirect to it, their records go.
     */
    @Transactional
    public SpeakersChanged merge(String keptId, List<String> mergedIds, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SpeakerEntity kept = current(keptId);
        Set<String> distinct = new LinkedHashSet<>(mergedIds == null ? List.of() : mergedIds);
        if (distinct.isEmpty()) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "merge names no speaker to merge (merge: [ids])");
        }
        List<SpeakerEntity> merged = new ArrayList<>();
        for (String id : distinct) {
            SpeakerEntity speaker = SpeakerEntity.findByPublicId(id).orElseThrow(() -> notCurrent(id));
            if (speaker.id.equals(kept.id)) {
                throw Problem.exception(Response.Status.CONFLICT, "cannot merge speaker " + id + " into itself");
            }
            if (SpeakerEntity.VOICE.equals(speaker.kind) || SpeakerEntity.VOICE.equals(kept.kind)) {
                throw Problem.exception(Response.Status.CONFLICT,
                        "unnamed voices (" + id + ", " + kept.publicId + ") are not persons and are never merged");
            }
            merged.add(speaker);
        }
        List<String> statementIds = new ArrayList<>();
        for (SpeakerEntity speaker : merged) {
            statementIds.addAll(statementIdsOf("s.speaker_id = :speaker", speaker.id, null));
            long from = speaker.id;
            update("update statement set speaker_id = ?1 where speaker_id = ?2", kept.id, from);
            update("insert into speaker_alias (speaker_id, alias_key, alias, first_seen_at) select ?1, alias_key, "
                    + "alias, first_seen_at from speaker_alias where speaker_id = ?2 on conflict do nothing", kept.id, from);
            update("insert into speaker_role (speaker_id, role, first_seen_at, last_seen_at, first_seen_on, "
                    + "last_seen_on) select ?1, role, first_seen_at, last_seen_at, first_seen_on, last_seen_on "
                    + "from speaker_role where speaker_id = ?2 on conflict (speaker_id, role) do update set "
                    + "first_seen_at = least(speaker_role.first_seen_at, excluded.first_seen_at), "
                    + "last_seen_at = greatest(speaker_role.last_seen_at, excluded.last_seen_at), "
                    + "first_seen_on = least(speaker_role.first_seen_on, excluded.first_seen_on), "
                    + "last_seen_on = greatest(speaker_role.last_seen_on, excluded.last_seen_on)", kept.id, from);
            update("update speaker_external_id set speaker_id = ?1 where speaker_id = ?2", kept.id, from);
            update("update speaker_redirect set speaker_id = ?1 where speaker_id = ?2", kept.id, from);
            entityManager.createNativeQuery("insert into speaker_redirect (public_id, speaker_id, created_at) "
                            + "values (?1, ?2, ?3)")
                    .setParameter(1, speaker.publicId).setParameter(2, kept.id).setParameter(3, now).executeUpdate();
            entityManager.createNativeQuery("delete from speaker where id = ?1").setParameter(1, from).executeUpdate();
        }
        if (SpeakerEntity.OFFICE.equals(kept.kind) && merged.stream().anyMatch(s -> SpeakerEntity.PERSON.equals(s.kind))) {
            kept.kind = SpeakerEntity.PERSON; // an office label found to be one person keeps the person's kind
        }
        SpeakersChanged event = new SpeakersChanged(UUID.randomUUID().toString(), EventTypes.SPEAKERS_CHANGED,
                SpeakersChanged.MERGE, kept.publicId, kept.name, merged.stream().map(s -> s.publicId).toList(), null,
                statementIds, reason, now);
        announce(event, now);
        LOG.infof("speakers %s merged into %s: %d statements moved", event.formerIds(), kept.publicId,
                statementIds.size());
        return event;
    }

    /**
     * Moves statements of {@code fromId} to a new person named {@code name}: the statements {@code statementIds}, or
     * those labelled {@code label} (in the document {@code documentId} when given). Each of {@code aliases} (and the
     * new name) becomes the new speaker's alias, so later documents that use it resolve to the new speaker.
     */
    @Transactional
    public SpeakersChanged split(String fromId, String name, List<String> statementIds, String label,
            String documentId, List<String> aliases, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SpeakerEntity from = current(fromId);
        if (name == null || name.isBlank()) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "split needs the name of the new speaker (name)");
        }
        boolean byIds = statementIds != null && !statementIds.isEmpty();
        if (byIds == (label != null && !label.isBlank())) {
            throw Problem.exception(Response.Status.BAD_REQUEST,
                    "split names the statements to move either by statementIds or by label (and documentId), not both");
        }
        List<String> moving;
        if (byIds) {
            Set<String> wanted = new LinkedHashSet<>(statementIds);
            moving = statementIdsOf("s.speaker_id = :speaker and s.statement_id in (:ids)", from.id,
                    List.copyOf(wanted));
            if (moving.size() != wanted.size()) {
                List<String> missing = new ArrayList<>(wanted);
                missing.removeAll(moving);
                throw Problem.exception(Response.Status.CONFLICT,
                        "statements " + missing + " are not statements of speaker " + from.publicId);
            }
        } else {
            moving = entityManager.createNativeQuery("select s.statement_id from statement s join transcript t "
                            + "on t.id = s.transcript_id where s.speaker_id = ?1 and s.speaker_label = ?2 "
                            + "and (cast(?3 as text) is null or t.document_id = cast(?3 as text)) "
                            + "order by t.id, s.ordinal", String.class)
                    .setParameter(1, from.id).setParameter(2, label).setParameter(3, documentId).getResultList();
            if (moving.isEmpty()) {
                throw Problem.exception(Response.Status.CONFLICT, "speaker " + from.publicId
                        + " has no statement labelled \"" + label + "\""
                        + (documentId == null ? "" : " in document " + documentId));
            }
        }
        if (moving.size() == count(from.id)) {
            throw Problem.exception(Response.Status.CONFLICT, "the split would move every statement of "
                    + from.publicId + "; rename is not a split");
        }
        SpeakerEntity created = directory.createPerson(name.strip(), now);
        entityManager.createNativeQuery("update statement set speaker_id = :created where speaker_id = :from "
                        + "and statement_id in (:ids)")
                .setParameter("created", created.id).setParameter("from", from.id).setParameter("ids", moving)
                .executeUpdate();
        // the roles the moved statements were labelled with, dated by their documents
        entityManager.createNativeQuery("insert into speaker_role (speaker_id, role, first_seen_at, last_seen_at, "
                        + "first_seen_on, last_seen_on) select ?1, s.speaker_role, min(s.stored_at), max(s.stored_at), "
                        + "min(t.published_on), max(t.published_on) from statement s join transcript t on "
                        + "t.id = s.transcript_id where s.speaker_id = ?1 and s.speaker_role is not null "
                        + "group by s.speaker_role on conflict do nothing")
                .setParameter(1, created.id).executeUpdate();
        created.role = (String) entityManager.createNativeQuery("select s.speaker_role from statement s join transcript t on "
                        + "t.id = s.transcript_id where s.speaker_id = ?1 and s.speaker_role is not null "
                        + "order by t.published_on desc nulls last, s.id desc limit 1", String.class)
                .setParameter(1, created.id).getResultStream().findFirst().orElse(null);
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            SpeakerNames.ReadName read = SpeakerNames.read(alias);
            // the alias names the new speaker from now on, not the old one
            entityManager.createNativeQuery("delete from speaker_alias where speaker_id = ?1 and alias_key = ?2")
                    .setParameter(1, from.id).setParameter(2, read.fullKey()).executeUpdate();
            directory.addAlias(created, read, now);
        }
        SpeakersChanged event = new SpeakersChanged(UUID.randomUUID().toString(), EventTypes.SPEAKERS_CHANGED,
                SpeakersChanged.SPLIT, created.publicId, created.name, List.of(), from.publicId, moving, reason, now);
        announce(event, now);
        LOG.infof("speaker %s split: %d statements moved to the new speaker %s", from.publicId, moving.size(),
                created.publicId);
        return event;
    }

    private void announce(SpeakersChanged event, Instant now) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = Topics.SPEAKERS_CHANGED;
        row.recordKey = event.speakerId();
        row.eventType = EventTypes.SPEAKERS_CHANGED;
        row.speakerId = event.speakerId();
        row.payload = EventJson.write(event);
        row.createdAt = now;
        row.persist();
        entityManager.createNativeQuery("insert into speaker_correction (event_id, change, speaker_id, payload, "
                        + "created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, event.eventId()).setParameter(2, event.change()).setParameter(3, event.speakerId())
                .setParameter(4, row.payload).setParameter(5, now).executeUpdate();
        corrected.fire(new Corrected(event.eventId()));
    }

    /** The speaker an id names now: its own id, or a former id merged into it. */
    private SpeakerEntity current(String id) {
        if (id == null || id.isBlank()) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "a speaker id is missing");
        }
        return SpeakerEntity.findByPublicId(id).or(() -> entityManager.createQuery("select s from SpeakerEntity s "
                        + "where s.id in (select r.speakerId from SpeakerRedirect r where r.publicId = :id)",
                        SpeakerEntity.class).setParameter("id", id).getResultStream().findFirst())
                .orElseThrow(() -> Problem.exception(Response.Status.NOT_FOUND, "no speaker with id " + id));
    }

    private jakarta.ws.rs.WebApplicationException notCurrent(String id) {
        List<?> redirect = entityManager.createNativeQuery("select s.public_id from speaker_redirect r join speaker s "
                + "on s.id = r.speaker_id where r.public_id = ?1", String.class).setParameter(1, id).getResultList();
        return redirect.isEmpty() ? Problem.exception(Response.Status.NOT_FOUND, "no speaker with id " + id)
                : Problem.exception(Response.Status.CONFLICT, "speaker " + id + " was already merged into "
                        + redirect.get(0));
    }

    private List<String> statementIdsOf(String condition, long speakerKey, List<String> ids) {
        var query = entityManager.createNativeQuery("select s.statement_id from statement s join transcript t on "
                + "t.id = s.transcript_id where " + condition + " order by t.id, s.ordinal", String.class)
                .setParameter("speaker", speakerKey);
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        @SuppressWarnings("unchecked")
        List<String> found = query.getResultList();
        return found;
    }

    private long count(long speakerKey) {
        return ((Number) entityManager.createNativeQuery("select count(*) from statement where speaker_id = ?1")
                .setParameter(1, speakerKey).getSingleResult()).longValue();
    }

    private void update(String sql, long kept, long from) {
        entityManager.createNativeQuery(sql).setParameter(1, kept).setParameter(2, from).executeUpdate();
    }
}
