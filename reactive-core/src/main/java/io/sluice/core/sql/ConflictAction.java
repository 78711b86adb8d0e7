package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;

/**
 * The choice after {@link Insert#onConflict(Column[])}: update the existing row ({@link #doUpdate()}, then {@code set(...)}) or
 * leave it ({@link #doNothing()}).
 */
public final class ConflictAction {

    private final Insert insert;
    private final List<Column<?>> target;

    ConflictAction(Insert insert, List<Column<?>> target) {
        this.insert = Assert.requireNonNull(insert, "insert must not be null");
        this.target = List.copyOf(target);
    }

    /**
     * Returns the insert updating a row already in the table: give the new values with {@link Insert#set(Column, Object)},
     * {@link Insert#set(Column, Expression)} or {@link Insert#setExcluded(Column[])}, and optionally a condition with {@link
     * Insert#where(Expression)}.
     *
     * @return the new insert, which sets nothing yet
     */
    public Insert doUpdate() {
        return insert.withConflict(new OnConflict(target, OnConflict.Action.UPDATE, List.of(), null));
    }

    /**
     * Returns the insert leaving a row already in the table as it is (insert-or-ignore). MariaDB writes it as a no-op update of
     * the first conflict column, which, unlike {@code INSERT IGNORE}, still fails on other errors.
     *
     * @return the new insert
     */
    public Insert doNothing() {
        return insert.withConflict(new OnConflict(target, OnConflict.Action.NOTHING, List.of(), null));
    }
}
