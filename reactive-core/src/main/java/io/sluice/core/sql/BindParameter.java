package io.sluice.core.sql;

import org.jspecify.annotations.Nullable;

/**
 * A value sent to the database as a bind parameter, never as SQL text.
 *
 * @param value the value, or {@code null} for SQL {@code NULL}
 * @param type the SQL type (from the column the value is compared with or written to), or {@code null} to infer it from the
 *     value's class
 * @param <T> the Java type of the value
 */
public record BindParameter<T>(@Nullable T value, @Nullable SqlType<T> type) implements Expression<T> {

    /**
     * Returns a bind parameter whose type is inferred from the value.
     *
     * @param value the value, or {@code null}
     * @param <T> the Java type of the value
     * @return the parameter
     */
    public static <T> BindParameter<T> of(@Nullable T value) {
        return new BindParameter<>(value, null);
    }

    /**
     * Returns a bind parameter of a known type.
     *
     * @param value the value, or {@code null}
     * @param type the SQL type, or {@code null} to infer it from the value
     * @param <T> the Java type of the value
     * @return the parameter
     */
    public static <T> BindParameter<T> of(@Nullable T value, @Nullable SqlType<T> type) {
        return new BindParameter<>(value, type);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitBind(this);
    }

    @Override
    public String toString() {
        return "BindParameter[" + type + "]";
    }
}
