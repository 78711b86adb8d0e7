package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * What a session sends and what it answers from memory, on each dialect: autoflush, the identity map, commit and rollback,
 * over a scripted connection.
 */
final class SessionUnitTests {

    private static final String USERS = "SELECT users.id, users.name, users.fullname, users.nickname FROM users";
    private static final String SELECT_USER = USERS + " WHERE users.id = ?";
    private static final String SELECT_BY_NAME = USERS + " WHERE users.name = ?";
    private static final Rows USER_ROW = Rows.of("id", "name", "fullname", "nickname");

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final ScriptedSessions sessions = new ScriptedSessions(database);

    @AfterEach
    void close() {
        sessions.close();
    }

    private Session open(ScriptedDialect dialect) {
        return sessions.open(dialect, Mapping.of(User.class));
    }

    private void expectEd(ScriptedDialect dialect) {
        database.expect(dialect.sql(SELECT_USER)).withBinds(1).returnRows(USER_ROW.row(1, "ed", "Ed Jones", "eddie"));
    }

    private static <T> T get(Session session, Class<T> type, Object id) {
        return session.get(type, id).block(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldFlushPendingObjectsBeforeAQuery(ScriptedDialect dialect) {
        Session session = open(dialect);
        User ed = new User("ed", "Ed Jones", "edsnickname");
        session.add(ed);
        dialect.expectInsert(
                        database, "INSERT INTO users (name, fullname, nickname) VALUES (?, ?, ?)", "id", List.of(1))
                .withBinds("ed", "Ed Jones", "edsnickname");
        database.expect(dialect.sql(SELECT_BY_NAME))
                .withBinds("ed")
                .returnRows(USER_ROW.row(1, "ed", "Ed Jones", "edsnickname"));

        session.query(User.class)
                .filterBy(User_.name, "ed")
                .all()
                .as(StepVerifier::create)
                .expectNextMatches(found -> found == ed)
                .verifyComplete();

        database.verify();
        assertThat(database.events()).hasSize(3).first().isEqualTo("BEGIN");
        assertThat(session.newObjects()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldNotFlushBeforeAQueryWhenAutoflushIsOff(ScriptedDialect dialect) {
        Session session = open(dialect);
        session.setAutoflush(false);
        User ed = new User("ed", "Ed Jones", "edsnickname");
        session.add(ed);
        database.expect(dialect.sql(SELECT_BY_NAME)).withBinds("ed").returnRows(USER_ROW);

        session.query(User.class)
                .filterBy(User_.name, "ed")
                .all()
                .as(StepVerifier::create)
                .verifyComplete();

        database.verify();
        assertThat(database.events()).containsExactly("BEGIN", dialect.sql(SELECT_BY_NAME));
        assertThat(session.newObjects()).containsExactly(ed);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRestoreTheCommittedValuesOnRollback(ScriptedDialect dialect) {
        Session session = open(dialect);
        expectEd(dialect);
        database.expect(dialect.sql("UPDATE users SET name = ? WHERE users.id = ?"))
                .withBinds("Edwardo", 1);
        User ed = get(session, User.class, 1);
        ed.setName("Edwardo");
        session.flush().as(StepVerifier::create).verifyComplete();

        session.rollback().as(StepVerifier::create).verifyComplete();

        database.verify();
        assertThat(database.events())
                .containsExactly(
                        "BEGIN",
                        dialect.sql(SELECT_USER),
                        dialect.sql("UPDATE users SET name = ? WHERE users.id = ?"),
                        "ROLLBACK");
        assertThat(ed.getName()).isEqualTo("ed");
        assertThat(session.contains(ed)).isTrue();
        assertThat(session.dirty()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldForgetObjectsInsertedInTheTransactionOnRollback(ScriptedDialect dialect) {
        Session session = open(dialect);
        User fake = new User("fakeuser", "Invalid", "12345");
        session.add(fake);
        dialect.expectInsert(
                        database, "INSERT INTO users (name, fullname, nickname) VALUES (?, ?, ?)", "id", List.of(5))
                .withBinds("fakeuser", "Invalid", "12345");
        session.flush().as(StepVerifier::create).verifyComplete();
        assertThat(fake.getId()).isEqualTo(5);

        session.rollback().as(StepVerifier::create).verifyComplete();

        database.verify();
        assertThat(database.events()).endsWith("ROLLBACK");
        assertThat(session.contains(fake)).isFalse();
        assertThat(session.newObjects()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldFlushThenCommitAndKeepTheCommittedValuesOnALaterRollback(ScriptedDialect dialect) {
        Session session = open(dialect);
        expectEd(dialect);
        database.expect(dialect.sql("UPDATE users SET nickname = ? WHERE users.id = ?"))
                .withBinds("eddie2", 1);
        User ed = get(session, User.class, 1);
        ed.setNickname("eddie2");

        session.commit().as(StepVerifier::create).verifyComplete();
        ed.setNickname("changed after the commit");
        session.rollback().as(StepVerifier::create).verifyComplete();

        database.verify();
        assertThat(database.events())
                .containsExactly(
                        "BEGIN",
                        dialect.sql(SELECT_USER),
                        dialect.sql("UPDATE users SET nickname = ? WHERE users.id = ?"),
                        "COMMIT");
        assertThat(ed.getNickname()).isEqualTo("eddie2");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSendOneSelectForTwoGetsOfOneKeyAndReturnTheSameObject(ScriptedDialect dialect) {
        Session session = open(dialect);
        expectEd(dialect);

        User first = get(session, User.class, 1);
        User second = get(session, User.class, 1);

        database.verify();
        assertThat(database.statements()).containsExactly(dialect.sql(SELECT_USER));
        assertThat(second).isSameAs(first);
        assertThat(first.getName()).isEqualTo("ed");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSendNothingToGetAnObjectTheSessionHolds(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql(USERS + " ORDER BY users.id"))
                .withBinds()
                .returnRows(USER_ROW.row(1, "ed", "Ed Jones", "eddie").row(2, "wendy", "Wendy Williams", "windy"));
        List<User> users =
                session.query(User.class).orderBy(User_.id).all().collectList().block(Duration.ofSeconds(5));

        User wendy = get(session, User.class, 2);
        User wendyByLong = get(session, User.class, 2L);

        database.verify();
        assertThat(database.statements()).hasSize(1);
        assertThat(wendy).isSameAs(users.get(1)).isSameAs(wendyByLong);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSendNothingToGetAnObjectAddedAndFlushed(ScriptedDialect dialect) {
        Session session = open(dialect);
        User ed = new User("ed", "Ed Jones", "eddie");
        session.add(ed);
        dialect.expectInsert(
                        database, "INSERT INTO users (name, fullname, nickname) VALUES (?, ?, ?)", "id", List.of(9))
                .withBinds("ed", "Ed Jones", "eddie");
        session.flush().as(StepVerifier::create).verifyComplete();

        session.get(User.class, 9).as(StepVerifier::create).expectNext(ed).verifyComplete();

        database.verify();
        assertThat(database.statements()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldKeepTheHeldObjectAndItsChangesWhenAQueryReadsItsRowAgain(ScriptedDialect dialect) {
        Session session = open(dialect);
        session.setAutoflush(false);
        expectEd(dialect);
        database.expect(dialect.sql(SELECT_BY_NAME))
                .withBinds("ed")
                .returnRows(USER_ROW.row(1, "ed", "Ed Jones", "eddie"));
        User ed = get(session, User.class, 1);
        ed.setNickname("not flushed");

        session.query(User.class)
                .filterBy(User_.name, "ed")
                .one()
                .as(StepVerifier::create)
                .expectNext(ed)
                .verifyComplete();

        database.verify();
        assertThat(ed.getNickname()).isEqualTo("not flushed");
        assertThat(session.dirty()).containsExactly(ed);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldCompleteEmptyWhenGetFindsNoRow(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql(SELECT_USER)).withBinds(42).returnRows(USER_ROW);

        session.get(User.class, 42).as(StepVerifier::create).verifyComplete();

        database.verify();
    }
}
