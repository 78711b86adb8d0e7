package io.sluice.session.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.session.NoResultException;
import io.sluice.session.NonUniqueResultException;
import io.sluice.session.Query;
import io.sluice.session.Row2;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The ORM tutorial from "Declare a Mapping" to "Counting", step by step, on every database: every result the tutorial prints
 * for these sections, row for row, and its identity-map and rollback facts.
 */
final class TutorialIntegrationTests {

    static final Mapping MAPPING = Mapping.of(User.class);

    private Engine engine = TestDatabase.H2.engine();
    private Engine recorded;

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, MAPPING.metadata());
        if (recorded != null) {
            recorded.close().block(Duration.ofSeconds(10));
        }
    }

    private static <T> List<T> list(Flux<T> flux) {
        return flux.collectList().block(Duration.ofSeconds(10));
    }

    private static List<String> names(Flux<User> users) {
        return list(users.map(User::getName));
    }

    private static List<String> strings(Flux<?> flux) {
        return list(flux.map(String::valueOf));
    }

    @DatabaseTest
    void shouldWalkTheTutorialFromMappingToCounting(TestDatabase database) {
        engine = database.engine();
        Schemas.drop(engine, MAPPING.metadata());
        RecordingListener sql = new RecordingListener();
        recorded = database.newEngine(builder -> builder.listener(sql));
        // 1.3 Create a Schema: only what does not exist is created
        MAPPING.metadata().createAll(recorded, true).as(StepVerifier::create).verifyComplete();
        MAPPING.metadata().createAll(recorded, true).as(StepVerifier::create).verifyComplete();

        // 1.4 Create an Instance: a transient object, no id yet
        User edUser = new User("ed", "Ed Jones", "edsnickname");
        assertThat(edUser.getName()).isEqualTo("ed");
        assertThat(edUser.getNickname()).isEqualTo("edsnickname");
        assertThat(String.valueOf(edUser.getId())).isEqualTo("null");

        // 1.5 Creating a Session: no connection yet
        SessionFactory sessions = SessionFactory.of(recorded, MAPPING);
        Session session = sessions.open();
        sql.clear();

        // 1.6 Adding and Updating Objects
        session.add(edUser);
        assertThat(sql.events()).isEmpty();
        assertThat(session.newObjects()).containsExactly(edUser);
        User ourUser =
                session.query(User.class).filterBy(User_.name, "ed").first().block();
        assertThat(ourUser).hasToString("<User(name='ed', fullname='Ed Jones', nickname='edsnickname')>");
        assertThat(ourUser).isSameAs(edUser);
        assertThat(sql.events()).hasSize(3);
        assertThat(sql.events().get(0)).isEqualTo("BEGIN (implicit)");
        assertThat(sql.events().get(1)).startsWith("INSERT INTO users (name, fullname, nickname) VALUES (");
        assertThat(sql.events().get(2))
                .startsWith(
                        "SELECT users.id, users.name, users.fullname, users.nickname FROM users WHERE users.name = ");

        session.addAll(List.of(
                new User("wendy", "Wendy Williams", "windy"),
                new User("mary", "Mary Contrary", "mary"),
                new User("fred", "Fred Flintstone", "freddy")));
        edUser.setNickname("eddie");
        assertThat(strings(Flux.fromIterable(session.dirty())))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
        assertThat(strings(Flux.fromIterable(session.newObjects())))
                .containsExactly(
                        "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>",
                        "<User(name='mary', fullname='Mary Contrary', nickname='mary')>",
                        "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>");
        sql.clear();
        session.commit().as(StepVerifier::create).verifyComplete();
        assertThat(sql.events()).hasSize(3);
        assertThat(sql.events().get(0)).startsWith("UPDATE users SET nickname = ");
        assertThat(sql.events().get(1)).startsWith("INSERT INTO users (name, fullname, nickname) VALUES (");
        assertThat(sql.statements().get(1).values())
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
        assertThat(sql.events().get(2)).isEqualTo("COMMIT");
        assertThat(edUser.getId()).isEqualTo(1);

        // 1.7 Rolling Back
        edUser.setName("Edwardo");
        User fakeUser = new User("fakeuser", "Invalid", "12345");
        session.add(fakeUser);
        assertThat(strings(session.query(User.class)
                        .filter(User_.name.in("Edwardo", "fakeuser"))
                        .orderBy(User_.id)
                        .all()))
                .containsExactly(
                        "<User(name='Edwardo', fullname='Ed Jones', nickname='eddie')>",
                        "<User(name='fakeuser', fullname='Invalid', nickname='12345')>");
        session.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(edUser.getName()).isEqualTo("ed");
        assertThat(session.contains(fakeUser)).isFalse();
        assertThat(fakeUser.getId()).isNull();
        assertThat(strings(session.query(User.class)
                        .filter(User_.name.in("ed", "fakeuser"))
                        .all()))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");

        // 1.8 Querying
        assertThat(list(session.query(User.class)
                        .orderBy(User_.id)
                        .all()
                        .map(u -> u.getName() + " " + u.getFullname())))
                .containsExactly("ed Ed Jones", "wendy Wendy Williams", "mary Mary Contrary", "fred Fred Flintstone");
        assertThat(list(session.query(User_.name, User_.fullname)
                        .orderBy(User_.id)
                        .all()
                        .map(t -> t.first() + " " + t.second())))
                .containsExactly("ed Ed Jones", "wendy Wendy Williams", "mary Mary Contrary", "fred Fred Flintstone");
        List<Row2<User, String>> pairs =
                list(session.query(User.class, User_.name).orderBy(User_.id).all());
        assertThat(pairs)
                .extracting(pair -> pair.first() + " " + pair.second())
                .containsExactly(
                        "<User(name='ed', fullname='Ed Jones', nickname='eddie')> ed",
                        "<User(name='wendy', fullname='Wendy Williams', nickname='windy')> wendy",
                        "<User(name='mary', fullname='Mary Contrary', nickname='mary')> mary",
                        "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')> fred");
        assertThat(pairs.get(0).first()).isSameAs(edUser);
        assertThat(list(session.query(User_.name.as("name_label"))
                        .orderBy(User_.id)
                        .all()))
                .containsExactly("ed", "wendy", "mary", "fred");
        var userAlias = session.aliased(User.class, "user_alias");
        sql.clear();
        assertThat(strings(session.query(userAlias, userAlias.get(User_.name))
                        .orderBy(userAlias.get(User_.id))
                        .all()
                        .map(t -> t.first())))
                .containsExactly(
                        "<User(name='ed', fullname='Ed Jones', nickname='eddie')>",
                        "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>",
                        "<User(name='mary', fullname='Mary Contrary', nickname='mary')>",
                        "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>");
        assertThat(sql.events().get(sql.events().size() - 1))
                .startsWith(
                        "SELECT user_alias.id, user_alias.name, user_alias.fullname, user_alias.nickname, user_alias.name FROM users AS user_alias");
        assertThat(strings(
                        session.query(User.class).orderBy(User_.id).slice(1, 3).all()))
                .containsExactly(
                        "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>",
                        "<User(name='mary', fullname='Mary Contrary', nickname='mary')>");
        assertThat(list(session.query(User_.name)
                        .filterBy(User_.fullname, "Ed Jones")
                        .all()))
                .containsExactly("ed");
        assertThat(list(session.query(User_.name)
                        .filter(User_.fullname.eq("Ed Jones"))
                        .all()))
                .containsExactly("ed");
        assertThat(strings(session.query(User.class)
                        .filter(User_.name.eq("ed"))
                        .filter(User_.fullname.eq("Ed Jones"))
                        .all()))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");

        // 1.8.1 Common Filter Operators
        Function<io.sluice.core.sql.Expression<Boolean>, List<String>> where = condition -> names(
                session.query(User.class).filter(condition).orderBy(User_.id).all());
        assertThat(where.apply(User_.name.eq("ed"))).containsExactly("ed");
        assertThat(where.apply(User_.name.ne("ed"))).containsExactly("wendy", "mary", "fred");
        assertThat(where.apply(User_.name.like("%ed%"))).containsExactly("ed", "fred");
        assertThat(where.apply(User_.name.ilike("%ED%"))).containsExactly("ed", "fred");
        assertThat(where.apply(User_.name.in("ed", "wendy", "jack"))).containsExactly("ed", "wendy");
        assertThat(where.apply(User_.name.in(session.query(User_.name)
                        .filter(User_.name.like("%ed%"))
                        .toSelect())))
                .containsExactly("ed", "fred");
        assertThat(where.apply(User_.name.notIn(List.of("ed", "wendy", "jack"))))
                .containsExactly("mary", "fred");
        assertThat(where.apply(User_.name.isNull())).isEmpty();
        assertThat(where.apply(User_.name.eq((String) null))).isEmpty();
        assertThat(where.apply(User_.name.isNotNull())).containsExactly("ed", "wendy", "mary", "fred");
        assertThat(where.apply(SQL.and(User_.name.eq("ed"), User_.fullname.eq("Ed Jones"))))
                .containsExactly("ed");
        assertThat(where.apply(SQL.or(User_.name.eq("ed"), User_.name.eq("wendy"))))
                .containsExactly("ed", "wendy");

        // 1.8.2 Returning Lists and Scalars
        Query<User> query =
                session.query(User.class).filter(User_.name.like("%ed")).orderBy(User_.id);
        assertThat(strings(query.all()))
                .containsExactly(
                        "<User(name='ed', fullname='Ed Jones', nickname='eddie')>",
                        "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>");
        assertThat(query.first().block()).hasToString("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
        query.one()
                .as(StepVerifier::create)
                .expectError(NonUniqueResultException.class)
                .verify(Duration.ofSeconds(10));
        query.filter(User_.id.eq(99))
                .one()
                .as(StepVerifier::create)
                .expectError(NoResultException.class)
                .verify(Duration.ofSeconds(10));
        session.query(User.class)
                .filter(User_.name.eq("nobody"))
                .oneOrNone()
                .as(StepVerifier::create)
                .verifyComplete();
        query.oneOrNone()
                .as(StepVerifier::create)
                .expectError(NonUniqueResultException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(session.query(User_.id)
                        .filter(User_.name.eq("ed"))
                        .orderBy(User_.id)
                        .scalar()
                        .block())
                .isEqualTo(1);

        // 1.8.3 Using Textual SQL
        assertThat(names(session.query(User.class)
                        .filter(SQL.text("id<224"))
                        .orderBy(SQL.text("id"))
                        .all()))
                .containsExactly("ed", "wendy", "mary", "fred");
        assertThat(session.query(User.class)
                        .filter(SQL.text("id<:value and name=:name"))
                        .params("value", 224)
                        .params("name", "fred")
                        .orderBy(User_.id)
                        .one()
                        .block())
                .hasToString("<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>");
        assertThat(strings(session.query(User.class)
                        .fromStatement(SQL.text("SELECT * FROM users where name=:name"))
                        .params("name", "ed")
                        .all()))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
        assertThat(strings(session.query(User.class)
                        .fromStatement(SQL.text("SELECT name, id, fullname, nickname FROM users where name=:name"))
                        .params("name", "ed")
                        .all()))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
        assertThat(list(session.query(User_.id, User_.name)
                        .fromStatement(SQL.text("SELECT name, id FROM users where name=:name"))
                        .params("name", "ed")
                        .all()
                        .map(t -> "(" + t.first() + ", '" + t.second() + "')")))
                .containsExactly("(1, 'ed')");

        // 1.8.4 Counting
        assertThat(session.query(User.class)
                        .filter(User_.name.like("%ed"))
                        .count()
                        .block())
                .isEqualTo(2);
        assertThat(list(session.query(SQL.count(User_.name), User_.name)
                        .groupBy(User_.name)
                        .orderBy(User_.name)
                        .all()
                        .map(t -> "(" + t.first() + ", '" + t.second() + "')")))
                .containsExactly("(1, 'ed')", "(1, 'fred')", "(1, 'mary')", "(1, 'wendy')");
        assertThat(session.query(SQL.count()).selectFrom(User.class).scalar().block())
                .isEqualTo(4);
        assertThat(session.query(SQL.count(User_.id)).scalar().block()).isEqualTo(4);

        session.close().as(StepVerifier::create).verifyComplete();
        assertThat(recorded.poolMetrics())
                .hasValueSatisfying(
                        metrics -> assertThat(metrics.acquiredSize()).isZero());
    }
}
