package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.sluice.core.Engine;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Transactions in the Reactor Context: {@link Sessions#current()}, joining, independent transactions and rollback. */
final class SessionsIntegrationTests {

    static final Mapping MAPPING = Mapping.of(LedgerEntry.class);
    static final Duration WAIT = Duration.ofSeconds(30);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();
    private final RecordingListener sql = new RecordingListener();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    private SessionFactory sessions(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine recorded = database.newEngine(builder -> builder.listener(sql).maxSize(2));
        opened.add(recorded);
        return SessionFactory.of(recorded, MAPPING);
    }

    /** A repository method: it takes no session, it finds the one of the pipeline it runs in. */
    private static Mono<Void> record(String name) {
        return Sessions.current()
                .doOnNext(session -> session.add(new LedgerEntry(name)))
                .then();
    }

    private List<String> names() {
        return SessionFactory.of(engine, MAPPING)
                .inTransaction(session -> session.query(LedgerEntry_.name)
                        .orderBy(LedgerEntry_.name)
                        .all())
                .collectList()
                .block(WAIT);
    }

    private long count(String command) {
        return sql.events().stream().filter(event -> event.startsWith(command)).count();
    }

    @DatabaseTest
    void shouldGiveCodeDownThePipelineTheSessionOfItsTransaction(TestDatabase database) {
        SessionFactory sessions = sessions(database);

        sessions.inTransaction(session -> record("ann").then(Sessions.current()).map(current -> current == session))
                .as(StepVerifier::create)
                .expectNext(true)
                .verifyComplete();

        assertThat(names()).containsExactly("ann");
        assertThat(count("COMMIT")).isEqualTo(1);
    }

    @DatabaseTest
    void shouldHaveNoSessionOutsideTheTransaction(TestDatabase database) {
        SessionFactory sessions = sessions(database);

        Sessions.current()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SessionException.class)
                        .hasMessageContaining("inside sessions.inTransaction"))
                .verify(WAIT);
        sessions.inTransaction(session -> record("ann"))
                .then(Sessions.current())
                .as(StepVerifier::create)
                .expectError(SessionException.class)
                .verify(WAIT);
        assertThat(names()).containsExactly("ann");
    }

    @DatabaseTest
    void shouldJoinTheTransactionOfThePipelineByDefault(TestDatabase database) {
        SessionFactory sessions = sessions(database);

        sessions.inTransaction(outer -> record("ann")
                        .thenMany(sessions.inTransaction(inner -> record("bob").thenReturn(inner == outer)))
                        .concatWith(sessions.inTransaction(
                                inner -> inner.query(LedgerEntry.class).count().map(rows -> rows == 2))))
                .as(StepVerifier::create)
                .expectNext(true, true)
                .verifyComplete();

        assertThat(names()).containsExactly("ann", "bob");
        assertThat(count("BEGIN")).isEqualTo(1);
        assertThat(count("COMMIT")).isEqualTo(1);
    }

    @DatabaseTest
    void shouldRollBackEverythingThePipelineWroteWhenAStepFails(TestDatabase database) {
        SessionFactory sessions = sessions(database);

        sessions.inTransaction(outer -> record("ann")
                        .then(outer.flush())
                        .thenMany(sessions.inTransaction(inner -> record("bob").then(inner.flush())))
                        .then(Mono.error(new IllegalStateException("the last step failed"))))
                .as(StepVerifier::create)
                .expectErrorMessage("the last step failed")
                .verify(WAIT);
        sessions.inTransaction(outer ->
                        record("ann").then(outer.flush()).thenMany(sessions.inTransaction(inner -> record("ann"))))
                .as(StepVerifier::create)
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(WAIT);

        assertThat(names()).isEmpty();
        assertThat(count("COMMIT")).isZero();
        assertThat(opened.get(0).poolMetrics().orElseThrow().acquiredSize()).isZero();
    }

    @DatabaseTest
    void shouldRollBackWhenJoinedWorkFailedEvenIfThePipelineRecovered(TestDatabase database) {
        SessionFactory sessions = sessions(database);

        sessions.inTransaction(outer -> record("ann")
                        .thenMany(sessions.inTransaction(
                                inner -> record("bob").then(Mono.error(new IllegalStateException("inner failed")))))
                        .onErrorResume(IllegalStateException.class, error -> Mono.empty()))
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SessionException.class)
                        .hasMessageContaining("work that joined it failed (inner failed)"))
                .verify(WAIT);

        assertThat(names()).isEmpty();
    }

    @DatabaseTest
    void shouldRunARequiresNewTransactionIndependently(TestDatabase database) {
        SessionFactory sessions = sessions(database);

        sessions.inTransaction(outer -> record("ann")
                        .thenMany(sessions.inTransaction(
                                Propagation.REQUIRES_NEW,
                                inner -> record("bob").then(Sessions.current()).map(current -> current != outer)))
                        .concatWith(Mono.error(new IllegalStateException("the outer transaction failed"))))
                .as(StepVerifier::create)
                .expectNext(true)
                .expectErrorMessage("the outer transaction failed")
                .verify(WAIT);
        assertThat(names()).containsExactly("bob");

        sessions.inTransaction(outer -> record("cid")
                        .thenMany(sessions.inTransaction(
                                        Propagation.REQUIRES_NEW,
                                        inner -> record("dan")
                                                .then(Mono.error(new IllegalStateException("inner failed"))))
                                .onErrorResume(IllegalStateException.class, error -> Flux.empty())))
                .as(StepVerifier::create)
                .verifyComplete();
        assertThat(names()).containsExactly("bob", "cid");
        assertThat(opened.get(0).poolMetrics().orElseThrow().acquiredSize()).isZero();
    }
}
