package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Label;
import io.sluice.core.sql.SQL;
import io.sluice.examples.Address;
import io.sluice.examples.Address_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Aliased;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * The tutorial's "Querying with Joins", "Using Aliases", "Using Subqueries", "Selecting Entities from Subqueries", "Using
 * EXISTS" and "Common Relationship Operators", over the four users and jack with jack@google.com and j25@yahoo.com.
 */
final class JoinsIntegrationTests {

    private static final String JACK = "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>";

    private TutorialDatabase db;
    private Session session;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    private void seed(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedJack();
        session = db.open();
    }

    @DatabaseTest
    void shouldJoinThroughAConditionInTheWhereClause(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User.class, Address_.emailAddress)
                        .filter(User_.id.eq(Address_.userId))
                        .filter(Address_.emailAddress.eq("jack@google.com"))
                        .all()
                        .map(pair -> pair.first().getName() + " " + pair.second())))
                .containsExactly("jack jack@google.com");
    }

    @DatabaseTest
    void shouldJoinAnEntityOnItsForeignKey(TestDatabase database) {
        seed(database);

        assertThat(strings(session.query(User.class)
                        .join(Address.class)
                        .filter(Address_.emailAddress.eq("jack@google.com"))
                        .all()))
                .containsExactly(JACK);
    }

    @DatabaseTest
    void shouldJoinAlongARelationship(TestDatabase database) {
        seed(database);

        assertThat(strings(session.query(User.class)
                        .join(User_.addresses)
                        .filter(Address_.emailAddress.eq("jack@google.com"))
                        .all()))
                .containsExactly(JACK);
    }

    @DatabaseTest
    void shouldKeepUsersWithoutAddressesInAnOuterJoin(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name, Address_.emailAddress)
                        .outerJoin(User_.addresses)
                        .orderBy(User_.id, Address_.id)
                        .all()
                        .map(pair -> pair.first() + " " + pair.second())))
                .containsExactly(
                        "ed null",
                        "wendy null",
                        "mary null",
                        "fred null",
                        "jack jack@google.com",
                        "jack j25@yahoo.com");
    }

    @DatabaseTest
    void shouldJoinTheSameTableTwiceThroughAliases(TestDatabase database) {
        seed(database);
        Aliased<Address> a1 = session.aliased(Address.class, "addresses_1");
        Aliased<Address> a2 = session.aliased(Address.class, "addresses_2");

        assertThat(list(session.query(User_.name, a1.get(Address_.emailAddress), a2.get(Address_.emailAddress))
                        .join(a1.alias(), User_.id.eq(a1.get(Address_.userId)))
                        .join(a2.alias(), User_.id.eq(a2.get(Address_.userId)))
                        .filter(a1.get(Address_.emailAddress).eq("jack@google.com"))
                        .filter(a2.get(Address_.emailAddress).eq("j25@yahoo.com"))
                        .all()
                        .map(row -> row.first() + " " + row.second() + " " + row.third())))
                .containsExactly("jack jack@google.com j25@yahoo.com");
    }

    @DatabaseTest
    void shouldOuterJoinASubqueryOfCounts(TestDatabase database) {
        seed(database);
        Label<Long> addressCount = SQL.count().as("address_count");
        DerivedTable stmt = session.query(Address_.userId, addressCount)
                .groupBy(Address_.userId)
                .subquery("adr_count");

        assertThat(list(session.query(User.class, stmt.column(addressCount))
                        .outerJoin(stmt, User_.id.eq(stmt.column(Address_.userId)))
                        .orderBy(User_.id)
                        .all()
                        .map(pair -> pair.first().getName() + " " + pair.second())))
                .containsExactly("ed null", "wendy null", "mary null", "fred null", "jack 2");
    }

    @DatabaseTest
    void shouldSelectEntitiesFromASubquery(TestDatabase database) {
        seed(database);
        DerivedTable addressStmt = session.query(Address.class)
                .filter(Address_.emailAddress.ne("j25@yahoo.com"))
                .subquery("anon_1");
        Aliased<Address> adalias = session.aliased(Address.class, addressStmt);

        assertThat(list(session.query(User.class, adalias)
                        .join(adalias, User_.addresses)
                        .all()
                        .map(pair -> pair.first() + " " + pair.second())))
                .containsExactly(JACK + " <Address(email_address='jack@google.com')>");
    }

    @DatabaseTest
    void shouldFilterWithExists(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name)
                        .filter(SQL.exists(SQL.select(Address_.id).where(Address_.userId.eq(User_.id))))
                        .all()))
                .containsExactly("jack");
    }

    @DatabaseTest
    void shouldFilterWithAny(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name).filter(User_.addresses.any()).all()))
                .containsExactly("jack");
    }

    @DatabaseTest
    void shouldFilterWithAnyAndACondition(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name)
                        .filter(User_.addresses.any(Address_.emailAddress.like("%google%")))
                        .all()))
                .containsExactly("jack");
    }

    @DatabaseTest
    void shouldFindNoAddressWithNotHasWhenEveryAddressIsJacks(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(Address.class)
                        .filter(SQL.not(Address_.user.has(User_.name.eq("jack"))))
                        .all()))
                .isEmpty();
    }

    @DatabaseTest
    void shouldFilterByAReferencedObject(TestDatabase database) {
        seed(database);
        User jack = session.query(User.class).filterBy(User_.name, "jack").one().block(WAIT);

        assertThat(strings(session.query(Address.class)
                        .filter(Address_.user.eq(jack))
                        .orderBy(Address_.id)
                        .all()))
                .containsExactly(
                        "<Address(email_address='jack@google.com')>", "<Address(email_address='j25@yahoo.com')>");
    }

    @DatabaseTest
    void shouldFindNoAddressWithoutAForeignKey(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(Address.class)
                        .filter(Address_.userId.isNull())
                        .all()))
                .isEmpty();
    }

    @DatabaseTest
    void shouldFindNoUserWhenAnyMatchesNoAddress(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User.class)
                        .filter(User_.addresses.any(Address_.emailAddress.eq("bar")))
                        .all()))
                .isEmpty();
    }

    @DatabaseTest
    void shouldFindNoAddressWhenHasMatchesNoUserWithAddresses(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(Address.class)
                        .filter(Address_.user.has(User_.name.eq("ed")))
                        .all()))
                .isEmpty();
    }
}
