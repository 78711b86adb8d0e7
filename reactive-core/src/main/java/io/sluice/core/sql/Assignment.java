package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code column = value} in the SET clause of an update.
 *
 * @param column the updated column
 * @param value the new value: usually a bind parameter, or an expression such as {@code counter + 1}
 */
public record Assignment(Column<?> column, Expression<?> value) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public Assignment {
        Assert.requireNonNull(column, "column must not be null");
        Assert.requireNonNull(value, "value must not be null");
    }
}
