package io.sluice.spring.boot.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sluice.session.FlushListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sessions' flushes as counters: {@code sluice.session.flushes} by {@code outcome} (SUCCESS, ERROR), and {@code
 * sluice.session.objects.flushed} by {@code operation} (insert, update, delete). The auto-configured session factory tells
 * it of every flush; flushes before the meters are bound to a registry are not counted.
 */
public final class SessionMeters implements MeterBinder, FlushListener {

    /** The counters of each registry bound, in the order: succeeded, failed, inserted, updated, deleted. */
    private final List<Counter[]> bound = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        bound.add(new Counter[] {
            Counter.builder("sluice.session.flushes")
                    .description("flushes of Sluice sessions that sent statements")
                    .tag("outcome", "SUCCESS")
                    .register(registry),
            Counter.builder("sluice.session.flushes")
                    .description("flushes of Sluice sessions that sent statements")
                    .tag("outcome", "ERROR")
                    .register(registry),
            objects(registry, "insert"),
            objects(registry, "update"),
            objects(registry, "delete")
        });
    }

    private static Counter objects(MeterRegistry registry, String operation) {
        return Counter.builder("sluice.session.objects.flushed")
                .description("objects written by flushes of Sluice sessions")
                .baseUnit("objects")
                .tag("operation", operation)
                .register(registry);
    }

    @Override
    public void flushed(int inserted, int updated, int deleted) {
        for (Counter[] counters : bound) {
            counters[0].increment();
            counters[2].increment(inserted);
            counters[3].increment(updated);
            counters[4].increment(deleted);
        }
    }

    @Override
    public void failed(Throwable error) {
        for (Counter[] counters : bound) {
            counters[1].increment();
        }
    }
}
