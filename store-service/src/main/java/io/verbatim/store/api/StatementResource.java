package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.SqlTimestamps;
import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Stored statements: filtered by speaker, publication date and document, and searched by full text (PostgreSQL
 * {@code tsvector} with a GIN index, ranked, with a highlighted snippet). One SQL statement per page, keyset paging.
 * The SQL is assembled from fixed fragments only; every value the user gives is a bound parameter.
 */
@Path("/api/statements")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class StatementResource {

    private static final String HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10, "
            + "MaxFragments=2, FragmentDelimiter=\" … \"";

    private final StoreConfig config;
    private final ReadQueries queries;

    public StatementResource(StoreConfig config, ReadQueries queries) {
        this.config = config;
        this.queries = queries;
    }

    /** A statement in a list; {@code rank} and {@code snippet} are set for a text search. */
    public record StatementHit(String statementId, String documentId, int ordinal, StatementView.SpeakerView speaker,
            String label, String annotation, String text, List<String> paragraphs, List<String> remarks,
            Instant storedAt, String transcriptTitle, String publishedAt, Float rank, String snippet) {
    }

    @GET
    @Operation(summary = "Statements, newest first, or ranked by relevance when q is given")
    public Page<StatementHit> list(
            @Parameter(description = "speaker: id, name, alias, surname, Mr or office form, Wikidata QID (case and "
                    + "accents ignored); several matches answer 300 with the candidates, none 404 with suggestions")
            @QueryParam("speaker")
            String speaker,
            @Parameter(description = "transcript published on or after (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "transcript published on or before (YYYY-MM-DD)") @QueryParam("to") String to,
            @Parameter(description = "documentId of one transcript") @QueryParam("document") String document,
            @Parameter(description = "full-text query (web search syntax: words, \"phrases\", or, -not)")
            @QueryParam("q") String q,
            @Parameter(description = "kind of the transcript: transcript, address or readout") @QueryParam("kind")
            String kind,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        String speakerText = QueryParams.text(speaker, "speaker", 200);
        LocalDate fromDate = QueryParams.date(from, "from");
        LocalDate toDate = QueryParams.date(to, "to");
        String documentId = QueryParams.documentId(document);
        String query = QueryParams.text(q, "q", 500);
        String after = QueryParams.decodeCursor(cursor);
        String kindName = QueryParams.kind(kind);

        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        String select = "select s.statement_id, t.document_id, s.ordinal, sp.public_id, sp.name, "
                + "coalesce(s.speaker_role, sp.role), s.speaker_label, s.annotation, s.text, s.paragraphs::text, "
                + "s.remarks::text, s.stored_at, t.title, t.published_at, s.id";
        String from_ = " from statement s join speaker sp on sp.id = s.speaker_id "
                + "join transcript t on t.id = s.transcript_id";
        String order = " order by s.id desc";
        if (query != null) {
            from_ += ", websearch_to_tsquery('english', :q) query";
            select += ", ts_rank(s.search, query) as rank, ts_headline('english', s.text, query, :headline)";
            where.add("s.search @@ query");
            params.put("q", query);
            params.put("headline", HEADLINE_OPTIONS);
            order = " order by rank desc, s.id desc";
        }
        if (speakerText != null) {
            where.add("s.speaker_id = :speakerKey"); // bound below, once the name is looked up
        }
        if (fromDate != null) {
            where.add("t.published_on >= :fromDate");
            params.put("fromDate", fromDate);
        }
        if (toDate != null) {
            where.add("t.published_on <= :toDate");
            params.put("toDate", toDate);
        }
        if (kindName != null) {
            where.add("t.kind = :kind");
            params.put("kind", kindName);
        }
        if (documentId != null) {
            where.add("t.document_id = :documentId");
            params.put("documentId", documentId);
        }
        if (after != null) {
            if (query != null) {
                String[] parts = after.split(":", 2);
                try {
                    params.put("afterRank", Float.parseFloat(parts[0]));
                    params.put("afterId", Long.parseLong(parts[1]));
                } catch (RuntimeException e) {
                    throw Problem.exception(Response.Status.BAD_REQUEST, "cursor is not one this API gave out");
                }
                where.add("(ts_rank(s.search, query) < :afterRank or "
                        + "(ts_rank(s.search, query) = :afterRank and s.id < :afterId))");
            } else {
                where.add("s.id < :afterId");
                params.put("afterId", QueryParams.cursorId(after));
            }
        }
        String sql = select + from_ + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order
                + " limit :limit";
        List<Object[]> rows = queries.run(session -> {
            if (speakerText != null) {
                params.put("speakerKey", SpeakerParam.require(session, speakerText).key());
            }
            if (query != null) {
                refuseNegationOnly(session, query);
            }
            Query statement = session.createNativeQuery(sql, Object[].class);
            params.forEach(statement::setParameter);
            statement.setParameter("limit", pageSize + 1);
            @SuppressWarnings("unchecked")
            List<Object[]> result = statement.getResultList();
            return result;
        });

        List<StatementHit> hits = rows.stream().limit(pageSize).map(row -> hit(row, query != null)).toList();
        String next = null;
        if (rows.size() > pageSize) {
            Object[] last = rows.get(pageSize - 1);
            next = QueryParams.encodeCursor(query != null ? last[15] + ":" + last[14] : String.valueOf(last[14]));
        }
        return new Page<>(hits, next);
    }

    /**
     * A search whose words are all negated ({@code -zzzz}, {@code -a -b}, {@code a or -b}) matches nearly every
     * statement and would rank them all: PostgreSQL's {@code querytree} has no indexable part for it ({@code T}).
     * Refused with 400; a query of stop words only matches nothing and is answered as usual.
     */
    private static void refuseNegationOnly(org.hibernate.Session session, String query) {
        Object tree = session.createNativeQuery(
                        "select cast(querytree(websearch_to_tsquery('english', :q)) as text)", Object.class)
                .setParameter("q", query).getSingleResult();
        if ("T".equals(tree)) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "q needs at least one word that is not excluded: "
                    + "a search that only excludes words (-word) would match nearly every statement");
        }
    }

    private static StatementHit hit(Object[] row, boolean ranked) {
        return new StatementHit((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                new StatementView.SpeakerView((String) row[3], (String) row[4], (String) row[5]),
                (String) row[6], (String) row[7], (String) row[8], StoredStatements.strings(row[9]),
                StoredStatements.strings(row[10]),
                SqlTimestamps.toInstant(row[11]), (String) row[12], (String) row[13],
                ranked ? ((Number) row[15]).floatValue() : null, ranked ? (String) row[16] : null);
    }
}
