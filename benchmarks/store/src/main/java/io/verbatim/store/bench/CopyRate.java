package io.verbatim.store.bench;

import static io.verbatim.bench.RunReport.log;

import io.verbatim.bench.RunReport;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedDocument;
import io.verbatim.store.bench.TranscriptGenerator.GeneratedStatement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Phase 3 of the store benchmark, PostgreSQL's own bulk rate: {@code COPY} of the same statements into a table
 * shaped like {@code statement} (same columns, generated tsvector, GIN and other indexes, foreign keys).
 */
final class CopyRate {

    static final String SECTION = "PostgreSQL's own bulk rate";
    private static final String COPY_TABLE = "bench_statement_copy";

    private final RunReport report;

    CopyRate(RunReport report) {
        this.report = report;
    }

    /** The measured documents whose transcript is in the database (when the load did not complete). */
    static List<GeneratedDocument> storedOnly(Connection db, List<GeneratedDocument> documents)
            throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select document_id from transcript")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        return documents.stream().filter(d -> stored.contains(d.documentId())).toList();
    }

    /**
     * COPYs the documents' statements into a table shaped like {@code statement}, in one transaction and then one
     * COPY and commit per transcript, {@code runs} times each; compares with the consumer's rates.
     */
    void run(Connection db, List<GeneratedDocument> documents, int statementsPerDocument, int runs,
            ConsumerThroughput.Result consumer) throws Exception {
        if (documents.isEmpty()) {
            return;
        }
        long rows = documents.stream().mapToLong(d -> d.statements().size()).sum();
        log("COPY: %,d rows into %s (same shape as statement)", rows, COPY_TABLE);
        Map<String, Long> transcriptIds = new HashMap<>();
        Map<String, Long> speakerIds = new HashMap<>();
        try (Statement statement = db.createStatement()) {
            try (ResultSet result = statement.executeQuery("select document_id, id from transcript")) {
                while (result.next()) {
                    transcriptIds.put(result.getString(1), result.getLong(2));
                }
            }
            try (ResultSet result = statement.executeQuery(
                    "select distinct on (speaker_label) speaker_label, speaker_id from statement")) {
                while (result.next()) {
                    speakerIds.put(result.getString(1), result.getLong(2));
                }
            }
            statement.execute("drop table if exists " + COPY_TABLE);
            // columns, defaults, the generated tsvector, every index (GIN included) and the foreign keys
            statement.execute("create table " + COPY_TABLE + " (like statement including all)");
            statement.execute("alter table " + COPY_TABLE
                    + " add foreign key (transcript_id) references transcript (id) on delete cascade,"
                    + " add foreign key (speaker_id) references speaker (id)");
            statement.execute("checkpoint");
        }
        // the rows, encoded before the clock starts (as the transcripts were before the producer started)
        List<byte[]> chunks = new ArrayList<>(documents.size());
        long id = 1;
        for (GeneratedDocument document : documents) {
            StringBuilder csv = new StringBuilder();
            long transcriptId = transcriptIds.get(document.documentId());
            for (GeneratedStatement s : document.statements()) {
                csv.append(id++).append(',')
                        .append(Sha256.ofParts("copy", document.documentId(), Integer.toString(s.ordinal())))
                        .append(',').append(transcriptId).append(',').append(speakerIds.get(s.label())).append(',')
                        .append(s.ordinal()).append(',');
                quoted(csv, s.label()).append(',');
                quoted(csv, s.role()).append(',');
                quoted(csv, s.annotation()).append(',');
                quoted(csv, s.text()).append(',');
                quoted(csv, EventJson.write(s.paragraphs())).append(',');
                csv.append("\"[]\",2026-01-01 00:00:00+00\n");
            }
            chunks.add(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        String copySql = "copy " + COPY_TABLE + " (id, statement_id, transcript_id, speaker_id, ordinal, "
                + "speaker_label, speaker_role, annotation, text, paragraphs, remarks, stored_at) "
                + "from stdin with (format csv)";
        CopyManager copyManager = db.unwrap(PGConnection.class).getCopyAPI();

        // a small COPY first (not timed), so that neither variant pays for a cold start
        copyOnce(db, copyManager, copySql, chunks.subList(0, Math.min(10, chunks.size())), false);
        double[] singleSeconds = new double[runs];
        double[] perDocumentTimes = new double[runs];
        for (int run = 0; run < runs; run++) {
            // 1. one COPY, one transaction: PostgreSQL's best case
            singleSeconds[run] = copyOnce(db, copyManager, copySql, chunks, false);
            log("  run %d, one COPY: %,d rows in %.1f s", run + 1, rows, singleSeconds[run]);
            // 2. one COPY and one commit per transcript: the consumer's transaction granularity
            perDocumentTimes[run] = copyOnce(db, copyManager, copySql, chunks, true);
            log("  run %d, one COPY per transcript: %,d rows in %.1f s", run + 1, rows, perDocumentTimes[run]);
        }
        long searchable = Sql.count(db, "select count(*) from " + COPY_TABLE
                + " where search @@ websearch_to_tsquery('english', 'president')");
        long copiedRows = Sql.count(db, "select count(*) from " + COPY_TABLE);
        if (copiedRows != rows) {
            throw new IllegalStateException("COPY left " + copiedRows + " rows, expected " + rows);
        }
        log("  the copy has %,d rows, %,d match 'president' through its generated tsvector", copiedRows, searchable);
        try (Statement statement = db.createStatement()) {
            statement.execute("drop table " + COPY_TABLE);
        }
        double single = java.util.Arrays.stream(singleSeconds).average().orElseThrow();
        double perDocumentSeconds = java.util.Arrays.stream(perDocumentTimes).average().orElseThrow();
        long perDocumentRows = rows;
        double singleRate = rows / single;
        double perDocumentRate = perDocumentRows / perDocumentSeconds;
        report.put(SECTION, String.format("PostgreSQL COPY, %,d rows in one transaction (mean of %d)", rows, runs),
                String.format("%.1f s → %,.0f rows/s (runs: %s)", single, singleRate, rates(rows, singleSeconds)));
        report.put(SECTION, String.format("PostgreSQL COPY, one COPY + commit per transcript (%d rows each, mean of %d)",
                statementsPerDocument, runs), String.format("%.1f s → %,.0f rows/s (runs: %s)", perDocumentSeconds,
                perDocumentRate, rates(rows, perDocumentTimes)));
        if (consumer.complete()) {
            report.put(SECTION, "ratio consumer (stored and published) / COPY one transaction",
                    String.format("%.3f (COPY is %.1f× faster)", consumer.publishedRate() / singleRate, singleRate / consumer.publishedRate()));
            report.put(SECTION, "ratio consumer (stored and published) / COPY per transcript",
                    String.format("%.3f (COPY is %.1f× faster)", consumer.publishedRate() / perDocumentRate,
                            perDocumentRate / consumer.publishedRate()));
            report.put(SECTION, "ratio consumer (stored only) / COPY one transaction",
                    String.format("%.3f", consumer.storedRate() / singleRate));
        }
    }

    private static String rates(long rows, double[] seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(t -> String.format("%,.0f", rows / t))
                .collect(Collectors.joining(", ")) + " rows/s";
    }

    /** Empties the copy table, then COPYs the chunks: in one transaction, or one COPY and commit per chunk. */
    private static double copyOnce(Connection db, CopyManager copyManager, String copySql, List<byte[]> chunks,
            boolean commitPerChunk) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("truncate " + COPY_TABLE);
            statement.execute("checkpoint");
        }
        long start = System.nanoTime();
        if (commitPerChunk) {
            for (byte[] chunk : chunks) {
                CopyIn in = copyManager.copyIn(copySql);
                in.writeToCopy(chunk, 0, chunk.length);
                in.endCopy();
            }
        } else {
            db.setAutoCommit(false);
            CopyIn in = copyManager.copyIn(copySql);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            for (byte[] chunk : chunks) {
                buffer.write(chunk);
                if (buffer.size() >= 1 << 20) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            in.endCopy();
            db.commit();
            db.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static StringBuilder quoted(StringBuilder csv, String value) {
        if (value == null) {
            return csv; // unquoted empty: NULL in CSV
        }
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
