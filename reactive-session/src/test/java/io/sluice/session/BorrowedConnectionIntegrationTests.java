package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.SqlConnection;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * A session opened on a connection whose transaction the caller runs ({@link SessionFactory#open(SqlConnection)}, as the Spring
 * Boot starter's transaction manager does): it flushes on commit but never commits, rolls back or releases the connection.
 */
class BorrowedConnectionIntegrationTests {

    static final Mapping MAPPING = Mapping.of(BorrowedNote.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Engine engine;

    private SessionFactory create(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        return SessionFactory.of(engine, MAPPING);
    }

    @AfterEach
    void dropTables() {
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private List<String> texts() {
        return engine.query(SQL.text("SELECT text FROM borrowed_notes ORDER BY text"))
                .map(row -> row.get(0, String.class))
                .collectList()
                .block(TIMEOUT);
    }

    /** Runs work on a connection in a transaction this test begins, then commits or rolls it back and releases it. */
    private void onConnection(boolean commit, java.util.function.Function<SqlConnection, Mono<?>> work) {
        Mono.usingWhen(
                        engine.acquire(),
                        connection -> connection
                                .beginTransaction()
                                .then(work.apply(connection))
                                .then(commit ? connection.commit() : connection.rollback()),
                        SqlConnection::release)
                .block(TIMEOUT);
    }

    @DatabaseTest
    void shouldLeaveTheCommitToTheOwnerOfTheConnection(TestDatabase on) {
        SessionFactory sessions = create(on);
        onConnection(false, connection -> {
            Session session = sessions.open(connection);
            session.add(new BorrowedNote("rolled back"));
            return session.commit().then(session.close());
        });
        assertThat(texts()).isEmpty();
        onConnection(true, connection -> {
            Session session = sessions.open(connection);
            session.add(new BorrowedNote("committed"));
            return session.commit().then(session.close());
        });
        assertThat(texts()).containsExactly("committed");
    }

    @DatabaseTest
    void shouldKeepTheConnectionUsableAfterTheSessionCloses(TestDatabase on) {
        SessionFactory sessions = create(on);
        onConnection(true, connection -> {
            Session session = sessions.open(connection);
            session.add(new BorrowedNote("a"));
            return session.flush()
                    .then(session.close())
                    .then(connection.execute(SQL.text("INSERT INTO borrowed_notes (text) VALUES ('b')")));
        });
        assertThat(texts()).containsExactly("a", "b");
    }

    @DatabaseTest
    void shouldGoBackToTheLastCommitInMemoryOnRollback(TestDatabase on) {
        SessionFactory sessions = create(on);
        onConnection(true, connection -> {
            Session session = sessions.open(connection);
            BorrowedNote kept = new BorrowedNote("kept");
            BorrowedNote dropped = new BorrowedNote("dropped");
            session.add(kept);
            return session.commit()
                    .then(connection.createSavepoint("s1"))
                    .then(Mono.fromRunnable(() -> session.add(dropped)))
                    .then(session.flush())
                    .then(connection.rollbackToSavepoint("s1"))
                    .then(session.rollback())
                    .then(Mono.fromRunnable(() -> {
                        assertThat(session.contains(kept)).isTrue();
                        assertThat(session.contains(dropped)).isFalse();
                    }))
                    .then(connection.releaseSavepoint("s1"))
                    .then(session.close());
        });
        assertThat(texts()).containsExactly("kept");
    }
}
