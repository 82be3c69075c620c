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
import io.verbatim.store.speaker.SpeakerLookup;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * A role, when it was first and last stored ({@code firstSeenAt}, {@code lastSeenAt}) and the publication dates
     * of the first and last documents that gave it ({@code firstSeenOn}, {@code lastSeenOn}; null without a date).
     */
    public record RoleSeen(String role, Instant firstSeenAt, Instant lastSeenAt, LocalDate firstSeenOn,
            LocalDate lastSeenOn) {
    }

    /** An identifier of the speaker elsewhere: {@code wikidata} (QID) or {@code kremlin}, with its URL. */
    public record ExternalId(String scheme, String value, String url, String source) {
    }

    /** A speaker with all names, roles over time and identifiers elsewhere. */
    public record SpeakerDetail(String id, String name, String kind, String role, long statements,
            List<String> aliases, List<RoleSeen> roles, List<ExternalId> externalIds, List<String> formerIds) {
    }

    @GET
    @Operation(summary = "Speakers in the order they were first seen, optionally those whose name contains q")
    public Page<SpeakerSummary> list(@Parameter(description = "a name by the rules of speaker= (id, name, alias, surname, Mr or office form, "
            + "QID), else part of the name") @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        String name = QueryParams.text(q, "q", 200);
        String after = QueryParams.decodeCursor(cursor);
        if (name != null && after == null) {
            // the same rules as speaker=: the speaker or the candidates a name means, then (below) names that contain it
            SpeakerLookup.Match match = queries.run(session -> SpeakerLookup.find(session, name));
            if (match.outcome() != SpeakerLookup.Outcome.UNKNOWN) {
                List<SpeakerSummary> found = queries.run(session -> match.candidates().stream()
                        .map(c -> new SpeakerSummary(c.id(), c.name(), c.kind(), c.role(), statementsOf(session,
                                c.key())))
                        .toList());
                return new Page<>(found, null);
            }
        }
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
        if (name != null && after == null && items.isEmpty()) {
            throw queries.run(session -> SpeakerParam.unknown(name, SpeakerLookup.suggestions(session, name)));
        }
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
            SpeakerEntity speaker = session.createQuery("from SpeakerEntity where publicId = :id or id in "
                            + "(select r.speakerId from SpeakerRedirect r where r.publicId = :id)", SpeakerEntity.class)
                    .setParameter("id", id).setMaxResults(1).uniqueResultOptional()
                    .orElseThrow(() -> Problem.exception(Response.Status.NOT_FOUND, "no speaker with id " + id));
            long statements = session.createQuery(
                            "select count(st) from StatementEntity st where st.speaker = :speaker", Long.class)
                    .setParameter("speaker", speaker).getSingleResult();
            List<String> aliases = session.createNativeQuery(
                            "select alias from speaker_alias where speaker_id = ?1 order by first_seen_at, alias",
                            String.class)
                    .setParameter(1, speaker.id).getResultList();
            List<Object[]> roles = session.createNativeQuery("select role, first_seen_at, last_seen_at, first_seen_on, "
                            + "last_seen_on from speaker_role where speaker_id = ?1 "
                            + "order by first_seen_on nulls last, first_seen_at, role", Object[].class)
                    .setParameter(1, speaker.id).getResultList();
            List<Object[]> external = session.createNativeQuery("select scheme, value, source from speaker_external_id "
                    + "where speaker_id = ?1 order by scheme, value", Object[].class)
                    .setParameter(1, speaker.id).getResultList();
            List<String> formerIds = session.createNativeQuery("select public_id from speaker_redirect "
                    + "where speaker_id = ?1 order by public_id", String.class).setParameter(1, speaker.id)
                    .getResultList();
            return new SpeakerDetail(speaker.publicId, speaker.name, speaker.kind, speaker.role, statements,
                    aliases.stream().distinct().toList(),
                    roles.stream().map(r -> new RoleSeen((String) r[0], SqlTimestamps.toInstant(r[1]),
                            SqlTimestamps.toInstant(r[2]), date(r[3]), date(r[4]))).toList(),
                    external.stream().map(e -> new ExternalId((String) e[0], (String) e[1],
                            urlOf((String) e[0], (String) e[1]), (String) e[2])).toList(),
                    formerIds);
        });
    }

    private static long statementsOf(org.hibernate.Session session, long speakerKey) {
        return ((Number) session.createNativeQuery("select count(*) from statement where speaker_id = ?1", Long.class)
                .setParameter(1, speakerKey).getSingleResult()).longValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    static String urlOf(String scheme, String value) {
        return switch (scheme) {
            case "wikidata" -> "https://www.wikidata.org/wiki/" + value;
            case "kremlin" -> "http://en.kremlin.ru/catalog/persons/" + value;
            default -> null;
        };
    }
}
