package io.sluice.core.sql;

import org.jspecify.annotations.Nullable;

/** The {@code *} of {@code count(*)}. */
public record Star() implements Expression<Object> {

    /** The only instance needed. */
    public static final Star INSTANCE = new Star();

    @Override
    public @Nullable SqlType<Object> type() {
        return null;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitStar(this);
    }
}
