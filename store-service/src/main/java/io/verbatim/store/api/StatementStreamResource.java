package io.verbatim.store.api;

import io.smallrye.mutiny.Multi;
import io.verbatim.events.StatementNew;
import io.verbatim.store.messaging.StatementFeed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** New statements as Server-Sent Events, live from {@code statements.new} (e.g. {@code curl -N}). */
@Path("/api/statements/stream")
public class StatementStreamResource {

    private final StatementFeed feed;

    public StatementStreamResource(StatementFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statements stored from now on; speaker filters by speaker id or name")
    public Multi<StatementNew> stream(@QueryParam("speaker") String speaker) {
        String wanted = QueryParams.text(speaker, "speaker", 200);
        if (wanted == null) {
            return feed.statements();
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        return feed.statements().filter(s -> s.speaker() != null && (lower.equals(s.speaker().id())
                || lower.equals(s.speaker().name() == null ? null : s.speaker().name().toLowerCase(Locale.ROOT))));
    }
}
