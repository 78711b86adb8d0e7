package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Faults;
import io.sluice.testing.Pools;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Faults in the middle of a flush or a transaction: a constraint violation deep in a chunked, multi-shape flush, and a connection
 * killed by the server. The database must be left as it was, the session must recover with {@code rollback()}, and other sessions
 * must not notice.
 */
final class FlushFaultIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Wallet.class, Ticket.class);
    static final Table WALLETS = MAPPING.entity(Wallet.class).table();

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory sessions(TestDatabase database, RecordingListener listener, int poolSize) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine recorded =
                database.newEngine(builder -> builder.listener(listener).maxSize(poolSize));
        opened.add(recorded);
        return SessionFactory.of(recorded, MAPPING);
    }

    /** Every wallet row as text, in key order: what "the database as it was" means here. */
    private List<String> walletRows() {
        return engine.query(SQL.select(
                                WALLETS.column("id"),
                                WALLETS.column("code"),
                                WALLETS.column("balance"),
                                WALLETS.column("version"))
                        .from(WALLETS)
                        .orderBy(WALLETS.column("id")))
                .map(row -> row.get(0) + "|" + row.get(1) + "|"
                        + ((BigDecimal) row.get(2)).stripTrailingZeros().toPlainString() + "|" + row.get(3))
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldLeaveTheDatabaseAsItWasWhenTheThirdInsertOfAChunkedMultiShapeFlushViolatesAUniqueKey(
            TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql, 2);
        Session session = sessions.open();
        session.addAll(List.of(new Wallet("changed", "1.00"), new Wallet("gone", "2.00"), new Wallet("taken", "3.00")));
        session.commit().block(Duration.ofSeconds(10));
        List<String> before = walletRows();
        Wallet changed = session.get(Wallet.class, 1L).block();
        Wallet gone = session.get(Wallet.class, 2L).block();
        sql.clear();

        changed.setBalance(new BigDecimal("10.00"));
        session.delete(gone);
        // Shape one: two wallets with keys given; shape two: 2,200 wallets with generated keys, sent in chunks of
        // 1,000.
        // The duplicate code sits in the second chunk, so the third INSERT fails and the third chunk is never sent.
        List<Wallet> keyed = List.of(new Wallet("k1", "1.00"), new Wallet("k2", "2.00"));
        setId(keyed.get(0), 1_000_001L);
        setId(keyed.get(1), 1_000_002L);
        List<Wallet> generated = new ArrayList<>();
        for (int i = 0; i < 2200; i++) {
            generated.add(new Wallet(i == 1500 ? "taken" : "n" + i, i + ".25"));
        }
        session.addAll(keyed);
        session.addAll(generated);

        session.flush()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(R2dbcDataIntegrityViolationException.class)
                        .satisfies(
                                e -> assertThat(((R2dbcException) e).getSql()).startsWith("INSERT INTO")))
                .verify(Duration.ofSeconds(30));

        List<String> statements = sql.events().stream()
                .map(event -> event.replaceAll(" VALUES .*", " VALUES ..."))
                .toList();
        assertThat(statements)
                .containsExactly(
                        "BEGIN (implicit)",
                        statements.get(1),
                        "INSERT INTO rel_wallets (id, code, balance, version) VALUES ...",
                        "INSERT INTO rel_wallets (code, balance, version) VALUES ...",
                        "INSERT INTO rel_wallets (code, balance, version) VALUES ...",
                        "ROLLBACK");
        assertThat(statements.get(1)).startsWith("UPDATE rel_wallets SET balance = ");
        assertThat(walletRows()).as("the database as it was before the flush").isEqualTo(before);

        assertThat(generated).allSatisfy(wallet -> {
            assertThat(wallet.getId()).as("generated key put back").isNull();
            assertThat(wallet.getVersion()).as("version put back").isNull();
        });
        assertThat(keyed).extracting(Wallet::getId).containsExactly(1_000_001L, 1_000_002L);
        assertThat(changed.getVersion()).isEqualTo(1L);
        assertThat(changed.getBalance()).isEqualByComparingTo("10.00");
        assertThat(session.dirty()).containsExactly(changed);
        assertThat(session.deleted()).containsExactly(gone);
        assertThat(session.newObjects()).hasSize(2202);
        session.flush()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("call rollback()"))
                .verify(Duration.ofSeconds(10));

        session.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(session.newObjects()).isEmpty();
        assertThat(session.dirty()).isEmpty();
        assertThat(session.deleted()).isEmpty();
        assertThat(changed.getBalance()).isEqualByComparingTo("1.00");

        // The session goes on: the same work without the duplicate commits whole.
        generated.get(1500).setCode("n1500");
        changed.setBalance(new BigDecimal("10.00"));
        session.delete(gone);
        session.addAll(keyed);
        session.addAll(generated);
        session.commit().as(StepVerifier::create).verifyComplete();
        session.close().block(Duration.ofSeconds(10));
        List<String> after = walletRows();
        assertThat(after).hasSize(2 + 2 + 2200);
        assertThat(after.get(0)).isEqualTo("1|changed|10|2");
        assertThat(after).noneMatch(row -> row.contains("|gone|"));
        assertThat(generated).extracting(Wallet::getId).doesNotContainNull().doesNotHaveDuplicates();
        Pools.awaitAllIdle(sessions.engine());
    }

    @DatabaseTest
    void shouldUndoEveryTableOfAFlushThatFailsInItsLastTable(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql, 2);
        sessions.inTransaction(session -> {
                    session.add(new Ticket(0, "taken"));
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(10));
        List<String> before = walletRows();
        sql.clear();

        AtomicReference<List<Wallet>> wallets = new AtomicReference<>();
        sessions.inTransaction(session -> {
                    List<Wallet> added = new ArrayList<>();
                    for (int i = 0; i < 1200; i++) {
                        added.add(new Wallet("a" + i, "1.00"));
                    }
                    wallets.set(added);
                    session.addAll(added);
                    List<Ticket> tickets = new ArrayList<>();
                    for (int i = 0; i < 1500; i++) {
                        tickets.add(new Ticket(1, i == 1400 ? "taken" : "t" + i));
                    }
                    session.addAll(tickets);
                    return Mono.empty();
                })
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(30));

        assertThat(sql.events().stream().map(event -> event.replaceAll(" \\(.*", "")))
                .as("the commit's flush: two wallet chunks, then tickets until the failing chunk, then the rollback")
                .containsExactly(
                        "BEGIN",
                        "INSERT INTO rel_wallets",
                        "INSERT INTO rel_wallets",
                        "INSERT INTO rel_tickets",
                        "INSERT INTO rel_tickets",
                        "ROLLBACK");
        assertThat(walletRows()).isEqualTo(before);
        assertThat(engine.query(SQL.select(SQL.count())
                                .from(MAPPING.entity(Ticket.class).table()))
                        .map(row -> row.get(0, Long.class))
                        .blockFirst(Duration.ofSeconds(10)))
                .isEqualTo(1L);
        assertThat(wallets.get()).extracting(Wallet::getId).containsOnlyNulls();
        Pools.awaitAllIdle(sessions.engine());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void shouldFailOnlyTheSessionWhoseConnectionWasKilledAndServeTheNext(TestDatabase database) {
        SessionFactory sessions = sessions(database, new RecordingListener(), 2);
        Sinks.Empty<Void> killed = Sinks.empty();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Wallet victimsWallet = new Wallet("victim", "1.00");

        Mono<Void> bystander = sessions.inTransaction(session -> {
                    session.add(new Wallet("bystander", "1.00"));
                    return session.flush()
                            .then(killed.asMono())
                            .then(Mono.fromRunnable(() -> session.add(new Wallet("bystander, later", "2.00"))));
                })
                .then();
        Mono<Void> victim = sessions.inTransaction(session -> {
                    session.add(victimsWallet);
                    return session.flush()
                            .then(session.query(SQL.function(Faults.idFunction(engine.dialect()), null))
                                    .one())
                            .flatMap(id -> Faults.kill(engine, ((Number) id).longValue()))
                            .doOnSuccess(ignored -> killed.tryEmitEmpty())
                            .then(Mono.fromRunnable(() -> victimsWallet.setBalance(new BigDecimal("5.00"))))
                            .then(session.flush());
                })
                .then();

        Mono.when(
                        bystander,
                        victim.doOnError(failure::set)
                                .onErrorResume(error -> Mono.empty())
                                .doFinally(signal -> killed.tryEmitEmpty()))
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(failure.get())
                .as("the victim's caller sees the driver's error")
                .isInstanceOf(R2dbcException.class);
        assertThat(victimsWallet.getId())
                .as("the rolled-back insert's key is cleared")
                .isNull();
        assertThat(walletRows())
                .extracting(row -> row.split("\\|")[1])
                .containsExactly("bystander", "bystander, later");

        for (int round = 0; round < 3; round++) {
            String code = "next " + round;
            Mono.when(
                            sessions.inTransaction(session -> {
                                session.add(new Wallet(code, "1.00"));
                                return Mono.empty();
                            }),
                            sessions.inTransaction(
                                    session -> session.query(Wallet.class).count()))
                    .as(StepVerifier::create)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
        assertThat(walletRows()).hasSize(5);
        Pools.awaitAllIdle(sessions.engine());
    }

    @SuppressWarnings("unchecked")
    private static void setId(Wallet wallet, long id) {
        ((Attribute<Wallet, Object>) MAPPING.entity(Wallet.class).ids().get(0)).set(wallet, id);
    }
}
