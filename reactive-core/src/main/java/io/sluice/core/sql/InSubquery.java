package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code expression [NOT] IN (subquery)}.
 *
 * @param expression the tested expression
 * @param subquery a select of one column
 * @param negated {@code true} for {@code NOT IN}
 */
public record InSubquery(Expression<?> expression, Select subquery, boolean negated) implements Expression<Boolean> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if {@code expression} or {@code subquery} is {@code null}
     */
    public InSubquery {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.requireNonNull(subquery, "subquery must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitInSubquery(this);
    }
}
