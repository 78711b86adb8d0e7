package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.StatementCounter;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TutorialIntegrationTests {

    private static final String ED = "<User(name='ed', fullname='Ed Jones', nickname='eddie')>";
    private static final String WENDY = "<User(name='wendy', fullname='Wendy Williams', nickname='windy')>";
    private static final String MARY = "<User(name='mary', fullname='Mary Contrary', nickname='mary')>";
    private static final String FRED = "<User(name='fred', fullname='Fred Flintstone', nickname='freddy')>";
    private static final String JACK = "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>";
    private static final String JACK_AT_GOOGLE = "<Address(email_address='jack@google.com')>";
    private static final String J25_AT_YAHOO = "<Address(email_address='j25@yahoo.com')>";
    private static final String JACKS_ADDRESSES = "[" + JACK_AT_GOOGLE + ", " + J25_AT_YAHOO + "]";
    private static final String WENDYS_POSTS = "[BlogPost(\"Wendy's Blog Post\", 'This is a test', " + WENDY + ")]";
    /** Registered on the engine: the loading steps print how many statements they ran. */
    private final StatementCounter counter = new StatementCounter();

    private final Engine engine = Engine.builder(
                    "r2dbc:h2:mem:///tutorial_" + UUID.randomUUID().toString().replace("-", ""))
            .listener(counter)
            .build();

    @AfterEach
    void closeEngine() {
        engine.close().block(Duration.ofSeconds(10));
    }

    @Test
    void shouldPrintEveryStepFromConnectingToManyToMany() {
        List<String> lines = Tutorial.run(engine, counter).collectList().block(Duration.ofSeconds(60));

        assertThat(lines)
                .containsExactly(
                        "-- Connecting",
                        "-- Declare a Mapping",
                        "-- Create a Schema",
                        "-- Create an Instance of the Mapped Class",
                        "'ed'",
                        "'edsnickname'",
                        "'None'",
                        "-- Creating a Session",
                        "-- Adding and Updating Objects",
                        "<User(name='ed', fullname='Ed Jones', nickname='edsnickname')>",
                        "True",
                        "[" + ED + "]",
                        "[" + WENDY + ", " + MARY + ", " + FRED + "]",
                        "1",
                        "-- Rolling Back",
                        "[<User(name='Edwardo', fullname='Ed Jones', nickname='eddie')>, "
                                + "<User(name='fakeuser', fullname='Invalid', nickname='12345')>]",
                        "'ed'",
                        "False",
                        "[" + ED + "]",
                        "-- Querying",
                        "ed Ed Jones",
                        "wendy Wendy Williams",
                        "mary Mary Contrary",
                        "fred Fred Flintstone",
                        "ed Ed Jones",
                        "wendy Wendy Williams",
                        "mary Mary Contrary",
                        "fred Fred Flintstone",
                        ED + " ed",
                        WENDY + " wendy",
                        MARY + " mary",
                        FRED + " fred",
                        "ed",
                        "wendy",
                        "mary",
                        "fred",
                        ED,
                        WENDY,
                        MARY,
                        FRED,
                        WENDY,
                        MARY,
                        "ed",
                        "ed",
                        ED,
                        "-- Common Filter Operators",
                        "equals: ['ed']",
                        "not equals: ['wendy', 'mary', 'fred']",
                        "LIKE: ['ed', 'fred']",
                        "ILIKE: ['ed', 'fred']",
                        "IN list: ['ed', 'wendy']",
                        "IN subquery: ['ed', 'fred']",
                        "tuple IN: ['wendy']",
                        "NOT IN: ['mary', 'fred']",
                        "IS NULL: []",
                        "IS NOT NULL: ['ed', 'wendy', 'mary', 'fred']",
                        "AND: ['ed']",
                        "OR: ['ed', 'wendy']",
                        "-- Returning Lists and Scalars",
                        "[" + ED + ", " + FRED + "]",
                        ED,
                        "NonUniqueResultException: multiple rows (2) were found where at most one was expected, query of User",
                        "NoResultException: no row was found for one(), query of User",
                        "None",
                        "NonUniqueResultException: multiple rows (2) were found where at most one was expected, query of User",
                        "1",
                        "-- Using Textual SQL",
                        "ed",
                        "wendy",
                        "mary",
                        "fred",
                        FRED,
                        "[" + ED + "]",
                        "[" + ED + "]",
                        "[(1, 'ed')]",
                        "-- Counting",
                        "2",
                        "[(1, 'ed'), (1, 'fred'), (1, 'mary'), (1, 'wendy')]",
                        "4",
                        "4",
                        "-- Building a Relationship",
                        "-- Working with Related Objects",
                        "[]",
                        J25_AT_YAHOO,
                        JACK,
                        // jack's id: H2's identity column does not reuse the 5 of the rolled-back fakeuser
                        "6",
                        JACK,
                        // the commit expired nothing: the addresses are still loaded
                        JACKS_ADDRESSES,
                        "statements run: 0",
                        "-- Querying with Joins",
                        JACK,
                        JACK_AT_GOOGLE,
                        "[" + JACK + "]",
                        "explicit ON: ['jack']",
                        "along the relationship: ['jack']",
                        "from addresses, joined to users: [('jack', 'jack@google.com'), ('jack', 'j25@yahoo.com')]",
                        "outer join: [('ed', None), ('wendy', None), ('mary', None), ('fred', None),"
                                + " ('jack', 'jack@google.com'), ('jack', 'j25@yahoo.com')]",
                        "-- Using Aliases",
                        "jack jack@google.com j25@yahoo.com",
                        "-- Using Subqueries",
                        ED + " None",
                        WENDY + " None",
                        MARY + " None",
                        FRED + " None",
                        JACK + " 2",
                        "-- Selecting Entities from Subqueries",
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>",
                        "<Address(email_address='jack@google.com')>",
                        "-- Using EXISTS",
                        "jack",
                        "jack",
                        "jack",
                        "[]",
                        "-- Common Relationship Operators",
                        "many-to-one equals: " + JACKS_ADDRESSES,
                        "many-to-one not equals: []",
                        "IS NULL (m2o): []",
                        "contains (o2m): [" + JACK + "]",
                        "any (collection): []",
                        "has (scalar): []",
                        "with_parent: [<Address(email_address='jack@google.com')>, <Address(email_address='j25@yahoo.com')>]",
                        "-- Eager Loading",
                        "-- Selectin Load",
                        JACK,
                        // the users, then the addresses of all of them
                        "statements run: 2",
                        JACKS_ADDRESSES,
                        "statements run: 0",
                        "-- Joined Load",
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>",
                        "statements run: 1",
                        "[<Address(email_address='jack@google.com')>, <Address(email_address='j25@yahoo.com')>]",
                        "statements run: 0",
                        "-- Explicit Join + Eagerload",
                        "[<Address(email_address='jack@google.com')>, <Address(email_address='j25@yahoo.com')>]",
                        "statements run: 1",
                        "<User(name='jack', fullname='Jack Bean', nickname='gjffdd')>",
                        "statements run: 0",
                        "-- Deleting",
                        "0",
                        "2",
                        "-- Configuring delete/delete-orphan Cascade",
                        "1",
                        "0",
                        "0",
                        "-- Building a Many To Many Relationship",
                        WENDYS_POSTS,
                        WENDYS_POSTS,
                        WENDYS_POSTS);

        // Nothing after jack's commit was committed: his deletes and wendy's post were rolled back.
        Metadata tables = Mapping.of(User.class).metadata();
        assertThat(rows(tables, "users")).isEqualTo(5);
        assertThat(rows(tables, "addresses")).isEqualTo(2);
        assertThat(rows(tables, "posts")).isZero();
        assertThat(rows(tables, "keywords")).isZero();
        assertThat(rows(tables, "post_keywords")).isZero();
    }

    private long rows(Metadata tables, String table) {
        Object count = engine.query(SQL.select(SQL.count()).from(tables.table(table)))
                .blockFirst(Duration.ofSeconds(10))
                .get(0);
        return ((Number) count).longValue();
    }
}
