package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * A binary operation {@code left operator right}: a comparison, arithmetic or concatenation.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 * @param type the result type, or {@code null} if unknown
 * @param <T> the Java type of the result
 */
public record BinaryExpression<T>(
        Expression<?> left,
        Operator operator,
        Expression<?> right,
        @Nullable SqlType<T> type) implements Expression<T> {

    /**
     * Checks the operands.
     *
     * @throws IllegalArgumentException if an operand or the operator is {@code null}
     */
    public BinaryExpression {
        Assert.requireNonNull(left, "left must not be null");
        Assert.requireNonNull(operator, "operator must not be null");
        Assert.requireNonNull(right, "right must not be null");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}
