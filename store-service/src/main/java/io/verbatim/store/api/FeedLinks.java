package io.verbatim.store.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Links the Atom feeds from the answers they follow, in a {@code Link} header ({@code rel="alternate"},
 * {@code type="application/atom+xml"}): a speaker ({@code GET /api/speakers/{id}}) to its feed, a list or search of
 * statements ({@code GET /api/statements?q=&speaker=}) to the feed of the same {@code q} and {@code speaker}.
 */
public class FeedLinks {

    @ServerResponseFilter
    public void linkFeed(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        String path = request.getUriInfo().getPath();
        UriBuilder feed;
        if (path.matches("/api/speakers/[^/]+")) {
            Object id = request.getUriInfo().getPathParameters().getFirst("id");
            String speaker = id != null ? id.toString() : path.substring("/api/speakers/".length());
            feed = request.getUriInfo().getBaseUriBuilder().path("feeds/speakers/{id}.atom").resolveTemplate("id",
                    speaker);
        } else if (path.equals("/api/statements")) {
            feed = request.getUriInfo().getBaseUriBuilder().path("feeds/statements.atom");
            String q = request.getUriInfo().getQueryParameters().getFirst("q");
            String speaker = request.getUriInfo().getQueryParameters().getFirst("speaker");
            if (q != null) {
                feed.queryParam("q", "{q}");
            }
            if (speaker != null) {
                feed.queryParam("speaker", "{speaker}");
            }
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            if (q != null) {
                values.put("q", q);
            }
            if (speaker != null) {
                values.put("speaker", speaker);
            }
            response.getHeaders().add("Link", "<" + feed.buildFromMap(values) + ">; rel=\"alternate\"; type=\""
                    + AtomFeedResource.ATOM + "\"");
            return;
        } else {
            return;
        }
        response.getHeaders().add("Link", "<" + feed.build() + ">; rel=\"alternate\"; type=\""
                + AtomFeedResource.ATOM + "\"");
    }
}
