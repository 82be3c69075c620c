package io.verbatim.store.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/** A storage failure that may pass if tried again: the database is unreachable, restarting or in a conflict. */
public class TransientStoreFailure extends RuntimeException {

    /** SQL states worth a retry: connection problems, shutdown, serialization failure, deadlock, unique race. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01",
            "23505");

    public TransientStoreFailure(Throwable cause) {
        super("transient storage failure: " + cause.getMessage(), cause);
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true; // the connection pool could not reach the database in time
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
