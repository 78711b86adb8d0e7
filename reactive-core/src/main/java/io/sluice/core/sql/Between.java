package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code expression BETWEEN low AND high}.
 *
 * @param expression the tested expression
 * @param low the lower bound, inclusive
 * @param high the upper bound, inclusive
 */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high) implements Expression<Boolean> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public Between {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.requireNonNull(low, "low must not be null");
        Assert.requireNonNull(high, "high must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
