package io.sluice.spring.boot.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.r2dbc.pool.PoolMetrics;
import io.sluice.core.Engine;
import java.util.function.ToIntFunction;

/**
 * The engine's pool as gauges: {@code sluice.pool.acquired}, {@code idle}, {@code pending} and {@code max} connections, read
 * from r2dbc-pool's {@link PoolMetrics} when measured.
 */
public final class PoolMeters implements MeterBinder {

    private final Engine engine;

    public PoolMeters(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "acquired", "connections in use", PoolMetrics::acquiredSize);
        gauge(registry, "idle", "connections idle in the pool", PoolMetrics::idleSize);
        gauge(registry, "pending", "requests waiting for a connection", PoolMetrics::pendingAcquireSize);
        gauge(registry, "max", "the most connections the pool holds", PoolMetrics::getMaxAllocatedSize);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToIntFunction<PoolMetrics> value) {
        Gauge.builder(
                        "sluice.pool." + name,
                        engine,
                        of -> of.poolMetrics()
                                .map(metrics -> (double) value.applyAsInt(metrics))
                                .orElse(Double.NaN))
                .description(description)
                .baseUnit("connections")
                .register(registry);
    }
}
