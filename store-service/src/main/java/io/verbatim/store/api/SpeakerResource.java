package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.SqlTimestamps;
import io.verbatim.store.persistence.SpeakerEntity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Speakers known across documents, with the names and roles they have been seen under. */
@Path("/api/speakers")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SpeakerResource {

    private final StoreConfig config;
    private final ReadQueries queries;

    public SpeakerResource(StoreConfig config, ReadQueries queries) {
        this.config = config;
        this.queries = queries;
    }

    /** A speaker in a list. */
    public record SpeakerSummary(String id, String name, String kind, String role, long statements) {
    }

    /** A role and when it was first and last seen. */
    public record RoleSeen(String role, Instant firstSeenAt, Instant lastSeenAt) {
    }

    /** A speaker with all names and roles. */
    public record SpeakerDetail(String id, String name, String kind, String role, long statements,
            List<String> aliases, List<RoleSeen> roles) {
    }

    @GET
    @Operation(summary = "Speakers in the order they were first seen, optionally those whose name contains q")
    public Page<SpeakerSummary> list(@Parameter(description = "part of the name") @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        String name = QueryParams.text(q, "q", 200);
        String after = QueryParams.decodeCursor(cursor);
        String jpql = "select s, (select count(st) from StatementEntity st where st.speaker = s) from SpeakerEntity s"
                + " where (:after is null or s.id > :after)"
                + (name == null ? "" : " and lower(s.name) like :pattern escape '!'")
                + " order by s.id";
        Long afterId = after == null ? null : QueryParams.cursorId(after);
        List<Object[]> rows = queries.run(session -> {
            var query = session.createQuery(jpql, Object[].class)
                    .setParameter("after", afterId)
                    .setMaxResults(pageSize + 1);
            if (name != null) {
                query.setParameter("pattern", "%" + name.toLowerCase(java.util.Locale.ROOT)
                        .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            return query.getResultList();
        });
        List<SpeakerSummary> items = rows.stream().limit(pageSize).map(row -> {
            SpeakerEntity s = (SpeakerEntity) row[0];
            return new SpeakerSummary(s.publicId, s.name, s.kind, s.role, ((Number) row[1]).longValue());
        }).toList();
        String next = rows.size() > pageSize
                ? QueryParams.encodeCursor(((SpeakerEntity) rows.get(pageSize - 1)[0]).id.toString()) : null;
        return new Page<>(items, next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One speaker with aliases, roles over time and statement count")
    public SpeakerDetail get(@PathParam("id") String id) {
        if (id.length() > 120) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "id is longer than 120 characters");
        }
        QueryParams.requirePrintable(id, "id");
        return queries.run(session -> {
            SpeakerEntity speaker = session.createQuery("from SpeakerEntity where publicId = :id", SpeakerEntity.class)
                    .setParameter("id", id).uniqueResultOptional()
                    .orElseThrow(() -> Problem.exception(Response.Status.NOT_FOUND, "no speaker with id " + id));
            long statements = session.createQuery(
                            "select count(st) from StatementEntity st where st.speaker = :speaker", Long.class)
                    .setParameter("speaker", speaker).getSingleResult();
            List<String> aliases = session.createNativeQuery(
                            "select alias from speaker_alias where speaker_id = ?1 order by first_seen_at, alias",
                            String.class)
                    .setParameter(1, speaker.id).getResultList();
            List<Object[]> roles = session.createNativeQuery("select role, first_seen_at, last_seen_at "
                            + "from speaker_role where speaker_id = ?1 order by first_seen_at, role", Object[].class)
                    .setParameter(1, speaker.id).getResultList();
            return new SpeakerDetail(speaker.publicId, speaker.name, speaker.kind, speaker.role, statements,
                    aliases.stream().distinct().toList(),
                    roles.stream().map(r -> new RoleSeen((String) r[0], SqlTimestamps.toInstant(r[1]),
                            SqlTimestamps.toInstant(r[2]))).toList());
        });
    }
}
