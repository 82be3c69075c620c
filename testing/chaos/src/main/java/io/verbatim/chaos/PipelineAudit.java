package io.verbatim.chaos;

import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.local.LocalPostgres;
import io.verbatim.local.ClusterProcesses;
import io.verbatim.testsupport.ConsumerGroups;
import io.verbatim.testsupport.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * After the faults: waits until the pipeline has caught up, then counts what was stored in PostgreSQL, what was
 * announced on {@code statements.new} and what was dead-lettered, against what was fed; the parser itself
 * ({@code POST /api/parse}) says how many statements each fed document holds.
 */
final class PipelineAudit {

    private final ClusterProcesses cluster;
    private final HttpClient http = HttpClient.newHttpClient();

    PipelineAudit(ClusterProcesses cluster) {
        this.cluster = cluster;
    }

    /**
     * Waits until parse-service and store-service have committed past every record (read as a read_committed
     * reader sees them) and the outbox is empty; returns how
     * long that took, or -1 with the lags in {@code report} when it did not happen within {@code timeout}.
     */
    long awaitDrained(Duration timeout, ChaosReport report) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long rawLag = -1;
        long parsedLag = -1;
        long unsent = -1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                rawLag = ConsumerGroups.unconsumed(admin, cluster.bootstrapServers(), "parse-service",
                        Topics.TRANSCRIPTS_RAW);
                parsedLag = ConsumerGroups.unconsumed(admin, cluster.bootstrapServers(), "store-service",
                        Topics.TRANSCRIPTS_PARSED);
                // pending rows only: a parked row (too large to announce, see store-service's OutboxRelay) is not lag
                unsent = queryLong("select count(*) from outbox_event where sent_at is null and parked_at is null");
                if (rawLag == 0 && parsedLag == 0 && unsent == 0) {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    report.check("no consumer stuck: lags and outbox empty after the last fault", "0 / 0 / 0",
                            "0 / 0 / 0 (after " + millis + " ms)", true);
                    return millis;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
        report.check("no consumer stuck: lags and outbox empty after the last fault", "0 / 0 / 0",
                rawLag + " / " + parsedLag + " / " + unsent + " after " + timeout, false);
        return -1;
    }

    void audit(List<Feeder.Fed> fed, List<PoisonRecords.Injected> poison, ChaosReport report) throws Exception {
        Map<String, Feeder.Fed> byDocument = new HashMap<>();
        fed.forEach(f -> byDocument.put(f.documentId(), f));

        Map<String, Long> storedPerDocument = new HashMap<>();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select t.document_id, count(s.id) from transcript t"
                        + " left join statement s on s.transcript_id = t.id group by t.document_id")) {
            while (rows.next()) {
                storedPerDocument.put(rows.getString(1), rows.getLong(2));
            }
        }
        long storedFed = byDocument.keySet().stream().filter(storedPerDocument::containsKey).count();
        long storedOther = storedPerDocument.keySet().stream().filter(id -> !byDocument.containsKey(id)).count();
        report.check("documents stored = documents fed - poison", fed.size(), storedFed);
        report.check("documents stored that were never fed (poison among them)", 0, storedOther);

        long expectedStatements = 0;
        long lost = 0;
        long extra = 0;
        for (Feeder.Fed document : fed) {
            int expected = statementsParsedFrom(document);
            long stored = storedPerDocument.getOrDefault(document.documentId(), 0L);
            expectedStatements += expected;
            lost += Math.max(0, expected - stored);
            extra += Math.max(0, stored - expected);
        }
        long storedStatements = queryLong("select count(*) from statement");
        long distinctStatements = queryLong("select count(distinct statement_id) from statement");
        long distinctPlaces = queryLong("select count(distinct (transcript_id, ordinal)) from statement");
        report.figure("statements the parser finds in the fed documents", expectedStatements);
        report.figure("statements stored", storedStatements);
        report.check("statements lost", 0, lost);
        report.check("statements stored beyond what the parser finds", 0, extra);
        // statement_id is unique by constraint, so count(distinct statement_id) = count(*) always: a duplicate
        // statement would have to show as a second row at the same place of the same transcript
        report.figure("statement rows / distinct statement ids", storedStatements + " / " + distinctStatements);
        report.check("duplicate statement rows: count(*) - count(distinct (transcript, ordinal))", 0,
                storedStatements - distinctPlaces);

        Set<String> storedIds = new HashSet<>();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select statement_id from statement")) {
            while (rows.next()) {
                storedIds.add(rows.getString(1));
            }
        }
        List<ConsumerRecord<String, String>> announced = readAll(Topics.STATEMENTS_NEW);
        Set<String> eventIds = new HashSet<>();
        Set<String> announcedStatements = new HashSet<>();
        for (ConsumerRecord<String, String> record : announced) {
            StatementNew event = EventJson.read(record.value(), StatementNew.class);
            eventIds.add(event.eventId());
            announcedStatements.add(event.statementId());
        }
        Map<String, String> parked = new TreeMap<>();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select event_id, park_reason from outbox_event"
                        + " where parked_at is not null and topic = '" + Topics.STATEMENTS_NEW + "'")) {
            while (rows.next()) {
                parked.put(rows.getString(1), rows.getString(2));
            }
        }
        Announcements counted = Announcements.count(storedIds, announcedStatements, parked);
        report.figure("statements.new records", announced.size() + " (" + (announced.size() - eventIds.size())
                + " of them a second announcement of the same event: delivery is at least once)");
        report.figure("stored statements parked in the outbox, not announced (store-service: too large to"
                + " announce)", counted.parkedNotAnnounced());
        counted.reasons().forEach((reason, count) -> report.figure("parked for \"" + reason + "\"", count));
        report.check("stored statements never announced on statements.new and not parked with a reason", 0,
                counted.unannounced());
        report.check("parked outbox rows without a reason", 0, counted.parkedWithoutReason());
        report.check("distinct eventIds on statements.new = stored statements - parked ones not announced",
                storedStatements - counted.parkedNotAnnounced(), eventIds.size());

        auditOrdinalOrder(announced, report);
        auditExactlyOnceParsing(poison, report);
        auditDeadLetters(poison, report);
    }

    /**
     * The promise of docs/events.md: within one document, records arrive in {@code ordinal} order. Delivery is at
     * least once, so a statement may come again (the same {@code eventId}); the order is that of each statement's
     * first copy, in the document's partition.
     */
    static void auditOrdinalOrder(List<ConsumerRecord<String, String>> announced, ChaosReport report) {
        OrdinalOrder order = OrdinalOrder.of(announced);
        report.figure("documents announced on statements.new", order.documents());
        report.check("documents whose statements.new records (first copy of each eventId) are not in ordinal order",
                0, order.outOfOrder().size());
        order.outOfOrder().stream().limit(3).forEach(example -> report.figure("out of order", example));
    }

    /** The documents of {@code statements.new} whose first copies of each statement do not rise in ordinal. */
    record OrdinalOrder(int documents, List<String> outOfOrder) {

        static OrdinalOrder of(List<ConsumerRecord<String, String>> records) {
            Map<String, java.util.List<Integer>> ordinals = new java.util.LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> record : records) {
                StatementNew event = EventJson.read(record.value(), StatementNew.class);
                if (seen.add(event.eventId())) {
                    ordinals.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>()).add(event.ordinal());
                }
            }
            List<String> outOfOrder = new java.util.ArrayList<>();
            ordinals.forEach((document, sequence) -> {
                for (int i = 1; i < sequence.size(); i++) {
                    if (sequence.get(i) <= sequence.get(i - 1)) {
                        outOfOrder.add(document + ": " + sequence);
                        return;
                    }
                }
            });
            return new OrdinalOrder(ordinals.size(), outOfOrder);
        }
    }

    /**
     * Stored statements against {@code statements.new}: a statement whose outbox row store-service parked (its
     * record too large to announce) is not "never announced" when the row holds its reason; it is counted apart, by
     * reason (the reason's figures, digits, replaced by {@code #} so that rows parked for the same cause count
     * together).
     *
     * @param unannounced          stored, not announced, and not parked with a reason: a lost announcement
     * @param parkedNotAnnounced   stored, not announced, parked (with or without a reason)
     * @param parkedWithoutReason  parked rows whose reason is blank
     * @param reasons              parked rows not announced, per reason with its digits masked
     */
    record Announcements(long unannounced, long parkedNotAnnounced, long parkedWithoutReason,
            Map<String, Long> reasons) {

        static Announcements count(Set<String> stored, Set<String> announced, Map<String, String> parkedReasons) {
            long unannounced = 0;
            long parkedNotAnnounced = 0;
            Map<String, Long> reasons = new TreeMap<>();
            for (String id : stored) {
                if (announced.contains(id)) {
                    continue;
                }
                String reason = parkedReasons.get(id);
                if (parkedReasons.containsKey(id)) {
                    parkedNotAnnounced++;
                }
                if (reason == null || reason.isBlank()) {
                    unannounced++;
                } else {
                    reasons.merge(reason.replaceAll("[0-9][0-9,.]*", "#"), 1L, Long::sum);
                }
            }
            long withoutReason = parkedReasons.values().stream().filter(r -> r == null || r.isBlank()).count();
            return new Announcements(unannounced, parkedNotAnnounced, withoutReason, reasons);
        }
    }

    /**
     * Exactly once from {@code transcripts.raw} to {@code transcripts.parsed}: every raw record (a document sent
     * again by the feeder counts again) is parsed once or dead-lettered once, never twice, whatever was killed.
     */
    private void auditExactlyOnceParsing(List<PoisonRecords.Injected> poison, ChaosReport report) {
        long raw = readAll(Topics.TRANSCRIPTS_RAW).size();
        long parsed = readAll(Topics.TRANSCRIPTS_PARSED).size();
        long rawPoison = poison.stream().filter(p -> p.kind().topic().equals(Topics.TRANSCRIPTS_RAW)).count();
        long parsedPoison = poison.size() - rawPoison;
        report.figure("transcripts.raw records (documents sent again included)", raw);
        report.check("transcripts.parsed records = transcripts.raw records - raw poison + poison written to"
                + " transcripts.parsed (each raw record parsed exactly once)", raw - rawPoison + parsedPoison, parsed);
    }

    private void auditDeadLetters(List<PoisonRecords.Injected> poison, ChaosReport report) {
        Map<String, PoisonRecords.Kind> expected = poison.stream()
                .collect(Collectors.toMap(PoisonRecords.Injected::key, PoisonRecords.Injected::kind));
        Map<String, String> reasons = new TreeMap<>();
        long records = 0;
        long unexpected = 0;
        long misplaced = 0;
        for (String topic : List.of(Topics.TRANSCRIPTS_RAW_DLQ, Topics.TRANSCRIPTS_PARSED_DLQ)) {
            for (ConsumerRecord<String, String> record : readAll(topic)) {
                records++;
                PoisonRecords.Kind kind = expected.get(record.key());
                if (kind == null) {
                    unexpected++;
                    continue;
                }
                if (!kind.deadLetterTopic().equals(topic)) {
                    misplaced++;
                }
                Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
                reasons.put(record.key(), reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
            }
        }
        report.check("poison records dead-lettered (distinct)", expected.size(), reasons.size());
        report.check("dead-letter records = poison injected", expected.size(), records);
        report.check("dead-letter records that were not poison", 0, unexpected);
        report.check("poison on the wrong dead-letter topic", 0, misplaced);
        long withoutReason = reasons.values().stream().filter(String::isBlank).count();
        report.check("dead-letter records without a reason", 0, withoutReason);
        Map<PoisonRecords.Kind, String> reasonPerKind = new TreeMap<>();
        reasons.forEach((key, reason) -> reasonPerKind.putIfAbsent(expected.get(key), reason));
        reasonPerKind.forEach((kind, reason) -> report.figure("dead-letter reason for " + kind,
                '"' + (reason.length() > 160 ? reason.substring(0, 160) + "…" : reason) + '"'));
    }

    /** Every record of {@code topic} as a {@code read_committed} reader sees it, from the first to the end. */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        try (TopicReader reader = new TopicReader(cluster.bootstrapServers(), topic)) {
            return reader.readToEnd(Duration.ofMinutes(2));
        }
    }

    /** How many statements parse-service finds in this document, asked of its preview API. */
    private int statementsParsedFrom(Feeder.Fed document) throws IOException, InterruptedException {
        String sourceUrl = document.variant().sourceUrl();
        String url = cluster.service(ClusterProcesses.PARSE).baseUrl() + "/api/parse" + (sourceUrl == null ? ""
                : "?sourceUrl=" + URLEncoder.encode(sourceUrl, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", document.variant().contentType() + "; charset=utf-8")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(document.variant().body())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the parser refused fed document " + document.documentId() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return EventJson.mapper().readTree(response.body()).path("statements").size();
    }

    private long queryLong(String query) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(), LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
    }
}
