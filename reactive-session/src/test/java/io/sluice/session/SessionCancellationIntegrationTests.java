package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Faults;
import io.sluice.testing.Pools;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import io.sluice.testing.Trigger;
import java.math.BigDecimal;
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
 * Session work cancelled at any stage (as a statement or COMMIT is sent, in the middle of a chunked flush, while rows stream)
 * rolls back and gives the connection back: on a pool of one connection, the next session runs and sees nothing of the cancelled
 * one, or all of it if the cancel came too late to stop the COMMIT.
 */
final class SessionCancellationIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Wallet.class);
    static final int WALLETS = 2500;

    /** Where the cancel arrives. */
    enum Stage {
        AS_BEGIN_IS_SENT("BEGIN", 1),
        AS_THE_FIRST_INSERT_CHUNK_IS_SENT("INSERT", 1),
        AS_THE_SECOND_INSERT_CHUNK_IS_SENT("INSERT", 2),
        AS_THE_QUERY_IS_SENT("SELECT", 1),
        WHILE_ROWS_STREAM("", 0),
        AS_THE_COMMITS_FLUSH_IS_SENT("UPDATE", 1),
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
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory single(TestDatabase database, Trigger trigger, RecordingListener sql) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine single = database.newEngine(builder -> builder.maxSize(1)
                .acquireTimeout(Duration.ofSeconds(20))
                .listener(trigger)
                .listener(sql));
        opened.add(single);
        return SessionFactory.of(single, MAPPING);
    }

    private static List<Wallet> wallets(String prefix) {
        List<Wallet> wallets = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            wallets.add(new Wallet(prefix + i, "1.00"));
        }
        return wallets;
    }

    private long rows() {
        return engine.query(SQL.select(SQL.count())
                        .from(MAPPING.entity(Wallet.class).table()))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(20));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stages")
    void shouldRollBackAndReleaseTheConnectionWhenWorkInTransactionIsCancelled(TestDatabase database, Stage stage) {
        Trigger trigger = Trigger.at(stage.prefix, stage.occurrence);
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = single(database, trigger, sql);

        // A chunked flush, a query whose rows stream to the subscriber, a change flushed by the commit.
        Flux<Wallet> work = sessions.inTransaction(session -> {
            session.addAll(wallets("w"));
            return session.flush()
                    .thenMany(session.query(Wallet.class).orderBy(Wallet_.id).all())
                    .concatWith(session.get(Wallet.class, 1L)
                            .doOnNext(first -> first.setBalance(new BigDecimal("2.00")))
                            .then(Mono.empty()));
        });
        if (stage == Stage.WHILE_ROWS_STREAM) {
            work.take(10).as(StepVerifier::create).expectNextCount(10).verifyComplete();
        } else {
            work.takeUntilOther(trigger.fired())
                    .then()
                    .as(StepVerifier::create)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
            assertThat(trigger.hasFired()).as("the cancel arrived at " + stage).isTrue();
        }
        List<String> sent = sql.events();

        // The next session gets the pool's only connection, and sees nothing of the cancelled one (or all of it).
        long left = sessions.inTransaction(
                        session -> session.query(Wallet.class).count())
                .blockLast(Duration.ofSeconds(30));
        if (stage == Stage.AS_COMMIT_IS_SENT) {
            assertThat(left).as("all or nothing").isIn(0L, (long) WALLETS);
        } else {
            assertThat(left).as("nothing of the cancelled transaction").isZero();
            assertThat(sent).doesNotContain("COMMIT");
        }
        sessions.inTransaction(session -> {
                    session.add(new Wallet("next", "1.00"));
                    return Mono.empty();
                })
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(rows()).isEqualTo(left + 1);
        Pools.awaitAllIdle(sessions.engine());
    }

    @DatabaseTest
    void shouldRollBackACancelledFlushAndLetTheSessionGoOn(TestDatabase database) {
        Trigger trigger = Trigger.at("INSERT", 2);
        SessionFactory sessions = single(database, trigger, new RecordingListener());
        Session session = sessions.open();
        Wallet kept = new Wallet("kept", "1.00");
        session.add(kept);
        session.commit().block(Duration.ofSeconds(10));
        kept.setBalance(new BigDecimal("5.00"));
        List<Wallet> added = wallets("w");
        session.addAll(added);

        session.flush()
                .takeUntilOther(trigger.fired())
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(added)
                .extracting(Wallet::getId)
                .as("no key of a row that was not kept")
                .containsOnlyNulls();
        assertThat(added).extracting(Wallet::getVersion).containsOnlyNulls();
        assertThat(kept.getVersion()).isEqualTo(1L);
        session.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(kept.getBalance()).isEqualByComparingTo("1.00");
        assertThat(sessions.inTransaction(other -> other.query(Wallet.class).count())
                        .blockLast(Duration.ofSeconds(30)))
                .as("the pool's only connection is free, and the cancelled flush left nothing")
                .isEqualTo(1L);

        kept.setBalance(new BigDecimal("5.00"));
        session.addAll(added);
        session.commit().as(StepVerifier::create).expectComplete().verify(Duration.ofSeconds(30));
        session.close().block(Duration.ofSeconds(10));
        assertThat(rows()).isEqualTo(1L + WALLETS);
        assertThat(added).extracting(Wallet::getId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(kept.getVersion()).isEqualTo(2L);
        Pools.awaitAllIdle(sessions.engine());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void shouldRollBackAFlushCancelledWhileTheServerRunsIt(TestDatabase database) {
        SessionFactory sessions = single(database, Trigger.at("never", 1), new RecordingListener());
        Table wallets = MAPPING.entity(Wallet.class).table();
        sessions.inTransaction(session -> {
                    session.add(new Wallet("locked", "1.00"));
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(10));

        // The blocker holds the row until told to commit; the victim's flushed UPDATE of it waits on the server.
        Sinks.Empty<Void> locked = Sinks.empty();
        Sinks.Empty<Void> release = Sinks.empty();
        Sinks.Empty<Void> cancel = Sinks.empty();
        Mono<Void> blocker = engine.transaction(connection -> connection
                        .execute(SQL.update(wallets)
                                .set(wallets.column("code", String.class), "blocker")
                                .where(wallets.column("id", Long.class).eq(1L)))
                        .doOnSuccess(updated -> locked.tryEmitEmpty())
                        .then(release.asMono()))
                .then();
        AtomicLong victimId = new AtomicLong();
        Mono<Void> victim = locked.asMono()
                .thenMany(sessions.inTransaction(session -> {
                    session.add(new Wallet("victim", "1.00"));
                    return session.flush()
                            .then(session.query(SQL.function(Faults.idFunction(engine.dialect()), null))
                                    .one())
                            .doOnNext(id -> victimId.set(((Number) id).longValue()))
                            .then(session.get(Wallet.class, 1L))
                            .doOnNext(wallet -> wallet.setBalance(new BigDecimal("9.00")))
                            .then(session.flush());
                }))
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

        List<String> left = sessions.inTransaction(session -> session.query(Wallet.class)
                        .orderBy(Wallet_.id)
                        .all()
                        .map(wallet ->
                                wallet.getCode() + " " + wallet.getBalance().stripTrailingZeros()))
                .collectList()
                .block(Duration.ofSeconds(20));
        assertThat(left).containsExactly("blocker 1");
        Pools.awaitAllIdle(sessions.engine());
    }
}
