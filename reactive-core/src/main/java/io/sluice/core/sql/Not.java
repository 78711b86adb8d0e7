package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * The negation {@code NOT (condition)}.
 *
 * @param condition the negated condition
 */
public record Not(Expression<Boolean> condition) implements Expression<Boolean> {

    /**
     * Checks the condition.
     *
     * @throws IllegalArgumentException if {@code condition} is {@code null}
     */
    public Not {
        Assert.requireNonNull(condition, "condition must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
