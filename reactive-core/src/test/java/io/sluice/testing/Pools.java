package io.sluice.testing;

import io.r2dbc.pool.PoolMetrics;
import io.sluice.core.Engine;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Waits, within a bound and without sleeping, for an engine's pool to have every connection back. */
public final class Pools {

    private static final int ATTEMPTS = 250;
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Pools() {}

    /**
     * Returns once no connection of the engine's pool is acquired (releases may finish asynchronously after the work that used
     * them has signalled); fails after about five seconds, naming what the pool still held.
     */
    public static void awaitAllIdle(Engine engine) {
        PoolMetrics metrics = engine.poolMetrics().orElseThrow();
        Mono.fromCallable(metrics::acquiredSize)
                .filter(acquired -> acquired == 0)
                .repeatWhenEmpty(ATTEMPTS, attempts -> attempts.delayElements(INTERVAL))
                .onErrorMap(
                        IllegalStateException.class,
                        error -> new AssertionError("the pool of " + engine + " still holds " + metrics.acquiredSize()
                                + " acquired connection(s) (" + metrics.pendingAcquireSize() + " pending)"))
                .block(Duration.ofSeconds(30));
    }
}
