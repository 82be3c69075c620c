package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests that no resource method answers get a problem body like every refusal a resource makes
 * ({@link Problem#refusal}): a path nothing is served at (404), a method the path does not take (405), an
 * {@code Accept} the API cannot answer (406). A failure no one expected is a 500 problem whose detail names no
 * internals; the log has the exception.
 */
public class RefusedRequests {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        return Problem.refusal(e.getResponse(), request.getMethod(), uri.getPath(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri, Request request) {
        LOG.errorf(e, "%s %s failed", request.getMethod(), uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "the request failed on the server; the service's log has the cause");
    }
}
