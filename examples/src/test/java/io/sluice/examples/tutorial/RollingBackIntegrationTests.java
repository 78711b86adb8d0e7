package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/**
 * The tutorial's "Rolling Back": a change and a new object are flushed before a query in the open transaction, and a rollback
 * restores the loaded object and expunges the new one.
 */
final class RollingBackIntegrationTests {

    private TutorialDatabase db;
    private User ed;
    private final User fakeUser = new User("fakeuser", "Invalid", "12345");

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    /** Returns a session that committed the four users, then renamed ed to Edwardo and added fakeuser. */
    private Session withUncommittedChanges(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        Session session = db.open();
        List<User> users = TutorialDatabase.fourUsers();
        ed = users.get(0);
        session.addAll(users);
        session.commit().as(StepVerifier::create).verifyComplete();
        ed.setName("Edwardo");
        session.add(fakeUser);
        return session;
    }

    private static List<String> edwardoAndFakeUser(Session session) {
        return strings(session.query(User.class)
                .filter(User_.name.in("Edwardo", "fakeuser"))
                .orderBy(User_.id)
                .all());
    }

    @DatabaseTest
    void shouldFindTheChangedAndTheNewObjectWhenQueryingInTheTransaction(TestDatabase database) {
        Session session = withUncommittedChanges(database);

        assertThat(edwardoAndFakeUser(session))
                .containsExactly(
                        "<User(name='Edwardo', fullname='Ed Jones', nickname='eddie')>",
                        "<User(name='fakeuser', fullname='Invalid', nickname='12345')>");
    }

    @DatabaseTest
    void shouldRestoreTheCommittedValueWhenRollingBack(TestDatabase database) {
        Session session = withUncommittedChanges(database);
        edwardoAndFakeUser(session);

        session.rollback().as(StepVerifier::create).verifyComplete();

        assertThat(ed.getName()).isEqualTo("ed");
    }

    @DatabaseTest
    void shouldExpungeTheNewObjectWithoutAnIdWhenRollingBack(TestDatabase database) {
        Session session = withUncommittedChanges(database);
        edwardoAndFakeUser(session);

        session.rollback().as(StepVerifier::create).verifyComplete();

        assertThat(session.contains(fakeUser)).isFalse();
        assertThat(fakeUser.getId()).isNull();
    }

    @DatabaseTest
    void shouldFindOnlyTheCommittedRowsWhenQueryingAfterRollingBack(TestDatabase database) {
        Session session = withUncommittedChanges(database);
        edwardoAndFakeUser(session);
        session.rollback().as(StepVerifier::create).verifyComplete();

        assertThat(strings(session.query(User.class)
                        .filter(User_.name.in("ed", "fakeuser"))
                        .all()))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
    }
}
