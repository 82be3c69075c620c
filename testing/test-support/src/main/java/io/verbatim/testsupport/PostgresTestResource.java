package io.verbatim.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a fresh database on the shared embedded PostgreSQL server, through a
 * {@link CommitCuttingProxy} that passes everything on until a test arms it ({@link #proxy()}) to break the
 * service's database connection at commit time. (A Quarkus test resource applies to every test of the module, so
 * the proxy is always there rather than in a resource of its own that would compete for the same settings.)
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile CommitCuttingProxy proxy;

    /** The proxy between the running test application and PostgreSQL. */
    public static CommitCuttingProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("PostgresTestResource has not started");
        }
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("verbatim_test");
        proxy = new CommitCuttingProxy(server.port());
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                "quarkus.datasource.username", PostgresServer.USERNAME,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // the server is shared by every test class of this JVM and stops at exit; the proxy stops with this app
        if (proxy != null) {
            proxy.close();
        }
    }
}
