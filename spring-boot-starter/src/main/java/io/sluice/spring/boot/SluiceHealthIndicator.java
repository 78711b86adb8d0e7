package io.sluice.spring.boot;

import io.sluice.core.Engine;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.SQL;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Reports whether the engine's database answers a trivial query ({@code SELECT 1}), with the database, the URL (without its
 * password) and the pool's connections. Auto-configured as the {@code sluice} health contributor when Spring Boot's health
 * support is on the class path.
 */
public final class SluiceHealthIndicator extends AbstractReactiveHealthIndicator {

    private final Engine engine;

    /**
     * Returns a health indicator of the engine.
     *
     * @param engine the engine
     * @throws IllegalArgumentException if {@code engine} is {@code null}
     */
    public SluiceHealthIndicator(Engine engine) {
        super("Sluice health check failed");
        this.engine = Assert.requireNonNull(engine, "engine must not be null");
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return engine.query(SQL.text("SELECT 1")).then(Mono.fromSupplier(() -> {
            builder.up().withDetail("database", engine.dialect().name()).withDetail("url", engine.url());
            engine.poolMetrics()
                    .ifPresent(pool -> builder.withDetail("acquired", pool.acquiredSize())
                            .withDetail("idle", pool.idleSize())
                            .withDetail("pending", pool.pendingAcquireSize())
                            .withDetail("max", pool.getMaxAllocatedSize()));
            return builder.build();
        }));
    }
}
