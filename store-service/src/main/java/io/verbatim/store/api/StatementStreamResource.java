package io.verbatim.store.api;

import io.smallrye.mutiny.Multi;
import io.verbatim.events.StatementNew;
import io.verbatim.events.http.Problem;
import io.verbatim.store.messaging.StatementFeed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.verbatim.store.config.StoreConfig;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * New statements as Server-Sent Events, live from {@code statements.new} (e.g. {@code curl -N}). At most
 * {@code verbatim.store.api.max-stream-clients} clients at once: the next one gets 503 with {@code Retry-After} until
 * one of them disconnects.
 */
@Path("/api/statements/stream")
@Singleton
public class StatementStreamResource {

    static final int RETRY_AFTER_SECONDS = 30;

    private final StatementFeed feed;
    private final StoreConfig config;
    private final AtomicInteger clients = new AtomicInteger();

    public StatementStreamResource(StatementFeed feed, StoreConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statements stored from now on; speaker filters by speaker id or name")
    public Multi<StatementNew> stream(@QueryParam("speaker") String speaker) {
        String wanted = QueryParams.text(speaker, "speaker", 200);
        int max = config.api().maxStreamClients();
        if (clients.incrementAndGet() > max) {
            clients.decrementAndGet();
            throw Problem.unavailable("the live stream already has " + max + " clients; try again later",
                    RETRY_AFTER_SECONDS);
        }
        AtomicBoolean released = new AtomicBoolean();
        Multi<StatementNew> statements = feed.statements();
        if (wanted != null) {
            String lower = wanted.toLowerCase(Locale.ROOT);
            statements = statements.filter(s -> s.speaker() != null && (lower.equals(s.speaker().id())
                    || lower.equals(s.speaker().name() == null ? null
                            : s.speaker().name().toLowerCase(Locale.ROOT))));
        }
        // a disconnected client cancels the stream: its place is free again
        return statements.onTermination().invoke(() -> {
            if (released.compareAndSet(false, true)) {
                clients.decrementAndGet();
            }
        });
    }

}
