package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static io.sluice.session.LoadOption.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.Address;
import io.sluice.examples.Address_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * The tutorial's "Deleting" and "Configuring delete/delete-orphan Cascade", over the four users and jack with jack@google.com
 * and j25@yahoo.com: without a cascade the addresses stay and lose their user; with the remapped classes they go with him.
 */
final class DeletingIntegrationTests {

    private TutorialDatabase db;
    private User seededJack;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    private void seed(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        seededJack = db.seedJack();
    }

    private static long countJacks(Session session) {
        return session.query(User.class).filterBy(User_.name, "jack").count().block(WAIT);
    }

    private static long countJacksAddresses(Session session) {
        return session.query(Address.class)
                .filter(Address_.emailAddress.in("jack@google.com", "j25@yahoo.com"))
                .count()
                .block(WAIT);
    }

    /** Returns jack loaded with his addresses, then deleted, in the session given. */
    private static User deleteJack(Session session) {
        User jack = session.query(User.class)
                .options(selectinLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .one()
                .block(WAIT);
        session.delete(jack);
        return jack;
    }

    private static long countRemappedJacks(Session session) {
        return session.query(io.sluice.examples.cascade.User.class)
                .filterBy(io.sluice.examples.cascade.User_.name, "jack")
                .count()
                .block(WAIT);
    }

    private static long countRemappedJacksAddresses(Session session) {
        return session.query(io.sluice.examples.cascade.Address.class)
                .filter(io.sluice.examples.cascade.Address_.emailAddress.in("jack@google.com", "j25@yahoo.com"))
                .count()
                .block(WAIT);
    }

    /** Returns jack through the remapped classes, his addresses loaded, in the session given. */
    private io.sluice.examples.cascade.User loadRemappedJack(Session session) {
        io.sluice.examples.cascade.User jack = session.get(io.sluice.examples.cascade.User.class, seededJack.getId())
                .block(WAIT);
        list(jack.getAddresses().flux());
        return jack;
    }

    @DatabaseTest
    void shouldFindNoUserOnceDeleted(TestDatabase database) {
        seed(database);
        Session session = db.open();

        deleteJack(session);

        assertThat(countJacks(session)).isZero();
    }

    @DatabaseTest
    void shouldKeepTheAddressesOfADeletedUserWithoutADeleteCascade(TestDatabase database) {
        seed(database);
        Session session = db.open();

        deleteJack(session);

        assertThat(countJacksAddresses(session)).isEqualTo(2);
    }

    @DatabaseTest
    void shouldClearTheAddressesForeignKeyWhenTheirUserIsDeletedWithoutACascade(TestDatabase database) {
        seed(database);
        Session session = db.open();

        User jack = deleteJack(session);
        session.flush().block(WAIT);

        assertThat(jack.getAddresses().get(0).getUserId()).isNull();
    }

    @DatabaseTest
    void shouldLoadTheSameRowsThroughTheRemappedClasses(TestDatabase database) {
        seed(database);
        Session session = db.openCascading();

        io.sluice.examples.cascade.User jack = loadRemappedJack(session);

        assertThat(jack.getName()).isEqualTo("jack");
        assertThat(jack.getAddresses()).hasSize(2);
    }

    @DatabaseTest
    void shouldDeleteAnAddressRemovedFromTheCollectionWithDeleteOrphan(TestDatabase database) {
        seed(database);
        Session session = db.openCascading();
        io.sluice.examples.cascade.User jack = loadRemappedJack(session);

        jack.getAddresses().remove(1);

        assertThat(countRemappedJacksAddresses(session)).isEqualTo(1);
    }

    @DatabaseTest
    void shouldDeleteTheAddressesWithTheirUserWithADeleteCascade(TestDatabase database) {
        seed(database);
        Session session = db.openCascading();
        io.sluice.examples.cascade.User jack = loadRemappedJack(session);
        jack.getAddresses().remove(1);

        session.delete(jack);

        assertThat(countRemappedJacks(session)).isZero();
        assertThat(countRemappedJacksAddresses(session)).isZero();
    }

    @DatabaseTest
    void shouldKeepTheCommittedRowsWhenTheSessionClosesWithoutCommitting(TestDatabase database) {
        seed(database);
        Session session = db.openCascading();
        io.sluice.examples.cascade.User jack = loadRemappedJack(session);
        jack.getAddresses().remove(1);
        session.delete(jack);
        countRemappedJacks(session); // flushed in the open transaction

        session.close().block(WAIT);

        assertThat(db.open().query(Address.class).count().block(WAIT))
                .as("nothing after the commit of jack was committed")
                .isEqualTo(2);
    }
}
