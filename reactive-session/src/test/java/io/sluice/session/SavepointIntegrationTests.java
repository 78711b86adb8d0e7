package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * Nested transactions on every database: a rollback to a savepoint undoes, in the database and in the session's objects,
 * what was done since, and keeps the rest; a failed flush inside one is recovered from; Propagation.NESTED.
 */
class SavepointIntegrationTests {

    static final Mapping MAPPING = Mapping.of(BulkItem.class, Counter.class);
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
            session.add(new Counter(1));
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

    private static Mono<Map<String, BulkItem>> items(Session session) {
        return session.query(BulkItem.class).all().collectMap(BulkItem::getName, Function.identity());
    }

    @DatabaseTest
    void shouldUndoWhatWasDoneSinceTheSavepointAndKeepTheRest(TestDatabase on) {
        createItems(on);
        List<String> seen = inSession(session -> items(session).flatMap(items -> {
            BulkItem apple = items.get("apple");
            BulkItem pear = items.get("pear");
            BulkItem kale = items.get("kale");
            Integer kaleId = kale.getId();
            apple.setQuantity(10); // before the savepoint: kept
            return session.beginNested().flatMap(savepoint -> {
                pear.setQuantity(20);
                session.delete(kale);
                BulkItem plum = new BulkItem("plum", "fruit", 4);
                session.add(plum);
                return session.flush()
                        .then(Mono.fromRunnable(() -> pear.setQuantity(30))) // not flushed: undone as well
                        .then(savepoint.rollback())
                        .then(Mono.fromSupplier(() -> {
                            assertThat(savepoint.isActive()).isFalse();
                            assertThat(plum.getId()).isNull();
                            assertThat(session.contains(plum)).isFalse();
                            assertThat(session.contains(kale)).isTrue();
                            assertThat(session.dirty()).isEmpty(); // apple was flushed by beginNested
                            return List.of(apple.getQuantity(), pear.getQuantity(), kale.getQuantity());
                        }))
                        .flatMap(values -> session.get(BulkItem.class, kaleId).map(found -> {
                            assertThat(found).isSameAs(kale);
                            return values;
                        }))
                        .flatMap(values -> session.commit()
                                .then(Mono.fromSupplier(() ->
                                        values.stream().map(String::valueOf).collect(Collectors.toList()))));
            });
        }));
        assertThat(seen).containsExactly("10", "2", "3");
        assertThat(rows()).containsExactly("apple=10", "kale=3", "pear=2");
        assertThat(sql.events()).anyMatch(event -> event.startsWith("SAVEPOINT sluice_savepoint_"));
        assertThat(sql.events()).anyMatch(event -> event.startsWith("ROLLBACK TO SAVEPOINT sluice_savepoint_"));
    }

    @DatabaseTest
    void shouldKeepACommittedSavepointUntilTheTransactionRollsBack(TestDatabase on) {
        createItems(on);
        inSession(session -> items(session)
                .flatMap(items -> session.beginNested()
                        .flatMap(savepoint -> {
                            items.get("pear").setQuantity(7);
                            session.add(new BulkItem("plum", "fruit", 4));
                            return savepoint.commit().then(Mono.fromSupplier(savepoint::isActive));
                        })
                        .doOnNext(active -> assertThat(active).isFalse())
                        .then(session.commit())
                        .thenReturn(true)));
        assertThat(rows()).containsExactly("apple=1", "kale=3", "pear=7", "plum=4");

        List<Integer> after = inSession(session -> items(session)
                .flatMap(items -> session.beginNested()
                        .flatMap(savepoint -> {
                            items.get("pear").setQuantity(8);
                            return savepoint.commit();
                        })
                        .then(session.rollback())
                        .then(Mono.fromSupplier(() -> List.of(items.get("pear").getQuantity())))));
        assertThat(after).containsExactly(7); // the whole transaction rolled back, the savepoint's part with it
        assertThat(rows()).containsExactly("apple=1", "kale=3", "pear=7", "plum=4");
    }

    @DatabaseTest
    void shouldRecoverFromAFailedFlushInsideASavepoint(TestDatabase on) {
        createItems(on);
        inSession(session -> {
            session.add(new BulkItem("fig", "fruit", 5)); // flushed by beginNested: kept
            return session.beginNested().flatMap(savepoint -> {
                session.add(new Counter(1)); // the key exists: the flush fails
                return session.flush()
                        .then(Mono.just("flushed"))
                        .onErrorResume(error -> savepoint.rollback().then(Mono.just("recovered")))
                        .doOnNext(outcome -> assertThat(outcome).isEqualTo("recovered"))
                        .then(session.query(BulkItem.class).all().count())
                        .doOnNext(count -> assertThat(count).isEqualTo(4L))
                        .then(session.commit())
                        .thenReturn(true);
            });
        });
        assertThat(rows()).containsExactly("apple=1", "fig=5", "kale=3", "pear=2");
        assertThat(engine.query(SQL.text("SELECT COUNT(*) FROM rel_counters"))
                        .map(row -> row.get(0, Long.class))
                        .blockFirst(TIMEOUT))
                .isEqualTo(1L);
    }

    @DatabaseTest
    void shouldEndInnerSavepointsWithTheOuterOne(TestDatabase on) {
        createItems(on);
        assertThatThrownBy(() -> inSession(session -> items(session)
                        .flatMap(items -> session.beginNested().flatMap(outer -> {
                            items.get("apple").setQuantity(100);
                            return session.beginNested().flatMap(inner -> {
                                items.get("pear").setQuantity(200);
                                return outer.rollback()
                                        .then(Mono.fromRunnable(() -> {
                                            assertThat(inner.isActive()).isFalse();
                                            assertThat(items.get("apple").getQuantity())
                                                    .isEqualTo(1);
                                            assertThat(items.get("pear").getQuantity())
                                                    .isEqualTo(2);
                                        }))
                                        .then(inner.commit());
                            });
                        }))))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("already ended")
                .hasMessageContaining("beginNested()");
        assertThat(rows()).containsExactly("apple=1", "kale=3", "pear=2");
    }

    @DatabaseTest
    void shouldRollBackNestedWorkAloneWithPropagationNested(TestDatabase on) {
        createItems(on);
        List<String> outcome = sessions.inTransaction(session -> {
                    session.add(new BulkItem("fig", "fruit", 5));
                    Mono<String> failing = sessions.<String>inTransaction(Propagation.NESTED, nested -> {
                                assertThat(nested).isSameAs(session);
                                nested.add(new BulkItem("plum", "fruit", 4));
                                return nested.flush().then(Mono.error(new IllegalStateException("refused")));
                            })
                            .next()
                            .onErrorResume(IllegalStateException.class, error -> Mono.just("nested rolled back"));
                    Mono<String> succeeding = sessions.<String>inTransaction(Propagation.NESTED, nested -> {
                                nested.add(new BulkItem("date", "fruit", 6));
                                return Mono.just("nested released");
                            })
                            .last(); // next() would cancel, and so roll back, the nested transaction
                    return failing.concatWith(succeeding);
                })
                .collectList()
                .block(TIMEOUT);
        assertThat(outcome).containsExactly("nested rolled back", "nested released");
        assertThat(rows()).containsExactly("apple=1", "date=6", "fig=5", "kale=3", "pear=2");
    }

    @DatabaseTest
    void shouldBeginATransactionWithPropagationNestedWhenNoneIsOpen(TestDatabase on) {
        createItems(on);
        sessions.inTransaction(Propagation.NESTED, session -> {
                    session.add(new BulkItem("fig", "fruit", 5));
                    return Mono.just(true);
                })
                .blockLast(TIMEOUT);
        assertThat(rows()).containsExactly("apple=1", "fig=5", "kale=3", "pear=2");
        assertThat(sql.events()).noneMatch(event -> event.startsWith("SAVEPOINT"));
    }
}
