package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.session.LoadOption;
import io.sluice.session.Query;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * The SQL the tutorial's queries render on each dialect, exactly, with their binds: a scripted connection stands in for the
 * database and answers with the tutorial's rows ({@link TutorialIntegrationTests} walks the same steps on H2).
 */
final class TutorialQueriesUnitTests {

    private static final String U = "users.id, users.name, users.fullname, users.nickname";
    private static final String A = "addresses.id, addresses.email_address, addresses.user_id";
    private static final Rows USER_ROWS = Rows.of("id", "name", "fullname", "nickname");
    private static final Rows ADDRESS_ROWS = Rows.of("id", "email_address", "user_id");

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private Engine engine;
    private Session session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close().block(Duration.ofSeconds(5));
        }
        if (engine != null) {
            engine.close().block(Duration.ofSeconds(5));
        }
    }

    private Session open(ScriptedDialect dialect) {
        engine = dialect.engine(database);
        session = SessionFactory.of(engine, Mapping.of(User.class)).open();
        return session;
    }

    /** Runs a query, checks the script was played whole, and returns the results' {@code toString()}s. */
    private List<String> all(Query<?> query) {
        List<String> results = query.all().map(String::valueOf).collectList().block(Duration.ofSeconds(5));
        database.verify();
        return results;
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderFilterByAsAnEqualityWithABind(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users WHERE users.fullname = ?"))
                .withBinds("Ed Jones")
                .returnRows(USER_ROWS.row(1, "ed", "Ed Jones", "eddie"));

        assertThat(all(session.query(User.class).filterBy(User_.fullname, "Ed Jones")))
                .containsExactly("<User(name='ed', fullname='Ed Jones', nickname='eddie')>");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldJoinTwoFiltersWithAnd(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users WHERE (users.name = ?) AND (users.fullname = ?)"))
                .withBinds("ed", "Ed Jones")
                .returnRows(USER_ROWS.row(1, "ed", "Ed Jones", "eddie"));

        assertThat(all(session.query(User.class).filter(User_.name.eq("ed")).filter(User_.fullname.eq("Ed Jones"))))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderInWithOneBindPerValue(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT users.name FROM users WHERE users.name IN (?, ?, ?) ORDER BY users.id"))
                .withBinds("ed", "wendy", "jack")
                .returnRows(Rows.of("name").row("ed").row("wendy"));

        assertThat(all(session.query(User_.name)
                        .filter(User_.name.in("ed", "wendy", "jack"))
                        .orderBy(User_.id)))
                .containsExactly("ed", "wendy");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderLikeWithThePatternBound(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users WHERE users.name LIKE ? ORDER BY users.id"))
                .withBinds("%ed")
                .returnRows(USER_ROWS.row(1, "ed", "Ed Jones", "eddie").row(4, "fred", "Fred Flintstone", "freddy"));

        assertThat(all(session.query(User.class).filter(User_.name.like("%ed")).orderBy(User_.id)))
                .containsExactly(
                        "<User(name='ed', fullname='Ed Jones', nickname='eddie')>",
                        "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderIlikeNativelyOrWithLowerWhereTheDialectHasNone(ScriptedDialect dialect) {
        Session session = open(dialect);
        String condition =
                dialect == ScriptedDialect.MARIADB ? "LOWER(users.name) LIKE LOWER(?)" : "users.name ILIKE ?";
        database.expect(dialect.sql("SELECT users.name FROM users WHERE " + condition))
                .withBinds("%ED%")
                .returnRows(Rows.of("name").row("ed").row("fred"));

        assertThat(all(session.query(User_.name).filter(User_.name.ilike("%ED%"))))
                .containsExactly("ed", "fred");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderASliceAsLimitAndOffset(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users ORDER BY users.id LIMIT ? OFFSET ?"))
                .withBinds(2L, 1L)
                .returnRows(
                        USER_ROWS.row(2, "wendy", "Wendy Williams", "windy").row(3, "mary", "Mary Contrary", "mary"));

        assertThat(all(session.query(User.class).orderBy(User_.id).slice(1, 3)))
                .containsExactly(
                        "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>",
                        "<User(name='mary', fullname='Mary Contrary', nickname='mary')>");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldCountTheRowsOfTheQueryAsASubquery(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql(
                        "SELECT count(*) FROM (SELECT " + U + " FROM users WHERE users.name LIKE ?) AS anon_1"))
                .withBinds("%ed")
                .returnRows(Rows.of("count").row(2L));

        session.query(User.class)
                .filter(User_.name.like("%ed"))
                .count()
                .as(StepVerifier::create)
                .expectNext(2L)
                .verifyComplete();
        database.verify();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldJoinAlongTheForeignKey(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users JOIN addresses ON addresses.user_id = users.id"
                        + " WHERE addresses.email_address = ?"))
                .withBinds("jack@google.com")
                .returnRows(USER_ROWS.row(5, "jack", "Jack Bean", "gjffdd"));

        assertThat(all(session.query(User.class)
                        .join(Address.class)
                        .filter(Address_.emailAddress.eq("jack@google.com"))))
                .containsExactly("<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldJoinAlongARelationship(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT users.name FROM users JOIN addresses ON addresses.user_id = users.id"
                        + " WHERE addresses.email_address = ?"))
                .withBinds("jack@google.com")
                .returnRows(Rows.of("name").row("jack"));

        assertThat(all(session.query(User_.name)
                        .join(User_.addresses)
                        .filter(Address_.emailAddress.eq("jack@google.com"))))
                .containsExactly("jack");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderAnyOfACollectionAsExists(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT users.name FROM users WHERE EXISTS (SELECT addresses.id FROM addresses"
                        + " WHERE (addresses.user_id = users.id) AND (addresses.email_address LIKE ?))"))
                .withBinds("%google%")
                .returnRows(Rows.of("name").row("jack"));

        assertThat(all(session.query(User_.name).filter(User_.addresses.any(Address_.emailAddress.like("%google%")))))
                .containsExactly("jack");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderHasOfAReferenceAsExists(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + A + " FROM addresses WHERE NOT EXISTS (SELECT users.id FROM users"
                        + " WHERE (addresses.user_id = users.id) AND (users.name = ?))"))
                .withBinds("jack")
                .returnRows(ADDRESS_ROWS);

        assertThat(all(session.query(Address.class)
                        .filter(io.sluice.core.sql.SQL.not(Address_.user.has(User_.name.eq("jack"))))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldRenderAnyAcrossAManyToManyAndAReferenceComparedToAnObject(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users WHERE users.id = ?"))
                .withBinds(2)
                .returnRows(USER_ROWS.row(2, "wendy", "Wendy Williams", "windy"));
        database.expect(dialect.sql("SELECT posts.id, posts.user_id, posts.headline, posts.body FROM posts"
                        + " WHERE (posts.user_id = ?) AND EXISTS (SELECT keywords.id FROM post_keywords, keywords"
                        + " WHERE (post_keywords.post_id = posts.id) AND (keywords.id = post_keywords.keyword_id)"
                        + " AND (keywords.keyword = ?))"))
                .withBinds(2, "firstpost")
                .returnRows(
                        Rows.of("id", "user_id", "headline", "body").row(1, 2, "Wendy's Blog Post", "This is a test"));
        User wendy = session.get(User.class, 2).block(Duration.ofSeconds(5));

        List<BlogPost> posts = session.query(BlogPost.class)
                .filter(BlogPost_.author.eq(wendy))
                .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                .all()
                .collectList()
                .block(Duration.ofSeconds(5));

        database.verify();
        assertThat(posts).extracting(BlogPost::getHeadline).containsExactly("Wendy's Blog Post");
        // the session holds the author: reading the reference sends nothing
        posts.get(0)
                .getAuthor()
                .mono()
                .as(StepVerifier::create)
                .expectNext(wendy)
                .verifyComplete();
        assertThat(database.statements()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSelectinLoadACollectionInASecondStatement(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + " FROM users WHERE users.name = ?"))
                .withBinds("jack")
                .returnRows(USER_ROWS.row(5, "jack", "Jack Bean", "gjffdd"));
        database.expect(dialect.sql("SELECT " + A + " FROM addresses WHERE addresses.user_id IN (?)"
                        + " ORDER BY addresses.user_id, addresses.id"))
                .withBinds(5)
                .returnRows(ADDRESS_ROWS.row(1, "jack@google.com", 5).row(2, "j25@yahoo.com", 5));

        User jack = session.query(User.class)
                .options(LoadOption.selectinLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .one()
                .block(Duration.ofSeconds(5));

        database.verify();
        assertThat(jack.getAddresses().toString())
                .isEqualTo("[<Address(email_address='jack@google.com')>, <Address(email_address='j25@yahoo.com')>]");
        assertThat(database.statements()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldJoinedLoadACollectionInOneStatementWithOneObjectPerKey(ScriptedDialect dialect) {
        Session session = open(dialect);
        database.expect(dialect.sql("SELECT " + U + ", addresses_1.id, addresses_1.email_address, addresses_1.user_id"
                        + " FROM users LEFT OUTER JOIN addresses AS addresses_1 ON addresses_1.user_id = users.id"
                        + " WHERE users.name = ? ORDER BY addresses_1.id"))
                .withBinds("jack")
                .returnRows(Rows.of("id", "name", "fullname", "nickname", "id", "email_address", "user_id")
                        .row(5, "jack", "Jack Bean", "gjffdd", 1, "jack@google.com", 5)
                        .row(5, "jack", "Jack Bean", "gjffdd", 2, "j25@yahoo.com", 5));

        List<User> users = session.query(User.class)
                .options(LoadOption.joinedLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .all()
                .collectList()
                .block(Duration.ofSeconds(5));

        database.verify();
        assertThat(users).hasSize(1);
        assertThat(users.get(0).getAddresses())
                .extracting(Address::getEmailAddress)
                .containsExactly("jack@google.com", "j25@yahoo.com");
        assertThat(database.statements()).hasSize(1);
    }
}
