package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.Text;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.H2Functions;
import io.sluice.testing.Pools;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Sluice never blocks a non-blocking thread: with BlockHound installed, typical engine and session work runs on the drivers'
 * event-loop threads (and starts on Reactor's parallel threads) of PostgreSQL and MariaDB, and no blocking call is made. H2's
 * driver blocks by nature: the engine runs it on threads of its own (#16), so the same work on H2, which also calls a function
 * that sleeps inside H2, makes no blocking call on a non-blocking thread either. Runs only in a surefire execution and JVM of
 * its own (see the module's POM), since BlockHound stays installed and would trip over H2 work that other tests run on
 * Reactor's threads on purpose.
 */
@EnabledIfSystemProperty(
        named = "sluice.blockhound",
        matches = "true",
        disabledReason = "installs BlockHound for good: runs only in its own surefire execution")
final class NonBlockingIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Wallet.class, Ticket.class);
    static final List<String> BLOCKING_CALLS = new CopyOnWriteArrayList<>();
    static final String MARIADB_CLIENT = "org.mariadb.r2dbc.client.SimpleClient";

    @BeforeAll
    static void installBlockHound() {
        // Only the drivers' own blocking calls are allowed, each by its exact method; never a Sluice method. Every
        // other
        // blocking call is recorded as well as thrown, so that one made where no subscriber sees the error (a driver's
        // event loop) still fails the test.
        BlockHound.install(builder -> builder
                // r2dbc-mariadb looks up its authentication plugins with ServiceLoader, which reads the jar files, on
                // the
                // event loop each time a connection authenticates
                .allowBlockingCallsInside("org.mariadb.r2dbc.authentication.AuthenticationFlowPluginLoader", "get")
                // r2dbc-mariadb reads its version from a properties file in its jar, on the event loop, the first time
                // a
                // connection sends its handshake
                .allowBlockingCallsInside("org.mariadb.r2dbc.util.VersionFactory", "getInstance")
                // r2dbc-mariadb 1.4.2 guards each connection's state with a ReentrantLock (SimpleClient.lock), taken by
                // these methods only to queue a command or register a receiver (no user code runs under it); a thread
                // that
                // meets another thread holding it parks for that moment
                .allowBlockingCallsInside(MARIADB_CLIENT, "executeWhenTransaction")
                .allowBlockingCallsInside(MARIADB_CLIENT, "executeWhenNotInTransaction")
                .allowBlockingCallsInside(MARIADB_CLIENT, "setAutoCommit")
                .allowBlockingCallsInside(MARIADB_CLIENT, "sendCommandWithoutResult")
                .allowBlockingCallsInside(MARIADB_CLIENT, "lambda$sendCommand$17")
                .allowBlockingCallsInside(MARIADB_CLIENT, "lambda$sendCommand$20")
                .allowBlockingCallsInside(MARIADB_CLIENT, "lambda$receive$15")
                .blockingMethodCallback(method -> {
                    BLOCKING_CALLS.add(method + " on " + Thread.currentThread().getName());
                    throw new BlockingOperationError(method);
                }));
    }

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    @BeforeEach
    void forgetBlockingCalls() {
        BLOCKING_CALLS.clear();
    }

    @Test
    void shouldCatchABlockingCallOnANonBlockingThread() {
        Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "slept";
                })
                .subscribeOn(Schedulers.parallel())
                .as(StepVerifier::create)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(10));
        assertThat(BLOCKING_CALLS).singleElement().asString().startsWith("java.lang.Thread.sleep on parallel-");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void shouldNeverBlockWhileDoingEngineAndSessionWork(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine pooled = database.newEngine(builder -> builder.maxSize(4));
        opened.add(pooled);
        SessionFactory sessions = SessionFactory.of(pooled, MAPPING);
        Table wallets = MAPPING.entity(Wallet.class).table();
        // On H2, a statement that blocks inside the database: BlockHound catches it if it runs on a non-blocking
        // thread.
        String blocking = "SELECT 1";
        if (database == TestDatabase.H2) {
            H2Functions.register(pooled);
            blocking = "SELECT SLUICE_SLEEP(1)";
        }
        Text blockingStatement = SQL.text(blocking);

        Mono<Void> work = sessions.inTransaction(session -> {
                    List<Wallet> added = new ArrayList<>();
                    for (int i = 0; i < 1200; i++) {
                        added.add(new Wallet("w" + i, "1.00"));
                    }
                    session.addAll(added);
                    return session.flush()
                            .then(session.query(Wallet.class)
                                    .filter(Wallet_.code.like("w1%"))
                                    .orderBy(Wallet_.id)
                                    .all()
                                    .doOnNext(wallet -> wallet.setBalance(new BigDecimal("2.00")))
                                    .count())
                            .then(Mono.defer(
                                    () -> session.get(Wallet.class, added.get(0).getId())))
                            .doOnNext(session::delete);
                })
                .then(Flux.range(0, 8)
                        .flatMap(number -> sessions.inTransaction(session -> session.get(Wallet.class, 2L)
                                        .doOnNext(wallet -> wallet.setBalance(new BigDecimal(number))))
                                .onErrorResume(StaleObjectException.class, conflict -> Mono.empty()))
                        .then())
                .then(Mono.defer(() -> {
                    Session session = sessions.open();
                    session.add(new Ticket(1, "rolled back"));
                    return session.flush().then(session.rollback()).then(session.close());
                }))
                .then(pooled.transaction(connection -> connection
                                .query(SQL.select(SQL.count()).from(wallets))
                                .concatWith(connection
                                        .query(SQL.select(wallets.column("code"))
                                                .from(wallets)
                                                .limit(500))
                                        .take(10)))
                        .then())
                .then(pooled.connect(connection -> connection.execute(SQL.deleteFrom(wallets)
                                .where(wallets.column("code", String.class).like("w9%"))))
                        .then())
                .then(pooled.query(SQL.select(SQL.count()).from(wallets))
                        .take(1)
                        .then())
                .then(sessions.inTransaction(session -> session.query(Wallet.class)
                                .fromStatement(SQL.text("SELECT * FROM rel_wallets WHERE id < 10"))
                                .all()
                                .concatMap(wallet -> pooled.query(blockingStatement)))
                        .then());

        work.subscribeOn(Schedulers.parallel())
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(60));

        assertThat(BLOCKING_CALLS).as("blocking calls on non-blocking threads").isEmpty();
        Pools.awaitAllIdle(pooled);
    }
}
