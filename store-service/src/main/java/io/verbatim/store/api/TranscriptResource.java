package io.verbatim.store.api;

import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.store.persistence.TranscriptEntity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Stored transcripts. */
@Path("/api/transcripts")
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptResource {

    @GET
    @Path("/{documentId}")
    public TranscriptView get(@PathParam("documentId") String documentId) {
        if (!documentId.matches("[0-9a-f]{64}")) {
            throw Problem.of(Response.Status.BAD_REQUEST, "documentId is 64 lower-case hex characters");
        }
        TranscriptEntity transcript = TranscriptEntity.findByDocumentId(documentId)
                .orElseThrow(() -> Problem.of(Response.Status.NOT_FOUND, "no transcript with id " + documentId));
        List<StatementView> statements = StatementEntity.<StatementEntity>find(
                "from StatementEntity s join fetch s.speaker join fetch s.transcript "
                        + "where s.transcript = ?1 order by s.ordinal", transcript)
                .list().stream().map(StatementView::of).toList();
        return TranscriptView.of(transcript, statements);
    }
}
