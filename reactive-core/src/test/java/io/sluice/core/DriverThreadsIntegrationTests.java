package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.testing.H2Functions;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * H2's driver runs a statement on the thread that subscribes to it; the engine runs H2's work on threads of its own instead
 * (#16), so that {@code subscribe()} returns at once and an event loop is never held. Only H2 has a blocking driver: PostgreSQL
 * and MariaDB answer on their own event loops, which {@code NonBlockingIntegrationTests} checks with BlockHound on all three.
 */
final class DriverThreadsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<Engine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        H2Functions.openGate();
        engines.forEach(engine -> engine.close().block(WAIT));
    }

    private Engine engine(java.util.function.UnaryOperator<EngineBuilder> configuration) {
        Engine engine = TestDatabase.H2.newEngine(configuration);
        engines.add(engine);
        H2Functions.register(engine);
        return engine;
    }

    private static Mono<Object> scalar(Engine engine, String sql) {
        return engine.query(SQL.text(sql)).next().map(row -> row.get(0));
    }

    @Test // #16
    void shouldRunH2StatementsOnTheEnginesOwnThreads() {
        Engine engine = engine(builder -> builder);

        assertThat(scalar(engine, "SELECT SLUICE_THREAD()").block(WAIT))
                .asString()
                .startsWith("sluice-h2-");
        assertThat(engine.transaction(connection -> connection.query(SQL.text("SELECT SLUICE_THREAD()")))
                        .map(row -> String.valueOf(row.get(0)))
                        .blockLast(WAIT))
                .startsWith("sluice-h2-");
        assertThat(scalar(engine, "SELECT SLUICE_THREAD()")
                        .subscribeOn(Schedulers.parallel())
                        .block(WAIT))
                .asString()
                .startsWith("sluice-h2-");
    }

    @Test // #16
    void shouldReturnFromSubscribeBeforeAnH2StatementHasRun() {
        Engine engine = engine(builder -> builder);
        H2Functions.closeGate();
        AtomicReference<Object> result = new AtomicReference<>();

        // The statement waits at the gate, which this thread opens only after subscribe() has returned: were H2 run on
        // this thread, subscribe() would wait for the statement, which would wait 10 seconds and answer false.
        Disposable running = scalar(engine, "SELECT SLUICE_AWAIT()").subscribe(result::set);
        H2Functions.openGate();

        StepVerifier.create(Mono.fromCallable(result::get)
                        .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(10))))
                .expectNext(Boolean.TRUE)
                .verifyComplete();
        assertThat(running.isDisposed()).isTrue();
    }

    @Test // #16
    void shouldRunH2OnTheCallersThreadWhenToldTo() {
        Engine engine = engine(builder -> builder.driverScheduler(Schedulers.immediate()));

        assertThat(scalar(engine, "SELECT SLUICE_THREAD()").block(WAIT))
                .isEqualTo(Thread.currentThread().getName());
    }
}
