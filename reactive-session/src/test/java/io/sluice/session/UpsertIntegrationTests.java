package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.inheritance.Employee;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Upserts and insert-or-ignore from the session on every database: rows written, objects persistent in the identity map with
 * the database's values, later changes flushed as UPDATEs, and what cannot be upserted refused before anything is sent.
 */
class UpsertIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Stock.class, Member.class, Tag.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Engine engine;
    private SessionFactory sessions;

    private void seed(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        sessions = SessionFactory.of(engine, MAPPING);
        inSession(session -> {
            session.add(new Stock("a", "apple", 1));
            session.add(new Stock("b", "banana", 2));
            session.add(new Member("ed@example.com", "Ed"));
            return session.commit().thenReturn(true);
        });
    }

    @AfterEach
    void dropTables() {
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(sessions::open), work, Session::close)
                .block(TIMEOUT);
    }

    private List<String> stock() {
        return inSession(session -> session.query(Stock.class)
                .orderBy(Stock_.sku)
                .all()
                .map(s -> s.getSku() + " " + s.getName() + " " + s.getQuantity() + " " + s.getStatus())
                .collectList());
    }

    @DatabaseTest
    void shouldInsertAndUpdateRowsAndHoldTheObjectsAsPersistentAndClean(TestDatabase database) {
        seed(database);
        Stock apple = new Stock("a", "green apple", 10);
        Stock cherry = new Stock("c", "cherry", 3);
        List<Stock> upserted = inSession(session -> session.upsertAll(List.of(apple, cherry))
                .collectList()
                .flatMap(objects -> {
                    assertThat(objects).containsExactly(apple, cherry);
                    assertThat(session.contains(apple)).isTrue();
                    assertThat(session.contains(cherry)).isTrue();
                    assertThat(session.dirty()).isEmpty();
                    assertThat(session.newObjects()).isEmpty();
                    return session.get(Stock.class, "c").map(held -> {
                        assertThat(held).isSameAs(cherry);
                        return objects;
                    });
                })
                .flatMap(objects -> {
                    cherry.setQuantity(4); // a later flush updates the upserted object's row
                    assertThat(session.dirty()).containsExactly(cherry);
                    return session.commit().thenReturn(objects);
                }));
        assertThat(upserted).extracting(Stock::getStatus).containsExactly("fresh", "fresh"); // read back
        assertThat(stock()).containsExactly("a green apple 10 fresh", "b banana 2 fresh", "c cherry 4 fresh");
    }

    @DatabaseTest
    void shouldKeepExistingRowsOnInsertOrIgnoreAndGiveTheObjectsTheirValues(TestDatabase database) {
        seed(database);
        Stock apple = new Stock("a", "green apple", 10);
        Stock date = new Stock("d", "date", 7);
        List<Stock> objects = inSession(session -> session.insertOrIgnoreAll(List.of(apple, date))
                .collectList()
                .flatMap(result -> session.commit().thenReturn(result)));
        assertThat(objects).containsExactly(apple, date);
        assertThat(apple.getName()).isEqualTo("apple"); // the row that was there
        assertThat(apple.getQuantity()).isEqualTo(1);
        assertThat(stock()).containsExactly("a apple 1 fresh", "b banana 2 fresh", "d date 7 fresh");
    }

    @DatabaseTest
    void shouldUpsertOnAUniqueAttributeAndReadBackTheGeneratedKey(TestDatabase database) {
        seed(database);
        Integer ed = inSession(session -> session.query(Member.class).one().map(Member::getId));
        Member edward = new Member("ed@example.com", "Edward");
        Member wendy = new Member("wendy@example.com", "Wendy");
        inSession(session -> session.upsertAll(List.of(edward, wendy), Member_.email)
                .then(Mono.fromRunnable(() -> wendy.setName("Wendy W.")))
                .then(session.commit())
                .thenReturn(true));
        assertThat(edward.getId()).isEqualTo(ed);
        assertThat(wendy.getId()).isNotNull().isNotEqualTo(ed);
        List<String> members = inSession(session -> session.query(Member.class)
                .orderBy(Member_.email)
                .all()
                .map(m -> m.getId() + " " + m.getEmail() + " " + m.getName())
                .collectList());
        assertThat(members)
                .containsExactly(ed + " ed@example.com Edward", wendy.getId() + " wendy@example.com Wendy W.");
    }

    @DatabaseTest
    void shouldGiveUuidKeysToNewRowsAndTakeTheKeysOfExistingOnes(TestDatabase database) {
        seed(database);
        Tag first = new Tag("java", 1);
        inSession(session ->
                session.upsert(first, Tag_.label).then(session.commit()).thenReturn(true));
        assertThat(first.getId()).isNotNull();
        Tag again = new Tag("java", 2);
        Tag other = new Tag("sql", 1);
        inSession(session -> session.upsertAll(List.of(again, other), Tag_.label)
                .then(session.commit())
                .thenReturn(true));
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getUses()).isEqualTo(2);
        assertThat(other.getId()).isNotNull().isNotEqualTo(first.getId());
        Long tags = inSession(session -> session.query(Tag.class).count());
        assertThat(tags).isEqualTo(2L);
    }

    @DatabaseTest
    void shouldRefreshAndEmitTheObjectTheSessionAlreadyHolds(TestDatabase database) {
        seed(database);
        inSession(session -> session.get(Stock.class, "a")
                .flatMap(held -> session.upsert(new Stock("a", "red apple", 5))
                        .map(upserted -> {
                            assertThat(upserted).isSameAs(held);
                            assertThat(held.getName()).isEqualTo("red apple");
                            assertThat(session.dirty()).isEmpty();
                            return true;
                        })
                        .then(session.commit())
                        .thenReturn(true)));
        assertThat(stock()).first().isEqualTo("a red apple 5 fresh");
    }

    @DatabaseTest
    void shouldLetUpsertedObjectsLeaveOnRollback(TestDatabase database) {
        seed(database);
        Stock cherry = new Stock("c", "cherry", 3);
        inSession(session -> session.upsert(cherry).then(session.rollback()).then(Mono.fromSupplier(() -> {
            assertThat(session.contains(cherry)).isFalse();
            return true;
        })));
        assertThat(stock()).containsExactly("a apple 1 fresh", "b banana 2 fresh");
    }

    @DatabaseTest
    void shouldReadRowsBackWithReturningOnPostgresAndWithASelectElsewhere(TestDatabase database) {
        seed(database);
        RecordingListener sql = new RecordingListener();
        Engine recorded = database.newEngine(builder -> builder.listener(sql));
        try {
            SessionFactory factory = SessionFactory.of(recorded, MAPPING);
            Mono.usingWhen(
                            Mono.fromSupplier(factory::open),
                            session -> session.insertOrIgnoreAll(
                                            List.of(new Stock("a", "x", 9), new Stock("e", "elderberry", 1)))
                                    .then(session.commit()),
                            Session::close)
                    .block(TIMEOUT);
        } finally {
            recorded.close().block(TIMEOUT);
        }
        List<String> statements =
                sql.statements().stream().map(RenderedSql::sql).toList();
        String select = "SELECT upsert_stock.sku, upsert_stock.name, upsert_stock.quantity, upsert_stock.status"
                + " FROM upsert_stock WHERE upsert_stock.sku IN (";
        switch (database) {
            case POSTGRESQL ->
                assertThat(statements)
                        .containsExactly(
                                "INSERT INTO upsert_stock (sku, name, quantity) VALUES ($1, $2, $3), ($4, $5, $6)"
                                        + " ON CONFLICT (sku) DO NOTHING RETURNING sku, name, quantity, status",
                                select + "$1)"); // only the row left alone
            case MARIADB ->
                assertThat(statements)
                        .containsExactly(
                                "INSERT INTO upsert_stock (sku, name, quantity) VALUES (?, ?, ?), (?, ?, ?)"
                                        + " ON DUPLICATE KEY UPDATE sku = sku",
                                select + "?, ?)");
            case H2 ->
                assertThat(statements)
                        .containsExactly(
                                "MERGE INTO upsert_stock USING (VALUES ($1, $2, $3), ($4, $5, $6)) AS excluded (sku, name,"
                                        + " quantity) ON upsert_stock.sku = excluded.sku WHEN NOT MATCHED THEN INSERT (sku,"
                                        + " name, quantity) VALUES (excluded.sku, excluded.name, excluded.quantity)",
                                select + "$1, $2)");
        }
        assertThat(stock()).containsExactly("a apple 1 fresh", "b banana 2 fresh", "e elderberry 1 fresh");
    }

    @Test
    void shouldRefuseWhatAnUpsertWouldGetWrongBeforeSending() {
        sessions = SessionFactory.of(
                TestDatabase.H2.engine(), Mapping.of(Stock.class, Member.class, Wallet.class, Employee.class));
        Session session = sessions.open();
        assertThatThrownBy(() -> session.upsert(new Wallet("w", "1.00")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Wallet has a @Version field");
        assertThatThrownBy(() -> session.upsert(new Employee("ed")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Employee is mapped in an inheritance hierarchy");
        assertThatThrownBy(() -> session.upsert(new Member("ed@example.com", "Ed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Member's id is null")
                .hasMessageContaining("give unique attributes");
        assertThatThrownBy(() -> session.upsertAll(List.of(new Stock("a", "x", 1), new Stock("a", "y", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two Stock objects have the same sku [a]");
        assertThatThrownBy(() -> session.upsert(new Stock("a", "x", 1), Member_.email))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an attribute of Stock");
        Stock added = new Stock("z", "zucchini", 1);
        session.add(added);
        assertThatThrownBy(() -> session.insertOrIgnore(added))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is already in this session");
        session.close().block(TIMEOUT);
    }
}
