package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ORDER BY} item: {@code expression ASC} or {@code expression DESC}.
 *
 * @param expression the sort key
 * @param descending {@code true} for {@code DESC}
 * @param <T> the Java type of the sort key
 */
public record Ordering<T>(Expression<T> expression, boolean descending) implements Expression<T> {

    /**
     * Checks the sort key.
     *
     * @throws IllegalArgumentException if {@code expression} is {@code null}
     */
    public Ordering {
        Assert.requireNonNull(expression, "expression must not be null");
    }

    @Override
    public @Nullable SqlType<T> type() {
        return expression.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitOrdering(this);
    }
}
