package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;

/**
 * {@code expression [NOT] IN (value, ...)}. An empty list renders as a condition that is always false ({@code IN}) or always
 * true ({@code NOT IN}), as SQL has no empty {@code IN} list.
 *
 * @param expression the tested expression
 * @param values the candidates, usually bind parameters
 * @param negated {@code true} for {@code NOT IN}
 */
public record InList(Expression<?> expression, List<Expression<?>> values, boolean negated)
        implements Expression<Boolean> {

    /**
     * Checks and copies the candidates.
     *
     * @throws IllegalArgumentException if {@code expression} or {@code values} is {@code null}
     */
    public InList {
        Assert.requireNonNull(expression, "expression must not be null");
        values = List.copyOf(Assert.requireNonNull(values, "values must not be null"));
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitInList(this);
    }
}
