package io.verbatim.events.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 7807 problem body: how the HTTP APIs of all three services answer a request they refuse or cannot serve.
 * It is the other half of the public contract (docs/ingest-service.md, docs/parse-service.md,
 * docs/store-service.md), so it lives once, here, beside the events. The JAX-RS types it builds responses with are
 * a {@code provided} dependency of this module: the services have them, a subscriber reading events does not need
 * them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem for {@code status}: type {@code about:blank}, the status's reason phrase as title. */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** A response with this problem as its body, to return from a resource method or a filter. */
    public static Response response(Response.StatusType status, String detail) {
        return Response.status(status.getStatusCode()).type(MEDIA_TYPE).entity(of(status, detail)).build();
    }

    /** The same response as an exception, to throw from code below a resource method. */
    public static WebApplicationException exception(Response.StatusType status, String detail) {
        return new WebApplicationException(response(status, detail));
    }

    /** 503 with {@code Retry-After}: the request was fine, the service cannot answer it now. */
    public static WebApplicationException unavailable(String detail, int retryAfterSeconds) {
        Response.Status status = Response.Status.SERVICE_UNAVAILABLE;
        return new WebApplicationException(Response.status(status).type(MEDIA_TYPE)
                .header("Retry-After", retryAfterSeconds).entity(of(status, detail)).build());
    }

    /**
     * The problem for a request refused before any resource method ran, from the bare response JAX-RS made for it:
     * a path nothing is served at (404), a method the path does not take (405), an answer type the path cannot give
     * (406), a body type it does not read (415). A response that already has a body, or is not a client error, is
     * returned as it is.
     *
     * @param otherDetail the detail for any other client error, e.g. one from unreadable JSON
     */
    public static Response refusal(Response bare, String method, String path, String contentType,
            String otherDetail) {
        if (bare.hasEntity() || bare.getStatusInfo().getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return bare;
        }
        String detail = switch (bare.getStatus()) {
            case 404 -> "nothing is served at " + path;
            case 405 -> path + " does not take " + method;
            case 406 -> path + " answers only with JSON (application/json, " + MEDIA_TYPE + ")";
            case 415 -> path + " does not read " + contentType;
            default -> otherDetail;
        };
        return response(bare.getStatusInfo(), detail);
    }
}
