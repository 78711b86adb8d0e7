package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static io.sluice.session.LoadOption.containsEager;
import static io.sluice.session.LoadOption.joinedLoad;
import static io.sluice.session.LoadOption.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.Address;
import io.sluice.examples.Address_;
import io.sluice.examples.BlogPost_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;

/**
 * The tutorial's "Eager Loading" ("Selectin Load", "Joined Load", "Explicit Join + Eagerload"), loading paths and coalesced
 * lazy loads, counting the statements each sends.
 */
final class EagerLoadingIntegrationTests {

    private TutorialDatabase db;
    private Session session;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    /** The four users and jack with jack@google.com and j25@yahoo.com. */
    private void seedJack(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedJack();
        session = db.open();
    }

    /** ed, wendy and jack with 3, 0 and 3 addresses, each the author of a post with one keyword. */
    private void seedThreeAuthors(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedThreeAuthors();
        session = db.open();
    }

    private long statements() {
        return db.sql().statements().size();
    }

    private User selectinLoadJack() {
        return session.query(User.class)
                .options(selectinLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .one()
                .block(WAIT);
    }

    private User joinedLoadJack() {
        return session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .one()
                .block(WAIT);
    }

    private List<Address> jacksAddressesWithTheirUserFromTheJoin() {
        return list(session.query(Address.class)
                .join(Address_.user)
                .filter(User_.name.eq("jack"))
                .options(containsEager(Address_.user))
                .orderBy(Address_.id)
                .all());
    }

    private List<User> usersWithPostsAndTheirKeywords() {
        return list(session.query(User.class)
                .options(selectinLoad(User_.posts).then(BlogPost_.keywords))
                .orderBy(User_.id)
                .all());
    }

    @DatabaseTest
    void shouldLoadTheAddressesWithTheUserInTwoSelects(TestDatabase database) {
        seedJack(database);

        User jack = selectinLoadJack();

        assertThat(db.selects()).isEqualTo(2);
        assertThat(jack.getAddresses())
                .extracting(Address::getEmailAddress)
                .containsExactly("jack@google.com", "j25@yahoo.com");
    }

    @DatabaseTest
    void shouldLoadTheUserOfEveryAddressInOneMoreSelect(TestDatabase database) {
        seedJack(database);

        assertThat(strings(session.query(Address.class)
                        .options(selectinLoad(Address_.user))
                        .orderBy(Address_.id)
                        .all()
                        .map(address -> address.getUser().get())))
                .containsExactly(
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>",
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
        assertThat(db.selects()).isEqualTo(2);
    }

    @DatabaseTest
    void shouldJoinTheAddressesInTheUsersStatementWhenJoinedLoading(TestDatabase database) {
        seedThreeAuthors(database);

        joinedLoadJack();

        assertThat(statements()).isEqualTo(1);
        assertThat(db.statements().get(0))
                .contains("LEFT OUTER JOIN addresses AS addresses_1 ON addresses_1.user_id = users.id");
    }

    @DatabaseTest
    void shouldLoadOneUserWithEveryAddressWhenJoinedLoading(TestDatabase database) {
        seedThreeAuthors(database);

        User jack = joinedLoadJack();

        assertThat(jack.getAddresses())
                .extracting(Address::getEmailAddress)
                .containsExactly("jack1@example.com", "jack2@example.com", "jack3@example.com");
    }

    @DatabaseTest
    void shouldLimitTheParentsNotTheJoinedRowsWhenJoinedLoading(TestDatabase database) {
        seedThreeAuthors(database);

        List<User> firstTwo = list(session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .orderBy(User_.id)
                .limit(2)
                .all());

        assertThat(statements()).isEqualTo(1);
        assertThat(firstTwo).extracting(User::getName).containsExactly("ed", "wendy");
        assertThat(firstTwo.get(0).getAddresses()).hasSize(3);
        assertThat(firstTwo.get(1).getAddresses()).isEmpty();
    }

    @DatabaseTest
    void shouldReturnAHeldParentOnceWithItsAddressesWhenJoinedLoadingAgain(TestDatabase database) {
        seedThreeAuthors(database);
        User jack = joinedLoadJack();
        session.setAutoflush(false);
        jack.setFullname("Jack, not flushed");

        List<User> again = list(session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .all());

        assertThat(again).containsExactly(jack);
        assertThat(jack.getAddresses()).hasSize(3);
    }

    @DatabaseTest
    void shouldKeepAHeldParentsUnflushedChangeWhenJoinedLoadingAgain(TestDatabase database) {
        seedThreeAuthors(database);
        User jack = joinedLoadJack();
        session.setAutoflush(false);
        jack.setFullname("Jack, not flushed");

        list(session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .all());

        assertThat(jack.getFullname()).isEqualTo("Jack, not flushed");
    }

    @DatabaseTest
    void shouldLoadTheAddressesOfTheUserJoinedExplicitly(TestDatabase database) {
        seedThreeAuthors(database);

        assertThat(jacksAddressesWithTheirUserFromTheJoin())
                .extracting(Address::getEmailAddress)
                .containsExactly("jack1@example.com", "jack2@example.com", "jack3@example.com");
    }

    @DatabaseTest
    void shouldFillTheReferenceFromTheExplicitJoinWithoutFurtherSql(TestDatabase database) {
        seedThreeAuthors(database);

        List<Address> addresses = jacksAddressesWithTheirUserFromTheJoin();

        assertThat(addresses.get(0).getUser().get())
                .hasToString("<User(name='jack', fullname='JACK', nickname='jack')>");
        assertThat(addresses)
                .allSatisfy(address -> assertThat(address.getUser().get())
                        .isSameAs(addresses.get(0).getUser().get()));
        assertThat(statements()).isEqualTo(1);
    }

    @DatabaseTest
    void shouldLoadEveryLevelOfALoadingPath(TestDatabase database) {
        seedThreeAuthors(database);

        assertThat(usersWithPostsAndTheirKeywords())
                .extracting(user -> user.getPosts().get(0).getKeywords().get(0).getKeyword())
                .containsExactly("ed-tag", "wendy-tag", "jack-tag");
    }

    @DatabaseTest
    void shouldSendOneStatementPerLevelOfALoadingPath(TestDatabase database) {
        seedThreeAuthors(database);

        usersWithPostsAndTheirKeywords();

        assertThat(statements()).isEqualTo(3);
    }

    @DatabaseTest
    void shouldCoalesceLazyLoadsSubscribedTogetherIntoOneQuery(TestDatabase database) {
        seedThreeAuthors(database);
        List<User> everyone = list(session.query(User.class).orderBy(User_.id).all());
        db.sql().clear();

        assertThat(list(Flux.fromIterable(everyone)
                        .flatMap(user -> user.getAddresses().flux())
                        .map(Address::getEmailAddress)))
                .hasSize(6);
        assertThat(statements()).as(db.statements().toString()).isEqualTo(1);
        assertThat(everyone.get(0).getAddresses()).hasSize(3);
    }
}
