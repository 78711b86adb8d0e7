package io.sluice.examples.tutorial;

import static io.sluice.examples.tutorial.TutorialDatabase.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.examples.Address;
import io.sluice.examples.Address_;
import io.sluice.examples.User;
import io.sluice.examples.User_;
import io.sluice.session.Query;
import io.sluice.session.Session;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * A query's {@code params} reach text fragments wherever they stand: inside OR, a function, a subquery, ORDER BY (#17). ed
 * (with address ed@google.com), wendy and mary are committed.
 */
final class NamedParametersIntegrationTests {

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
        User ed = new User("ed", "Ed Jones", "eddie");
        ed.getAddresses().add(new Address("ed@google.com"));
        db.commit(List.of(ed, new User("wendy", "Wendy Williams", "windy"), new User("mary", "Mary Contrary", "mary")));
        session = db.open();
    }

    private static List<String> names(Query<User> query) {
        return list(query.all().map(User::getName));
    }

    private List<Object> lastBinds() {
        List<RenderedSql> statements = db.sql().statements();
        return statements.get(statements.size() - 1).values();
    }

    /** ed, or the user named by the parameter {@code :name} of a text fragment inside the OR. */
    private Query<User> edOrNamed(String name) {
        return session.query(User.class)
                .filter(User_.name.eq("ed").or(SQL.condition(SQL.text("name = :name"))))
                .params("name", name)
                .orderBy(User_.id);
    }

    /** Users whose address is {@code :email} or whose name is not unlike {@code :other}, {@code :first}'s name first. */
    private Query<User> withParametersInASubqueryAndTheOrderBy() {
        return session.query(User.class)
                .filter(User_.id
                        .in(SQL.select(Address_.userId).where(SQL.condition(SQL.text("email_address = :email"))))
                        .or(SQL.not(SQL.condition(SQL.text("name <> :other")))))
                .params("email", "ed@google.com")
                .params("other", "wendy")
                .orderBy(SQL.text("CASE WHEN name = :first THEN 0 ELSE 1 END"), User_.id)
                .params("first", "wendy");
    }

    @DatabaseTest // #17
    void shouldFindTheUsersOfAnOrWithAParameter(TestDatabase database) {
        seed(database);

        assertThat(names(edOrNamed("mary"))).containsExactly("ed", "mary");
    }

    @DatabaseTest // #17
    void shouldBindAParameterInsideAnOrInPlace(TestDatabase database) {
        seed(database);

        names(edOrNamed("mary"));

        assertThat(lastBinds()).containsExactly("ed", "mary");
    }

    @DatabaseTest // #17
    void shouldBindAParameterInsideAFunction(TestDatabase database) {
        seed(database);

        assertThat(names(session.query(User.class)
                        .filter(User_.name.eq(SQL.function("lower", SqlType.VARCHAR, SQL.text(":name"))))
                        .params("name", "WENDY")))
                .containsExactly("wendy");
    }

    @DatabaseTest // #17
    void shouldFindTheUsersOfParametersInsideASubqueryAndTheOrderBy(TestDatabase database) {
        seed(database);

        assertThat(names(withParametersInASubqueryAndTheOrderBy())).containsExactly("wendy", "ed");
    }

    @DatabaseTest // #17
    void shouldBindParametersInsideASubqueryAndTheOrderByInTheirPlaces(TestDatabase database) {
        seed(database);

        names(withParametersInASubqueryAndTheOrderBy());

        assertThat(lastBinds()).containsExactly("ed@google.com", "wendy", "wendy");
    }
}
