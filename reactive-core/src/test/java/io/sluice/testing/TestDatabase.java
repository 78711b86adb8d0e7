package io.sluice.testing;

import io.sluice.core.Engine;
import io.sluice.core.EngineBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every database test runs on. H2 runs in memory; PostgreSQL and MariaDB are the servers on loopback. Outside CI an
 * unreachable server skips its tests with the reason; with {@code CI=true} it fails them, so CI never passes by skipping.
 */
public enum TestDatabase {
    H2("r2dbc:h2:mem:///sluice_test"),
    POSTGRESQL(env("SLUICE_POSTGRES_URL", "r2dbc:postgresql://postgres@127.0.0.1:5432/test")),
    MARIADB(env("SLUICE_MARIADB_URL", "r2dbc:mariadb://root@127.0.0.1:3306/test"));

    private static final Map<TestDatabase, Engine> ENGINES = new ConcurrentHashMap<>();
    private static final Map<TestDatabase, String> UNREACHABLE = new ConcurrentHashMap<>();

    private final String url;

    TestDatabase(String url) {
        this.url = url;
    }

    /** Returns the R2DBC URL of the database. */
    public String url() {
        return url;
    }

    /**
     * Returns the shared engine of this database, after checking that it answers; skips or fails the calling test if not.
     */
    public Engine engine() {
        requireReachable();
        return ENGINES.computeIfAbsent(
                this, database -> Engine.builder(database.url).maxSize(5).build());
    }

    /** Returns a new engine of this database, configured by the caller; the caller closes it. */
    public Engine newEngine(UnaryOperator<EngineBuilder> configuration) {
        requireReachable();
        return configuration.apply(Engine.builder(url)).build();
    }

    private void requireReachable() {
        String reason = UNREACHABLE.computeIfAbsent(this, TestDatabase::probe);
        if (reason.isEmpty()) {
            return;
        }
        String message = name() + " at " + url + " is not reachable: " + reason;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: database tests must run, not be skipped)");
        }
        Assumptions.abort(message);
    }

    private String probe() {
        Engine probe = Engine.builder(url)
                .maxSize(1)
                .acquireTimeout(Duration.ofSeconds(10))
                .build();
        try {
            probe.query(io.sluice.core.sql.SQL.text("SELECT 1")).blockLast(Duration.ofSeconds(15));
            return "";
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        } finally {
            probe.close().block(Duration.ofSeconds(10));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
