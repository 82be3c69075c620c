package io.verbatim.store.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The one query helper every phase of the store benchmark needs. */
final class Sql {

    private Sql() {
    }

    /** The single number a {@code select count(*) ...} returns. */
    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
