package io.verbatim.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommitCuttingProxyTest {

    private static String database;
    private static CommitCuttingProxy proxy;

    @BeforeAll
    static void start() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        database = server.createDatabase("proxy_test");
        proxy = new CommitCuttingProxy(server.port());
        try (Connection direct = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USERNAME,
                PostgresServer.PASSWORD); Statement statement = direct.createStatement()) {
            statement.execute("create table note (text varchar primary key)");
        }
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @ParameterizedTest
    @EnumSource(CommitCuttingProxy.Cut.class)
    void commitOfTheMarkedTransactionFailsOnTheClientAndEndsAsTheCutSays(CommitCuttingProxy.Cut cut)
            throws SQLException {
        String marker = UUID.randomUUID().toString();
        int cutsBefore = proxy.cuts();
        proxy.arm(marker, cut);

        try (Connection viaProxy = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database, PostgresServer.USERNAME,
                PostgresServer.PASSWORD)) {
            viaProxy.setAutoCommit(false);
            // enough commits for the driver to prepare COMMIT on the server: later ones send only its name
            for (int i = 0; i < 8; i++) {
                try (Statement statement = viaProxy.createStatement()) {
                    statement.execute("select 1");
                }
                viaProxy.commit();
            }
            try (PreparedStatement insert = viaProxy.prepareStatement("insert into note values (?)")) {
                insert.setString(1, marker);
                insert.executeUpdate();
            }
            assertThatThrownBy(viaProxy::commit).isInstanceOf(SQLException.class);
        }

        assertThat(proxy.cuts()).isEqualTo(cutsBefore + 1);
        assertThat(rows(marker)).isEqualTo(cut == CommitCuttingProxy.Cut.AFTER_COMMIT ? 1 : 0);
    }

    private static int rows(String text) throws SQLException {
        try (Connection direct = DriverManager.getConnection(PostgresServer.shared().jdbcUrl(database),
                PostgresServer.USERNAME, PostgresServer.PASSWORD);
                PreparedStatement query = direct.prepareStatement("select count(*) from note where text = ?")) {
            query.setString(1, text);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
