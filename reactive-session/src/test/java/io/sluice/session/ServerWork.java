package io.sluice.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the rows a database computes for a query, through a column that calls a counter per row: an H2 function alias backed by
 * {@link #tick(long)}, a PostgreSQL or MariaDB sequence. It shows how much of a result the server produced, not just how many
 * rows reached the subscriber.
 */
public final class ServerWork {

    private static final AtomicLong TICKS = new AtomicLong();

    private ServerWork() {}

    /** Called by H2 once per computed row; returns its argument. */
    public static long tick(long value) {
        TICKS.incrementAndGet();
        return value;
    }

    /** Returns the H2 ticks counted so far and starts again from zero. */
    static long takeH2Ticks() {
        return TICKS.getAndSet(0);
    }
}
