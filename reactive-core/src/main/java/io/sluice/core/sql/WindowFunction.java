package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * A function over a window of rows: {@code function(...) OVER (window)}, such as {@code row_number() OVER (ORDER BY salary)} or
 * {@code sum(amount) OVER (PARTITION BY account)}. Made by {@link FunctionCall#over(Window)}.
 *
 * @param function the ranking, offset ({@code lag}, {@code lead}) or aggregate function
 * @param window the window
 * @param <T> the Java type of the result
 */
public record WindowFunction<T>(FunctionCall<T> function, Window window) implements Expression<T> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public WindowFunction {
        Assert.requireNonNull(function, "function must not be null");
        Assert.requireNonNull(window, "window must not be null");
    }

    @Override
    public @Nullable SqlType<T> type() {
        return function.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitWindowFunction(this);
    }
}
