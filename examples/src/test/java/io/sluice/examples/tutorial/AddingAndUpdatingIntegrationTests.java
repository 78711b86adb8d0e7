package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The tutorial's "Creating a Session" and "Adding and Updating Objects": pending objects, autoflush before a query, the identity
 * map, dirty and new objects, and the order of a commit's statements.
 */
final class AddingAndUpdatingIntegrationTests {

    private TutorialDatabase db;
    private final User ed = new User("ed", "Ed Jones", "edsnickname");

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    private User findEd(Session session) {
        return session.query(User.class).filterBy(User_.name, "ed").first().block(WAIT);
    }

    /**
     * Returns a session where ed was added and autoflushed by a query, then wendy, mary and fred were added and ed's nickname
     * changed to eddie; no statement is left recorded.
     */
    private Session withChangesToCommit(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        Session session = db.open();
        session.add(ed);
        findEd(session);
        session.addAll(List.of(
                new User("wendy", "Wendy Williams", "windy"),
                new User("mary", "Mary Contrary", "mary"),
                new User("fred", "Fred Flintstone", "freddy")));
        ed.setNickname("eddie");
        db.sql().clear();
        return session;
    }

    @DatabaseTest
    void shouldSendNoSqlWhenAnObjectIsAddedToANewSession(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        Session session = db.open();

        session.add(ed);

        assertThat(db.sql().events()).isEmpty();
    }

    @DatabaseTest
    void shouldListAnAddedObjectAsNew(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        Session session = db.open();

        session.add(ed);

        assertThat(session.newObjects()).containsExactly(ed);
    }

    @DatabaseTest
    void shouldBeginAndInsertThePendingObjectBeforeAQuery(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        Session session = db.open();
        session.add(ed);

        findEd(session);

        List<String> events = db.sql().events();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isEqualTo("BEGIN (implicit)");
        assertThat(events.get(1)).startsWith("INSERT INTO users (name, fullname, nickname) VALUES (");
        assertThat(events.get(2))
                .startsWith(
                        "SELECT users.id, users.name, users.fullname, users.nickname FROM users WHERE users.name = ");
    }

    @DatabaseTest
    void shouldReturnThePendingObjectItselfWhenAQueryFindsIt(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        Session session = db.open();
        session.add(ed);

        User ourUser = findEd(session);

        assertThat(ourUser).hasToString("<User(name='ed', fullname='Ed Jones', nickname='edsnickname')>");
        assertThat(ourUser).isSameAs(ed);
    }

    @DatabaseTest
    void shouldListOnlyTheChangedObjectAsDirty(TestDatabase database) {
        Session session = withChangesToCommit(database);

        assertThat(strings(Flux.fromIterable(session.dirty())))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
    }

    @DatabaseTest
    void shouldListTheObjectsAddedSinceTheFlushAsNewInTheOrderAdded(TestDatabase database) {
        Session session = withChangesToCommit(database);

        assertThat(strings(Flux.fromIterable(session.newObjects())))
                .containsExactly(
                        "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>",
                        "<User(name='mary', fullname='Mary Contrary', nickname='mary')>",
                        "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>");
    }

    @DatabaseTest
    void shouldSendTheUpdateBeforeTheInsertWhenCommitting(TestDatabase database) {
        Session session = withChangesToCommit(database);

        session.commit().as(StepVerifier::create).verifyComplete();

        List<String> events = db.sql().events();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("UPDATE users SET nickname = ");
        assertThat(events.get(1)).startsWith("INSERT INTO users (name, fullname, nickname) VALUES (");
        assertThat(events.get(2)).isEqualTo("COMMIT");
    }

    @DatabaseTest
    void shouldInsertTheNewObjectsInOneStatementInTheOrderAddedWhenCommitting(TestDatabase database) {
        Session session = withChangesToCommit(database);

        session.commit().as(StepVerifier::create).verifyComplete();

        assertThat(db.sql().statements().get(1).values())
                .containsExactly(
                        "wendy",
                        "Wendy Williams",
                        "windy",
                        "mary",
                        "Mary Contrary",
                        "mary",
                        "fred",
                        "Fred Flintstone",
                        "freddy");
    }

    @DatabaseTest
    void shouldKeepTheGeneratedIdOneOfTheFirstUserAfterCommitting(TestDatabase database) {
        Session session = withChangesToCommit(database);

        session.commit().as(StepVerifier::create).verifyComplete();

        assertThat(ed.getId()).isEqualTo(1);
    }

    @DatabaseTest
    void shouldGiveItsConnectionBackWhenTheSessionCloses(TestDatabase database) {
        Session session = withChangesToCommit(database);
        session.commit().as(StepVerifier::create).verifyComplete();
        findEd(session); // a new transaction, holding a connection

        session.close().as(StepVerifier::create).verifyComplete();

        assertThat(db.engine().poolMetrics())
                .hasValueSatisfying(
                        metrics -> assertThat(metrics.acquiredSize()).isZero());
    }
}
