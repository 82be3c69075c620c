package io.verbatim.parse.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests that no resource method takes get a problem body like every other refusal: a path nothing is served at
 * (404), a method the path does not take (405), a body type the preview does not read (415).
 */
public class RefusedRequests {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, "nothing is served at " + uri.getPath());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        return Problem.response(Response.Status.METHOD_NOT_ALLOWED, uri.getPath() + " does not take "
                + request.getMethod());
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, HttpHeaders headers) {
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "the preview reads text/html, text/plain and"
                + " text/markdown, not " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    }
}
