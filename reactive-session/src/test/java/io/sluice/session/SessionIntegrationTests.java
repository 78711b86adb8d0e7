package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The session's own behaviour on every database: one connection used in turn, the identity map, and object states. */
final class SessionIntegrationTests {

    static final Mapping MAPPING = Mapping.of(User.class, Account.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    private Session open(SessionFactory factory) {
        Session session = factory.open();
        sessions.add(session);
        return session;
    }

    @AfterEach
    void cleanUp() {
        sessions.forEach(
                session -> session.close().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(10)));
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory seeded(TestDatabase database, RecordingListener listener) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine recorded =
                database.newEngine(builder -> builder.listener(listener).maxSize(2));
        opened.add(recorded);
        SessionFactory sessions = SessionFactory.of(recorded, MAPPING);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            users.add(new User("user" + i, "User " + i, "u" + i));
        }
        sessions.inTransaction(session -> {
                    session.addAll(users);
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(30));
        listener.clear();
        return sessions;
    }

    @DatabaseTest
    void shouldRunConcurrentlySubscribedWorkInTurnOnItsOneConnection(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql);
        Session session = open(sessions);

        Mono.zip(
                        session.get(User.class, 1),
                        session.get(User.class, 2),
                        session.query(User.class).count())
                .as(StepVerifier::create)
                .assertNext(results -> {
                    assertThat(results.getT1().getName()).isEqualTo("user0");
                    assertThat(results.getT2().getName()).isEqualTo("user1");
                    assertThat(results.getT3()).isEqualTo(300);
                })
                .verifyComplete();
        Flux.merge(
                        session.query(User.class).orderBy(User_.id).all(),
                        session.query(User_.name).orderBy(User_.id).all())
                .count()
                .as(StepVerifier::create)
                .expectNext(600L)
                .verifyComplete();
        assertThat(sql.events().stream().filter(event -> event.startsWith("BEGIN")))
                .hasSize(1);
        assertThat(opened.get(0).poolMetrics().get().acquiredSize()).isEqualTo(1);
        session.close().block();
        assertThat(opened.get(0).poolMetrics().get().acquiredSize()).isZero();
    }

    @DatabaseTest
    void shouldAnswerFromTheIdentityMapWithoutSql(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql);
        Session session = open(sessions);
        User first = session.get(User.class, 1).block();
        int statements = sql.events().size();

        assertThat(session.get(User.class, 1).block()).isSameAs(first);
        assertThat(sql.events()).hasSize(statements);
        first.setNickname("changed");
        assertThat(session.query(User.class).filterBy(User_.id, 1).one().block())
                .isSameAs(first);
        assertThat(first.getNickname()).as("autoflushed, not overwritten").isEqualTo("changed");
        session.get(User.class, 99_999).as(StepVerifier::create).verifyComplete();
        session.rollback().block();
        assertThat(first.getNickname()).isEqualTo("u0");
    }

    @DatabaseTest
    void shouldFindAnObjectByAKeyOfAnotherIntegerClassWithoutSql(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql);
        Session session = open(sessions);
        User first = session.get(User.class, 1).block(); // User's key is an Integer
        int statements = sql.events().size();

        assertThat(session.get(User.class, 1L).block()).isSameAs(first);
        assertThat(session.get(User.class, (short) 1).block()).isSameAs(first);
        session.get(User.class, 1L << 40).as(StepVerifier::create).verifyComplete(); // no Integer key can be that
        assertThat(sql.events()).hasSize(statements);
        assertThat(session.get(User.class, 2L).block().getName()).isEqualTo("user1");
        session.get(User.class, "1")
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("User.id is Integer")
                        .hasMessageContaining("String 1"))
                .verify();
        session.close().block();
    }

    @DatabaseTest
    void shouldSelectByKeyWithOneStatementTextForEveryKeyOfAClass(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql);

        User first =
                sessions.inTransaction(session -> session.get(User.class, 1)).blockLast(WAIT);
        User second =
                sessions.inTransaction(session -> session.get(User.class, 2L)).blockLast(WAIT);
        Session session = open(sessions);
        User third = session.get(User.class, 3).block(WAIT);
        third.setName("refreshed away");
        session.refresh(third).block(WAIT);

        assertThat(List.of(first.getName(), second.getName(), third.getName()))
                .containsExactly("user0", "user1", "user2");
        List<RenderedSql> selects = sql.statements();
        assertThat(selects).hasSize(4);
        assertThat(selects)
                .extracting(RenderedSql::sql)
                .containsOnly(selects.get(0).sql());
        assertThat(selects.get(0).sql())
                .startsWith("SELECT users.id, users.name")
                .contains("FROM users WHERE users.id = ");
        assertThat(selects).extracting(select -> select.binds().get(0).value()).containsExactly(1, 2, 3, 3);
        session.close().block(WAIT);
    }

    @DatabaseTest
    void shouldRefuseAGetWhoseKeyMatchesSeveralRows(TestDatabase database) {
        engine = database.engine();
        // A table without a primary key constraint, mapped by a class that names a key: two rows share it.
        engine.execute(SQL.text("DROP TABLE IF EXISTS session_loose_codes"))
                .then(engine.execute(
                        SQL.text("CREATE TABLE session_loose_codes (code VARCHAR(10), label VARCHAR(20))")))
                .then(engine.execute(SQL.text(
                        "INSERT INTO session_loose_codes (code, label) VALUES ('a', 'first'), ('a', 'second')")))
                .block(WAIT);
        try {
            SessionFactory.of(engine, Mapping.of(LooseCode.class))
                    .inTransaction(session -> session.get(LooseCode.class, "a"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(NonUniqueResultException.class)
                            .hasMessageContaining("more than one row of session_loose_codes has the key a"))
                    .verify(WAIT);
        } finally {
            engine.execute(SQL.text("DROP TABLE session_loose_codes")).block(WAIT);
        }
    }

    /** A class whose key the database does not enforce. */
    @Entity(table = "session_loose_codes")
    static class LooseCode {

        @Id
        @MappedColumn(length = 10)
        private String code;

        @MappedColumn(length = 20)
        private String label;

        LooseCode() {}
    }

    @DatabaseTest
    void shouldExpungeRefreshAndDeleteAsAsked(TestDatabase database) {
        SessionFactory sessions = seeded(database, new RecordingListener());
        Session session = open(sessions);
        User user = session.get(User.class, 3).block();
        user.setName("not saved");
        session.expunge(user);
        assertThat(session.contains(user)).isFalse();
        assertThat(session.dirty()).isEmpty();
        User again = session.get(User.class, 3).block();
        assertThat(again).isNotSameAs(user);
        assertThat(again.getName()).isEqualTo("user2");

        again.setName("discarded");
        session.refresh(again).as(StepVerifier::create).verifyComplete();
        assertThat(again.getName()).isEqualTo("user2");
        assertThat(session.dirty()).isEmpty();

        User pending = new User("pending", "P", "p");
        session.add(pending);
        session.delete(pending);
        assertThat(session.newObjects()).isEmpty();
        session.delete(again);
        session.add(again);
        assertThat(session.deleted()).isEmpty();
        assertThatThrownBy(() -> session.delete(new User("stranger", "S", "s")))
                .isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("is not in this session");
        session.delete(again);
        session.commit().block();
        Session check = open(sessions);
        assertThat(check.query(User.class).count().block()).isEqualTo(299);
        check.close().block();
        session.close().block();
        session.query(User.class)
                .all()
                .as(StepVerifier::create)
                .expectError(SessionException.class)
                .verify(Duration.ofSeconds(5));
    }

    @DatabaseTest
    void shouldStopSendingWorkWhenTheSubscriberCancelsAndKeepTheSessionUsable(TestDatabase database) {
        SessionFactory sessions = seeded(database, new RecordingListener());
        Session session = open(sessions);
        session.query(User.class)
                .orderBy(User_.id)
                .all()
                .take(5)
                .count()
                .as(StepVerifier::create)
                .expectNext(5L)
                .verifyComplete();
        session.query(User.class)
                .count()
                .as(StepVerifier::create)
                .expectNext(300L)
                .verifyComplete();
        session.close().block();
        assertThat(opened.get(0).poolMetrics().get().acquiredSize()).isZero();
    }

    @DatabaseTest
    void shouldCoalesceLazyLoadsSubscribedTogetherIntoOneQuery(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql);
        Session session = open(sessions);
        List<User> users =
                session.query(User.class).orderBy(User_.id).all().collectList().block();
        sql.clear();

        Flux.fromIterable(users)
                .flatMap(user -> user.getAddresses().flux())
                .count()
                .as(StepVerifier::create)
                .expectNext(0L)
                .verifyComplete();

        assertThat(sql.events()).filteredOn(event -> event.startsWith("SELECT")).hasSize(1);
        assertThat(users)
                .allSatisfy(user -> assertThat(user.getAddresses().isLoaded()).isTrue());
        session.close().block();
    }

    @DatabaseTest
    void shouldLoadInBatchesOfTheConfiguredSize(TestDatabase database) {
        RecordingListener sql = new RecordingListener();
        SessionFactory sessions = seeded(database, sql).withLoadBatchSize(100);
        Session session = open(sessions);
        session.query(User.class)
                .options(io.sluice.session.LoadOption.selectinLoad(User_.addresses))
                .all()
                .count()
                .as(StepVerifier::create)
                .expectNext(300L)
                .verifyComplete();
        assertThat(sql.events()).filteredOn(event -> event.startsWith("SELECT")).hasSize(4);
        session.close().block();
    }
}
