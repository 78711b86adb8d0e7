package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code expression [NOT] LIKE pattern}, or its case-insensitive form, which the dialect renders as {@code ILIKE} or as
 * {@code LOWER(expression) LIKE LOWER(pattern)}.
 *
 * @param expression the tested expression
 * @param pattern the pattern
 * @param caseInsensitive {@code true} for {@code ILIKE}
 * @param negated {@code true} for {@code NOT LIKE}
 */
public record Like(Expression<?> expression, Expression<?> pattern, boolean caseInsensitive, boolean negated)
        implements Expression<Boolean> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public Like {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.requireNonNull(pattern, "pattern must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitLike(this);
    }
}
