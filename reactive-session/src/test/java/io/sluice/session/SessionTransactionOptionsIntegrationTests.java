package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.IsolationLevel;
import io.sluice.core.Engine;
import io.sluice.core.TransactionOptions;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/** Transaction options through sessions: read-only sessions, options joined or refused, options on the session. */
class SessionTransactionOptionsIntegrationTests {

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
        sessions.inTransaction(session -> {
                    session.add(new BulkItem("apple", "fruit", 1));
                    return Mono.just(true);
                })
                .blockLast(TIMEOUT);
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

    private List<String> rows() {
        return engine.query(SQL.text("SELECT name, quantity FROM bulk_item ORDER BY name"))
                .map(row -> row.get(0, String.class) + "=" + row.get(1, Object.class))
                .collectList()
                .block(TIMEOUT);
    }

    @DatabaseTest
    void shouldLoadReadOnlyAndRefuseToFlushInAReadOnlyTransaction(TestDatabase on) {
        createItems(on);
        TransactionOptions readOnly = TransactionOptions.defaults().readOnly();
        List<Boolean> readOnlyObjects = sessions.inTransaction(
                        readOnly, session -> session.query(BulkItem.class).all().map(session::isReadOnly))
                .collectList()
                .block(TIMEOUT);
        assertThat(readOnlyObjects).containsExactly(true);

        assertThatThrownBy(() -> sessions.inTransaction(readOnly, session -> {
                            session.add(new BulkItem("pear", "fruit", 2));
                            return Mono.just(true);
                        })
                        .blockLast(TIMEOUT))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("read-only")
                .hasMessageContaining("1 new");
        assertThat(rows()).containsExactly("apple=1");
        assertThat(sql.events()).noneMatch(event -> event.startsWith("INSERT"));
        assertThat(sql.events()).contains("BEGIN READ ONLY");
    }

    @DatabaseTest
    void shouldJoinATransactionWithTheSameOptionsAndRefuseOtherOptions(TestDatabase on) {
        createItems(on);
        TransactionOptions serializable = TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE);
        Boolean same = sessions.inTransaction(
                        serializable, outer -> sessions.inTransaction(serializable, inner -> Mono.just(inner == outer)))
                .blockLast(TIMEOUT);
        assertThat(same).isTrue();

        assertThatThrownBy(() -> sessions.inTransaction(
                                serializable,
                                outer -> sessions.inTransaction(
                                        TransactionOptions.defaults().readOnly(), inner -> Mono.just(true)))
                        .blockLast(TIMEOUT))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("[READ ONLY]")
                .hasMessageContaining("[ISOLATION LEVEL SERIALIZABLE]")
                .hasMessageContaining("REQUIRES_NEW");
    }

    @DatabaseTest
    void shouldTakeOptionsOnlyBeforeTheSessionsTransactionBegins(TestDatabase on) {
        createItems(on);
        Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> {
                            session.setTransactionOptions(
                                    TransactionOptions.defaults().lockTimeout(Duration.ofSeconds(3)));
                            return session.query(BulkItem.class)
                                    .all()
                                    .collectList()
                                    .doOnNext(items -> assertThatThrownBy(
                                                    () -> session.setTransactionOptions(TransactionOptions.defaults()))
                                            .isInstanceOf(IllegalStateException.class)
                                            .hasMessageContaining("has begun"))
                                    .then(session.commit())
                                    .doOnSuccess(
                                            ignored -> session.setTransactionOptions(TransactionOptions.defaults()));
                        },
                        Session::close)
                .block(TIMEOUT);
        assertThat(sql.events()).contains("BEGIN LOCK TIMEOUT 3000 ms");
    }
}
