package io.verbatim.store.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * PostgreSQL refused a transcript's own data: a data exception (SQLState class 22, such as a value too long or an
 * invalid byte sequence) or an integrity violation (class 23) other than a unique violation, which is a race
 * between two writers and passes when tried again. Storing the same record again would fail the same way, so this
 * is the one database failure that proves the input bad; every other failure of a store (a lost connection, a commit
 * whose outcome is unknown, a pool that cannot connect, a transaction manager's exception, whatever wraps them) says
 * nothing about the record and is retried.
 */
public class TranscriptRejectedByDatabase extends RuntimeException {

    private static final String UNIQUE_VIOLATION = "23505";

    public TranscriptRejectedByDatabase(String documentId, SQLException dataError) {
        super("PostgreSQL refused document " + documentId + " (SQLState " + dataError.getSQLState() + "): "
                + firstLine(dataError.getMessage()), dataError);
    }

    /**
     * The data error in {@code failure}'s causes and suppressed exceptions, or {@code null} when there is none (the
     * failure is then not the record's fault).
     */
    public static SQLException dataErrorIn(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (t instanceof SQLException sql && isDataError(sql.getSQLState())) {
                // a batch's own exception quotes the whole statement and its values; the server's error is next
                SQLException server = sql;
                while (server.getNextException() != null && isDataError(server.getNextException().getSQLState())) {
                    server = server.getNextException();
                }
                return server;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.push(sql.getNextException());
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return null;
    }

    static boolean isDataError(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22")
                || (sqlState.startsWith("23") && !UNIQUE_VIOLATION.equals(sqlState)));
    }

    /** The message's first line, at most 300 characters: enough to say what was wrong, never the whole document. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
