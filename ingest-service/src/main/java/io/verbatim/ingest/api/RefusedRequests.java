package io.verbatim.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.verbatim.events.http.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests refused before a resource method runs get a problem body like every other refusal: a body without a
 * Content-Type or with a charset no one knows (415), a type the endpoint does not read (415), JSON that does not
 * parse or does not fit (400), a method the path does not take (405), a path nothing is served at (404).
 */
public class RefusedRequests {

    private static final String JSON_DETAIL = "the body is not a JSON object like {\"url\": \"http(s)://…\"}";

    /** Runs after resource matching, so after the API key check: a caller without the key learns nothing more. */
    @ServerRequestFilter
    public Optional<Response> requireKnownBodyType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (contentType == null) {
            return hasBody ? Optional.of(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "the request has a body but no Content-Type header")) : Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + contentType + " is not a media type"));
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            Optional.ofNullable(charset).ifPresent(Charset::forName);
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "charset=" + charset + " is not a character set this service knows; send UTF-8"));
        }
        return Optional.empty();
    }

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
}
