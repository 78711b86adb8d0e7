package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.Faults;
import io.sluice.testing.Pools;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import io.sluice.testing.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * A transaction cancelled at any stage (as BEGIN, a statement or COMMIT is sent, or while rows stream) rolls back and gives its
 * connection back: on a pool of one connection, the next transaction runs and sees nothing of the cancelled one, or all of it
 * if the cancel came too late to stop the COMMIT.
 */
final class EngineCancellationIntegrationTests {

    static final Table ITEMS = Table.builder("rel_cancel_items")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("name", SqlType.varchar(40))
            .notNull()
            .build();
    static final Column<Integer> ID = ITEMS.column("id", Integer.class);
    static final Column<String> NAME = ITEMS.column("name", String.class);
    static final Metadata METADATA = Metadata.of(ITEMS);
    static final int ROWS = 300;

    /** Where the cancel arrives. */
    enum Stage {
        AS_BEGIN_IS_SENT("BEGIN", 1),
        AS_THE_FIRST_INSERT_IS_SENT("INSERT", 1),
        AS_THE_QUERY_IS_SENT("SELECT", 1),
        WHILE_ROWS_STREAM("", 0),
        AS_THE_SECOND_INSERT_IS_SENT("INSERT", 2),
        AS_COMMIT_IS_SENT("COMMIT", 1);

        final String prefix;
        final int occurrence;

        Stage(String prefix, int occurrence) {
            this.prefix = prefix;
            this.occurrence = occurrence;
        }
    }

    static Stream<Arguments> stages() {
        return Stream.of(TestDatabase.values())
                .flatMap(database -> Stream.of(Stage.values()).map(stage -> Arguments.of(database, stage)));
    }

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, METADATA);
    }

    private static List<List<?>> rows(int from, int count) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(List.of(i, "item " + i));
        }
        return rows;
    }

    private static long count(Engine on) {
        return on.query(SQL.select(SQL.count()).from(ITEMS))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(20));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stages")
    void shouldRollBackAndReleaseTheConnectionWhenCancelled(TestDatabase database, Stage stage) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        Trigger trigger = Trigger.at(stage.prefix, stage.occurrence);
        RecordingListener sql = new RecordingListener();
        Engine single = database.newEngine(builder -> builder.maxSize(1)
                .acquireTimeout(Duration.ofSeconds(20))
                .listener(trigger)
                .listener(sql));
        opened.add(single);

        // Two inserts around a query whose rows stream to the subscriber.
        Flux<Object> work = single.transaction(connection -> connection
                .execute(SQL.insertInto(ITEMS).columns(ID, NAME).rows(rows(0, ROWS)))
                .thenMany(connection.query(SQL.select(ID).orderBy(ID)).map(row -> row.get(0)))
                .concatWith(connection
                        .execute(SQL.insertInto(ITEMS).columns(ID, NAME).rows(rows(ROWS, ROWS)))
                        .then()
                        .cast(Object.class)));
        if (stage == Stage.WHILE_ROWS_STREAM) {
            work.take(10).as(StepVerifier::create).expectNextCount(10).verifyComplete();
        } else {
            work.takeUntilOther(trigger.fired())
                    .then()
                    .as(StepVerifier::create)
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
            assertThat(trigger.hasFired()).as("the cancel arrived at " + stage).isTrue();
        }

        // The pool's only connection must come back, rolled back (or, cancelled too late, committed whole).
        long left = count(single);
        if (stage == Stage.AS_COMMIT_IS_SENT) {
            assertThat(left).as("all or nothing").isIn(0L, 2L * ROWS);
        } else {
            assertThat(left).as("nothing of the cancelled transaction").isZero();
            assertThat(sql.events()).doesNotContain("COMMIT");
        }
        single.transaction(connection -> connection.execute(
                        SQL.insertInto(ITEMS).columns(ID, NAME).values(10_000, "next")))
                .as(StepVerifier::create)
                .expectNext(1L)
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        assertThat(count(engine)).isEqualTo(left + 1);
        Pools.awaitAllIdle(single);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void shouldRollBackAStatementCancelledWhileTheServerRunsIt(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        engine.execute(SQL.insertInto(ITEMS).columns(ID, NAME).values(1, "locked"))
                .block(Duration.ofSeconds(10));
        Engine single = database.newEngine(builder -> builder.maxSize(1).acquireTimeout(Duration.ofSeconds(20)));
        opened.add(single);

        // The blocker holds row 1 until told to commit; the victim's UPDATE of row 1 waits for it on the server.
        Sinks.Empty<Void> locked = Sinks.empty();
        Sinks.Empty<Void> release = Sinks.empty();
        Sinks.Empty<Void> cancel = Sinks.empty();
        Mono<Void> blocker = engine.transaction(connection -> connection
                        .execute(SQL.update(ITEMS).set(NAME, "blocker").where(ID.eq(1)))
                        .doOnSuccess(updated -> locked.tryEmitEmpty())
                        .then(release.asMono()))
                .then();
        AtomicLong victimId = new AtomicLong();
        Mono<Void> victim = locked.asMono()
                .thenMany(single.transaction(connection -> connection
                        .execute(SQL.insertInto(ITEMS).columns(ID, NAME).values(2, "victim"))
                        .then(Faults.serverId(connection))
                        .doOnNext(victimId::set)
                        .then(connection.execute(
                                SQL.update(ITEMS).set(NAME, "victim").where(ID.eq(1))))))
                .then()
                .takeUntilOther(cancel.asMono());
        Mono<Void> cancelWhileWaiting = Mono.defer(() -> Faults.awaitLockWait(engine, victimId.get()))
                .delaySubscription(Mono.fromCallable(victimId::get)
                        .filter(id -> id != 0)
                        .repeatWhenEmpty(500, attempts -> attempts.delayElements(Duration.ofMillis(10))))
                .doOnSuccess(waiting -> cancel.tryEmitEmpty())
                .doFinally(signal -> release.tryEmitEmpty());

        Mono.when(blocker, victim, cancelWhileWaiting)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        // The pool's one connection comes back once the server has run the UPDATE and the ROLLBACK queued behind it.
        assertThat(single.query(SQL.select(ID, NAME).orderBy(ID))
                        .map(row -> row.get(0) + " " + row.get(1))
                        .collectList()
                        .block(Duration.ofSeconds(20)))
                .containsExactly("1 blocker");
        Pools.awaitAllIdle(single);
    }
}
