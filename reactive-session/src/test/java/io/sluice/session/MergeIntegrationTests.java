package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * Detached objects back in a session with merge(): updated rows, loaded or held copies, new objects, stale versions and
 * deleted rows, references merged; adding a detached object is refused with the way out named.
 */
class MergeIntegrationTests {

    static final Mapping MAPPING =
            Mapping.of(User.class, Address.class, BlogPost.class, Keyword.class, BulkItem.class, Counter.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    private void createRows(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = on.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
        inSession(session -> {
            session.add(new BulkItem("apple", "fruit", 1));
            session.add(new BulkItem("pear", "fruit", 2));
            session.add(new Counter(1));
            User ed = new User("ed", "Ed Jones", "eddie");
            Address address = new Address("ed@example.com");
            address.getUser().set(ed);
            session.add(ed);
            session.add(address);
            return session.commit().thenReturn(true);
        });
        sql.clear();
    }

    @AfterEach
    void dropTables() {
        if (recorded != null) {
            recorded.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(sessions::open), work, Session::close)
                .block(TIMEOUT);
    }

    private List<String> rows() {
        return engine.query(SQL.text("SELECT name, quantity FROM bulk_item ORDER BY name"))
                .map(row -> row.get(0, String.class) + "=" + row.get(1, Object.class))
                .collectList()
                .block(TIMEOUT);
    }

    private BulkItem detached(String name) {
        return inSession(session ->
                session.query(BulkItem.class).filter(BulkItem_.name.eq(name)).one());
    }

    private List<String> writes() {
        return sql.statements().stream()
                .map(RenderedSql::sql)
                .filter(statement -> !statement.startsWith("SELECT"))
                .toList();
    }

    @DatabaseTest
    void shouldLoadTheRowAndWriteTheDetachedObjectsChanges(TestDatabase on) {
        createRows(on);
        BulkItem apple = detached("apple");
        apple.setQuantity(10);
        sql.clear();
        boolean[] seen = new boolean[3];
        inSession(session -> session.merge(apple).flatMap(copy -> {
            seen[0] = copy != apple;
            seen[1] = session.contains(copy) && !session.contains(apple);
            seen[2] = copy.getQuantity() == 10 && session.dirty().contains(copy);
            return session.commit().thenReturn(true);
        }));
        assertThat(seen).containsOnly(true);
        assertThat(rows()).containsExactly("apple=10", "pear=2");
        assertThat(writes()).singleElement().asString().startsWith("UPDATE bulk_item SET quantity");
    }

    @DatabaseTest
    void shouldCopyIntoTheObjectTheSessionHoldsWithoutLoadingIt(TestDatabase on) {
        createRows(on);
        BulkItem pear = detached("pear");
        pear.setQuantity(20);
        inSession(session -> session.query(BulkItem.class)
                .filter(BulkItem_.name.eq("pear"))
                .one()
                .flatMap(held -> {
                    sql.clear();
                    return session.merge(pear).flatMap(copy -> {
                        assertThat(copy).isSameAs(held);
                        assertThat(held.getQuantity()).isEqualTo(20);
                        assertThat(sql.statements()).isEmpty();
                        return session.commit().thenReturn(true);
                    });
                }));
        assertThat(rows()).containsExactly("apple=1", "pear=20");
    }

    @DatabaseTest
    void shouldAddAnObjectWithoutAKeyAsANewOne(TestDatabase on) {
        createRows(on);
        BulkItem plum = new BulkItem("plum", "fruit", 4);
        Integer id = inSession(session ->
                session.merge(plum).flatMap(copy -> session.commit().then(Mono.fromSupplier(copy::getId))));
        assertThat(id).isNotNull();
        assertThat(plum.getId()).isNull(); // the given object is left as it was
        assertThat(rows()).containsExactly("apple=1", "pear=2", "plum=4");
    }

    @DatabaseTest
    void shouldRefuseAStaleVersionAndADeletedRow(TestDatabase on) {
        createRows(on);
        Counter stale = inSession(session -> session.get(Counter.class, 1));
        inSession(session -> session.get(Counter.class, 1)
                .doOnNext(Counter::increment)
                .flatMap(counter -> session.commit().thenReturn(true)));
        stale.increment();
        assertThatThrownBy(() -> inSession(session -> session.merge(stale)))
                .isInstanceOf(StaleObjectException.class)
                .hasMessageContaining("version is 1")
                .hasMessageContaining("database's is 2");

        BulkItem apple = detached("apple");
        engine.execute(SQL.text("DELETE FROM bulk_item WHERE name = 'apple'")).block(TIMEOUT);
        assertThatThrownBy(() -> inSession(session -> session.merge(apple)))
                .isInstanceOf(StaleObjectException.class)
                .hasMessageContaining("no row has that key");
        assertThat(rows()).containsExactly("pear=2");
    }

    @DatabaseTest
    void shouldPointMergedReferencesAtTheSessionsObjects(TestDatabase on) {
        createRows(on);
        Address address = inSession(session -> session.query(Address.class)
                .one()
                .flatMap(found -> found.getUser().mono().thenReturn(found)));
        User detachedEd = address.getUser().get();
        detachedEd.setNickname("ed the merged");
        String nickname = inSession(session -> session.merge(address)
                .flatMap(copy -> session.query(User.class).one().flatMap(ed -> {
                    assertThat(copy.getUser().get()).isSameAs(ed);
                    assertThat(ed).isNotSameAs(detachedEd);
                    return session.commit().thenReturn(ed.getNickname());
                })));
        assertThat(nickname).isEqualTo("ed the merged");
        assertThat(engine.query(SQL.text("SELECT nickname FROM users"))
                        .map(row -> row.get(0, String.class))
                        .blockFirst(TIMEOUT))
                .isEqualTo("ed the merged");
    }

    @DatabaseTest
    void shouldNeverInsertADetachedObjectAgain(TestDatabase on) {
        createRows(on);
        BulkItem apple = detached("apple");
        assertThatThrownBy(() -> inSession(session -> {
                    session.add(apple);
                    return session.commit().thenReturn(true);
                }))
                .isInstanceOf(
                        io.r2dbc.spi.R2dbcDataIntegrityViolationException.class); // inserted with its key: refused
        User ed = inSession(session -> session.query(User.class).one());
        assertThatThrownBy(() -> inSession(session -> {
                    session.add(ed);
                    return Mono.just(true);
                }))
                .isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("session.merge(object)");
        assertThat(rows()).containsExactly("apple=1", "pear=2");
        assertThat(engine.query(SQL.text("SELECT COUNT(*) FROM users"))
                        .map(row -> row.get(0, Long.class))
                        .blockFirst(TIMEOUT))
                .isEqualTo(1L);
    }
}
