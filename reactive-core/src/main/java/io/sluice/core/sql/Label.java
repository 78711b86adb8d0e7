package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * An expression under a name in a select list: {@code expression AS name}.
 *
 * @param expression the labelled expression
 * @param name the label
 * @param <T> the Java type of the values
 */
public record Label<T>(Expression<T> expression, String name) implements Expression<T> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if {@code expression} is {@code null} or {@code name} is blank
     */
    public Label {
        Assert.requireNonNull(expression, "expression must not be null");
        Identifiers.check(name, "label");
    }

    @Override
    public @Nullable SqlType<T> type() {
        return expression.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitLabel(this);
    }
}
