package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.SqlTimestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * For operators: the outbox rows the relay parked because they can never be published as they are (see
 * {@code OutboxRelay}), newest first, with the reason. The payload itself is not returned, only its size.
 */
@Path("/api/outbox/parked")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class OutboxResource {

    private final StoreConfig config;
    private final ReadQueries queries;

    public OutboxResource(StoreConfig config, ReadQueries queries) {
        this.config = config;
        this.queries = queries;
    }

    /** A parked outbox row; {@code id} is the row to replay (docs/store-service.md). */
    public record ParkedEvent(long id, String eventId, String eventType, String documentId, long payloadBytes,
            Instant createdAt, Instant parkedAt, String reason) {
    }

    @GET
    @Operation(summary = "Outbox rows parked instead of published (too large to announce), newest first")
    public Page<ParkedEvent> list(
            @Parameter(description = "documentId of one transcript") @QueryParam("document") String document,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        String documentId = QueryParams.documentId(document);
        String after = QueryParams.decodeCursor(cursor);

        Long afterId = after == null ? null : QueryParams.cursorId(after);
        List<Object[]> rows = queries.run(session -> session.createNativeQuery(
                        "select id, event_id, event_type, record_key, "
                        + "octet_length(payload), created_at, parked_at, park_reason from outbox_event "
                        + "where sent_at is null and parked_at is not null "
                        + "and (cast(:document as text) is null or record_key = cast(:document as text)) "
                        + "and (cast(:after as bigint) is null or id < cast(:after as bigint)) "
                        + "order by id desc limit :limit", Object[].class)
                .setParameter("document", documentId)
                .setParameter("after", afterId)
                .setParameter("limit", pageSize + 1)
                .getResultList());
        List<ParkedEvent> items = rows.stream().limit(pageSize).map(row -> new ParkedEvent(
                ((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), SqlTimestamps.toInstant(row[5]), SqlTimestamps.toInstant(row[6]),
                (String) row[7])).toList();
        String next = rows.size() > pageSize ? QueryParams.encodeCursor(String.valueOf(items.get(pageSize - 1).id()))
                : null;
        return new Page<>(items, next);
    }
}
