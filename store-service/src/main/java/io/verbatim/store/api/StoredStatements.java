package io.verbatim.store.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.verbatim.events.EventJson;
import io.verbatim.store.persistence.SqlTimestamps;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Statements with their speaker and transcript, newest first, for the permalink and the Atom feeds. */
final class StoredStatements {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private StoredStatements() {
    }

    record Row(String statementId, String documentId, int ordinal, StatementView.SpeakerView speaker, String label,
            String annotation, String text, List<String> paragraphs, List<String> remarks, Instant storedAt,
            String transcriptTitle, String publishedAt, String sourceUrl) {
    }

    /**
     * The newest {@code limit} statements that satisfy {@code where} (fixed SQL over the aliases {@code s},
     * {@code sp}, {@code t} and, when {@code q} is among the parameters, {@code query}); every value is bound.
     */
    static List<Row> select(Session session, String where, Map<String, Object> parameters, int limit) {
        String sql = "select s.statement_id, t.document_id, s.ordinal, sp.public_id, sp.name, "
                + "coalesce(s.speaker_role, sp.role), s.speaker_label, s.annotation, s.text, s.paragraphs::text, "
                + "s.remarks::text, s.stored_at, t.title, t.published_at, t.source_url "
                + "from statement s join speaker sp on sp.id = s.speaker_id join transcript t on t.id = s.transcript_id"
                + (parameters.containsKey("q") ? ", websearch_to_tsquery('english', :q) query" : "")
                + " where " + where + " order by s.id desc limit :limit";
        Query query = session.createNativeQuery(sql, Object[].class);
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(StoredStatements::row).toList();
    }

    private static Row row(Object[] r) {
        return new Row((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                new StatementView.SpeakerView((String) r[3], (String) r[4], (String) r[5]), (String) r[6],
                (String) r[7], (String) r[8], strings(r[9]), strings(r[10]), SqlTimestamps.toInstant(r[11]),
                (String) r[12], (String) r[13], (String) r[14]);
    }

    /** A JSON array of strings as stored (paragraphs, remarks). */
    static List<String> strings(Object json) {
        try {
            return EventJson.mapper().readValue(String.valueOf(json), STRINGS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored paragraphs are not a JSON array", e);
        }
    }
}
