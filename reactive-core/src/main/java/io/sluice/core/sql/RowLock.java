package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;

/**
 * The row locks a select takes: {@code FOR UPDATE} or {@code FOR SHARE}, what to do with rows another transaction has
 * locked (wait, fail at once, or skip them), and the tables whose rows are locked. Made by {@link Select#forUpdate()} and
 * {@link Select#forShare()}; each database writes it its own way, and refuses before sending what it cannot do.
 *
 * @param strength exclusive or shared
 * @param waitPolicy what to do with rows locked by others
 * @param of the tables whose rows are locked; empty for every table of the select
 */
public record RowLock(Strength strength, Wait waitPolicy, List<Table> of) {

    /** Exclusive ({@code FOR UPDATE}) or shared ({@code FOR SHARE}) locks. */
    public enum Strength {
        /** Rows locked against changes and other locks: {@code FOR UPDATE}. */
        UPDATE,
        /** Rows locked against changes, shared with other readers that lock them so: {@code FOR SHARE}. */
        SHARE
    }

    /** What a select does with a row another transaction has locked. */
    public enum Wait {
        /** Waits for the other transaction (the default). */
        WAIT,
        /** Fails at once: {@code NOWAIT}. */
        NOWAIT,
        /** Leaves the row out of the result: {@code SKIP LOCKED}, as job queues claim work. */
        SKIP_LOCKED
    }

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public RowLock {
        Assert.requireNonNull(strength, "strength must not be null");
        Assert.requireNonNull(waitPolicy, "waitPolicy must not be null");
        of = List.copyOf(Assert.requireNonNull(of, "of must not be null"));
    }

    RowLock with(Wait next) {
        return new RowLock(strength, next, of);
    }

    RowLock with(Table... tables) {
        List<Table> more = new ArrayList<>(of);
        for (Table table : tables) {
            more.add(Assert.requireNonNull(table, "tables must not be null"));
        }
        return new RowLock(strength, waitPolicy, more);
    }
}
