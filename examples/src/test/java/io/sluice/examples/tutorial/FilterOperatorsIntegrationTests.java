package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The tutorial's "Common Filter Operators", over the four committed users ed, wendy, mary and fred. */
final class FilterOperatorsIntegrationTests {

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
        db.seedFourUsers();
        session = db.open();
    }

    /** Returns the names of the users the condition selects, ordered by id. */
    private List<String> where(Expression<Boolean> condition) {
        return list(session.query(User.class)
                .filter(condition)
                .orderBy(User_.id)
                .all()
                .map(User::getName));
    }

    @DatabaseTest
    void shouldFilterWithEquals(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.eq("ed"))).containsExactly("ed");
    }

    @DatabaseTest
    void shouldFilterWithNotEquals(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.ne("ed"))).containsExactly("wendy", "mary", "fred");
    }

    @DatabaseTest
    void shouldFilterWithLike(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.like("%ed%"))).containsExactly("ed", "fred");
    }

    @DatabaseTest
    void shouldFilterWithIlikeIgnoringCase(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.ilike("%ED%"))).containsExactly("ed", "fred");
    }

    @DatabaseTest
    void shouldFilterWithInAList(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.in("ed", "wendy", "jack"))).containsExactly("ed", "wendy");
    }

    @DatabaseTest
    void shouldFilterWithInASubquery(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.in(session.query(User_.name)
                        .filter(User_.name.like("%ed%"))
                        .toSelect())))
                .containsExactly("ed", "fred");
    }

    @DatabaseTest
    void shouldFilterWithNotIn(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.notIn(List.of("ed", "wendy", "jack")))).containsExactly("mary", "fred");
    }

    @DatabaseTest
    void shouldFindNoUserWithIsNull(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.isNull())).isEmpty();
    }

    @DatabaseTest
    void shouldFindNoUserWhenComparingWithNull(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.eq((String) null))).isEmpty();
    }

    @DatabaseTest
    void shouldFindEveryUserWithIsNotNull(TestDatabase database) {
        seed(database);

        assertThat(where(User_.name.isNotNull())).containsExactly("ed", "wendy", "mary", "fred");
    }

    @DatabaseTest
    void shouldFilterWithAnd(TestDatabase database) {
        seed(database);

        assertThat(where(SQL.and(User_.name.eq("ed"), User_.fullname.eq("Ed Jones"))))
                .containsExactly("ed");
    }

    @DatabaseTest
    void shouldFilterWithOr(TestDatabase database) {
        seed(database);

        assertThat(where(SQL.or(User_.name.eq("ed"), User_.name.eq("wendy")))).containsExactly("ed", "wendy");
    }
}
