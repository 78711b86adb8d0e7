package io.sluice.benchmarks;

import io.sluice.benchmarks.peers.JooqArms;
import io.sluice.benchmarks.peers.SpringArms;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The state every benchmark class shares: the database (a JMH parameter, {@code -p database=POSTGRESQL}), its fixture, and
 * the arms. Only the arm a benchmark method times is built in its fork, so no fork pays for another framework's start-up.
 */
@State(Scope.Benchmark)
public abstract class ArmsState {

    /** The database: H2, POSTGRESQL or MARIADB. */
    @Param({"H2"})
    public String database = "H2";

    protected @Nullable Fixture fixture;
    protected @Nullable RawArms raw;
    protected @Nullable SluiceArms sluice;
    protected @Nullable SpringArms spring;
    protected @Nullable JooqArms jooq;

    /**
     * Opens the fixture and builds the arm the running method uses (by its name's prefix).
     *
     * @param params the running benchmark
     * @param lazyH2 whether H2 should stream results
     * @return the fixture
     */
    protected Fixture open(BenchmarkParams params, boolean lazyH2) {
        Fixture opened = Fixture.create(BenchDatabase.valueOf(database), null, lazyH2);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        raw = method.startsWith("raw") ? new RawArms(opened) : null;
        sluice = method.startsWith("sluice") ? new SluiceArms(opened) : null;
        spring = method.startsWith("spring") ? new SpringArms(opened) : null;
        jooq = method.startsWith("jooq") ? new JooqArms(opened) : null;
        fixture = opened;
        return opened;
    }

    /** Closes the fixture's pool. */
    @TearDown
    public void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /**
     * Subscribes on the calling (JMH) thread's behalf, hands every element to the black hole, and waits for completion.
     *
     * @param results the results of one operation
     * @param blackhole the black hole
     */
    protected static void drain(Publisher<?> results, Blackhole blackhole) {
        Flux.from(results).doOnNext(blackhole::consume).blockLast();
    }
}
