package io.verbatim.notify.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-process matcher answers as store-service's search does: every query of a list against every text of a
 * list, compared with {@code to_tsvector('english', text) @@ websearch_to_tsquery('english', q)} on a real
 * PostgreSQL.
 */
class TextQueryMatchesPostgresTest {

    private static final List<String> TEXTS = List.of(
            "The Prime Minister of Russia spoke about grain exports.",
            "Our economy is growing; exports grew by 10 per cent.",
            "Kim Jong-un met the President in Pyongyang.",
            "We don't accept sanctions against our farmers.",
            "Ministers discussed the prime rate, not the minister's prime concern.",
            "Vaccines and vaccination: the vaccine programme continues.",
            "Running, runs and ran: the runner was running late.",
            "Thank you. Good afternoon, colleagues!");

    private static final List<String> QUERIES = List.of(
            "grain", "exports", "export", "\"prime minister\"", "\"minister prime\"", "\"prime of russia\"",
            "economy -grain", "grain or vaccine", "pyongyang kim", "jong-un", "\"kim jong-un\"", "don't",
            "vaccination", "running", "ran", "the", "\"the of\"", "grain exports or economy", "economy or grain exports",
            "-\"prime minister\" exports", "colleagues or farmers -sanctions", "Prime Minister", "minister's",
            "per cent", "10", "thank you", "\"good afternoon\" colleagues", "spoke or said", "Zeppelin");

    @Test
    void everyQueryMatchesTheSameTextsAsPostgresqlWebSearch() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("notify_match");
        List<String> differences = new ArrayList<>();
        int comparisons = 0;
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USERNAME,
                PostgresServer.PASSWORD);
                PreparedStatement match = connection.prepareStatement(
                        "select to_tsvector('english', ?) @@ websearch_to_tsquery('english', ?)")) {
            for (String query : QUERIES) {
                TextQuery compiled = TextQuery.parse(query);
                for (String text : TEXTS) {
                    match.setString(1, text);
                    match.setString(2, query);
                    boolean postgres;
                    try (ResultSet row = match.executeQuery()) {
                        row.next();
                        postgres = row.getBoolean(1);
                    }
                    comparisons++;
                    if (postgres != compiled.matchesText(text)) {
                        differences.add("q=" + query + " | text=" + text + " | postgres=" + postgres);
                    }
                }
            }
        }

        assertThat(comparisons).isEqualTo(QUERIES.size() * TEXTS.size());
        assertThat(differences).isEmpty();
    }
}
