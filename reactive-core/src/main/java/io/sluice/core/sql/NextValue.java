package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * The next value of a {@link Sequence}; each evaluation advances the sequence. Rendered by the dialect ({@link
 * io.sluice.core.dialect.Dialect#nextValue(String)}).
 *
 * @param sequence the sequence
 */
public record NextValue(Sequence sequence) implements Expression<Long> {

    /**
     * Checks the sequence.
     *
     * @throws IllegalArgumentException if {@code sequence} is {@code null}
     */
    public NextValue {
        Assert.requireNonNull(sequence, "sequence must not be null");
    }

    @Override
    public SqlType<Long> type() {
        return SqlType.BIGINT;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitNextValue(this);
    }
}
