package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.store.persistence.TranscriptEntity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Stored transcripts. */
@Path("/api/transcripts")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TranscriptResource {

    private final StoreConfig config;
    private final ReadQueries queries;

    public TranscriptResource(StoreConfig config, ReadQueries queries) {
        this.config = config;
        this.queries = queries;
    }

    /** A transcript in a list, without its statements. */
    public record TranscriptSummary(String documentId, String title, String kind, String publishedAt, String location,
            String source, String sourceUrl, int revision, java.time.Instant updatedAt) {

        static TranscriptSummary of(TranscriptEntity t) {
            return new TranscriptSummary(t.documentId, t.title, t.kind, t.publishedAt, t.location, t.source,
                    t.sourceUrl, t.revision, t.updatedAt);
        }
    }

    @GET
    @Operation(summary = "Transcripts, newest stored first, filtered by publication date, source and kind")
    public Page<TranscriptSummary> list(
            @Parameter(description = "published on or after (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "published on or before (YYYY-MM-DD)") @QueryParam("to") String to,
            @Parameter(description = "source attribution, e.g. Kremlin") @QueryParam("source") String source,
            @Parameter(description = "transcript, address or readout") @QueryParam("kind") String kind,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        LocalDate fromDate = QueryParams.date(from, "from");
        LocalDate toDate = QueryParams.date(to, "to");
        String sourceName = QueryParams.text(source, "source", 200);
        String kindName = QueryParams.kind(kind);
        String after = QueryParams.decodeCursor(cursor);

        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (fromDate != null) {
            where.add("publishedOn >= :from");
            params.put("from", fromDate);
        }
        if (toDate != null) {
            where.add("publishedOn <= :to");
            params.put("to", toDate);
        }
        if (sourceName != null) {
            where.add("lower(source) = lower(:source)");
            params.put("source", sourceName);
        }
        if (kindName != null) {
            where.add("kind = :kind");
            params.put("kind", kindName);
        }
        if (after != null) {
            where.add("id < :after");
            params.put("after", QueryParams.cursorId(after));
        }
        String query = "from TranscriptEntity" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by id desc";
        List<TranscriptEntity> rows = queries.run(session -> {
            var select = session.createQuery(query, TranscriptEntity.class).setMaxResults(pageSize + 1);
            params.forEach(select::setParameter);
            return select.getResultList();
        });
        String next = rows.size() > pageSize ? QueryParams.encodeCursor(rows.get(pageSize - 1).id.toString()) : null;
        return new Page<>(rows.stream().limit(pageSize).map(TranscriptSummary::of).toList(), next);
    }

    @GET
    @Path("/{documentId}")
    @Operation(summary = "One transcript with its statements in document order")
    public TranscriptView get(@PathParam("documentId") String documentId) {
        if (!documentId.matches("[0-9a-f]{64}")) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "documentId is 64 lower-case hex characters");
        }
        return queries.run(session -> {
            TranscriptEntity transcript = session.createQuery("from TranscriptEntity where documentId = :id",
                            TranscriptEntity.class).setParameter("id", documentId).uniqueResultOptional()
                    .orElseThrow(() -> Problem.exception(Response.Status.NOT_FOUND, "no transcript with id " + documentId));
            List<StatementView> statements = session.createQuery(
                            "from StatementEntity s join fetch s.speaker join fetch s.transcript "
                                    + "where s.transcript = :transcript order by s.ordinal", StatementEntity.class)
                    .setParameter("transcript", transcript).getResultList().stream().map(StatementView::of).toList();
            return TranscriptView.of(transcript, statements);
        });
    }
}
