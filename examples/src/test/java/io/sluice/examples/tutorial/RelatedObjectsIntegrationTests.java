package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.examples.Address;
import io.sluice.examples.Address_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.DetachedInstanceException;
import io.sluice.session.LazyLoadException;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/**
 * The tutorial's "Working with Related Objects": the save-update cascade with keys copied into foreign keys, and the lazy
 * load of a user's addresses as a stream, remembered while the session lives and refused once it is closed.
 */
final class RelatedObjectsIntegrationTests {

    private static final String JACK_AT_GOOGLE = "<Address(email_address='jack@google.com')>";
    private static final String J25_AT_YAHOO = "<Address(email_address='j25@yahoo.com')>";

    private TutorialDatabase db;
    private Session session;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    /** Returns jack with his two addresses, added to {@link #session} after the four users were committed. */
    private User addJack(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedFourUsers();
        User jack = TutorialDatabase.jack();
        session = db.open();
        session.add(jack);
        return jack;
    }

    private User commitJack(TestDatabase database) {
        User jack = addJack(database);
        session.commit().as(StepVerifier::create).verifyComplete();
        return jack;
    }

    /** Returns jack as loaded by {@link #session} after the users and jack were committed; no statement is left recorded. */
    private User loadJack(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedJack();
        session = db.open();
        User jack = session.query(User.class).filterBy(User_.name, "jack").one().block(WAIT);
        db.sql().clear();
        return jack;
    }

    /** Returns jack loaded by a session that then loaded his addresses and the first one's user, and was closed. */
    private User loadJackThenClose(TestDatabase database) {
        User jack = loadJack(database);
        list(jack.getAddresses().flux());
        jack.getAddresses().get(0).getUser().mono().block(WAIT);
        session.close().block(WAIT);
        return jack;
    }

    @DatabaseTest
    void shouldAddTheAddressesWithTheirUser(TestDatabase database) {
        addJack(database);

        assertThat(session.newObjects()).hasSize(3);
    }

    @DatabaseTest
    void shouldInsertTheUserBeforeItsAddressesWhenCommitting(TestDatabase database) {
        commitJack(database);

        List<String> events = db.sql().events();
        assertThat(events).hasSize(4);
        assertThat(events.get(1)).startsWith("INSERT INTO users (name, fullname, nickname) VALUES");
        assertThat(events.get(2)).startsWith("INSERT INTO addresses (email_address, user_id) VALUES");
    }

    @DatabaseTest
    void shouldBindTheUsersNewKeyInTheAddressesInsert(TestDatabase database) {
        User jack = commitJack(database);

        assertThat(db.sql().statements().get(1).values())
                .containsExactly("jack@google.com", jack.getId(), "j25@yahoo.com", jack.getId());
    }

    @DatabaseTest
    void shouldSetTheAddressesForeignKeyWhenCommitting(TestDatabase database) {
        User jack = commitJack(database);

        assertThat(jack.getAddresses().get(0).getUserId()).isEqualTo(jack.getId());
    }

    @DatabaseTest
    void shouldLoadTheCommittedUserInANewSession(TestDatabase database) {
        User jack = loadJack(database);

        assertThat(jack).hasToString("<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
    }

    @DatabaseTest
    void shouldRefuseToReadUnloadedAddressesNamingTheFix(TestDatabase database) {
        User jack = loadJack(database);

        assertThatThrownBy(() -> jack.getAddresses().size())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("User.addresses")
                .hasMessageContaining("addresses.flux()");
    }

    @DatabaseTest
    void shouldLoadTheAddressesInOneSelectWhenStreamed(TestDatabase database) {
        User jack = loadJack(database);

        assertThat(strings(jack.getAddresses().flux())).containsExactly(JACK_AT_GOOGLE, J25_AT_YAHOO);
        assertThat(db.selects()).isEqualTo(1);
    }

    @DatabaseTest
    void shouldRememberTheLoadedAddressesWithoutSelectingAgain(TestDatabase database) {
        User jack = loadJack(database);
        list(jack.getAddresses().flux());

        assertThat(jack.getAddresses()).hasSize(2);
        assertThat(strings(jack.getAddresses().flux())).hasSize(2);
        assertThat(db.selects()).as("loaded once, then remembered").isEqualTo(1);
    }

    @DatabaseTest
    void shouldTakeTheAddressesUserFromTheIdentityMap(TestDatabase database) {
        User jack = loadJack(database);
        list(jack.getAddresses().flux());

        assertThat(jack.getAddresses().get(0).getUser().mono().block(WAIT)).isSameAs(jack);
        assertThat(db.selects())
                .as("the back reference came from the identity map")
                .isEqualTo(1);
    }

    @DatabaseTest
    void shouldKeepAReferenceLoadedBeforeTheSessionClosed(TestDatabase database) {
        User jack = loadJackThenClose(database);

        assertThat(jack.getAddresses().get(0).getUser().get())
                .as("loaded before close")
                .isSameAs(jack);
    }

    @DatabaseTest
    void shouldRefuseToReadAnUnloadedReferenceAfterTheSessionClosed(TestDatabase database) {
        User jack = loadJackThenClose(database);

        assertThatThrownBy(() -> jack.getAddresses().get(1).getUser().get()).isInstanceOf(LazyLoadException.class);
    }

    @DatabaseTest
    void shouldFailToLoadAReferenceAfterTheSessionClosed(TestDatabase database) {
        User jack = loadJackThenClose(database);

        jack.getAddresses()
                .get(1)
                .getUser()
                .mono()
                .as(StepVerifier::create)
                .expectError(DetachedInstanceException.class)
                .verify(WAIT);
    }

    /** Returns each address's e-mail address and the name of the user its foreign key points at, by e-mail address. */
    private List<String> addressesWithTheirUsers() {
        Session check = db.open();
        return list(check.query(Address.class).orderBy(Address_.emailAddress).all()).stream()
                .map(address -> address.getEmailAddress() + " -> "
                        + check.query(User.class)
                                .filter(User_.id.eq(address.getUserId()))
                                .one()
                                .map(User::getName)
                                .block(WAIT))
                .toList();
    }

    /** Returns ed, committed by another session and loaded by {@link #session}. */
    private User loadCommittedEd(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        User committed = new User("ed", "Ed Jones", "eddie");
        db.commit(List.of(committed));
        session = db.open();
        return session.get(User.class, committed.getId()).block(WAIT);
    }

    @DatabaseTest
    void shouldInsertAnAddressAddedToAPendingUsersAddressesAfterTheUserWasAdded(TestDatabase database) {
        loadCommittedEd(database);
        User wendy = new User("wendy", "Wendy Williams", "windy");
        session.add(wendy);

        wendy.getAddresses().add(new Address("wendy@example.com"));
        session.commit().block(WAIT);

        assertThat(addressesWithTheirUsers()).containsExactly("wendy@example.com -> wendy");
    }

    @DatabaseTest
    void shouldInsertAnAddressAddedToALoadedUsersAddresses(TestDatabase database) {
        User ed = loadCommittedEd(database);
        list(ed.getAddresses().flux());

        ed.getAddresses().add(new Address("ed@example.com"));
        session.commit().block(WAIT);

        assertThat(addressesWithTheirUsers()).containsExactly("ed@example.com -> ed");
    }

    @DatabaseTest
    void shouldInsertTheUserOfAPendingAddressThoughTheUserWasNeverAdded(TestDatabase database) {
        loadCommittedEd(database);
        Address orphaned = new Address("mary@example.com");
        session.add(orphaned);

        orphaned.getUser().set(new User("mary", "Mary Contrary", "mary"));
        session.commit().block(WAIT);

        assertThat(addressesWithTheirUsers()).containsExactly("mary@example.com -> mary");
    }
}
