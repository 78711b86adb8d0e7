package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * A select of one column and at most one row used as a value: {@code (SELECT ...)}.
 *
 * @param select the subquery
 * @param type the type of its value, or {@code null} if unknown
 * @param <T> the Java type of the value
 */
public record ScalarSubquery<T>(Select select, @Nullable SqlType<T> type) implements Expression<T> {

    /**
     * Checks the subquery.
     *
     * @throws IllegalArgumentException if {@code select} is {@code null}
     */
    public ScalarSubquery {
        Assert.requireNonNull(select, "select must not be null");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitScalarSubquery(this);
    }
}
