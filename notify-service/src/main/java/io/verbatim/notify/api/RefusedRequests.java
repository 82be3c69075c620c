package io.verbatim.notify.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.verbatim.events.http.Problem;
import io.verbatim.notify.persistence.StorageException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal and failure of the subscriptions API answers with a problem body. */
public class RefusedRequests {

    private static final String JSON_DETAIL = "the body is not a subscription: a JSON object like "
            + "{\"url\": \"https://…\", \"speakerId\": \"…\", \"query\": \"…\"}";

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, ContainerRequestContext request) {
        return Problem.refusal(e.getResponse(), request.getMethod(), request.getUriInfo().getPath(),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), e.getCause() instanceof JsonProcessingException
                        ? JSON_DETAIL : e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        return Problem.response(Response.Status.BAD_REQUEST, JSON_DETAIL);
    }

    @ServerExceptionMapper
    public Response unavailable(StorageException e) {
        return Problem.unavailable("the subscription database cannot be reached: " + e.getMessage(), 10)
                .getResponse();
    }
}
