package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
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
    /** How reactive-session names a query of User in the messages of one()'s errors. */
    private final Engine engine = Engine.create(
            "r2dbc:h2:mem:///tutorial_" + UUID.randomUUID().toString().replace("-", ""));

    @AfterEach
    void closeEngine() {
        engine.close().block(Duration.ofSeconds(10));
    }

    @Test
    void shouldPrintEveryStepFromConnectingToCounting() {
        List<String> lines = Tutorial.run(engine).collectList().block(Duration.ofSeconds(60));

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
                        "4");
    }
}
