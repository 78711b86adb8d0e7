package io.sluice.testing;

import io.sluice.core.StatementListener;
import io.sluice.core.sql.render.RenderedSql;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A listener that fires once, as the n-th statement or transaction command starting with a prefix is about to be sent, so that a
 * test can cancel work at that exact point ({@code work.takeUntilOther(trigger.fired())}) without timing anything.
 */
public final class Trigger implements StatementListener {

    private final String prefix;
    private final int occurrence;
    private final AtomicInteger seen = new AtomicInteger();
    private final Sinks.Empty<Void> fired = Sinks.empty();

    private Trigger(String prefix, int occurrence) {
        this.prefix = prefix;
        this.occurrence = occurrence;
    }

    /** Returns a trigger that fires at the {@code occurrence}-th (from 1) event starting with {@code prefix}. */
    public static Trigger at(String prefix, int occurrence) {
        return new Trigger(prefix, occurrence);
    }

    /** Completes when the trigger has fired. */
    public Mono<Void> fired() {
        return fired.asMono();
    }

    /** Returns whether the trigger has fired. */
    public boolean hasFired() {
        return seen.get() >= occurrence;
    }

    @Override
    public void beforeExecute(RenderedSql sql) {
        check(sql.sql());
    }

    @Override
    public void onTransaction(String command) {
        check(command);
    }

    private void check(String event) {
        if (event.startsWith(prefix) && seen.incrementAndGet() == occurrence) {
            fired.tryEmitEmpty();
        }
    }

    @Override
    public String toString() {
        return "Trigger(" + prefix + " #" + occurrence + ")";
    }
}
