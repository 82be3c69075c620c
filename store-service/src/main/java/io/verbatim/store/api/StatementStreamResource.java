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
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.verbatim.events.EventJson;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * New statements as Server-Sent Events, live from {@code statements.new} (e.g. {@code curl -N}), each with its
 * {@code statementId} as SSE id and a heartbeat comment every {@code verbatim.store.api.stream-heartbeat}. A client
 * reconnecting with {@code Last-Event-ID} first gets what it missed (from the outbox, see {@link StreamReplay}),
 * then the live statements, without gap or repeat. At most
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
    @Operation(summary = "Statements stored from now on (after Last-Event-ID when given); speaker filters by one "
            + "speaker, named as in /api/statements")
    public Multi<OutboundSseEvent> stream(@QueryParam("speaker") String speaker,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
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
        String resumeAfter = lastEventId == null || lastEventId.isBlank() ? null : lastEventId.strip();
        if (resumeAfter != null) {
            statements = resumed(statements, resumeAfter, wanted);
        }
        // no event name: an unnamed event is a "message", what EventSource.onmessage receives (the pages' live list,
        // and every client written before the id was added); a name would hide the statements from all of them
        Multi<OutboundSseEvent> events = statements.map(s -> sse.newEventBuilder().id(s.statementId())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(EventJson.write(s)).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.api().streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // a disconnected client cancels the stream: its place is free again
        return Multi.createBy().merging().streams(events, heartbeats).onTermination().invoke(() -> {
            if (released.compareAndSet(false, true)) {
                clients.decrementAndGet();
            }
        });
    }

    /**
     * The statements published after {@code lastEventId} from the store, then the live ones, without a gap or a
     * repeat at the seam: the live feed is followed (and buffered) before the store is read, so what is published
     * meanwhile is in the buffer, and every statement replayed from the store is dropped from the buffer. (A
     * statement is stored before it is published, so one published before the buffer started is in the store.)
     */
    private Multi<StatementNew> resumed(Multi<StatementNew> live, String lastEventId,
            java.util.function.Predicate<StatementNew> wanted) {
        return Multi.createFrom().deferred(() -> {
            UnicastProcessor<StatementNew> buffer = UnicastProcessor.create();
            Cancellable following = live.subscribe().with(buffer::onNext, buffer::onError, buffer::onComplete);
            List<StatementNew> missed = StreamReplay.after(queries, lastEventId).stream()
                    .filter(s -> wanted == null || wanted.test(s)).toList();
            Set<String> replayed = new HashSet<>();
            missed.forEach(s -> replayed.add(s.statementId()));
            Multi<StatementNew> fromStore = Multi.createFrom().iterable(missed);
            Multi<StatementNew> afterwards = buffer.filter(s -> !replayed.contains(s.statementId()));
            return Multi.createBy().concatenating().streams(fromStore, afterwards)
                    .onTermination().invoke(following::cancel);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // the store is read off the event loop
    }

}
