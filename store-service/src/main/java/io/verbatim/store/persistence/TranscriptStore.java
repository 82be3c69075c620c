package io.verbatim.store.persistence;

import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.health.StoreMetrics;
import io.verbatim.store.speaker.OfficeHolders;
import io.verbatim.store.speaker.SpeakerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Stores a parsed transcript exactly once. In one transaction it writes the transcript, its speakers and statements,
 * and one outbox row per statement that did not exist before. A repeated delivery of the same revision changes
 * nothing; a new revision replaces the statements, keeping the ids (and the rows) of those whose text is unchanged.
 * A revision fetched before the stored one ({@code fetchedAt}) is ignored: an older copy never replaces a newer one.
 */
@ApplicationScoped
public class TranscriptStore {

    private static final Logger LOG = Logger.getLogger(TranscriptStore.class);

    private final Event<OutboxWritten> outboxWritten;
    private final SpeakerDirectory speakers;
    private final StoreMetrics metrics;

    public TranscriptStore(Event<OutboxWritten> outboxWritten, SpeakerDirectory speakers, StoreMetrics metrics) {
        this.outboxWritten = outboxWritten;
        this.speakers = speakers;
        this.metrics = metrics;
    }

    /** What one call changed. */
    public record Outcome(String documentId, boolean unchanged, int revision, int statementsAdded,
            int statementsRemoved) {
    }

    /** Fired after a transaction that wrote outbox rows commits, so the relay can publish at once. */
    public record OutboxWritten(int rows) {
    }

    @Transactional
    public Outcome store(TranscriptParsed parsed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TranscriptEntity transcript = TranscriptEntity.findByDocumentId(parsed.documentId()).orElse(null);
        if (transcript != null && Objects.equals(transcript.contentHash, parsed.contentHash())
                && Objects.equals(transcript.parserVersion, parsed.parserVersion())) {
            LOG.debugf("document %s revision %d already stored", parsed.documentId(), transcript.revision);
            return new Outcome(parsed.documentId(), true, transcript.revision, 0, 0);
        }
        if (transcript != null && isOlderFetch(parsed.fetchedAt(), transcript.fetchedAt)) {
            LOG.infof("document %s: revision fetched at %s ignored, revision %d fetched at %s is newer",
                    parsed.documentId(), parsed.fetchedAt(), transcript.revision, transcript.fetchedAt);
            metrics.staleRevisionIgnored();
            return new Outcome(parsed.documentId(), true, transcript.revision, 0, 0);
        }
        if (transcript == null) {
            transcript = new TranscriptEntity();
            transcript.documentId = parsed.documentId();
            transcript.firstStoredAt = now;
            transcript.revision = 1;
        } else {
            transcript.revision++;
        }
        transcript.sourceUrl = parsed.sourceUrl();
        transcript.contentHash = parsed.contentHash();
        transcript.parserVersion = parsed.parserVersion();
        transcript.kind = parsed.kind();
        transcript.title = parsed.title();
        transcript.publishedAt = parsed.publishedAt();
        transcript.location = parsed.location();
        transcript.language = parsed.language();
        transcript.remarks = parsed.remarks();
        transcript.source = parsed.source();
        transcript.tags = parsed.tags();
        transcript.persons = parsed.persons();
        transcript.publishedOn = dateOf(parsed.publishedAt());
        transcript.fetchedAt = parsed.fetchedAt();
        transcript.updatedAt = now;
        transcript.persist();

        Map<String, StatementEntity> existing = new HashMap<>();
        if (transcript.revision > 1) {
            StatementEntity.<StatementEntity>list("transcript", transcript)
                    .forEach(statement -> existing.put(statement.statementId, statement));
        }

        SpeakerDirectory.DocumentContext context = new SpeakerDirectory.DocumentContext(transcript.publishedOn,
                OfficeHolders.jurisdictionOf(parsed.sourceUrl(), parsed.source()));
        Map<String, SpeakerDirectory.Resolved> speakerOf = resolveSpeakers(parsed.statements(), now, context);
        StatementIds ids = new StatementIds(parsed.documentId());
        List<StatementEntity> added = new ArrayList<>();
        List<String> keptIds = new ArrayList<>();
        for (TranscriptParsed.Statement incoming : parsed.statements()) {
            SpeakerDirectory.Resolved resolved = speakerOf.get(incoming.speaker().name());
            SpeakerEntity speaker = resolved.speaker();
            String text = StatementNew.joinParagraphs(incoming.paragraphs());
            String statementId = ids.next(speaker.publicId, text);
            StatementEntity statement = existing.remove(statementId);
            if (statement != null) {
                statement.ordinal = incoming.ordinal();
                keptIds.add(statementId);
                continue;
            }
            statement = new StatementEntity();
            statement.statementId = statementId;
            statement.transcript = transcript;
            statement.speaker = speaker;
            statement.ordinal = incoming.ordinal();
            statement.speakerLabel = incoming.speaker().label();
            // the role as labelled; an office label resolved to its holder ("THE PRESIDENT") has its office as role
            statement.speakerRole = incoming.speaker().role() != null ? incoming.speaker().role()
                    : resolved.officeRole();
            statement.annotation = incoming.annotation();
            statement.text = text;
            statement.paragraphs = incoming.paragraphs();
            statement.remarks = incoming.remarks();
            statement.storedAt = now;
            added.add(statement);
        }
        // statements of the previous revision that are gone
        int removed = existing.size();
        existing.values().forEach(StatementEntity::delete);
        if (removed > 0) {
            StatementEntity.getEntityManager().flush();
        }
        // all statements, then all outbox rows: the flush then sends each table's rows as one JDBC batch, where
        // alternating the two tables ended every batch after one row (a round trip to PostgreSQL per row)
        for (StatementEntity statement : added) {
            statement.persist();
        }
        Map<Long, Map<String, String>> externalIds = new HashMap<>();
        for (StatementEntity statement : added) {
            writeOutbox(statement, transcript, now, externalIds.computeIfAbsent(statement.speaker.id,
                    id -> speakers.externalIds(statement.speaker)));
        }
        TranscriptRevisionEntity revision = new TranscriptRevisionEntity();
        revision.transcript = transcript;
        revision.revision = transcript.revision;
        revision.contentHash = transcript.contentHash;
        revision.parserVersion = transcript.parserVersion;
        revision.statementsTotal = parsed.statements().size();
        revision.statementsAdded = added.size();
        revision.statementsRemoved = removed;
        revision.storedAt = now;
        revision.persist();
        if (!added.isEmpty()) {
            outboxWritten.fire(new OutboxWritten(added.size()));
        }
        metrics.statementsStored(added.size());
        LOG.infof("document %s revision %d stored: %d new statements, %d kept, %d removed", parsed.documentId(),
                transcript.revision, added.size(), keptIds.size(), removed);
        return new Outcome(parsed.documentId(), false, transcript.revision, added.size(), removed);
    }

    /**
     * The speaker record of every name in the transcript, each name resolved once with its fullest role and the
     * Kremlin person id the page gives it (contract 1.5), if any.
     */
    private Map<String, SpeakerDirectory.Resolved> resolveSpeakers(List<TranscriptParsed.Statement> statements,
            Instant now, SpeakerDirectory.DocumentContext context) {
        Map<String, TranscriptParsed.Speaker> byName = new java.util.LinkedHashMap<>();
        Map<String, String> kremlinIdOf = new HashMap<>();
        for (TranscriptParsed.Statement statement : statements) {
            byName.merge(statement.speaker().name(), statement.speaker(),
                    (first, later) -> first.role() == null ? later : first);
            String kremlinId = statement.speaker().externalIds().get(TranscriptParsed.Speaker.KREMLIN);
            if (kremlinId != null) {
                kremlinIdOf.putIfAbsent(statement.speaker().name(), kremlinId);
            }
        }
        Map<String, SpeakerDirectory.Resolved> resolved = new HashMap<>();
        byName.forEach((name, speaker) -> resolved.put(name,
                speakers.resolve(name, speaker.role(), now, context, kremlinIdOf.get(name))));
        return resolved;
    }

    /**
     * Whether an incoming revision was fetched before the stored one: a replayed dead letter or a resubmission of an
     * older copy must never replace a newer one. Without both times (events before contract 1.2) it cannot tell and
     * the incoming revision is applied as before; the same fetch parsed again (a new parser version) is applied.
     */
    static boolean isOlderFetch(Instant incoming, Instant stored) {
        return incoming != null && stored != null && incoming.isBefore(stored);
    }

    static java.time.LocalDate dateOf(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(publishedAt.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void writeOutbox(StatementEntity statement, TranscriptEntity transcript, Instant now,
            Map<String, String> externalIds) {
        StatementNew event = new StatementNew(statement.statementId, EventTypes.STATEMENT_NEW, statement.statementId,
                transcript.documentId, statement.ordinal,
                new StatementNew.Speaker(statement.speaker.publicId, statement.speaker.name,
                        statement.speakerRole != null ? statement.speakerRole : statement.speaker.role,
                        externalIds),
                statement.annotation, statement.text, statement.paragraphs, statement.remarks,
                new StatementNew.Transcript(transcript.title, transcript.publishedAt, transcript.location,
                        transcript.sourceUrl, transcript.kind, transcript.source),
                now);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = Topics.STATEMENTS_NEW;
        row.recordKey = transcript.documentId;
        row.eventType = EventTypes.STATEMENT_NEW;
        row.speakerId = statement.speaker.publicId;
        row.payload = EventJson.write(event);
        row.createdAt = now;
        row.fetchedAt = transcript.fetchedAt;
        row.persist();
    }
}
