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
 * Bulk UPDATE and DELETE run in a session on every database, with each way of keeping the session's objects in step, and
 * core statements run in the session's transaction.
 */
class BulkIntegrationTests {

    static final Mapping MAPPING = Mapping.of(BulkItem.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    private void createItems(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = on.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
        inSession(session -> {
            session.add(new BulkItem("apple", "fruit", 1));
            session.add(new BulkItem("pear", "fruit", 2));
            session.add(new BulkItem("kale", "greens", 3));
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

    private long writes() {
        return sql.statements().stream()
                .map(RenderedSql::sql)
                .filter(statement -> !statement.startsWith("SELECT"))
                .count();
    }

    @DatabaseTest
    void shouldReadAgainTheHeldObjectsOfUpdatedRowsWithFetch(TestDatabase on) {
        createItems(on);
        List<Integer> quantities = inSession(session -> session.query(BulkItem.class)
                .orderBy(BulkItem_.name)
                .all()
                .collectList()
                .flatMap(items -> session.bulkUpdate(BulkItem.class)
                        .set(BulkItem_.quantity, BulkItem_.quantity.plus(10))
                        .where(BulkItem_.category.eq("fruit"))
                        .execute()
                        .doOnNext(count -> assertThat(count).isEqualTo(2L))
                        .then(Mono.fromSupplier(() -> {
                            assertThat(session.dirty()).isEmpty();
                            return items.stream().map(BulkItem::getQuantity).toList();
                        }))
                        .flatMap(values -> session.commit().thenReturn(values))));
        assertThat(quantities).containsExactly(11, 3, 12); // apple, kale, pear
        assertThat(rows()).containsExactly("apple=11", "kale=3", "pear=12");
        assertThat(writes()).isEqualTo(1); // the bulk UPDATE; the commit found nothing to flush
    }

    @DatabaseTest
    void shouldSetTheHeldObjectsInJavaWithEvaluate(TestDatabase on) {
        createItems(on);
        List<Integer> quantities = inSession(session -> session.query(BulkItem.class)
                .orderBy(BulkItem_.name)
                .all()
                .collectList()
                .flatMap(items -> {
                    sql.clear();
                    return session.bulkUpdate(BulkItem.class)
                            .set(BulkItem_.quantity, 0)
                            .where(BulkItem_.quantity.ge(2).and(BulkItem_.name.ne("kale")))
                            .synchronize(Synchronize.EVALUATE)
                            .execute()
                            .then(session.commit())
                            .then(Mono.fromSupplier(() ->
                                    items.stream().map(BulkItem::getQuantity).toList()));
                }));
        assertThat(quantities).containsExactly(1, 3, 0);
        assertThat(rows()).containsExactly("apple=1", "kale=3", "pear=0");
        assertThat(sql.statements()).hasSize(1); // no SELECT of keys, nothing flushed at the commit
    }

    @DatabaseTest
    void shouldRefuseToEvaluateWhatJavaCannotBeforeSending(TestDatabase on) {
        createItems(on);
        assertThatThrownBy(() -> inSession(session -> session.bulkUpdate(BulkItem.class)
                        .set(BulkItem_.quantity, BulkItem_.quantity.plus(1))
                        .synchronize(Synchronize.EVALUATE)
                        .execute()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Synchronize.FETCH");
        assertThatThrownBy(() ->
                        inSession(session -> session.bulkUpdate(BulkItem.class).execute()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sets nothing");
        assertThat(rows()).containsExactly("apple=1", "kale=3", "pear=2");
    }

    @DatabaseTest
    void shouldLeaveHeldObjectsAsTheyWereWithNone(TestDatabase on) {
        createItems(on);
        Integer stale = inSession(session -> session.query(BulkItem.class)
                .filter(BulkItem_.name.eq("kale"))
                .one()
                .flatMap(kale -> session.bulkUpdate(BulkItem.class)
                        .set(BulkItem_.quantity, 7)
                        .synchronize(Synchronize.NONE)
                        .execute()
                        .thenReturn(kale))
                .flatMap(kale -> session.commit().then(Mono.fromSupplier(kale::getQuantity))));
        assertThat(stale).isEqualTo(3);
        assertThat(rows()).containsExactly("apple=7", "kale=7", "pear=7");
    }

    @DatabaseTest
    void shouldTakeTheObjectsOfDeletedRowsOutOfTheSession(TestDatabase on) {
        createItems(on);
        for (Synchronize mode : List.of(Synchronize.FETCH, Synchronize.EVALUATE)) {
            List<Boolean> held = inSession(session -> session.query(BulkItem.class)
                    .orderBy(BulkItem_.name)
                    .all()
                    .collectList()
                    .flatMap(items -> session.bulkDelete(BulkItem.class)
                            .where(BulkItem_.category.eq("fruit"))
                            .synchronize(mode)
                            .execute()
                            .then(Mono.fromSupplier(
                                    () -> items.stream().map(session::contains).toList()))
                            .flatMap(contained -> session.rollback().thenReturn(contained))));
            assertThat(held).as(mode.name()).containsExactly(false, true, false);
        }
        long deleted = inSession(session -> session.bulkDelete(BulkItem.class)
                .where(BulkItem_.quantity.lt(3))
                .execute()
                .flatMap(count -> session.commit().thenReturn(count)));
        assertThat(deleted).isEqualTo(2L);
        assertThat(rows()).containsExactly("kale=3");
    }

    @DatabaseTest
    void shouldRunCoreStatementsInTheSessionsTransactionAfterAnAutoflush(TestDatabase on) {
        createItems(on);
        long changed = inSession(session -> {
            session.add(new BulkItem("plum", "fruit", 5));
            return session.execute(SQL.text("UPDATE bulk_item SET quantity = quantity * 2 WHERE category = 'fruit'"))
                    .flatMap(count -> session.rollback().thenReturn(count));
        });
        assertThat(changed).isEqualTo(3L); // the plum was flushed before the statement
        assertThat(rows()).containsExactly("apple=1", "kale=3", "pear=2");
    }
}
