package io.verbatim.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} at a fresh database on the shared embedded PostgreSQL server. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("verbatim_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USERNAME,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // the server is shared by every test class of this JVM and stops at exit
    }
}
