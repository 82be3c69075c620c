package io.verbatim.store.api;

import io.verbatim.events.SpeakersChanged;
import io.verbatim.events.http.Problem;
import io.verbatim.store.speaker.SpeakerCorrections;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For operators, behind the admin API key ({@link AdminKeyFilter}): corrections of speakers that apply to past
 * statements and are announced on {@code speakers.changed} ({@link SpeakerCorrections}). Each answers the event it
 * announced.
 */
@Path("/api/admin/speakers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SpeakerAdminResource {

    private final SpeakerCorrections corrections;

    public SpeakerAdminResource(SpeakerCorrections corrections) {
        this.corrections = corrections;
    }

    /** Merge {@code merge} (ids) into {@code keep} (an id), with an optional note. */
    public record MergeRequest(String keep, List<String> merge, String reason) {
    }

    /**
     * Move statements of {@code from} to a new speaker {@code name}: {@code statementIds}, or those labelled
     * {@code label} (in {@code documentId} when given); {@code aliases} move to the new speaker for later documents.
     */
    public record SplitRequest(String from, String name, List<String> statementIds, String label, String documentId,
            List<String> aliases, String reason) {
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge speaker records that are one person; their ids redirect to the kept one")
    public SpeakersChanged merge(MergeRequest request) {
        if (request == null) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "a JSON body {keep, merge: [ids]} is required");
        }
        return corrections.merge(request.keep(), request.merge(), request.reason());
    }

    @POST
    @Path("/split")
    @Operation(summary = "Move statements of a speaker record that mixes two people to a new speaker")
    public SpeakersChanged split(SplitRequest request) {
        if (request == null) {
            throw Problem.exception(Response.Status.BAD_REQUEST,
                    "a JSON body {from, name, statementIds | label [, documentId]} is required");
        }
        return corrections.split(request.from(), request.name(), request.statementIds(), request.label(),
                request.documentId(), request.aliases(), request.reason());
    }
}
