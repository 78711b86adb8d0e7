package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Sessions that are never closed (#16): one that becomes unreachable while holding a connection gives it back, rolled back,
 * with a warning naming where it was opened; when the pool has no connection to give in time, the error says which sessions
 * hold them.
 */
final class OpenSessionsIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Ticket.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        sessions.forEach(
                session -> session.close().onErrorResume(e -> Mono.empty()).block(WAIT));
        opened.forEach(extra -> extra.close().block(WAIT));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private Engine onePooledConnection(TestDatabase database, RecordingListener listener, Duration acquireTimeout) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine pooled = database.newEngine(
                builder -> builder.maxSize(1).acquireTimeout(acquireTimeout).listener(listener));
        opened.add(pooled);
        return pooled;
    }

    /** Opens a session, writes a row in its transaction and forgets the session without closing it. */
    private static void writeAndForget(SessionFactory factory) {
        Session forgotten = factory.open();
        forgotten.add(new Ticket(1, "never committed"));
        forgotten.flush().block(WAIT);
    }

    @DatabaseTest // #16
    void shouldGiveBackTheConnectionOfASessionNeverClosedWithAWarningNamingWhereItWasOpened(TestDatabase database)
            throws InterruptedException {
        RecordingListener sql = new RecordingListener();
        Engine pooled = onePooledConnection(database, sql, Duration.ofSeconds(10));
        SessionFactory factory = SessionFactory.of(pooled, MAPPING);
        PrintStream standardError = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            writeAndForget(factory);
            assertThat(pooled.poolMetrics().orElseThrow().acquiredSize()).isEqualTo(1);
            for (int i = 0; i < 200 && pooled.poolMetrics().orElseThrow().acquiredSize() > 0; i++) {
                System.gc();
                Thread.sleep(50);
            }
        } finally {
            System.setErr(standardError);
        }

        assertThat(pooled.poolMetrics().orElseThrow().acquiredSize()).isZero();
        assertThat(sql.events()).last().isEqualTo("ROLLBACK");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("A session opened at io.sluice.session.OpenSessionsIntegrationTests.writeAndForget(")
                .contains("was never closed");
        Session check = factory.open();
        sessions.add(check);
        check.query(Ticket.class)
                .count()
                .as(StepVerifier::create)
                .expectNext(0L)
                .verifyComplete();
    }

    @DatabaseTest // #16
    void shouldSayWhichSessionsHoldTheConnectionsWhenThePoolHasNoneToGive(TestDatabase database) {
        Engine pooled = onePooledConnection(database, new RecordingListener(), Duration.ofMillis(500));
        SessionFactory factory = SessionFactory.of(pooled, MAPPING);
        Session holding = factory.open();
        sessions.add(holding);
        holding.query(Ticket.class).count().block(WAIT);
        assertThat(pooled.poolMetrics().orElseThrow().acquiredSize())
                .as("the holding session holds the pool's connection")
                .isEqualTo(1);
        Session waiting = factory.open();
        sessions.add(waiting);

        waiting.query(Ticket.class)
                .count()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SessionException.class)
                        .hasMessageContaining("all 1 connections of the pool are in use")
                        .hasMessageContaining("1 session of this factory holds one, opened at"
                                + " io.sluice.session.OpenSessionsIntegrationTests"
                                + ".shouldSayWhichSessionsHoldTheConnectionsWhenThePoolHasNoneToGive(")
                        .hasMessageContaining("close sessions when done"))
                .verify(WAIT);
        holding.close().block(WAIT);
        waiting.query(Ticket.class)
                .count()
                .as(StepVerifier::create)
                .expectNext(0L)
                .verifyComplete();
    }
}
