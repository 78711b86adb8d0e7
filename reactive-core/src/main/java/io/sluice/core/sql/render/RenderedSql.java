package io.sluice.core.sql.render;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement rendered for one dialect: the SQL text, its bind values in marker order, and the columns whose generated values the
 * driver must return (for inserts on databases without {@code RETURNING}).
 *
 * @param sql the SQL text
 * @param binds the values of the bind markers, in order
 * @param generatedKeys the columns to ask the driver for with {@code returnGeneratedValues}, or empty
 */
public record RenderedSql(String sql, List<BindValue> binds, List<String> generatedKeys) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public RenderedSql {
        Assert.requireNonNull(sql, "sql must not be null");
        binds = List.copyOf(Assert.requireNonNull(binds, "binds must not be null"));
        generatedKeys = List.copyOf(Assert.requireNonNull(generatedKeys, "generatedKeys must not be null"));
    }

    /**
     * Returns the bind values themselves, for tests and logs.
     *
     * @return the values, {@code null} included
     */
    public List<Object> values() {
        List<Object> values = new ArrayList<>(binds.size());
        for (BindValue bind : binds) {
            values.add(bind.value() == null ? "NULL" : bind.value());
        }
        return values;
    }
}
