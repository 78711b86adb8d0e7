package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A call of a SQL function, such as {@code count(*)}, {@code lower(name)} or {@code coalesce(a, b)}.
 *
 * @param name the function's name: letters, digits and underscores, starting with a letter
 * @param arguments the arguments
 * @param distinct {@code true} for an aggregate over distinct values ({@code count(DISTINCT x)})
 * @param type the result type, or {@code null} if unknown
 * @param <T> the Java type of the result
 */
public record FunctionCall<T>(
        String name,
        List<Expression<?>> arguments,
        boolean distinct,
        @Nullable SqlType<T> type) implements Expression<T> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * Checks the name and copies the arguments.
     *
     * @throws IllegalArgumentException if the name is not a plain identifier or an argument is {@code null}
     */
    public FunctionCall {
        Assert.requireNonNull(name, "name must not be null");
        Assert.isTrue(
                NAME.matcher(name).matches(),
                "function name '" + name + "' must be letters, digits and underscores, starting with a letter");
        arguments = List.copyOf(Assert.requireNonNull(arguments, "arguments must not be null"));
    }

    /**
     * Returns this function over a window of rows: {@code function(...) OVER (window)}, for ranking functions, {@code lag},
     * {@code lead} and aggregates.
     *
     * @param window the window ({@link SQL#window()} for the whole result)
     * @return the window function
     * @throws IllegalArgumentException if {@code window} is {@code null}
     */
    public WindowFunction<T> over(Window window) {
        return new WindowFunction<>(this, window);
    }

    /**
     * Returns this function over all the rows of the result: {@code function(...) OVER ()}.
     *
     * @return the window function
     */
    public WindowFunction<T> over() {
        return over(Window.empty());
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitFunction(this);
    }
}
