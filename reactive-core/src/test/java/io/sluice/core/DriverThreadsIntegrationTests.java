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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * H2's driver runs a statement on the thread that subscribes to it; the engine runs H2's work subscribed from a thread that must
 * not block (an event loop, Reactor's parallel and single schedulers) on threads of its own instead (#16), so such a thread is
 * never held and its {@code subscribe()} returns at once; work subscribed from a thread that may block runs in place. Only H2
 * has a blocking driver: PostgreSQL and MariaDB answer on their own event loops, which {@code NonBlockingIntegrationTests}
 * checks with BlockHound on all three.
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

    private static Mono<String> thread(Engine engine) {
        return engine.query(SQL.text("SELECT SLUICE_THREAD()")).next().map(row -> String.valueOf(row.get(0)));
    }

    @Test // #16
    void shouldRunH2WorkSubscribedFromThreadsThatMustNotBlockOnTheEnginesOwnThreads() {
        Engine engine = engine(builder -> builder);

        assertThat(thread(engine).subscribeOn(Schedulers.parallel()).block(WAIT))
                .startsWith("sluice-h2-");
        assertThat(thread(engine).subscribeOn(Schedulers.single()).block(WAIT)).startsWith("sluice-h2-");
        assertThat(engine.transaction(connection -> connection.query(SQL.text("SELECT SLUICE_THREAD()")))
                        .map(row -> String.valueOf(row.get(0)))
                        .subscribeOn(Schedulers.parallel())
                        .blockLast(WAIT))
                .startsWith("sluice-h2-");
    }

    @Test // #16
    void shouldRunH2WorkSubscribedFromThreadsThatMayBlockInPlace() {
        Engine engine = engine(builder -> builder);

        assertThat(thread(engine).block(WAIT)).isEqualTo(Thread.currentThread().getName());
        assertThat(thread(engine).subscribeOn(Schedulers.boundedElastic()).block(WAIT))
                .startsWith("boundedElastic-");
    }

    @Test // #16
    void shouldReturnFromSubscribeOnAnEventLoopThreadBeforeAnH2StatementHasRun() {
        Engine engine = engine(builder -> builder);
        H2Functions.closeGate();
        AtomicReference<Object> result = new AtomicReference<>();

        // The statement waits at the gate, which the parallel thread opens only after its subscribe() has returned:
        // were H2 run on that thread, subscribe() would wait for the statement, which would wait 10 seconds and answer
        // false.
        Schedulers.parallel().schedule(() -> {
            engine.query(SQL.text("SELECT SLUICE_AWAIT()"))
                    .next()
                    .map(row -> row.get(0))
                    .subscribe(result::set);
            H2Functions.openGate();
        });

        StepVerifier.create(Mono.fromCallable(result::get)
                        .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(10))))
                .expectNext(Boolean.TRUE)
                .verifyComplete();
    }

    @Test // #16
    void shouldRunH2OnTheSchedulerItIsGiven() {
        Scheduler given = Schedulers.newSingle("given");
        try {
            Engine engine = engine(builder -> builder.driverScheduler(given));

            assertThat(thread(engine).subscribeOn(Schedulers.parallel()).block(WAIT))
                    .startsWith("given-");
            // the engine closes its connections on the given threads: close it before they go
            engines.remove(engine);
            engine.close().block(WAIT);
        } finally {
            given.dispose();
        }
    }
}
