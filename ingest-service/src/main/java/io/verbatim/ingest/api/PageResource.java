package io.verbatim.ingest.api;

import io.verbatim.events.SourceUrls;
import io.verbatim.events.http.Problem;
import io.verbatim.ingest.crawl.PageCrawler;
import io.verbatim.ingest.state.CrawlState;
import io.verbatim.ingest.state.IngestStateStore;
import io.verbatim.ingest.state.ListedEntry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Single pages by URL: the page is queued in the crawl state and fetched politely (robots.txt, per-host delay)
 * like a feed entry; a known page is re-checked conditionally. Requires the API key. With several replicas, a page
 * whose host another replica crawls is handed to that replica through the crawl state ({@link ListedEntry}), and
 * {@code GET} answers from the replica that crawls the page's host.
 */
@Path("/api/pages")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PageResource {

    private final IngestStateStore state;
    private final PageCrawler pages;

    public PageResource(IngestStateStore state, PageCrawler pages) {
        this.state = state;
        this.pages = pages;
    }

    /** The body of a request to fetch a page. */
    public record PageRequest(String url) {
    }

    /** The crawl state of one page: status, validators, content hash, failures and the last reason. */
    @GET
    public Response state(@QueryParam("url") String url) {
        if (url == null || url.isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "give the page as ?url=…");
        }
        String canonical;
        try {
            canonical = SourceUrls.canonical(url);
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return state.url(canonical).map(page -> Response.ok(page).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, state.owns(canonical)
                        ? "no page " + canonical + " is known"
                        : "no page " + canonical + " is known to this replica: its host is crawled by the owner of "
                                + "partition " + state.partitionOf(canonical) + " of the crawl state"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response queue(PageRequest request) {
        if (!state.isLoaded()) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "the crawl state is still loading from Kafka; try again shortly");
        }
        if (request == null || request.url() == null || request.url().isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "send {\"url\": \"http(s)://…\"}");
        }
        String canonical;
        try {
            canonical = SourceUrls.canonical(request.url());
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (!state.owns(canonical)) {
            // another replica crawls this host: hand the page to it (it checks its room and whether it is known)
            state.listForOwners(List.of(new ListedEntry(canonical, null, true)));
        } else if (state.url(canonical).isEmpty()) {
            if (state.roomForNewUrls(null) == 0) {
                return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                        "too many pages are waiting to be fetched; try again later");
            }
            state.putUrl(CrawlState.discovered(canonical, null));
        } else if (!pages.recheck(canonical)) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "too many pages are waiting for a re-check; try again later");
        }
        return Response.accepted(Map.of("url", canonical, "status", "queued")).build();
    }
}
