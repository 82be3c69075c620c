package io.verbatim.store.api;

import io.quarkus.panache.common.Parameters;
import io.verbatim.store.config.StoreConfig;
import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.store.speaker.SpeakerNames;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Stored statements, newest transcript first and in document order within a transcript. */
@Path("/api/statements")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    private final StoreConfig config;

    public StatementResource(StoreConfig config) {
        this.config = config;
    }

    /**
     * Statements, optionally of one speaker: {@code speaker} matches the speaker's name (case-insensitive) or
     * their public id.
     */
    @GET
    public List<StatementView> list(@QueryParam("speaker") String speaker, @QueryParam("limit") String limit) {
        int pageSize = pageSize(limit);
        String select = "from StatementEntity s join fetch s.speaker sp join fetch s.transcript t ";
        String order = " order by t.firstStoredAt desc, t.id desc, s.ordinal";
        if (speaker == null || speaker.isBlank()) {
            return StatementEntity.<StatementEntity>find(select + order).page(0, pageSize).list().stream()
                    .map(StatementView::of).toList();
        }
        if (speaker.length() > 200) {
            throw Problem.of(Response.Status.BAD_REQUEST, "speaker is longer than 200 characters");
        }
        return StatementEntity.<StatementEntity>find(
                select + "where lower(sp.name) = lower(:name) or sp.publicId = :publicId" + order,
                Parameters.with("name", speaker.strip()).and("publicId", SpeakerNames.slug(speaker)))
                .page(0, pageSize).list().stream().map(StatementView::of).toList();
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.api().defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value < 1 || value > config.api().maxLimit()) {
                throw Problem.of(Response.Status.BAD_REQUEST,
                        "limit must be between 1 and " + config.api().maxLimit());
            }
            return value;
        } catch (NumberFormatException e) {
            throw Problem.of(Response.Status.BAD_REQUEST, "limit must be a whole number");
        }
    }
}
