package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
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
import reactor.test.StepVerifier;

/** Streaming a select through {@link Engine#stream} and {@link SqlConnection#stream}, with each driver's settings. */
final class StreamIntegrationTests {

    static final Table NUMBERS = Table.builder("sluice_core_stream_numbers")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .column("label", SqlType.varchar(40))
            .build();
    static final Column<Long> ID = NUMBERS.column("id", Long.class);
    static final Column<String> LABEL = NUMBERS.column("label", String.class);
    static final Metadata METADATA = Metadata.of(NUMBERS);
    static final int ROWS = 1_500;
    static final Select ALL_IN_ORDER = SQL.select(ID, LABEL).from(NUMBERS).orderBy(ID);

    private final List<Engine> opened = new ArrayList<>();
    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void cleanUp() {
        Schemas.drop(engine, METADATA);
        for (Engine extra : opened) {
            extra.close().block(Duration.ofSeconds(10));
        }
    }

    private Engine seeded(TestDatabase database, RecordingListener listener) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        List<List<?>> rows = new ArrayList<>();
        for (long i = 1; i <= ROWS; i++) {
            rows.add(List.of(i, "number-" + i));
        }
        for (int from = 0; from < ROWS; from += 500) {
            engine.execute(SQL.insertInto(NUMBERS).columns(ID, LABEL).rows(rows.subList(from, from + 500)))
                    .block(Duration.ofSeconds(30));
        }
        Engine single = database.newEngine(builder ->
                builder.maxSize(1).acquireTimeout(Duration.ofSeconds(10)).listener(listener));
        opened.add(single);
        return single;
    }

    private static List<String> around(TestDatabase database, String sql, String end) {
        return database == TestDatabase.H2
                ? List.of(
                        "BEGIN (implicit)", "SET LAZY_QUERY_EXECUTION TRUE", sql, "SET LAZY_QUERY_EXECUTION FALSE", end)
                : List.of("BEGIN (implicit)", sql, end);
    }

    @DatabaseTest
    void shouldStreamEveryRowInOrderInAReadTransaction(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        Engine single = seeded(database, sql);

        single.stream(ALL_IN_ORDER, row -> row.get(0, Long.class), 100)
                .as(StepVerifier::create)
                .expectNextSequence(
                        java.util.stream.LongStream.rangeClosed(1, ROWS).boxed().toList())
                .verifyComplete();

        String select = sql.statements().stream()
                .filter(statement -> statement.sql().startsWith("SELECT"))
                .findFirst()
                .orElseThrow()
                .sql();
        assertThat(sql.events()).containsExactlyElementsOf(around(database, select, "COMMIT"));
        assertThat(single.poolMetrics().orElseThrow().acquiredSize()).isZero();
    }

    @DatabaseTest
    void shouldReleaseTheConnectionAndRestoreTheSettingsWhenCancelled(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        Engine single = seeded(database, sql);

        single.stream(ALL_IN_ORDER, row -> row.get(0, Long.class), 50)
                .as(rows -> StepVerifier.create(rows, 0))
                .thenRequest(10)
                .expectNext(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        // One connection: this waits for the cancelled stream's connection to be back in the pool.
        assertThat(single.query(SQL.select(SQL.count()).from(NUMBERS))
                        .map(row -> row.get(0, Long.class))
                        .blockFirst(Duration.ofSeconds(30)))
                .isEqualTo(ROWS);
        String select =
                sql.statements().get(database == TestDatabase.H2 ? 1 : 0).sql();
        assertThat(sql.events()).startsWith(around(database, select, "ROLLBACK").toArray(new String[0]));
        assertThat(single.poolMetrics().orElseThrow().acquiredSize()).isZero();
    }

    @DatabaseTest
    void shouldRunTheConnectionsNextStatementAfterAStreamItCancelled(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        Engine single = seeded(database, sql);

        single.transaction(connection -> connection.stream(ALL_IN_ORDER, row -> row.get(1, String.class), 20)
                        .take(3)
                        .concatWith(connection.query(
                                SQL.select(LABEL).from(NUMBERS).where(ID.eq((long) ROWS)),
                                row -> row.get(0, String.class))))
                .as(StepVerifier::create)
                .expectNext("number-1", "number-2", "number-3", "number-" + ROWS)
                .verifyComplete();

        if (database == TestDatabase.H2) {
            List<String> events = sql.events();
            assertThat(events.indexOf("SET LAZY_QUERY_EXECUTION FALSE")).isLessThan(events.size() - 2);
            assertThat(events.get(events.size() - 2)).contains("WHERE");
        }
    }

    @DatabaseTest
    void shouldRestoreTheSettingsWhenTheQueryFails(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        Engine single = seeded(database, sql);

        single.stream(SQL.text("SELECT id FROM sluice_core_stream_missing"), row -> row.get(0), 10)
                .as(StepVerifier::create)
                .expectError(R2dbcBadGrammarException.class)
                .verify(Duration.ofSeconds(30));

        assertThat(sql.events())
                .containsExactlyElementsOf(around(database, "SELECT id FROM sluice_core_stream_missing", "ROLLBACK"));
        assertThat(single.stream(ALL_IN_ORDER, row -> row.get(0), 10).count().block(Duration.ofSeconds(30)))
                .isEqualTo(ROWS);
    }
}
