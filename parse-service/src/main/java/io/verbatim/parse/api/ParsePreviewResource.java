package io.verbatim.parse.api;

import io.verbatim.events.EventJson;
import io.verbatim.events.SourceUrls;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.parse.TranscriptParser;
import io.verbatim.parse.extract.UnparseableDocumentException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;

/**
 * Preview: parses one posted document synchronously and answers with the {@code transcript.parsed} JSON it would
 * produce, without touching Kafka (so it works while the broker is down).
 */
@Path("/api/parse")
public class ParsePreviewResource {

    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final TranscriptParser parser;

    public ParsePreviewResource(TranscriptParser parser) {
        this.parser = parser;
    }

    @POST
    @Consumes({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "text/markdown"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response preview(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("sourceUrl") String sourceUrl) {
        if (body == null || body.isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "the request body is empty: send the document");
        }
        String canonicalUrl;
        try {
            canonicalUrl = sourceUrl == null || sourceUrl.isBlank() ? null : SourceUrls.canonical(sourceUrl);
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        TranscriptFetched raw = TranscriptFetched.of(canonicalUrl, "preview", Instant.now(), type, body);
        try {
            return Response.ok(EventJson.write(parser.parse(raw)), MediaType.APPLICATION_JSON).build();
        } catch (UnparseableDocumentException e) {
            return Problem.response(UNPROCESSABLE, e.getMessage());
        }
    }
}
