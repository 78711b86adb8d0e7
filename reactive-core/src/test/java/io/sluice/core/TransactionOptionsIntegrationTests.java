package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcException;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Per-transaction options on every database: isolation levels seen in what a transaction reads, read-only transactions,
 * lock and statement timeouts, and the connection's settings put back for the next transaction on it.
 */
final class TransactionOptionsIntegrationTests {

    static final Table COUNTERS = Table.builder("rel_tx_options")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("hits", SqlType.INTEGER)
            .notNull()
            .build();
    static final Column<Integer> ID = COUNTERS.column("id", Integer.class);
    static final Column<Integer> HITS = COUNTERS.column("hits", Integer.class);
    static final Metadata METADATA = Metadata.of(COUNTERS);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Engine engine;
    private final List<Engine> opened = new ArrayList<>();

    private Engine single(TestDatabase on, RecordingListener listener) {
        engine = on.engine();
        Schemas.recreate(engine, METADATA);
        engine.execute(SQL.insertInto(COUNTERS).columns(ID, HITS).values(1, 1)).block(TIMEOUT);
        Engine one = on.newEngine(builder -> builder.maxSize(1).listener(listener));
        opened.add(one);
        return one;
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(TIMEOUT));
        if (engine != null) {
            Schemas.drop(engine, METADATA);
        }
    }

    private static Mono<Integer> hits(SqlConnection connection) {
        return connection
                .query(SQL.select(HITS).from(COUNTERS).where(ID.eq(1)))
                .map(row -> ((Number) row.get(0)).intValue())
                .single();
    }

    /** Reads the counter, lets another connection change it and commit, and reads it again in the same transaction. */
    private List<Integer> readTwiceAcrossACommit(Engine on, TransactionOptions options, int next) {
        return on.transaction(
                        options,
                        connection -> hits(connection)
                                .flatMap(first -> engine.execute(SQL.update(COUNTERS)
                                                .set(HITS, next)
                                                .where(ID.eq(1)))
                                        .then(hits(connection))
                                        .map(second -> List.of(first, second))))
                .blockLast(TIMEOUT);
    }

    @DatabaseTest
    void shouldReadAsTheIsolationLevelSaysAndPutTheLevelBackAfter(TestDatabase on) {
        RecordingListener sql = new RecordingListener();
        Engine one = single(on, sql);
        TransactionOptions repeatable = TransactionOptions.defaults().isolation(IsolationLevel.REPEATABLE_READ);
        assertThat(readTwiceAcrossACommit(one, repeatable, 2)).containsExactly(1, 1);
        TransactionOptions committed = TransactionOptions.defaults().isolation(IsolationLevel.READ_COMMITTED);
        assertThat(readTwiceAcrossACommit(one, committed, 3)).containsExactly(2, 3);
        // The same connection, in a plain transaction: the database's default level again (MariaDB's is REPEATABLE
        // READ).
        List<Integer> plain = readTwiceAcrossACommit(one, TransactionOptions.defaults(), 4);
        assertThat(plain).containsExactly(3, on == TestDatabase.MARIADB ? 3 : 4);
        assertThat(sql.events()).contains("BEGIN ISOLATION LEVEL REPEATABLE READ", "BEGIN (implicit)");
    }

    @DatabaseTest
    void shouldRefuseWritesInAReadOnlyTransactionWhereTheDatabaseHasThem(TestDatabase on) {
        Engine one = single(on, new RecordingListener());
        TransactionOptions readOnly = TransactionOptions.defaults().readOnly();
        Mono<Long> write = one.transaction(
                        readOnly,
                        connection -> connection.execute(
                                SQL.update(COUNTERS).set(HITS, 9).where(ID.eq(1))))
                .single();
        if (on == TestDatabase.H2) {
            assertThat(write.block(TIMEOUT)).isEqualTo(1L); // H2 has no read-only transactions (documented)
        } else {
            assertThatThrownBy(() -> write.block(TIMEOUT))
                    .isInstanceOf(R2dbcException.class)
                    .satisfies(error ->
                            assertThat(((R2dbcException) error).getSqlState()).isEqualTo("25006"));
            assertThat(one.transaction(connection -> hits(connection)).blockLast(TIMEOUT))
                    .isEqualTo(1);
            // The next transaction on the connection writes again.
            assertThat(one.transaction(connection -> connection.execute(
                                    SQL.update(COUNTERS).set(HITS, 5).where(ID.eq(1))))
                            .blockLast(TIMEOUT))
                    .isEqualTo(1L);
        }
    }

    @DatabaseTest
    void shouldStopWaitingForALockAfterTheLockTimeoutAndPutTheTimeoutBack(TestDatabase on) {
        Engine one = single(on, new RecordingListener());
        Engine holder = on.newEngine(builder -> builder.maxSize(1));
        opened.add(holder);
        String before = lockTimeout(on, one);
        Sinks.Empty<Void> release = Sinks.empty();
        Sinks.Empty<Void> locked = Sinks.empty();
        Mono<Void> holding = holder.transaction(connection -> connection
                        .query(SQL.select(HITS).from(COUNTERS).where(ID.eq(1)).forUpdate())
                        .then()
                        .doOnSuccess(ignored -> locked.tryEmitEmpty())
                        .then(release.asMono()))
                .then();
        holding.subscribe();
        locked.asMono().block(TIMEOUT);
        try {
            TransactionOptions options = TransactionOptions.defaults().lockTimeout(Duration.ofSeconds(1));
            assertThatThrownBy(() -> one.transaction(
                                    options,
                                    connection -> connection.execute(
                                            SQL.update(COUNTERS).set(HITS, 7).where(ID.eq(1))))
                            .blockLast(TIMEOUT))
                    .isInstanceOf(R2dbcException.class)
                    .satisfies(error ->
                            assertThat(lockTimeoutCode((R2dbcException) error)).isIn("55P03", "1205", "50200"));
        } finally {
            release.tryEmitEmpty();
        }
        assertThat(lockTimeout(on, one)).isEqualTo(before);
    }

    @DatabaseTest
    void shouldCancelAStatementThatRunsLongerThanTheStatementTimeout(TestDatabase on) {
        Engine one = single(on, new RecordingListener());
        String before = statementTimeout(on, one);
        TransactionOptions options = TransactionOptions.defaults().statementTimeout(Duration.ofMillis(300));
        // Five seconds on every database, unless cancelled (MariaDB caps recursive CTEs at 1000 iterations).
        String slow = switch (on) {
            case H2 ->
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 100000000)"
                        + " SELECT COUNT(*) FROM t";
            case POSTGRESQL -> "SELECT pg_sleep(5)";
            case MARIADB -> "SELECT SLEEP(5)";
        };
        assertThatThrownBy(() -> one.transaction(options, connection -> connection.query(SQL.text(slow)))
                        .blockLast(TIMEOUT))
                .isInstanceOf(R2dbcException.class)
                .satisfies(error ->
                        assertThat(((R2dbcException) error).getSqlState()).isIn("57014", "70100"));
        assertThat(statementTimeout(on, one)).isEqualTo(before);
    }

    @Test
    void shouldRefuseASubSecondLockTimeoutOnMariaDbBeforeSending() {
        RecordingListener sql = new RecordingListener();
        Engine one = single(TestDatabase.MARIADB, sql);
        TransactionOptions options = TransactionOptions.defaults().lockTimeout(Duration.ofMillis(1500));
        assertThatThrownBy(() ->
                        one.transaction(options, connection -> hits(connection)).blockLast(TIMEOUT))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("whole seconds")
                .hasMessageContaining("Duration.ofSeconds(2)");
        assertThat(sql.events()).isEmpty();
    }

    @Test
    void shouldRefuseNonsenseOptions() {
        assertThatThrownBy(() -> TransactionOptions.defaults().lockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> TransactionOptions.defaults().statementTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave it unset");
        assertThat(TransactionOptions.defaults()
                        .isolation(IsolationLevel.SERIALIZABLE)
                        .readOnly())
                .hasToString("ISOLATION LEVEL SERIALIZABLE, READ ONLY");
    }

    private static String lockTimeoutCode(R2dbcException error) {
        return error.getErrorCode() == 1205 ? "1205" : error.getErrorCode() == 50200 ? "50200" : error.getSqlState();
    }

    private static String lockTimeout(TestDatabase on, Engine one) {
        return setting(
                one,
                switch (on) {
                    case H2 -> "SELECT CAST(LOCK_TIMEOUT() AS VARCHAR)";
                    case POSTGRESQL -> "SELECT current_setting('lock_timeout')";
                    case MARIADB -> "SELECT CAST(@@innodb_lock_wait_timeout AS CHAR)";
                });
    }

    private static String statementTimeout(TestDatabase on, Engine one) {
        return setting(
                one,
                switch (on) {
                    case H2 ->
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'";
                    case POSTGRESQL -> "SELECT current_setting('statement_timeout')";
                    case MARIADB -> "SELECT CAST(@@max_statement_time AS CHAR)";
                });
    }

    private static String setting(Engine one, String query) {
        return one.transaction(connection -> connection.query(SQL.text(query)).map(row -> String.valueOf(row.get(0))))
                .blockLast(TIMEOUT);
    }
}
