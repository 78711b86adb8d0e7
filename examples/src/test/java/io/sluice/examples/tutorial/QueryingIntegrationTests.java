package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.WAIT;
import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static io.sluice.examples.tutorial.TutorialDatabase.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.NoResultException;
import io.sluice.session.NonUniqueResultException;
import io.sluice.session.Query;
import io.sluice.session.Row2;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/**
 * The tutorial's "Querying", "Returning Lists and Scalars", "Using Textual SQL" and "Counting", over the four committed users
 * ed (eddie), wendy, mary and fred, with ids 1 to 4.
 */
final class QueryingIntegrationTests {

    private static final String ED = "<User(name='ed', fullname='Ed Jones', nickname='eddie')>";
    private static final String WENDY = "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>";
    private static final String MARY = "<User(name='mary', fullname='Mary Contrary', nickname='mary')>";
    private static final String FRED = "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>";

    private TutorialDatabase db;
    private Session session;
    private User ed;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    /** Commits the four users in the session the test queries, which keeps them in its identity map. */
    private void seed(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        session = db.open();
        List<User> users = TutorialDatabase.fourUsers();
        ed = users.get(0);
        session.addAll(users);
        session.commit().as(StepVerifier::create).verifyComplete();
        db.sql().clear();
    }

    /** The tutorial's {@code query(User).filter(User.name.like('%ed')).order_by(User.id)}: ed and fred. */
    private Query<User> endingInEd() {
        return session.query(User.class).filter(User_.name.like("%ed")).orderBy(User_.id);
    }

    @DatabaseTest
    void shouldIterateOverTheUsersOrderedById(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User.class)
                        .orderBy(User_.id)
                        .all()
                        .map(u -> u.getName() + " " + u.getFullname())))
                .containsExactly("ed Ed Jones", "wendy Wendy Williams", "mary Mary Contrary", "fred Fred Flintstone");
    }

    @DatabaseTest
    void shouldSelectColumnsAsTuples(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name, User_.fullname)
                        .orderBy(User_.id)
                        .all()
                        .map(t -> t.first() + " " + t.second())))
                .containsExactly("ed Ed Jones", "wendy Wendy Williams", "mary Mary Contrary", "fred Fred Flintstone");
    }

    @DatabaseTest
    void shouldSelectAnEntityAndAColumnPerRow(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User.class, User_.name).orderBy(User_.id).all()))
                .extracting(pair -> pair.first() + " " + pair.second())
                .containsExactly(ED + " ed", WENDY + " wendy", MARY + " mary", FRED + " fred");
    }

    @DatabaseTest
    void shouldReturnTheIdentityMapsObjectInARowWithAColumn(TestDatabase database) {
        seed(database);

        List<Row2<User, String>> pairs =
                list(session.query(User.class, User_.name).orderBy(User_.id).all());

        assertThat(pairs.get(0).first()).isSameAs(ed);
    }

    @DatabaseTest
    void shouldSelectALabelledColumn(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name.as("name_label"))
                        .orderBy(User_.id)
                        .all()))
                .containsExactly("ed", "wendy", "mary", "fred");
    }

    @DatabaseTest
    void shouldLoadEntitiesThroughAnAlias(TestDatabase database) {
        seed(database);
        var userAlias = session.aliased(User.class, "user_alias");

        assertThat(strings(session.query(userAlias, userAlias.get(User_.name))
                        .orderBy(userAlias.get(User_.id))
                        .all()
                        .map(t -> t.first())))
                .containsExactly(ED, WENDY, MARY, FRED);
    }

    @DatabaseTest
    void shouldSelectFromTheTableUnderTheAliasName(TestDatabase database) {
        seed(database);
        var userAlias = session.aliased(User.class, "user_alias");

        list(session.query(userAlias, userAlias.get(User_.name))
                .orderBy(userAlias.get(User_.id))
                .all());

        List<String> events = db.sql().events();
        assertThat(events.get(events.size() - 1))
                .startsWith("SELECT user_alias.id, user_alias.name, user_alias.fullname, user_alias.nickname,"
                        + " user_alias.name FROM users AS user_alias");
    }

    @DatabaseTest
    void shouldReturnTheSecondAndThirdUsersOfASlice(TestDatabase database) {
        seed(database);

        assertThat(strings(
                        session.query(User.class).orderBy(User_.id).slice(1, 3).all()))
                .containsExactly(WENDY, MARY);
    }

    @DatabaseTest
    void shouldFilterByAnAttributesValue(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name)
                        .filterBy(User_.fullname, "Ed Jones")
                        .all()))
                .containsExactly("ed");
    }

    @DatabaseTest
    void shouldFilterByAnExpression(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.name)
                        .filter(User_.fullname.eq("Ed Jones"))
                        .all()))
                .containsExactly("ed");
    }

    @DatabaseTest
    void shouldCombineChainedFiltersWithAnd(TestDatabase database) {
        seed(database);

        assertThat(strings(session.query(User.class)
                        .filter(User_.name.eq("ed"))
                        .filter(User_.fullname.eq("Ed Jones"))
                        .all()))
                .containsExactly(ED);
    }

    @DatabaseTest
    void shouldListEveryMatch(TestDatabase database) {
        seed(database);

        assertThat(strings(endingInEd().all())).containsExactly(ED, FRED);
    }

    @DatabaseTest
    void shouldReturnTheFirstMatch(TestDatabase database) {
        seed(database);

        assertThat(endingInEd().first().block(WAIT)).hasToString(ED);
    }

    @DatabaseTest
    void shouldFailOneWhenSeveralRowsMatch(TestDatabase database) {
        seed(database);

        endingInEd()
                .one()
                .as(StepVerifier::create)
                .expectError(NonUniqueResultException.class)
                .verify(WAIT);
    }

    @DatabaseTest
    void shouldFailOneWhenNoRowMatches(TestDatabase database) {
        seed(database);

        endingInEd()
                .filter(User_.id.eq(99))
                .one()
                .as(StepVerifier::create)
                .expectError(NoResultException.class)
                .verify(WAIT);
    }

    @DatabaseTest
    void shouldCompleteOneOrNoneEmptyWhenNoRowMatches(TestDatabase database) {
        seed(database);

        session.query(User.class)
                .filter(User_.name.eq("nobody"))
                .oneOrNone()
                .as(StepVerifier::create)
                .verifyComplete();
    }

    @DatabaseTest
    void shouldFailOneOrNoneWhenSeveralRowsMatch(TestDatabase database) {
        seed(database);

        endingInEd()
                .oneOrNone()
                .as(StepVerifier::create)
                .expectError(NonUniqueResultException.class)
                .verify(WAIT);
    }

    @DatabaseTest
    void shouldReturnTheFirstColumnOfTheFirstRowAsAScalar(TestDatabase database) {
        seed(database);

        assertThat(session.query(User_.id)
                        .filter(User_.name.eq("ed"))
                        .orderBy(User_.id)
                        .scalar()
                        .block(WAIT))
                .isEqualTo(1);
    }

    @DatabaseTest
    void shouldFilterAndOrderByTextualSql(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User.class)
                        .filter(SQL.text("id<224"))
                        .orderBy(SQL.text("id"))
                        .all()
                        .map(User::getName)))
                .containsExactly("ed", "wendy", "mary", "fred");
    }

    @DatabaseTest
    void shouldBindNamedParametersOfTextualSql(TestDatabase database) {
        seed(database);

        assertThat(session.query(User.class)
                        .filter(SQL.text("id<:value and name=:name"))
                        .params("value", 224)
                        .params("name", "fred")
                        .orderBy(User_.id)
                        .one()
                        .block(WAIT))
                .hasToString(FRED);
    }

    @DatabaseTest
    void shouldLoadEntitiesFromATextualStatement(TestDatabase database) {
        seed(database);

        assertThat(strings(session.query(User.class)
                        .fromStatement(SQL.text("SELECT * FROM users where name=:name"))
                        .params("name", "ed")
                        .all()))
                .containsExactly(ED);
    }

    @DatabaseTest
    void shouldMatchColumnsByNameWhenLoadingEntitiesFromATextualStatement(TestDatabase database) {
        seed(database);

        assertThat(strings(session.query(User.class)
                        .fromStatement(SQL.text("SELECT name, id, fullname, nickname FROM users where name=:name"))
                        .params("name", "ed")
                        .all()))
                .containsExactly(ED);
    }

    @DatabaseTest
    void shouldLoadColumnsFromATextualStatement(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(User_.id, User_.name)
                        .fromStatement(SQL.text("SELECT name, id FROM users where name=:name"))
                        .params("name", "ed")
                        .all()
                        .map(t -> "(" + t.first() + ", '" + t.second() + "')")))
                .containsExactly("(1, 'ed')");
    }

    @DatabaseTest
    void shouldCountTheRowsOfAQuery(TestDatabase database) {
        seed(database);

        assertThat(session.query(User.class)
                        .filter(User_.name.like("%ed"))
                        .count()
                        .block(WAIT))
                .isEqualTo(2);
    }

    @DatabaseTest
    void shouldCountPerGroup(TestDatabase database) {
        seed(database);

        assertThat(list(session.query(SQL.count(User_.name), User_.name)
                        .groupBy(User_.name)
                        .orderBy(User_.name)
                        .all()
                        .map(t -> "(" + t.first() + ", '" + t.second() + "')")))
                .containsExactly("(1, 'ed')", "(1, 'fred')", "(1, 'mary')", "(1, 'wendy')");
    }

    @DatabaseTest
    void shouldCountTheRowsOfAnEntitysTable(TestDatabase database) {
        seed(database);

        assertThat(session.query(SQL.count()).selectFrom(User.class).scalar().block(WAIT))
                .isEqualTo(4);
    }

    @DatabaseTest
    void shouldCountTheValuesOfAColumn(TestDatabase database) {
        seed(database);

        assertThat(session.query(SQL.count(User_.id)).scalar().block(WAIT)).isEqualTo(4);
    }
}
