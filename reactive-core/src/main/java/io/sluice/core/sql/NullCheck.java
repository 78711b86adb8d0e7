package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code expression IS NULL} or {@code expression IS NOT NULL}.
 *
 * @param expression the tested expression
 * @param negated {@code true} for {@code IS NOT NULL}
 */
public record NullCheck(Expression<?> expression, boolean negated) implements Expression<Boolean> {

    /**
     * Checks the expression.
     *
     * @throws IllegalArgumentException if {@code expression} is {@code null}
     */
    public NullCheck {
        Assert.requireNonNull(expression, "expression must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitNullCheck(this);
    }
}
