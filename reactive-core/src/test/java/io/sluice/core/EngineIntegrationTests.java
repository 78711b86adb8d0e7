package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Connections and transactions end as they must, on every database: commit, rollback on error and on cancel, release always. */
final class EngineIntegrationTests {

    static final Table ITEMS = Table.builder("sluice_engine_items")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .autoIncrement()
            .column("name", SqlType.varchar(100))
            .notNull()
            .unique()
            .build();
    static final Column<Long> ID = ITEMS.column("id", Long.class);
    static final Column<String> NAME = ITEMS.column("name", String.class);
    static final Metadata METADATA = Metadata.of(ITEMS);

    private final List<Engine> opened = new ArrayList<>();
    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void cleanUp() {
        Schemas.drop(engine, METADATA);
        for (Engine extra : opened) {
            extra.close().block(Duration.ofSeconds(10));
        }
    }

    private Engine setUp(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        return engine;
    }

    private Engine singleConnection(TestDatabase database, RecordingListener listener) {
        Engine single = database.newEngine(builder ->
                builder.maxSize(1).acquireTimeout(Duration.ofSeconds(10)).listener(listener));
        opened.add(single);
        return single;
    }

    private long count(Engine on) {
        return on.query(SQL.select(SQL.count()).from(ITEMS))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(10));
    }

    private static List<List<?>> names(int n) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of("item-" + i));
        }
        return rows;
    }

    @DatabaseTest
    void shouldCommitWhenTheWorkCompletes(TestDatabase database) {
        setUp(database);
        RecordingListener listener = new RecordingListener();
        Engine single = singleConnection(database, listener);

        single.transaction(connection -> connection
                        .execute(SQL.insertInto(ITEMS).columns(NAME).values("a"))
                        .then(connection.execute(
                                SQL.insertInto(ITEMS).columns(NAME).values("b"))))
                .as(StepVerifier::create)
                .expectNext(1L)
                .verifyComplete();

        assertThat(count(engine)).isEqualTo(2);
        assertThat(listener.events())
                .containsExactly(
                        "BEGIN (implicit)",
                        "INSERT INTO sluice_engine_items (name) VALUES ("
                                + database.engine().dialect().bindMarker(1) + ")",
                        "INSERT INTO sluice_engine_items (name) VALUES ("
                                + database.engine().dialect().bindMarker(1) + ")",
                        "COMMIT");
    }

    @DatabaseTest
    void shouldRollBackWhenTheWorkFails(TestDatabase database) {
        setUp(database);
        RecordingListener listener = new RecordingListener();
        Engine single = singleConnection(database, listener);

        single.transaction(connection -> connection
                        .execute(SQL.insertInto(ITEMS).columns(NAME).values("a"))
                        .then(Mono.error(new IllegalStateException("boom"))))
                .as(StepVerifier::create)
                .verifyErrorMessage("boom");

        assertThat(count(single)).isZero();
        assertThat(listener.events()).contains("ROLLBACK").doesNotContain("COMMIT");
    }

    @DatabaseTest
    void shouldRollBackWhenTheSubscriberCancels(TestDatabase database) {
        setUp(database);
        RecordingListener listener = new RecordingListener();
        Engine single = singleConnection(database, listener);

        single.transaction(connection -> connection
                        .execute(SQL.insertInto(ITEMS).columns(NAME).values("a"))
                        .flux()
                        .concatWith(Flux.never()))
                .as(StepVerifier::create)
                .expectNext(1L)
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        // The pool has one connection: this query waits until the cancelled transaction has rolled back and released
        // it.
        assertThat(count(single)).isZero();
        assertThat(listener.events()).contains("ROLLBACK").doesNotContain("COMMIT");
    }

    @DatabaseTest
    void shouldReleaseTheConnectionWhenAStreamingQueryIsCancelled(TestDatabase database) {
        setUp(database);
        engine.execute(SQL.insertInto(ITEMS).columns(NAME).rows(names(2000))).block(Duration.ofSeconds(30));
        Engine single = singleConnection(database, new RecordingListener());

        single.query(SQL.select(NAME).orderBy(ID))
                .take(10)
                .as(StepVerifier::create)
                .expectNextCount(10)
                .verifyComplete();
        single.query(SQL.select(NAME).orderBy(ID).limit(1))
                .map(row -> row.get(0))
                .as(StepVerifier::create)
                .expectNext("item-0")
                .verifyComplete();

        assertThat(count(single)).isEqualTo(2000);
    }

    @DatabaseTest
    void shouldReleaseTheConnectionWhenTheWorkFails(TestDatabase database) {
        setUp(database);
        Engine single = singleConnection(database, new RecordingListener());

        single.connect(connection -> Mono.error(new IllegalStateException("boom")))
                .as(StepVerifier::create)
                .verifyErrorMessage("boom");

        assertThat(single.poolMetrics())
                .hasValueSatisfying(
                        metrics -> assertThat(metrics.acquiredSize()).isZero());
        assertThat(count(single)).isZero();
    }

    @DatabaseTest
    void shouldDeliverRowsOnlyAsRequested(TestDatabase database) {
        setUp(database);
        engine.execute(SQL.insertInto(ITEMS).columns(NAME).rows(names(500))).block(Duration.ofSeconds(30));

        StepVerifier.create(engine.query(SQL.select(NAME).orderBy(ID)), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(3)
                .expectNextCount(3)
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(2)
                .expectNextCount(2)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldSignalDatabaseErrorsWithTheirSqlInTheirR2dbcCategory(TestDatabase database) {
        setUp(database);
        engine.execute(SQL.insertInto(ITEMS).columns(NAME).values("secret-value"))
                .block();

        engine.execute(SQL.insertInto(ITEMS).columns(NAME).values("secret-value"))
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(R2dbcDataIntegrityViolationException.class);
                    String sql = "INSERT INTO sluice_engine_items (name) VALUES ("
                            + engine.dialect().bindMarker(1) + ")";
                    assertThat(((R2dbcDataIntegrityViolationException) error).getSql())
                            .isEqualTo(sql);
                    assertThat(error.getMessage()).contains("[SQL: " + sql + "]");
                })
                .verify(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldEchoStatementsAndTheirValues(TestDatabase database) {
        setUp(database);
        Engine echoing = database.newEngine(builder -> builder.echo(true));
        opened.add(echoing);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            echoing.transaction(connection -> connection.execute(
                            SQL.insertInto(ITEMS).columns(NAME).values("echoed")))
                    .blockLast();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log)
                .contains("io.sluice.engine - BEGIN (implicit)")
                .contains("INSERT INTO sluice_engine_items (name) VALUES ("
                        + echoing.dialect().bindMarker(1) + ")")
                .contains("[parameters: [echoed]]")
                .contains("io.sluice.engine - COMMIT");
    }
}
