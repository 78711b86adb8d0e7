package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.sluice.core.Engine;
import io.sluice.core.TransactionOptions;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Units of work run again after serialization failures and deadlocks: concurrent transfers that lock two accounts in
 * opposite orders deadlock, and with a retry policy every transfer counts exactly once; on PostgreSQL, serializable
 * read-modify-write increments of one row fail with 40001 and every increment counts once retried. Errors not worth
 * retrying fail at once, and a spent policy names its attempts.
 */
class RetryIntegrationTests {

    static final Mapping MAPPING = Mapping.of(RetryAccount.class);
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final int TRANSFERS = 16;
    static final RetryPolicy POLICY = RetryPolicy.of(30).backoff(Duration.ofMillis(5), Duration.ofMillis(100));

    private Engine engine;
    private Engine pooled;
    private SessionFactory sessions;

    private void createAccounts(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        pooled = on.newEngine(builder -> builder.maxSize(10));
        sessions = SessionFactory.of(pooled, MAPPING);
        sessions.inTransaction(session -> {
                    session.add(new RetryAccount(1, 1000));
                    session.add(new RetryAccount(2, 1000));
                    return Mono.empty();
                })
                .blockLast(TIMEOUT);
    }

    @AfterEach
    void dropTables() {
        if (pooled != null) {
            pooled.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private List<Integer> balances() {
        return engine.query(SQL.text("SELECT balance FROM retry_account ORDER BY id"))
                .map(row -> ((Number) row.get(0, Object.class)).intValue())
                .collectList()
                .block(TIMEOUT);
    }

    /** Moves one unit between the accounts, locking the source first: opposite transfers deadlock. */
    private Mono<Integer> transfer(int from, int to, AtomicInteger attempts) {
        return sessions.inTransaction(POLICY, session -> {
                    attempts.incrementAndGet();
                    return session.query(RetryAccount.class)
                            .filter(RetryAccount_.id.eq(from))
                            .forUpdate()
                            .one()
                            .delayElement(Duration.ofMillis(20))
                            .flatMap(source -> session.query(RetryAccount.class)
                                    .filter(RetryAccount_.id.eq(to))
                                    .forUpdate()
                                    .one()
                                    .map(target -> {
                                        source.add(-1);
                                        target.add(1);
                                        return from;
                                    }));
                })
                .single();
    }

    @DatabaseTest
    void shouldCountEveryTransferOnceWhenDeadlocksAreRetried(TestDatabase on) {
        createAccounts(on);
        AtomicInteger attempts = new AtomicInteger();
        // H2 has no deadlock detection: it ends a deadlock by a 2 s lock timeout, so it runs fewer transfers
        int transfers = on == TestDatabase.H2 ? 4 : TRANSFERS;
        List<Integer> done = Flux.range(0, transfers)
                .flatMap(i -> i % 2 == 0 ? transfer(1, 2, attempts) : transfer(2, 1, attempts), transfers)
                .collectList()
                .block(TIMEOUT);
        assertThat(done).hasSize(transfers);
        assertThat(balances()).containsExactly(1000, 1000);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(transfers);
    }

    @DatabaseTest
    void shouldCountEverySerializableIncrementOnce(TestDatabase on) {
        createAccounts(on);
        AtomicInteger attempts = new AtomicInteger();
        TransactionOptions serializable = TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE);
        int increments = on == TestDatabase.H2 ? 4 : TRANSFERS;
        Flux.range(0, increments)
                .flatMap(
                        i -> sessions.inTransaction(serializable, POLICY, session -> {
                            attempts.incrementAndGet();
                            return session.get(RetryAccount.class, 1)
                                    .delayElement(Duration.ofMillis(5))
                                    .doOnNext(account -> account.add(1));
                        }),
                        increments)
                .blockLast(TIMEOUT);
        assertThat(balances()).containsExactly(1000 + increments, 1000);
        if (on != TestDatabase.H2) {
            assertThat(attempts.get()).isGreaterThan(increments); // some failed (40001, 1213) and ran again
        }
    }

    @DatabaseTest
    void shouldNotRetryOtherErrorsAndNameTheAttemptsWhenSpent(TestDatabase on) {
        createAccounts(on);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> sessions.inTransaction(POLICY, session -> {
                            attempts.incrementAndGet();
                            return session.execute(SQL.text("SELECT no_such_column FROM retry_account"));
                        })
                        .blockLast(TIMEOUT))
                .isInstanceOf(R2dbcBadGrammarException.class);
        assertThat(attempts.get()).isEqualTo(1);

        AtomicInteger spent = new AtomicInteger();
        assertThatThrownBy(() -> sessions.inTransaction(RetryPolicy.of(3).backoff(Duration.ZERO, Duration.ZERO), s -> {
                            spent.incrementAndGet();
                            return Mono.error(new R2dbcRollbackException("could not serialize", "40001"));
                        })
                        .blockLast(TIMEOUT))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("failed 3 times")
                .hasRootCauseInstanceOf(R2dbcRollbackException.class)
                .satisfies(error -> assertThat(error.getSuppressed())
                        .filteredOn(R2dbcRollbackException.class::isInstance)
                        .hasSize(2));
        assertThat(spent.get()).isEqualTo(3);
    }
}
