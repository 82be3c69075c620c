package io.verbatim.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An RFC 7807 problem body, and the exception that carries one out of a resource method. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static WebApplicationException of(Response.Status status, String detail) {
        return new WebApplicationException(Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build());
    }

    /** 503 with {@code Retry-After}: the request was fine, the service cannot answer it now. */
    public static WebApplicationException unavailable(String detail, int retryAfterSeconds) {
        Response.Status status = Response.Status.SERVICE_UNAVAILABLE;
        return new WebApplicationException(Response.status(status)
                .type(MEDIA_TYPE)
                .header("Retry-After", retryAfterSeconds)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build());
    }
}
