package io.verbatim.store.api;

import io.verbatim.events.http.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The permalink of a statement, {@code /api/statements/{statementId}}: stable, since the id is derived from the
 * document, the speaker and the text. Webhooks (notify-service's {@code permalink}) and Atom entries link here.
 */
@Path("/api/statements/{statementId}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class StatementPermalinkResource {

    private final ReadQueries queries;

    public StatementPermalinkResource(ReadQueries queries) {
        this.queries = queries;
    }

    /** A statement with its transcript and the links a reader follows. */
    public record Permalinked(String statementId, String documentId, int ordinal, StatementView.SpeakerView speaker,
            String label, String annotation, String text, List<String> paragraphs, List<String> remarks,
            Instant storedAt, String transcriptTitle, String publishedAt, String sourceUrl, String permalink) {
    }

    @GET
    @Operation(summary = "One statement by its stable id (its permalink)")
    public Permalinked get(@PathParam("statementId") String statementId) {
        if (statementId == null || !statementId.matches("[0-9a-f]{64}")) {
            throw Problem.exception(Response.Status.NOT_FOUND, "no statement " + statementId
                    + ": a statement id is 64 hexadecimal characters");
        }
        List<StoredStatements.Row> rows = queries.run(session -> StoredStatements.select(session,
                "s.statement_id = :statementId", java.util.Map.of("statementId", statementId), 1));
        if (rows.isEmpty()) {
            throw Problem.exception(Response.Status.NOT_FOUND, "no statement " + statementId);
        }
        StoredStatements.Row row = rows.get(0);
        return new Permalinked(row.statementId(), row.documentId(), row.ordinal(), row.speaker(), row.label(),
                row.annotation(), row.text(), row.paragraphs(), row.remarks(), row.storedAt(), row.transcriptTitle(),
                row.publishedAt(), row.sourceUrl(), permalink(row.statementId()));
    }

    /** The path of a statement's permalink. */
    public static String permalink(String statementId) {
        return "/api/statements/" + statementId;
    }
}
