package io.verbatim.ingest.api;

import io.verbatim.events.http.Problem;
import io.verbatim.ingest.state.CrawlState;
import io.verbatim.ingest.state.FeedSource;
import io.verbatim.ingest.state.FeedSources;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The admin API for feed sources: list, add, pause, resume, remove. Requires the API key. */
@Path("/api/sources")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SourceResource {

    private final IngestStateStore state;

    public SourceResource(IngestStateStore state) {
        this.state = state;
    }

    /** A source as the API shows it, with counts of the pages found in its feed. */
    public record SourceView(String id, String url, String name, boolean paused, Instant addedAt,
            Instant lastPolledAt, long pagesFetched, long pagesPending, long pagesRefused) {

        static SourceView of(FeedSource source, List<CrawlState> urls) {
            return new SourceView(source.id(), source.url(), source.name(), source.paused(), source.addedAt(),
                    source.lastPolledAt(), count(urls, CrawlState.FETCHED), count(urls, CrawlState.PENDING),
                    count(urls, CrawlState.REFUSED));
        }

        private static long count(List<CrawlState> urls, String status) {
            return urls.stream().filter(u -> status.equals(u.status())).count();
        }
    }

    /** The body of a request to add a source. */
    public record NewSource(String url, String name) {
    }

    @GET
    public Response list() {
        if (!state.isLoaded()) {
            return loading();
        }
        return Response.ok(state.sources().stream().sorted(Comparator.comparing(FeedSource::addedAt))
                .map(s -> SourceView.of(s, state.urlsOf(s.id()))).toList()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewSource request) {
        if (!state.isLoaded()) {
            return loading();
        }
        if (request == null || request.url() == null || request.url().isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "send {\"url\": \"http(s)://…/feed\"}");
        }
        FeedSource source;
        try {
            source = FeedSources.newSource(request.url(), request.name());
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (state.source(source.id()).isPresent()) {
            FeedSource existing = state.source(source.id()).get();
            return Response.ok(SourceView.of(existing, state.urlsOf(existing.id()))).build();
        }
        state.putSource(source);
        return Response.status(Response.Status.CREATED).entity(SourceView.of(source, List.of())).build();
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        return change(id, source -> source.withPaused(true));
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        return change(id, source -> source.withPaused(false));
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        if (!state.isLoaded()) {
            return loading();
        }
        if (state.source(id).isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "no source with id " + id);
        }
        state.removeSource(id);
        return Response.noContent().build();
    }

    private Response change(String id, Function<FeedSource, FeedSource> change) {
        if (!state.isLoaded()) {
            return loading();
        }
        return state.source(id).map(source -> {
            FeedSource changed = change.apply(source);
            state.putSource(changed);
            return Response.ok(SourceView.of(changed, state.urlsOf(id))).build();
        }).orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "no source with id " + id));
    }

    private static Response loading() {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                "the crawl state is still loading from Kafka; try again shortly");
    }
}
