package io.verbatim.ingest.api;

import io.verbatim.events.DocumentDecoder;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.http.Problem;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.messaging.EventTooLargeException;
import io.verbatim.ingest.messaging.RawDocumentPublisher;
import io.verbatim.ingest.source.DocumentTypes;
import io.verbatim.ingest.source.SourceNames;
import io.verbatim.events.SourceUrls;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/** The submit API: a user posts one document, it is published as {@code transcript.fetched}. */
@Path("/api/transcripts")
public class TranscriptSubmissionResource {

    private static final Logger LOG = Logger.getLogger(TranscriptSubmissionResource.class);

    private final RawDocumentPublisher publisher;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();

    public TranscriptSubmissionResource(RawDocumentPublisher publisher, IngestConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    @POST
    @Consumes({DocumentTypes.HTML, DocumentTypes.PLAIN, DocumentTypes.MARKDOWN})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public CompletionStage<Response> submit(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("sourceUrl") String sourceUrl, @QueryParam("sourceName") String sourceName) {
        if (body == null || body.length == 0) {
            return done(Problem.response(Response.Status.BAD_REQUEST, "the request body is empty: send the document"));
        }
        if (body.length > config.maxBodyBytes()) {
            return done(Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the document has " + body.length + " bytes; the limit is " + config.maxBodyBytes()));
        }
        String text;
        String canonicalUrl;
        String name;
        try {
            text = DocumentDecoder.decodeUtf8(body);
            canonicalUrl = sourceUrl == null || sourceUrl.isBlank() ? null : SourceUrls.canonical(sourceUrl);
            name = Objects.requireNonNullElse(SourceNames.checked(sourceName, "sourceName"), "submit-api");
        } catch (IllegalArgumentException e) {
            return done(Problem.response(Response.Status.BAD_REQUEST, e.getMessage()));
        }
        if (text.isBlank()) {
            return done(Problem.response(Response.Status.BAD_REQUEST, "the document holds only white space"));
        }
        TranscriptFetched event = TranscriptFetched.of(canonicalUrl, name, Instant.now(clock),
                contentType.split(";")[0].strip().toLowerCase(Locale.ROOT), text);
        return publisher.publish(event)
                .thenApply(published -> Response.accepted(new SubmissionAccepted(published.documentId(),
                        published.contentHash(), published.eventId())).type(MediaType.APPLICATION_JSON).build())
                .exceptionally(failure -> {
                    Optional<EventTooLargeException> tooLarge = EventTooLargeException.causeOf(failure);
                    if (tooLarge.isPresent()) {
                        LOG.warnf("submitted document %s refused: %s", event.documentId(), tooLarge.get().getMessage());
                        return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.get().getMessage()
                                + "; control characters count six bytes each (\\u0000)");
                    }
                    LOG.warnf("could not publish document %s: %s", event.documentId(), failure.toString());
                    return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                            "the document could not be handed to the broker; nothing was stored, try again later");
                });
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
