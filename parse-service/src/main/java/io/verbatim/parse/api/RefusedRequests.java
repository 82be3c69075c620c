package io.verbatim.parse.api;

import io.verbatim.events.http.Problem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests that no resource method takes get a problem body like every other refusal ({@link Problem#refusal}): a
 * path nothing is served at (404), a method the path does not take (405), a body type the preview does not read
 * (415, with the types it does read).
 */
public class RefusedRequests {

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        return Problem.refusal(e.getResponse(), request.getMethod(), uri.getPath(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, HttpHeaders headers) {
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "the preview reads text/html, text/plain and"
                + " text/markdown, not " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    }
}
