package io.verbatim.store.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedDocument;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedStatement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Tops the {@code statement} table up to a number of statements for the quote check phase ({@code --fill-to}),
 * writing further generated transcripts straight into {@code transcript} and {@code statement} ({@code COPY}),
 * beside what store-service stored: on a loaded machine the service cannot store 100,000 statements in the time a
 * run has, and the quote check only reads. Nothing is published for these rows (no outbox rows). Their speakers are
 * the speakers the service stored under the same labels.
 */
final class StatementFill {

    private StatementFill() {
    }

    /** Writes documents of {@code generator} until {@code statement} holds {@code target} rows; the rows written. */
    static long fill(Connection db, TranscriptGenerator generator, String prefix, int statementsPerDocument,
            long target) throws Exception {
        long stored = Sql.count(db, "select count(*) from statement");
        if (stored >= target) {
            return 0;
        }
        Map<String, Long> speakerIds = new HashMap<>();
        long anySpeaker;
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select distinct on (speaker_label) speaker_label, speaker_id from statement")) {
            while (rows.next()) {
                speakerIds.put(rows.getString(1), rows.getLong(2));
            }
        }
        if (speakerIds.isEmpty()) {
            throw new IllegalStateException("no statement stored by the service: no speakers to attribute to");
        }
        anySpeaker = speakerIds.values().iterator().next();
        // far above the ids store-service's sequences hand out
        long transcriptId = Sql.count(db, "select coalesce(max(id), 0) from transcript") + 1_000_000_000L;
        long statementId = Sql.count(db, "select coalesce(max(id), 0) from statement") + 1_000_000_000L;
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        String copySql = "copy statement (id, statement_id, transcript_id, speaker_id, ordinal, speaker_label, "
                + "speaker_role, annotation, text, paragraphs, remarks, stored_at) from stdin with (format csv)";
        long written = 0;
        long start = System.nanoTime();
        try (PreparedStatement transcript = db.prepareStatement("insert into transcript (id, document_id, "
                + "source_url, content_hash, parser_version, kind, title, published_at, location, language, revision, "
                + "first_stored_at, updated_at) values (?, ?, ?, ?, ?, 'transcript', ?, '2020-01-01', 'Benchmark', "
                + "'en', 1, now(), now())")) {
            for (int number = 0; stored + written < target; number++) {
                GeneratedDocument document = generator.document(prefix, number, statementsPerDocument);
                long id = transcriptId++;
                transcript.setLong(1, id);
                transcript.setString(2, document.documentId());
                transcript.setString(3, "https://benchmark.invalid/" + document.documentId());
                transcript.setString(4, Sha256.ofParts(document.documentId()));
                transcript.setString(5, TranscriptGenerator.PARSER_VERSION);
                transcript.setString(6, "Filled " + document.documentId());
                transcript.executeUpdate();
                StringBuilder csv = new StringBuilder();
                for (GeneratedStatement s : document.statements()) {
                    csv.append(statementId++).append(',')
                            .append(Sha256.ofParts("fill", document.documentId(), Integer.toString(s.ordinal())))
                            .append(',').append(id).append(',')
                            .append(speakerIds.getOrDefault(s.label(), anySpeaker)).append(',')
                            .append(s.ordinal()).append(',');
                    CopyRate.quoted(csv, s.label()).append(',');
                    CopyRate.quoted(csv, s.role()).append(',');
                    CopyRate.quoted(csv, s.annotation()).append(',');
                    CopyRate.quoted(csv, s.text()).append(',');
                    CopyRate.quoted(csv, EventJson.write(s.paragraphs())).append(',');
                    csv.append("\"[]\",2026-01-01 00:00:00+00\n");
                }
                byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                var in = copy.copyIn(copySql);
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
                written += document.statements().size();
            }
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("analyze statement");
        }
        log("filled %,d statements straight into the statement table in %.1f s", written,
                (System.nanoTime() - start) / 1e9);
        return written;
    }
}
