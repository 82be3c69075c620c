package io.verbatim.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.EventJson;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The look-ups of the stream's Last-Event-ID replay ({@link StreamReplay}) use indexes, shown by PostgreSQL's own
 * EXPLAIN of the very SQL the replay runs, on an outbox of 50,000 published rows (written and analysed inside a
 * transaction that is rolled back, so no other test sees them). Without migration V8 the first look-up has no index
 * on event_id: PostgreSQL walks the primary key filtering on event_id, or reads the whole table.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StreamReplayIndexTest {

    private static final int ROWS = 50_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void findingTheLastEventIdIsOneProbeOfTheEventIdIndexAndWhatFollowsIsReadAlongThePrimaryKey() throws Exception {
        String lastEventId = eventId(ROWS / 2);
        List<String> startScans;
        List<String> missedScans;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("insert into outbox_event (id, event_id, topic, record_key, event_type, payload, "
                        + "created_at, sent_at) select 2000000000 + g, md5(g::text) || md5((g + 1)::text), "
                        + "'statements.new', 'replay-index-' || (g % 500), 'statement.new', '{}', now(), now() "
                        + "from generate_series(1, " + ROWS + ") g");
                sql.execute("analyze outbox_event");

                startScans = scans(sql, StreamReplay.START_SQL.replace(":id", "'" + lastEventId + "'"));
                missedScans = scans(sql, StreamReplay.MISSED_SQL.replace(":after", "2000025000")
                        .replace(":limit", Integer.toString(StreamReplay.MAX_REPLAY)));
            } finally {
                connection.rollback();
            }
        }

        assertThat(startScans).containsExactly("Index Scan using outbox_event_event_id_idx");
        assertThat(missedScans).containsExactly("Index Scan using outbox_event_pkey");
    }

    /** The event id of generated row {@code g}, as the insert above writes it. */
    private static String eventId(int g) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md5.digest(Integer.toString(g).getBytes(StandardCharsets.US_ASCII)))
                + HexFormat.of().formatHex(md5.digest(Integer.toString(g + 1).getBytes(StandardCharsets.US_ASCII)));
    }

    /** The scans of the plan, each as "<node type> using <index>" or "<node type> on <table>". */
    private static List<String> scans(Statement sql, String query) throws SQLException, IOException {
        try (ResultSet plan = sql.executeQuery("explain (format json) " + query)) {
            plan.next();
            List<String> scans = new ArrayList<>();
            collectScans(EventJson.mapper().readTree(plan.getString(1)).get(0).get("Plan"), scans);
            return scans;
        }
    }

    private static void collectScans(JsonNode node, List<String> scans) {
        String type = node.path("Node Type").asText();
        if (type.contains("Scan")) {
            scans.add(node.has("Index Name") ? type + " using " + node.get("Index Name").asText()
                    : type + " on " + node.path("Relation Name").asText());
        }
        node.path("Plans").forEach(child -> collectScans(child, scans));
    }
}
