package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The flush on every database: statement order and batching, generated keys, versions, and failures that lose nothing. */
final class FlushIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Account.class);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory sessions(TestDatabase database, RecordingListener listener) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine recorded = database.newEngine(builder -> builder.listener(listener));
        opened.add(recorded);
        return SessionFactory.of(recorded, MAPPING);
    }

    private static List<String> updates(RecordingListener sql) {
        return sql.events().stream().filter(event -> event.startsWith("UPDATE")).toList();
    }

    private static List<Account> accountsById(Session session) {
        return session.query(Account.class)
                .orderBy(Account_.id)
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    private long rows() {
        return engine.query(SQL.select(SQL.count()).from(MAPPING.metadata().table("session_accounts")))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldInsertManyObjectsInChunkedMultiRowInsertsWithTheirKeys(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        Session session = sessions.open();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            accounts.add(new Account("a" + i, i + ".50"));
        }
        session.addAll(accounts);
        session.commit().as(StepVerifier::create).verifyComplete();

        assertThat(sql.events().stream().filter(event -> event.startsWith("INSERT")))
                .hasSize(3);
        assertThat(accounts)
                .extracting(Account::getId)
                .doesNotContainNull()
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(accounts)
                .allSatisfy(account -> assertThat(account.getVersion()).isEqualTo(1L));
        Session check = sessions.open();
        Account last = check.get(Account.class, accounts.get(2499).getId()).block();
        assertThat(last.getCode()).isEqualTo("a2499");
        assertThat(last).isNotSameAs(accounts.get(2499));
        assertThat(last.getBalance()).isEqualByComparingTo("2499.50");
        check.close().block();
        session.close().block();
    }

    @DatabaseTest // #16
    void shouldSendAtMostTheFlushBatchSizeOfRowsPerStatement(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql).withFlushBatchSize(10);
        Session session = sessions.open();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accounts.add(new Account("a" + i, i + ".50"));
        }
        session.addAll(accounts);
        session.commit().as(StepVerifier::create).verifyComplete();

        assertThat(sql.events().stream().filter(event -> event.startsWith("INSERT")))
                .hasSize(3);
        assertThat(sql.statements())
                .filteredOn(statement -> statement.sql().startsWith("INSERT"))
                .extracting(statement -> statement.values().size())
                .containsExactly(10 * 3, 10 * 3, 5 * 3);
        assertThat(rows()).isEqualTo(25);

        sql.clear();
        accounts.forEach(account -> account.setBalance(new java.math.BigDecimal("1.00")));
        session.commit().as(StepVerifier::create).verifyComplete();
        // PostgreSQL and MariaDB update many rows in one statement: 10 at the most; H2 sends one UPDATE per row
        assertThat(updates(sql)).hasSize(database == TestDatabase.H2 ? 25 : 3);
        Session check = sessions.open();
        assertThat(accountsById(check)).extracting(Account::getVersion).containsOnly(2L);
        check.close().block(Duration.ofSeconds(10));
        session.close().block(Duration.ofSeconds(10));
        assertThatThrownBy(() -> sessions.withFlushBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the flush batch size must be at least 1 row, was 0");
        assertThatThrownBy(() -> sessions.withLoadBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the load batch size must be at least 1 key, was 0");
    }

    @DatabaseTest
    void shouldUpdateChangedColumnsFirstThenInsertThenDeleteWithVersionChecks(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        Session session = sessions.open();
        Account first = new Account("first", "1.00");
        Account second = new Account("second", "2.00");
        session.addAll(List.of(first, second));
        session.commit().block();
        sql.clear();

        first.setBalance(new BigDecimal("10.00"));
        session.delete(second);
        Account third = new Account("third", "3.00");
        session.add(third);
        assertThat(session.deleted()).containsExactly(second);
        session.commit().as(StepVerifier::create).verifyComplete();

        String marker = engine.dialect().bindMarker(1).equals("?") ? "?" : "$";
        assertThat(sql.events()).hasSize(5);
        assertThat(sql.events().get(0)).isEqualTo("BEGIN (implicit)");
        assertThat(sql.events().get(1).replaceAll("\\$\\d", "?"))
                .isEqualTo(
                        "UPDATE session_accounts SET balance = ?, version = ? WHERE (session_accounts.id = ?) AND (session_accounts.version = ?)");
        assertThat(sql.statements().get(0).values()).containsExactly(new BigDecimal("10.00"), 2L, first.getId(), 1L);
        assertThat(sql.events().get(2))
                .startsWith("INSERT INTO session_accounts (code, balance, version) VALUES (" + marker);
        assertThat(sql.events().get(3).replaceAll("\\$\\d", "?"))
                .isEqualTo(
                        "DELETE FROM session_accounts WHERE (session_accounts.id = ?) AND (session_accounts.version = ?)");
        assertThat(sql.events().get(4)).isEqualTo("COMMIT");
        assertThat(first.getVersion()).isEqualTo(2L);
        assertThat(session.contains(second)).isFalse();
        assertThat(rows()).isEqualTo(2);
    }

    @DatabaseTest
    void shouldFailWithStaleObjectWhenAnotherTransactionChangedTheRow(TestDatabase database) {
        SessionFactory sessions = sessions(database, new RecordingListener());
        Session setup = sessions.open();
        Account account = new Account("shared", "5.00");
        setup.add(account);
        setup.commit().block();

        Session alice = sessions.open();
        Session bob = sessions.open();
        Account aliceCopy = alice.get(Account.class, account.getId()).block();
        Account bobCopy = bob.get(Account.class, account.getId()).block();
        alice.commit().block();
        bob.commit().block();
        aliceCopy.setBalance(new BigDecimal("6.00"));
        alice.commit().as(StepVerifier::create).verifyComplete();

        bobCopy.setBalance(new BigDecimal("7.00"));
        bob.commit()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(StaleObjectException.class)
                        .hasMessageContaining("UPDATE of Account with key [" + account.getId() + "]"))
                .verify(Duration.ofSeconds(10));
        assertThat(bobCopy.getVersion()).isEqualTo(1L);
        bob.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(bobCopy.getBalance()).isEqualByComparingTo("5.00");
        bob.refresh(bobCopy).as(StepVerifier::create).verifyComplete();
        assertThat(bobCopy.getBalance()).isEqualByComparingTo("6.00");
        bobCopy.setBalance(new BigDecimal("7.00"));
        bob.commit().as(StepVerifier::create).verifyComplete();
        assertThat(bobCopy.getVersion()).isEqualTo(3L);

        alice.delete(aliceCopy);
        alice.commit()
                .as(StepVerifier::create)
                .expectError(StaleObjectException.class)
                .verify(Duration.ofSeconds(10));
        alice.rollback().block();
        assertThat(rows()).isEqualTo(1);
    }

    @DatabaseTest
    void shouldBatchUpdatesOfTheSameShapeAndStillFindAStaleRowAmongThem(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        Session setup = sessions.open();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accounts.add(new Account("batch" + i, "1.00"));
        }
        setup.addAll(accounts);
        setup.commit().block();

        Session session = sessions.open();
        List<Account> loaded = accountsById(session);
        loaded.forEach(account -> account.setBalance(new BigDecimal("2.00")));
        sql.clear();
        session.commit().as(StepVerifier::create).verifyComplete();
        List<String> updates = updates(sql);
        if (database == TestDatabase.H2) {
            // One UPDATE per row, all of one SQL, sent as one batch.
            assertThat(updates).hasSize(5).containsOnly(updates.get(0));
        } else {
            // PostgreSQL and MariaDB: one statement updates the five rows, each with its own values.
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).contains("sluice_rows");
        }
        assertThat(loaded).extracting(Account::getVersion).containsOnly(2L);

        Session other = sessions.open();
        Account changedElsewhere =
                other.get(Account.class, loaded.get(2).getId()).block();
        changedElsewhere.setBalance(new BigDecimal("9.00"));
        other.commit().block();
        loaded.forEach(account -> account.setBalance(new BigDecimal("3.00")));
        session.commit()
                .as(StepVerifier::create)
                .expectError(StaleObjectException.class)
                .verify(Duration.ofSeconds(10));
        session.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(loaded).extracting(Account::getVersion).containsOnly(2L);

        Session check = sessions.open();
        List<String> balances = check.query(Account.class)
                .orderBy(Account_.id)
                .all()
                .map(account -> account.getBalance().toPlainString())
                .collectList()
                .block();
        assertThat(balances).containsExactly("2.00", "2.00", "9.00", "2.00", "2.00");
        check.close().block();
        other.close().block();
        session.close().block();
        setup.close().block();
    }

    @DatabaseTest
    void shouldUpdateObjectsThatChangedTheSameColumnsTogetherAndTheRestOneByOne(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = sessions(database, sql);
        Session setup = sessions.open();
        for (int i = 0; i < 6; i++) {
            setup.add(new Account("shape" + i, i + ".00"));
        }
        setup.commit().block();

        Session session = sessions.open();
        List<Account> loaded = accountsById(session);
        loaded.get(0).setBalance(new BigDecimal("10.50"));
        loaded.get(2).setBalance(null);
        loaded.get(4).setBalance(new BigDecimal("14.50"));
        loaded.get(1).setCode("it's 1");
        loaded.get(1).setBalance(new BigDecimal("11.50"));
        loaded.get(3).setCode("100%_\\3");
        loaded.get(3).setBalance(new BigDecimal("13.50"));
        loaded.get(5).setCode("five");
        sql.clear();
        session.commit().as(StepVerifier::create).verifyComplete();

        List<String> updates = updates(sql);
        if (database == TestDatabase.H2) {
            assertThat(updates).hasSize(6);
        } else {
            // Balance only (3 rows) and code and balance (2 rows) as one statement each; the lone code change on its
            // own.
            assertThat(updates).hasSize(3);
            assertThat(updates)
                    .filteredOn(update -> update.contains("sluice_rows"))
                    .hasSize(2);
        }
        assertThat(loaded).extracting(Account::getVersion).containsOnly(2L);
        Session check = sessions.open();
        assertThat(accountsById(check).stream()
                        .map(account -> account.getCode() + " " + account.getBalance() + " v" + account.getVersion()))
                .containsExactly(
                        "shape0 10.50 v2",
                        "it's 1 11.50 v2",
                        "shape2 null v2",
                        "100%_\\3 13.50 v2",
                        "shape4 14.50 v2",
                        "five 5.00 v2");
        check.close().block();
        session.close().block();
        setup.close().block();
    }

    @DatabaseTest
    void shouldUpdateObjectsWithACompositeKeyMatchedOnEveryKeyColumn(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        engine = database.engine();
        Mapping allocations = Mapping.of(Allocation.class);
        Schemas.recreate(engine, allocations.metadata());
        Engine recorded = database.newEngine(builder -> builder.listener(sql));
        opened.add(recorded);
        SessionFactory sessions = SessionFactory.of(recorded, allocations);
        try {
            Session setup = sessions.open();
            for (int line = 1; line <= 3; line++) {
                setup.add(new Allocation("travel", line, line + ".00"));
                setup.add(new Allocation("office", line, "1" + line + ".00"));
            }
            setup.commit().block(Duration.ofSeconds(10));

            Session session = sessions.open();
            List<Allocation> loaded = session.query(Allocation.class)
                    .filter(Allocation_.line.le(2))
                    .all()
                    .collectList()
                    .block(Duration.ofSeconds(10));
            sql.clear();
            loaded.forEach(
                    allocation -> allocation.setAmount(allocation.getAmount().add(BigDecimal.TEN)));
            // The get autoflushes the four amounts first.
            Allocation moved =
                    session.get(Allocation.class, List.of("office", 3)).block(Duration.ofSeconds(10));
            moved.setLine(4);
            session.commit().block(Duration.ofSeconds(10));

            // Four amounts in one statement on PostgreSQL and MariaDB, matched by budget and line; the key change on
            // its own.
            List<String> updates = updates(sql);
            assertThat(updates).hasSize(database == TestDatabase.H2 ? 5 : 2);
            Session check = sessions.open();
            assertThat(check.query(Allocation.class)
                            .orderBy(Allocation_.budget, Allocation_.line)
                            .all()
                            .map(String::valueOf)
                            .collectList()
                            .block(Duration.ofSeconds(10)))
                    .containsExactly(
                            "office/1 21.00",
                            "office/2 22.00",
                            "office/4 13.00",
                            "travel/1 11.00",
                            "travel/2 12.00",
                            "travel/3 3.00");
            check.close().block(Duration.ofSeconds(10));
            // The session lists the moved object under its new key, not the old one.
            Allocation underNewKey =
                    session.get(Allocation.class, List.of("office", 4)).block(Duration.ofSeconds(10));
            boolean underOldKey = session.get(Allocation.class, List.of("office", 3))
                    .blockOptional(Duration.ofSeconds(10))
                    .isPresent();
            // A rolled-back key change lists the object under its old key again.
            moved.setLine(5);
            session.flush().block(Duration.ofSeconds(10));
            session.rollback().block(Duration.ofSeconds(10));
            Allocation afterRollback =
                    session.get(Allocation.class, List.of("office", 4)).block(Duration.ofSeconds(10));
            boolean underRolledBackKey = session.get(Allocation.class, List.of("office", 5))
                    .blockOptional(Duration.ofSeconds(10))
                    .isPresent();
            session.close().block(Duration.ofSeconds(10));
            setup.close().block(Duration.ofSeconds(10));
            assertThat(underNewKey).isSameAs(moved);
            assertThat(underOldKey).isFalse();
            assertThat(afterRollback).isSameAs(moved);
            assertThat(moved.getLine()).isEqualTo(4);
            assertThat(underRolledBackKey).isFalse();
        } finally {
            Schemas.drop(engine, allocations.metadata());
        }
    }

    @DatabaseTest
    void shouldLeaveTheDatabaseAndObjectsAsTheyWereWhenAFlushFails(TestDatabase database) {
        SessionFactory sessions = sessions(database, new RecordingListener());
        Session session = sessions.open();
        session.add(new Account("taken", "1.00"));
        session.commit().block();

        Account fine = new Account("fine", "2.00");
        Account duplicate = new Account("taken", "3.00");
        session.addAll(List.of(fine, duplicate));
        session.flush()
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(Duration.ofSeconds(10));

        assertThat(rows()).isEqualTo(1);
        assertThat(fine.getId()).isNull();
        assertThat(duplicate.getVersion()).isNull();
        assertThat(session.newObjects()).containsExactly(fine, duplicate);
        session.query(Account.class)
                .all()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("call rollback()"))
                .verify(Duration.ofSeconds(10));

        session.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(session.newObjects()).isEmpty();
        duplicate.setCode("other");
        session.addAll(List.of(fine, duplicate));
        session.commit().as(StepVerifier::create).verifyComplete();
        assertThat(rows()).isEqualTo(3);
    }

    @DatabaseTest
    void shouldCommitOrRollBackInTransaction(TestDatabase database) {
        SessionFactory sessions = sessions(database, new RecordingListener());
        sessions.inTransaction(session -> {
                    session.add(new Account("kept", "1.00"));
                    return Mono.empty();
                })
                .as(StepVerifier::create)
                .verifyComplete();
        sessions.inTransaction(session -> {
                    session.add(new Account("lost", "1.00"));
                    return session.flush().then(Mono.error(new IllegalStateException("boom")));
                })
                .as(StepVerifier::create)
                .verifyErrorMessage("boom");
        assertThat(rows()).isEqualTo(1);
        assertThat(engine.query(SQL.select(MAPPING.entity(Account.class).attribute("code")))
                        .blockFirst()
                        .get(0))
                .isEqualTo("kept");
    }
}
