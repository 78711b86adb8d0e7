package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** {@link Query#stream()}: detached objects, demand down to the driver, the session's turn, and cancellation. */
final class StreamIntegrationTests {

    static final Mapping MAPPING = Mapping.of(StreamRow.class);
    static final Table ROWS_TABLE = MAPPING.entity(StreamRow.class).table();
    static final int ROWS = 2_000;
    static final Duration WAIT = Duration.ofSeconds(30);

    private Engine engine = TestDatabase.H2.engine();
    private TestDatabase database = TestDatabase.H2;
    private final List<Engine> opened = new ArrayList<>();
    private long lastTick;

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
        engine.execute(SQL.text(
                        database == TestDatabase.H2
                                ? "DROP ALIAS IF EXISTS sluice_stream_tick"
                                : "DROP SEQUENCE IF EXISTS sluice_stream_ticks"))
                .block(WAIT);
    }

    /** Creates and fills the table through the core's multi-row insert, and returns a factory over one connection. */
    private SessionFactory seeded(TestDatabase database, RecordingListener listener) {
        this.database = database;
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        List<List<?>> rows = new ArrayList<>();
        for (long i = 1; i <= ROWS; i++) {
            rows.add(List.of(i, "row-" + i, (int) (i % 100), "note " + i));
        }
        for (int from = 0; from < ROWS; from += 500) {
            engine.execute(SQL.insertInto(ROWS_TABLE)
                            .columns(StreamRow_.id, StreamRow_.name, StreamRow_.quantity, StreamRow_.note)
                            .rows(rows.subList(from, from + 500)))
                    .block(WAIT);
        }
        Engine single = database.newEngine(
                builder -> builder.maxSize(1).acquireTimeout(WAIT).listener(listener));
        opened.add(single);
        return SessionFactory.of(single, MAPPING);
    }

    /** Returns a select of every row with a column the database computes once per produced row, counted by serverRows(). */
    private String countedSelect() {
        String tick = switch (database) {
            case H2 -> "sluice_stream_tick(id)";
            case POSTGRESQL -> "nextval('sluice_stream_ticks')";
            case MARIADB -> "NEXTVAL(sluice_stream_ticks)";
        };
        String create = database == TestDatabase.H2
                ? "CREATE ALIAS IF NOT EXISTS sluice_stream_tick DETERMINISTIC FOR 'io.sluice.session.ServerWork.tick'"
                : "CREATE SEQUENCE sluice_stream_ticks";
        engine.execute(SQL.text(
                        database == TestDatabase.H2 ? "SELECT 1" : "DROP SEQUENCE IF EXISTS sluice_stream_ticks"))
                .then(engine.execute(SQL.text(create)))
                .block(WAIT);
        ServerWork.takeH2Ticks();
        lastTick = 0;
        return "SELECT id, name, quantity, note, " + tick + " AS tick FROM sluice_stream_rows";
    }

    private long serverRows() {
        if (database == TestDatabase.H2) {
            return ServerWork.takeH2Ticks();
        }
        String next = database == TestDatabase.POSTGRESQL
                ? "SELECT nextval('sluice_stream_ticks')"
                : "SELECT NEXTVAL(sluice_stream_ticks)";
        long value = engine.query(SQL.text(next))
                .map(row -> ((Number) row.get(0)).longValue())
                .blockFirst(WAIT);
        // The sequence's values since the last reading, less the one this reading took.
        long produced = value - lastTick - 1;
        lastTick = value;
        return produced;
    }

    @DatabaseTest
    void shouldStreamEveryRowAsANewObjectTheSessionDoesNotKeep(TestDatabase database) {
        Session session = seeded(database, new RecordingListener()).open();
        StreamRow held = session.get(StreamRow.class, 1L).block(WAIT);
        held.setName("changed");

        List<StreamRow> rows = session.query(StreamRow.class).orderBy(StreamRow_.id).stream()
                .collectList()
                .block(WAIT);

        assertThat(rows).hasSize(ROWS);
        assertThat(rows).extracting(StreamRow::getId).startsWith(1L, 2L, 3L).endsWith((long) ROWS);
        assertThat(rows.get(0)).isNotSameAs(held);
        assertThat(rows.get(0).getName()).as("autoflushed first").isEqualTo("changed");
        assertThat(rows.get(1).getNote()).isEqualTo("note 2");
        assertThat(rows).noneMatch(session::contains);
        assertThat(session.contains(held)).isTrue();
        assertThat(session.dirty()).isEmpty();
        session.query(StreamRow_.id, StreamRow_.name).filter(StreamRow_.id.le(2L)).orderBy(StreamRow_.id).stream(1)
                .map(tuple -> tuple.first() + ":" + tuple.second())
                .as(StepVerifier::create)
                .expectNext("1:changed", "2:row-2")
                .verifyComplete();
        session.rollback().block(WAIT);
    }

    @DatabaseTest
    void shouldHaveTheDatabaseProduceOnlyAboutTheRowsTheSubscriberRequests(TestDatabase database) {
        SessionFactory sessions = seeded(database, new RecordingListener());
        String select = countedSelect();

        sessions.inTransaction(session -> session.query(StreamRow.class).fromStatement(SQL.text(select)).stream(50))
                .as(rows -> StepVerifier.create(rows, 0))
                .thenRequest(10)
                .expectNextCount(10)
                .thenCancel()
                .verify(WAIT);
        long streamed = serverRows();

        Session listing = sessions.open();
        listing.query(StreamRow.class)
                .fromStatement(SQL.text(select))
                .all()
                .take(10)
                .as(StepVerifier::create)
                .expectNextCount(10)
                .verifyComplete();
        // The cancelled statement may still be running on the server: the rollback of close() goes to the same
        // connection, which answers it only once the statement has finished, so the count below is complete.
        listing.close().block(WAIT);
        long listed = serverRows();

        if (database == TestDatabase.MARIADB) {
            // No cursor: the server produces every row; the driver only reads them as they are requested.
            assertThat(streamed).isEqualTo(ROWS);
        } else {
            assertThat(streamed)
                    .as("rows the database produced for 10 requested")
                    .isBetween(10L, 100L);
        }
        assertThat(listed).as("all() has the whole result produced").isEqualTo(ROWS);
    }

    @DatabaseTest
    void shouldReleaseTheConnectionWhenTheStreamIsCancelled(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql);

        assertThat(sessions.inTransaction(session -> session.query(StreamRow.class).orderBy(StreamRow_.id).stream())
                        .take(100)
                        .count()
                        .block(WAIT))
                .isEqualTo(100);
        // The pool has one connection: the next transaction gets it once the cancelled one has rolled back.
        assertThat(sessions.inTransaction(
                                session -> session.query(StreamRow.class).count())
                        .blockLast(WAIT))
                .isEqualTo(ROWS);
        assertThat(sessions.engine().poolMetrics().orElseThrow().acquiredSize()).isZero();
        List<String> first = sql.events().subList(0, sql.events().indexOf("ROLLBACK") + 1);
        assertThat(first)
                .containsExactlyElementsOf(
                        database == TestDatabase.H2
                                ? List.of(
                                        "BEGIN (implicit)",
                                        "SET LAZY_QUERY_EXECUTION TRUE",
                                        first.get(2),
                                        "SET LAZY_QUERY_EXECUTION FALSE",
                                        "ROLLBACK")
                                : List.of("BEGIN (implicit)", first.get(1), "ROLLBACK"));

        Session session = sessions.open();
        assertThat(session.query(StreamRow.class).stream().take(100).count().block(WAIT))
                .isEqualTo(100);
        assertThat(session.query(StreamRow.class).count().block(WAIT)).isEqualTo(ROWS);
        session.close().block(WAIT);
        assertThat(sessions.engine().poolMetrics().orElseThrow().acquiredSize()).isZero();
    }

    @DatabaseTest
    void shouldHoldTheSessionsTurnUntilTheStreamEnds(TestDatabase database) throws Exception {
        Session session = seeded(database, new RecordingListener()).open();
        CompletableFuture<Long> counted = new CompletableFuture<>();

        session.query(StreamRow.class).orderBy(StreamRow_.id).stream(10)
                .as(rows -> StepVerifier.create(rows, 0))
                .thenRequest(5)
                .expectNextCount(5)
                .then(() -> session.query(StreamRow.class)
                        .count()
                        .subscribe(counted::complete, counted::completeExceptionally))
                .thenRequest(5)
                .expectNextCount(5)
                .then(() ->
                        assertThat(counted).as("waits for the stream's turn").isNotDone())
                .thenCancel()
                .verify(WAIT);

        assertThat(counted.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ROWS);
        session.close().block(WAIT);
    }

    @DatabaseTest
    void shouldSignalErrorsAndLeaveTheSessionUsable(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        Session session = seeded(database, sql).open();

        session
                .query(StreamRow.class)
                .fromStatement(SQL.text("SELECT id, name, quantity, note FROM sluice_stream_missing"))
                .stream()
                .as(StepVerifier::create)
                .expectError(R2dbcBadGrammarException.class)
                .verify(WAIT);
        if (database == TestDatabase.H2) {
            assertThat(sql.events())
                    .containsSubsequence(
                            "SET LAZY_QUERY_EXECUTION TRUE",
                            "SELECT id, name, quantity, note FROM sluice_stream_missing",
                            "SET LAZY_QUERY_EXECUTION FALSE");
        }
        session.rollback().block(WAIT);
        assertThat(session.query(StreamRow.class).stream().count().block(WAIT)).isEqualTo(ROWS);
        session.close().block(WAIT);

        Session withRelationships =
                SessionFactory.of(engine, Mapping.of(User.class, Address.class)).open();
        Flux<User> eager =
                withRelationships.query(User.class).options(LoadOption.selectinLoad(User_.addresses)).stream();
        eager.as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SessionException.class)
                        .hasMessageContaining("stream() does not load relationships"))
                .verify(WAIT);
    }
}
