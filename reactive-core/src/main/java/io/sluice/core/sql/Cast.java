package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code CAST(expression AS type)}.
 *
 * @param expression the converted expression
 * @param type the target type
 * @param <T> the Java type of the result
 */
public record Cast<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public Cast {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.requireNonNull(type, "type must not be null");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
