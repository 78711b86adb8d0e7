package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

/** {@link StatementListener#afterExecute}: each statement told of ends once, completed, failed or cancelled. */
class StatementEndIntegrationTests {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Records "before SQL" and "after SQL: outcome". */
    static final class Ends implements StatementListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecute(RenderedSql sql) {
            events.add("before " + sql.sql());
        }

        @Override
        public void afterExecute(RenderedSql sql, long rows, @Nullable Throwable error) {
            String outcome = error == null ? "ok" : error instanceof CancellationException ? "cancelled" : "failed";
            events.add("after " + sql.sql() + ": " + outcome + ", " + rows + " rows");
        }
    }

    private Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close().block(TIMEOUT);
        }
    }

    @DatabaseTest
    void shouldTellWhenAStatementCompletesFailsOrIsCancelled(TestDatabase on) {
        Ends ends = new Ends();
        engine = on.newEngine(builder -> builder.listener(ends));
        engine.query(SQL.text("SELECT 1")).blockLast(TIMEOUT);
        engine.execute(SQL.text("DROP TABLE IF EXISTS no_such_table_ends")).block(TIMEOUT);
        try {
            engine.query(SQL.text("SELECT * FROM no_such_table_ends")).blockLast(TIMEOUT);
        } catch (RuntimeException expected) {
            // told as failed
        }
        engine.query(SQL.text("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"))
                .take(1)
                .blockLast(TIMEOUT);
        engine.execute(SQL.text("CREATE TABLE ends_rows (id INT)")).block(TIMEOUT);
        try {
            engine.execute(SQL.text("INSERT INTO ends_rows (id) VALUES (1), (2)"))
                    .block(TIMEOUT);
            engine.query(SQL.text("SELECT id FROM ends_rows")).blockLast(TIMEOUT);
        } finally {
            engine.execute(SQL.text("DROP TABLE ends_rows")).block(TIMEOUT);
        }
        assertThat(ends.events)
                .containsExactly(
                        "before SELECT 1",
                        "after SELECT 1: ok, 1 rows",
                        "before DROP TABLE IF EXISTS no_such_table_ends",
                        "after DROP TABLE IF EXISTS no_such_table_ends: ok, 0 rows",
                        "before SELECT * FROM no_such_table_ends",
                        "after SELECT * FROM no_such_table_ends: failed, 0 rows",
                        "before SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3",
                        "after SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3: cancelled, 1 rows",
                        "before CREATE TABLE ends_rows (id INT)",
                        "after CREATE TABLE ends_rows (id INT): ok, 0 rows",
                        "before INSERT INTO ends_rows (id) VALUES (1), (2)",
                        "after INSERT INTO ends_rows (id) VALUES (1), (2): ok, 2 rows",
                        "before SELECT id FROM ends_rows",
                        "after SELECT id FROM ends_rows: ok, 2 rows",
                        "before DROP TABLE ends_rows",
                        "after DROP TABLE ends_rows: ok, 0 rows");
    }
}
