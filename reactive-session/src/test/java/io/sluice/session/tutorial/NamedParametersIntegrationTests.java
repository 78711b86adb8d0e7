package io.sluice.session.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** A query's {@code params} reach text fragments wherever they stand: inside OR, a function, a subquery, ORDER BY. */
final class NamedParametersIntegrationTests {

    private Engine engine;
    private RecordingListener recorder;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            Schemas.drop(engine, TutorialIntegrationTests.MAPPING.metadata());
            engine.close().block(Duration.ofSeconds(10));
        }
    }

    private Session seeded(TestDatabase database) {
        recorder = new RecordingListener();
        engine = database.newEngine(builder -> builder.listener(recorder));
        Schemas.recreate(engine, TutorialIntegrationTests.MAPPING.metadata());
        SessionFactory sessions = SessionFactory.of(engine, TutorialIntegrationTests.MAPPING);
        Session session = sessions.open();
        User ed = new User("ed", "Ed Jones", "eddie");
        ed.getAddresses().add(new Address("ed@google.com"));
        session.addAll(
                List.of(ed, new User("wendy", "Wendy Williams", "windy"), new User("mary", "Mary Contrary", "mary")));
        session.commit().block(Duration.ofSeconds(10));
        recorder.clear();
        return session;
    }

    private List<Object> lastBinds() {
        List<io.sluice.core.sql.render.RenderedSql> statements = recorder.statements();
        return statements.get(statements.size() - 1).values();
    }

    private static List<String> names(Session session, io.sluice.session.Query<User> query) {
        return query.all().map(User::getName).collectList().block(Duration.ofSeconds(10));
    }

    @DatabaseTest // #17
    void shouldBindAParameterInsideAnOr(TestDatabase database) {
        Session session = seeded(database);
        assertThat(names(
                        session,
                        session.query(User.class)
                                .filter(User_.name.eq("ed").or(SQL.condition(SQL.text("name = :name"))))
                                .params("name", "mary")
                                .orderBy(User_.id)))
                .containsExactly("ed", "mary");
        assertThat(lastBinds()).containsExactly("ed", "mary");
        session.close().block(Duration.ofSeconds(10));
    }

    @DatabaseTest // #17
    void shouldBindAParameterInsideAFunction(TestDatabase database) {
        Session session = seeded(database);
        assertThat(names(
                        session,
                        session.query(User.class)
                                .filter(User_.name.eq(SQL.function("lower", SqlType.VARCHAR, SQL.text(":name"))))
                                .params("name", "WENDY")))
                .containsExactly("wendy");
        session.close().block(Duration.ofSeconds(10));
    }

    @DatabaseTest // #17
    void shouldBindAParameterInsideASubqueryAndTheOrderBy(TestDatabase database) {
        Session session = seeded(database);
        assertThat(names(
                        session,
                        session.query(User.class)
                                .filter(User_.id
                                        .in(SQL.select(Address_.userId)
                                                .where(SQL.condition(SQL.text("email_address = :email"))))
                                        .or(SQL.not(SQL.condition(SQL.text("name <> :other")))))
                                .params("email", "ed@google.com")
                                .params("other", "wendy")
                                .orderBy(SQL.text("CASE WHEN name = :first THEN 0 ELSE 1 END"), User_.id)
                                .params("first", "wendy")))
                .containsExactly("wendy", "ed");
        assertThat(lastBinds()).containsExactly("ed@google.com", "wendy", "wendy");
        session.close().block(Duration.ofSeconds(10));
    }
}
