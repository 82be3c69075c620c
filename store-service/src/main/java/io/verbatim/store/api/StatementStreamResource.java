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
import io.verbatim.store.speaker.SpeakerLookup;
import io.verbatim.store.speaker.SpeakerNames;
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
    private final ReadQueries queries;
    private final AtomicInteger clients = new AtomicInteger();

    public StatementStreamResource(StatementFeed feed, StoreConfig config, ReadQueries queries) {
        this.feed = feed;
        this.config = config;
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statements stored from now on; speaker filters by one speaker, named as in /api/statements")
    public Multi<StatementNew> stream(@QueryParam("speaker") String speaker) {
        String text = QueryParams.text(speaker, "speaker", 200);
        // looked up once, when the client connects: a known speaker is followed by id, an ambiguous name is a 300
        // with the candidates as for statements; a name not known yet is followed as given (a stream waits for
        // statements to come, so it may name a speaker before their first statement is stored)
        java.util.function.Predicate<StatementNew> wanted = text == null ? null : queries.run(session -> {
            SpeakerLookup.Match match = SpeakerLookup.find(session, text);
            if (match.outcome() == SpeakerLookup.Outcome.UNKNOWN) {
                String key = SpeakerNames.read(text).fullKey();
                String id = text.toLowerCase(java.util.Locale.ROOT);
                return (java.util.function.Predicate<StatementNew>) s -> s.speaker() != null
                        && (id.equals(s.speaker().id())
                                || (s.speaker().name() != null && key.equals(SpeakerNames.read(s.speaker().name())
                                        .fullKey())));
            }
            String id = SpeakerParam.require(session, text).id();
            return s -> s.speaker() != null && id.equals(s.speaker().id());
        });
        int max = config.api().maxStreamClients();
        if (clients.incrementAndGet() > max) {
            clients.decrementAndGet();
            throw Problem.unavailable("the live stream already has " + max + " clients; try again later",
                    RETRY_AFTER_SECONDS);
        }
        AtomicBoolean released = new AtomicBoolean();
        Multi<StatementNew> statements = feed.statements();
        if (wanted != null) {
            statements = statements.filter(wanted);
        }
        // a disconnected client cancels the stream: its place is free again
        return statements.onTermination().invoke(() -> {
            if (released.compareAndSet(false, true)) {
                clients.decrementAndGet();
            }
        });
    }

}
