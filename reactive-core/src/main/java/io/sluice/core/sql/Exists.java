package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code EXISTS (subquery)}.
 *
 * @param select the subquery
 */
public record Exists(Select select) implements Expression<Boolean> {

    /**
     * Checks the subquery.
     *
     * @throws IllegalArgumentException if {@code select} is {@code null}
     */
    public Exists {
        Assert.requireNonNull(select, "select must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitExists(this);
    }
}
