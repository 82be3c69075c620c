package io.verbatim.parse.api;

import io.verbatim.events.DocumentDecoder;
import io.verbatim.events.EventJson;
import io.verbatim.events.SourceUrls;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.http.Problem;
import io.verbatim.parse.ParsedEventFactory;
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
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Preview: parses one posted document synchronously and answers with the {@code transcript.parsed} JSON it would
 * produce, without touching Kafka (so it works while the broker is down). The body is read as the submit API reads
 * it: strict UTF-8, whatever known charset the Content-Type names.
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

    private static final String EMPTY = "the request body is empty: send the document";

    private final ParsedEventFactory parsedEvents;

    public ParsePreviewResource(ParsedEventFactory parsedEvents) {
        this.parsedEvents = parsedEvents;
    }

    @POST
    @Consumes({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "text/markdown"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response preview(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("sourceUrl") String sourceUrl) {
        if (body == null || body.length == 0) {
            return Problem.response(Response.Status.BAD_REQUEST, EMPTY);
        }
        if (contentType == null) {
            return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send the document with a Content-Type: text/html, text/plain or text/markdown");
        }
        String charset = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            Optional.ofNullable(charset).ifPresent(Charset::forName);
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "charset=" + charset + " is not a character set this service knows; the document cannot be read");
        }
        String text;
        String canonicalUrl;
        try {
            text = DocumentDecoder.decodeUtf8(body);
            canonicalUrl = sourceUrl == null || sourceUrl.isBlank() ? null : SourceUrls.canonical(sourceUrl);
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (text.isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, EMPTY);
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        TranscriptFetched raw = TranscriptFetched.of(canonicalUrl, "preview", Instant.now(), type, text);
        try {
            return Response.ok(EventJson.write(parsedEvents.parsedEventFor(raw)), MediaType.APPLICATION_JSON).build();
        } catch (UnparseableDocumentException e) {
            return Problem.response(UNPROCESSABLE, e.getMessage());
        }
    }
}
