package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A searched {@code CASE WHEN condition THEN value ... ELSE otherwise END}: the value of the first condition that holds, else
 * the {@code ELSE} value, else {@code NULL}. Start one with {@link SQL#caseWhen(Expression, Object)}.
 *
 * @param whens the conditions and their values, in order
 * @param otherwise the value when no condition holds, or {@code null} for {@code NULL}
 * @param type the type of the values, or {@code null} if unknown
 * @param <T> the Java type of the values
 */
public record Case<T>(
        List<When> whens,
        @Nullable Expression<? extends T> otherwise,
        @Nullable SqlType<T> type) implements Expression<T> {

    /**
     * One {@code WHEN condition THEN value}.
     *
     * @param condition the condition
     * @param value the value when it holds
     */
    public record When(Expression<Boolean> condition, Expression<?> value) {

        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if a part is {@code null}
         */
        public When {
            Assert.requireNonNull(condition, "condition must not be null");
            Assert.requireNonNull(value, "value must not be null");
        }
    }

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if {@code whens} is {@code null} or empty
     */
    public Case {
        whens = List.copyOf(Assert.requireNonNull(whens, "whens must not be null"));
        Assert.isTrue(!whens.isEmpty(), "a CASE needs at least one WHEN");
    }

    /**
     * Returns this CASE with one more {@code WHEN condition THEN value}.
     *
     * @param condition the condition
     * @param value the value, sent as a bind parameter
     * @return the new CASE
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public Case<T> when(Expression<Boolean> condition, T value) {
        return when(condition, BindParameter.of(Assert.requireNonNull(value, "value must not be null"), type));
    }

    /**
     * Returns this CASE with one more {@code WHEN condition THEN value}.
     *
     * @param condition the condition
     * @param value the value
     * @return the new CASE
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public Case<T> when(Expression<Boolean> condition, Expression<? extends T> value) {
        List<When> more = new ArrayList<>(whens);
        more.add(new When(condition, value));
        return new Case<>(more, otherwise, type);
    }

    /**
     * Returns this CASE with an {@code ELSE} value.
     *
     * @param value the value, sent as a bind parameter
     * @return the new CASE
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    public Case<T> otherwise(T value) {
        return otherwise(BindParameter.of(Assert.requireNonNull(value, "value must not be null"), type));
    }

    /**
     * Returns this CASE with an {@code ELSE} value.
     *
     * @param value the value
     * @return the new CASE
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    public Case<T> otherwise(Expression<? extends T> value) {
        return new Case<>(whens, Assert.requireNonNull(value, "value must not be null"), type);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCase(this);
    }
}
