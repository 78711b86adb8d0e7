package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Literal SQL text with named parameters ({@code :name}), usable as a whole statement or as a fragment of one (in WHERE or
 * ORDER BY). Values are given with {@link #bind(String, Object)} and sent as bind parameters; the text itself is sent as written,
 * so it must never be built from values.
 *
 * <pre>{@code
 * SQL.text("SELECT * FROM users WHERE name = :name").bind("name", "ed")
 * }</pre>
 *
 * <p>A colon followed by a colon ({@code ::int}) or inside quotes is not a parameter.
 *
 * @param sql the SQL text
 * @param parameters the values of the named parameters
 */
public record Text(String sql, Map<String, BindParameter<?>> parameters) implements Expression<Object>, Statement {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or the text is blank
     */
    public Text {
        Assert.hasText(sql, "sql must not be null or blank");
        parameters = Map.copyOf(Assert.requireNonNull(parameters, "parameters must not be null"));
    }

    /**
     * Returns this text with a value for the parameter {@code :name}.
     *
     * @param name the parameter's name, without the colon
     * @param value the value, or {@code null}
     * @return the new text
     * @throws IllegalArgumentException if {@code name} is not a parameter of the text
     */
    public Text bind(String name, @Nullable Object value) {
        return bind(name, BindParameter.of(value));
    }

    /**
     * Returns this text with a typed value for the parameter {@code :name} (the type matters for {@code null}).
     *
     * @param name the parameter's name, without the colon
     * @param value the value, or {@code null}
     * @param type its SQL type
     * @param <T> the Java type of the value
     * @return the new text
     * @throws IllegalArgumentException if {@code name} is not a parameter of the text
     */
    public <T> Text bind(String name, @Nullable T value, SqlType<T> type) {
        return bind(name, BindParameter.of(value, Assert.requireNonNull(type, "type must not be null")));
    }

    private Text bind(String name, BindParameter<?> parameter) {
        Assert.requireNonNull(name, "name must not be null");
        Assert.isTrue(
                TextParameters.names(sql).contains(name),
                "the text has no parameter :" + name + "; its parameters are " + TextParameters.names(sql));
        Map<String, BindParameter<?>> more = new LinkedHashMap<>(parameters);
        more.put(name, parameter);
        return new Text(sql, more);
    }

    @Override
    public @Nullable SqlType<Object> type() {
        return null;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitText(this);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitText(this);
    }
}
