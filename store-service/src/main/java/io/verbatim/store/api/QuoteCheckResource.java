package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import io.verbatim.store.quote.QuoteChecker;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Checks a quote against the stored statements (issue 15). Reads only. */
@Path("/api/quotes/check")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class QuoteCheckResource {

    /** The request: the quote as published, and how many passages to answer (1–10, default 5). */
    public record QuoteRequest(String quote, Integer limit) {
    }

    private final QuoteChecker checker;

    public QuoteCheckResource(QuoteChecker checker) {
        this.checker = checker;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The stored passages closest to a quote, with a similarity score and the differences word by "
            + "word (changed, missing, added); a warning when the passage is an interpreter's words")
    public QuoteChecker.QuoteCheck check(QuoteRequest request) {
        if (request == null) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "the body is a JSON object with a quote");
        }
        return checker.check(request.quote(), request.limit() == null ? 5 : request.limit());
    }
}
