package io.verbatim.store.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.verbatim.events.http.Problem;
import io.verbatim.store.config.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Runs the read API's queries on a pool of their own, the {@code queries} datasource, never on the default pool that
 * the consumer and the outbox relay write through: however many or however costly the queries, the connections that
 * store incoming data stay free. Each query runs under PostgreSQL's {@code statement_timeout}
 * ({@code verbatim.store.api.statement-timeout}). A query that exceeds it, or that finds no free connection within
 * the pool's acquisition timeout, answers 503 with a problem body and {@code Retry-After}, never 500.
 *
 * <p>The work gets a read-only Hibernate session opened on the borrowed connection, so it can use the entities and
 * JPQL as well as native SQL; it must not write.
 */
@ApplicationScoped
public class ReadQueries {

    /** PostgreSQL's SQLSTATE for a statement cancelled, here by {@code statement_timeout}. */
    static final String QUERY_CANCELED = "57014";
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ReadQueries.class);

    private final AgroalDataSource dataSource;
    private final SessionFactory sessions;
    private final StoreConfig config;

    public ReadQueries(@DataSource("queries") AgroalDataSource dataSource, SessionFactory sessions,
            StoreConfig config) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.config = config;
    }

    /** Runs {@code work} in a read-only session on a connection of the query pool. */
    public <T> T run(Function<Session, T> work) {
        Connection connection = borrow();
        try (connection) {
            try (Session session = sessions.withOptions().connection(connection).openSession()) {
                session.setDefaultReadOnly(true);
                return work.apply(session);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not return a connection to the query pool", e);
        } catch (RuntimeException e) {
            if (cancelledByTimeout(e)) {
                LOG.infof("read query cancelled after the statement timeout of %s", config.api().statementTimeout());
                throw Problem.unavailable("the query took longer than " + config.api().statementTimeout().toMillis()
                        + " ms and was cancelled; narrow it (a speaker, a document, a date range) or try again later",
                        RETRY_AFTER_SECONDS);
            }
            throw e;
        }
    }

    private Connection borrow() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            LOG.infof("no connection of the query pool available: %s", e.getMessage());
            throw Problem.unavailable("too many queries at once; try again shortly", RETRY_AFTER_SECONDS);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = " + Math.max(1, config.api().statementTimeout().toMillis()));
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("could not set the statement timeout", e);
        }
    }

    static boolean cancelledByTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
