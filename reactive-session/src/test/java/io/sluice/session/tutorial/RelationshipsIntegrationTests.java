package io.sluice.session.tutorial;

import static io.sluice.session.LoadOption.containsEager;
import static io.sluice.session.LoadOption.joinedLoad;
import static io.sluice.session.LoadOption.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Label;
import io.sluice.core.sql.SQL;
import io.sluice.session.Aliased;
import io.sluice.session.DetachedInstanceException;
import io.sluice.session.LazyLoadException;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The tutorial from "Building a Relationship" through "Configuring delete/delete-orphan Cascade" on every database: in-memory
 * back references, save-update cascade with keys copied into foreign keys, lazy loading as streams, joins along relationships,
 * EXISTS through any/has, selectin loading in two statements, and deletes with and without cascades.
 */
final class RelationshipsIntegrationTests {

    static final Mapping MAPPING = Mapping.of(User.class, Address.class);
    static final Mapping CASCADING =
            Mapping.of(io.sluice.session.tutorial.cascade.User.class, io.sluice.session.tutorial.cascade.Address.class);

    private Engine engine = TestDatabase.H2.engine();
    private Engine recorded;
    private final List<Session> sessions = new java.util.ArrayList<>();

    private Session open(SessionFactory factory) {
        Session session = factory.open();
        sessions.add(session);
        return session;
    }

    @AfterEach
    void cleanUp() {
        sessions.forEach(session -> session.close()
                .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                .block(Duration.ofSeconds(10)));
        if (recorded != null) {
            recorded.close().block(Duration.ofSeconds(10));
        }
        Schemas.drop(engine, MAPPING.metadata());
    }

    private static <T> List<T> list(Flux<T> flux) {
        return flux.collectList().block(Duration.ofSeconds(10));
    }

    private static List<String> strings(Flux<?> flux) {
        return list(flux.map(String::valueOf));
    }

    private static long selects(RecordingListener sql) {
        return sql.events().stream().filter(event -> event.startsWith("SELECT")).count();
    }

    @DatabaseTest
    void shouldWalkTheTutorialFromRelationshipsToDeleteCascades(TestDatabase database) {
        engine = database.engine();
        Schemas.drop(engine, MAPPING.metadata());
        RecordingListener sql = new RecordingListener();
        recorded = database.newEngine(builder -> builder.listener(sql));
        SessionFactory sessions = SessionFactory.of(recorded, MAPPING);
        Mapping.of(User.class).metadata().createAll(recorded).block();
        sessions.inTransaction(session -> {
                    session.addAll(List.of(
                            new User("ed", "Ed Jones", "eddie"),
                            new User("wendy", "Wendy Williams", "windy"),
                            new User("mary", "Mary Contrary", "mary"),
                            new User("fred", "Fred Flintstone", "freddy")));
                    return Flux.empty();
                })
                .blockLast();
        // 1.9: create_all creates only the new table
        sql.clear();
        MAPPING.metadata().createAll(recorded, true).block();
        assertThat(sql.events())
                .filteredOn(event -> event.startsWith("CREATE TABLE IF NOT EXISTS addresses"))
                .hasSize(1);

        // 1.10 Working with Related Objects
        User jack = new User("jack", "Jack Bean", "gjffdd");
        assertThat(jack.getAddresses()).isEmpty();
        jack.getAddresses().addAll(List.of(new Address("jack@google.com"), new Address("j25@yahoo.com")));
        assertThat(jack.getAddresses().get(1)).hasToString("<Address(email_address='j25@yahoo.com')>");
        assertThat(jack.getAddresses().get(1).getUser().get()).isSameAs(jack);

        Session session = open(sessions);
        session.add(jack);
        assertThat(session.newObjects()).hasSize(3);
        sql.clear();
        session.commit().as(StepVerifier::create).verifyComplete();
        assertThat(sql.events()).hasSize(4);
        assertThat(sql.events().get(1)).startsWith("INSERT INTO users (name, fullname, nickname) VALUES");
        assertThat(sql.events().get(2)).startsWith("INSERT INTO addresses (email_address, user_id) VALUES");
        assertThat(sql.statements().get(1).values())
                .containsExactly("jack@google.com", jack.getId(), "j25@yahoo.com", jack.getId());
        assertThat(jack.getAddresses().get(0).getUserId()).isEqualTo(jack.getId());

        Session second = open(sessions);
        User loadedJack =
                second.query(User.class).filterBy(User_.name, "jack").one().block();
        assertThat(loadedJack).hasToString("<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
        assertThatThrownBy(() -> loadedJack.getAddresses().size())
                .isInstanceOf(LazyLoadException.class)
                .hasMessageContaining("User.addresses")
                .hasMessageContaining("addresses.flux()");
        sql.clear();
        assertThat(strings(loadedJack.getAddresses().flux()))
                .containsExactly(
                        "<Address(email_address='jack@google.com')>", "<Address(email_address='j25@yahoo.com')>");
        assertThat(selects(sql)).isEqualTo(1);
        assertThat(loadedJack.getAddresses()).hasSize(2);
        assertThat(loadedJack.getAddresses().get(0).getUser().mono().block()).isSameAs(loadedJack);
        assertThat(strings(loadedJack.getAddresses().flux())).hasSize(2);
        assertThat(selects(sql))
                .as("loaded once, then remembered; the back reference came from the identity map")
                .isEqualTo(1);

        // 1.11 Querying with Joins
        assertThat(list(second.query(User.class, Address_.emailAddress)
                        .filter(User_.id.eq(Address_.userId))
                        .filter(Address_.emailAddress.eq("jack@google.com"))
                        .all()
                        .map(pair -> pair.first().getName() + " " + pair.second())))
                .containsExactly("jack jack@google.com");
        assertThat(strings(second.query(User.class)
                        .join(Address.class)
                        .filter(Address_.emailAddress.eq("jack@google.com"))
                        .all()))
                .containsExactly("<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
        assertThat(strings(second.query(User.class)
                        .join(User_.addresses)
                        .filter(Address_.emailAddress.eq("jack@google.com"))
                        .all()))
                .containsExactly("<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
        assertThat(list(second.query(User_.name, Address_.emailAddress)
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
        // 1.11.1 Using Aliases
        Aliased<Address> a1 = second.aliased(Address.class, "addresses_1");
        Aliased<Address> a2 = second.aliased(Address.class, "addresses_2");
        assertThat(list(second.query(User_.name, a1.get(Address_.emailAddress), a2.get(Address_.emailAddress))
                        .join(a1.alias(), User_.id.eq(a1.get(Address_.userId)))
                        .join(a2.alias(), User_.id.eq(a2.get(Address_.userId)))
                        .filter(a1.get(Address_.emailAddress).eq("jack@google.com"))
                        .filter(a2.get(Address_.emailAddress).eq("j25@yahoo.com"))
                        .all()
                        .map(row -> row.first() + " " + row.second() + " " + row.third())))
                .containsExactly("jack jack@google.com j25@yahoo.com");
        // 1.11.2 Using Subqueries
        Label<Long> addressCount = SQL.count().as("address_count");
        DerivedTable stmt = second.query(Address_.userId, addressCount)
                .groupBy(Address_.userId)
                .subquery("adr_count");
        assertThat(list(second.query(User.class, stmt.column(addressCount))
                        .outerJoin(stmt, User_.id.eq(stmt.column(Address_.userId)))
                        .orderBy(User_.id)
                        .all()
                        .map(pair -> pair.first().getName() + " " + pair.second())))
                .containsExactly("ed null", "wendy null", "mary null", "fred null", "jack 2");
        // 1.11.3 Selecting Entities from Subqueries
        DerivedTable addressStmt = second.query(Address.class)
                .filter(Address_.emailAddress.ne("j25@yahoo.com"))
                .subquery("anon_1");
        Aliased<Address> adalias = second.aliased(Address.class, addressStmt);
        assertThat(list(second.query(User.class, adalias)
                        .join(adalias, User_.addresses)
                        .all()
                        .map(pair -> pair.first() + " " + pair.second())))
                .containsExactly(
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')> <Address(email_address='jack@google.com')>");
        // 1.11.4 Using EXISTS
        assertThat(list(second.query(User_.name)
                        .filter(SQL.exists(SQL.select(Address_.id).where(Address_.userId.eq(User_.id))))
                        .all()))
                .containsExactly("jack");
        assertThat(list(second.query(User_.name).filter(User_.addresses.any()).all()))
                .containsExactly("jack");
        assertThat(list(second.query(User_.name)
                        .filter(User_.addresses.any(Address_.emailAddress.like("%google%")))
                        .all()))
                .containsExactly("jack");
        assertThat(list(second.query(Address.class)
                        .filter(SQL.not(Address_.user.has(User_.name.eq("jack"))))
                        .all()))
                .isEmpty();
        // 1.11.5 Common Relationship Operators
        assertThat(strings(second.query(Address.class)
                        .filter(Address_.user.eq(loadedJack))
                        .orderBy(Address_.id)
                        .all()))
                .containsExactly(
                        "<Address(email_address='jack@google.com')>", "<Address(email_address='j25@yahoo.com')>");
        assertThat(list(second.query(Address.class)
                        .filter(Address_.userId.isNull())
                        .all()))
                .isEmpty();
        assertThat(list(second.query(User.class)
                        .filter(User_.addresses.any(Address_.emailAddress.eq("bar")))
                        .all()))
                .isEmpty();
        assertThat(list(second.query(Address.class)
                        .filter(Address_.user.has(User_.name.eq("ed")))
                        .all()))
                .isEmpty();
        second.close().block();
        assertThat(loadedJack.getAddresses().get(0).getUser().get())
                .as("loaded before close")
                .isSameAs(loadedJack);
        assertThatThrownBy(() -> loadedJack.getAddresses().get(1).getUser().get())
                .isInstanceOf(LazyLoadException.class);
        loadedJack
                .getAddresses()
                .get(1)
                .getUser()
                .mono()
                .as(StepVerifier::create)
                .expectError(DetachedInstanceException.class)
                .verify(Duration.ofSeconds(5));

        // 1.12.1 Selectin Load: two statements, then no more SQL
        Session third = open(sessions);
        sql.clear();
        User eagerJack = third.query(User.class)
                .options(selectinLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .one()
                .block();
        assertThat(selects(sql)).isEqualTo(2);
        assertThat(eagerJack.getAddresses())
                .extracting(Address::getEmailAddress)
                .containsExactly("jack@google.com", "j25@yahoo.com");
        assertThat(strings(third.query(Address.class)
                        .options(selectinLoad(Address_.user))
                        .orderBy(Address_.id)
                        .all()
                        .map(address -> address.getUser().get())))
                .containsExactly(
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>",
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>");
        assertThat(selects(sql)).isEqualTo(4);

        // 1.13 Deleting: without a delete cascade, the addresses lose their user but stay
        third.delete(eagerJack);
        assertThat(third.query(User.class).filterBy(User_.name, "jack").count().block())
                .isZero();
        assertThat(third.query(Address.class)
                        .filter(Address_.emailAddress.in("jack@google.com", "j25@yahoo.com"))
                        .count()
                        .block())
                .isEqualTo(2);
        assertThat(eagerJack.getAddresses().get(0).getUserId()).isNull();
        third.close().block();

        // 1.13.1 Configuring delete/delete-orphan Cascade (the remapped classes, same tables)
        SessionFactory cascading = SessionFactory.of(recorded, CASCADING);
        Session fourth = open(cascading);
        io.sluice.session.tutorial.cascade.User cascadeJack = fourth.get(
                        io.sluice.session.tutorial.cascade.User.class, jack.getId())
                .block();
        assertThat(cascadeJack.getName()).isEqualTo("jack");
        List<io.sluice.session.tutorial.cascade.Address> addresses =
                list(cascadeJack.getAddresses().flux());
        assertThat(addresses).hasSize(2);
        cascadeJack.getAddresses().remove(1);
        var emails = io.sluice.session.tutorial.cascade.Address_.emailAddress;
        assertThat(fourth.query(io.sluice.session.tutorial.cascade.Address.class)
                        .filter(emails.in("jack@google.com", "j25@yahoo.com"))
                        .count()
                        .block())
                .isEqualTo(1);
        fourth.delete(cascadeJack);
        assertThat(fourth.query(io.sluice.session.tutorial.cascade.User.class)
                        .filterBy(io.sluice.session.tutorial.cascade.User_.name, "jack")
                        .count()
                        .block())
                .isZero();
        assertThat(fourth.query(io.sluice.session.tutorial.cascade.Address.class)
                        .filter(emails.in("jack@google.com", "j25@yahoo.com"))
                        .count()
                        .block())
                .isZero();
        fourth.close().block();
        Session check = open(sessions);
        assertThat(check.query(Address.class).count().block())
                .as("nothing after the commit of jack was committed")
                .isEqualTo(2);
        check.close().block();
    }

    @DatabaseTest
    void shouldInsertObjectsReachedThroughRelationshipsChangedAfterTheyWereAdded(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        SessionFactory sessions = SessionFactory.of(engine, MAPPING);
        Session first = open(sessions);
        User ed = new User("ed", "Ed Jones", "eddie");
        first.add(ed);
        first.commit().block(Duration.ofSeconds(10));

        Session session = open(sessions);
        User loaded = session.get(User.class, ed.getId()).block(Duration.ofSeconds(10));
        User wendy = new User("wendy", "Wendy Williams", "windy");
        session.add(wendy);
        // After add(): a new address in a pending user's collection, in a loaded user's collection, and a pending
        // address
        // pointing at a user that was never added.
        wendy.getAddresses().add(new Address("wendy@example.com"));
        list(loaded.getAddresses().flux());
        loaded.getAddresses().add(new Address("ed@example.com"));
        Address orphaned = new Address("mary@example.com");
        session.add(orphaned);
        User mary = new User("mary", "Mary Contrary", "mary");
        orphaned.getUser().set(mary);
        session.commit().block(Duration.ofSeconds(10));

        Session check = open(sessions);
        assertThat(list(check.query(Address.class)
                                .orderBy(Address_.emailAddress)
                                .all())
                        .stream()
                        .map(address -> address.getEmailAddress() + " -> "
                                + check.query(User.class)
                                        .filter(User_.id.eq(address.getUserId()))
                                        .one()
                                        .map(User::getName)
                                        .block(Duration.ofSeconds(10))))
                .containsExactly("ed@example.com -> ed", "mary@example.com -> mary", "wendy@example.com -> wendy");
    }

    @DatabaseTest
    void shouldBuildAManyToManyRelationship(TestDatabase database) {
        engine = database.engine();
        Schemas.drop(engine, MAPPING.metadata());
        RecordingListener sql = new RecordingListener();
        recorded = database.newEngine(builder -> builder.listener(sql));
        SessionFactory sessions = SessionFactory.of(recorded, MAPPING);
        // 1.14: create_all adds keywords, posts and post_keywords, in foreign-key order
        sql.clear();
        MAPPING.metadata().createAll(recorded, true).block();
        List<String> creates = sql.events().stream()
                .filter(event -> event.startsWith("CREATE TABLE"))
                .toList();
        assertThat(creates.indexOf(creates.stream()
                        .filter(c -> c.contains(" post_keywords "))
                        .findFirst()
                        .orElseThrow()))
                .isGreaterThan(creates.indexOf(creates.stream()
                        .filter(c -> c.contains(" posts "))
                        .findFirst()
                        .orElseThrow()));
        sessions.inTransaction(session -> {
                    session.addAll(
                            List.of(new User("ed", "Ed Jones", "eddie"), new User("wendy", "Wendy Williams", "windy")));
                    return Flux.empty();
                })
                .blockLast();

        Session session = open(sessions);
        User wendy =
                session.query(User.class).filterBy(User_.name, "wendy").one().block();
        BlogPost post = new BlogPost("Wendy's Blog Post", "This is a test", wendy);
        session.add(post);
        post.getKeywords().add(new Keyword("wendy"));
        post.getKeywords().add(new Keyword("firstpost"));
        sql.clear();
        assertThat(strings(session.query(BlogPost.class)
                        .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                        .all()))
                .containsExactly(
                        "BlogPost(\"Wendy's Blog Post\", 'This is a test', <User(name='wendy', fullname='Wendy Williams',"
                                + " nickname='windy')>)");
        List<String> statements = sql.events();
        // keywords and posts do not depend on each other (either may go first); the association rows come after both
        assertThat(statements.subList(0, 2))
                .anyMatch(event -> event.startsWith("INSERT INTO keywords (keyword) VALUES"))
                .anyMatch(event -> event.startsWith("INSERT INTO posts (user_id, headline, body) VALUES"));
        assertThat(statements.get(2)).startsWith("INSERT INTO post_keywords (post_id, keyword_id) VALUES");
        assertThat(statements.get(3))
                .startsWith("SELECT posts.id")
                .contains("EXISTS (SELECT keywords.id FROM post_keywords, keywords");
        assertThat(sql.statements().subList(0, 2))
                .anySatisfy(statement -> assertThat(statement.values())
                        .containsExactly(wendy.getId(), "Wendy's Blog Post", "This is a test"));

        assertThat(list(session.query(BlogPost.class)
                        .filter(BlogPost_.author.eq(wendy))
                        .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                        .all()))
                .containsExactly(post);
        sql.clear();
        assertThat(list(wendy.getPosts()
                        .query()
                        .filter(BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost")))
                        .all()))
                .containsExactly(post);
        assertThat(sql.events()).hasSize(1);
        assertThat(sql.events().get(0)).contains("WHERE (posts.user_id = ").contains("EXISTS (SELECT keywords.id");
        session.commit().block();

        Session other = open(sessions);
        BlogPost loaded = other.query(BlogPost.class)
                .options(selectinLoad(BlogPost_.keywords))
                .one()
                .block();
        assertThat(loaded.getKeywords()).extracting(Keyword::getKeyword).containsExactly("wendy", "firstpost");
        Keyword firstpost = loaded.getKeywords().get(1);
        assertThat(list(firstpost.getPosts().flux())).containsExactly(loaded);
        assertThat(list(other.query(Keyword_.keyword)
                        .join(Keyword_.posts)
                        .filter(BlogPost_.headline.like("Wendy%"))
                        .orderBy(Keyword_.id)
                        .all()))
                .containsExactly("wendy", "firstpost");
        loaded.getKeywords().remove(0);
        other.commit().block();
        Session check = open(sessions);
        BlogPost again = check.query(BlogPost.class).one().block();
        assertThat(list(again.getKeywords().flux()))
                .extracting(Keyword::getKeyword)
                .containsExactly("firstpost");
        check.delete(again);
        check.commit().block();
        assertThat(engine.query(SQL.select(SQL.count()).from(MAPPING.metadata().table("post_keywords")))
                        .blockFirst()
                        .get(0))
                .isEqualTo(0L);
        assertThat(check.query(Keyword.class).count().block()).isEqualTo(2);
    }

    @DatabaseTest
    void shouldLoadEagerlyWithCountedStatements(TestDatabase database) {
        engine = database.engine();
        Schemas.drop(engine, MAPPING.metadata());
        io.sluice.core.StatementCounter counter = new io.sluice.core.StatementCounter();
        recorded = database.newEngine(builder -> builder.listener(counter));
        SessionFactory sessions = SessionFactory.of(recorded, MAPPING);
        MAPPING.metadata().createAll(recorded).block();
        sessions.inTransaction(session -> {
                    for (String name : List.of("ed", "wendy", "jack")) {
                        User user = new User(name, name.toUpperCase(java.util.Locale.ROOT), name);
                        for (int i = 1; i <= (name.equals("wendy") ? 0 : 3); i++) {
                            user.getAddresses().add(new Address(name + i + "@example.com"));
                        }
                        session.add(user);
                        BlogPost post = new BlogPost(name + "'s post", "text", user);
                        post.getKeywords().add(new Keyword(name + "-tag"));
                        session.add(post);
                    }
                    return Flux.empty();
                })
                .blockLast();

        // 1.12.2 Joined Load: one statement, one User per parent though the join returns a row per address
        Session session = open(sessions);
        counter.reset();
        User jack = session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .one()
                .block();
        assertThat(counter.count()).isEqualTo(1);
        assertThat(counter.statements().get(0))
                .contains("LEFT OUTER JOIN addresses AS addresses_1 ON addresses_1.user_id = users.id");
        assertThat(jack.getAddresses())
                .extracting(Address::getEmailAddress)
                .containsExactly("jack1@example.com", "jack2@example.com", "jack3@example.com");
        // the LIMIT counts parents, not joined rows
        counter.reset();
        List<User> firstTwo = list(session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .orderBy(User_.id)
                .limit(2)
                .all());
        assertThat(counter.count()).isEqualTo(1);
        assertThat(firstTwo).extracting(User::getName).containsExactly("ed", "wendy");
        assertThat(firstTwo.get(0).getAddresses()).hasSize(3);
        assertThat(firstTwo.get(1).getAddresses()).isEmpty();
        // a parent the session holds comes back as it is, its unflushed change kept, once per parent
        session.setAutoflush(false);
        jack.setFullname("Jack, not flushed");
        List<User> again = list(session.query(User.class)
                .options(joinedLoad(User_.addresses))
                .filterBy(User_.name, "jack")
                .all());
        assertThat(again).containsExactly(jack);
        assertThat(jack.getFullname()).isEqualTo("Jack, not flushed");
        assertThat(jack.getAddresses()).hasSize(3);
        session.close().block();

        // 1.12.3 Explicit Join + Eagerload: the addresses' user comes from the join, with no further SQL
        Session second = open(sessions);
        counter.reset();
        List<Address> jacksAddresses = list(second.query(Address.class)
                .join(Address_.user)
                .filter(User_.name.eq("jack"))
                .options(containsEager(Address_.user))
                .orderBy(Address_.id)
                .all());
        assertThat(jacksAddresses)
                .extracting(Address::getEmailAddress)
                .containsExactly("jack1@example.com", "jack2@example.com", "jack3@example.com");
        assertThat(jacksAddresses.get(0).getUser().get())
                .hasToString("<User(name='jack', fullname='JACK', nickname='jack')>");
        assertThat(jacksAddresses)
                .allSatisfy(address -> assertThat(address.getUser().get())
                        .isSameAs(jacksAddresses.get(0).getUser().get()));
        assertThat(counter.count()).isEqualTo(1);

        // a loading path: posts, then their keywords: three statements for all users
        Session third = open(sessions);
        counter.reset();
        List<User> users = list(third.query(User.class)
                .options(selectinLoad(User_.posts).then(BlogPost_.keywords))
                .orderBy(User_.id)
                .all());
        assertThat(counter.count()).isEqualTo(3);
        assertThat(users)
                .extracting(user -> user.getPosts().get(0).getKeywords().get(0).getKeyword())
                .containsExactly("ed-tag", "wendy-tag", "jack-tag");

        // lazy loads subscribed together are coalesced into one IN query, not one query per user (the reactive N+1)
        Session fourth = open(sessions);
        List<User> everyone = list(fourth.query(User.class).orderBy(User_.id).all());
        counter.reset();
        assertThat(list(Flux.fromIterable(everyone)
                        .flatMap(user -> user.getAddresses().flux())
                        .map(Address::getEmailAddress)))
                .hasSize(6);
        assertThat(counter.count()).as(counter.statements().toString()).isEqualTo(1);
        assertThat(everyone.get(0).getAddresses()).hasSize(3);
        fourth.close().block();

        // relationship operators: !=, IS NULL, with_parent
        User thirdJack = users.get(2);
        assertThat(list(third.query(Address.class)
                        .filter(Address_.user.ne(thirdJack))
                        .all()))
                .hasSize(3);
        assertThat(list(third.query(Address.class)
                        .filter(Address_.user.isNull())
                        .all()))
                .isEmpty();
        assertThat(list(third.query(Address.class)
                        .withParent(thirdJack, User_.addresses)
                        .all()
                        .map(Address::getEmailAddress)))
                .containsExactlyInAnyOrder("jack1@example.com", "jack2@example.com", "jack3@example.com");
        third.close().block();
        second.close().block();
    }
}
