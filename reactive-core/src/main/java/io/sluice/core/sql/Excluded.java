package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * The value a conflicting insert proposed for a column, in the update of an upsert ({@link SQL#excluded(Column)}): {@code
 * EXCLUDED.c} on PostgreSQL, {@code VALUES(c)} on MariaDB, the source row's {@code excluded.c} in H2's {@code MERGE}.
 *
 * @param column the column of the inserted table
 * @param <T> the Java type of the column
 */
public record Excluded<T>(Column<T> column) implements Expression<T> {

    /**
     * Checks the column.
     *
     * @throws IllegalArgumentException if {@code column} is {@code null}
     */
    public Excluded {
        Assert.requireNonNull(column, "column must not be null");
    }

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitExcluded(this);
    }
}
