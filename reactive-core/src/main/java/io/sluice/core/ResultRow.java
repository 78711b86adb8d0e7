package io.sluice.core;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of a result, copied out of the driver: values by position or by (case-insensitive) column name. Immutable.
 */
public final class ResultRow {

    private final List<String> names;
    private final @Nullable Object[] values;

    ResultRow(List<String> names, @Nullable Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Returns a row of the given values, for tests and in-memory results.
     *
     * @param names the column names
     * @param values the values, as many as names
     * @return the row
     */
    public static ResultRow of(List<String> names, List<?> values) {
        Assert.isTrue(names.size() == values.size(), "a row needs as many values as names");
        return new ResultRow(List.copyOf(names), values.toArray());
    }

    /**
     * Returns the number of columns.
     *
     * @return the number of columns
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns the column names, as the database reports them.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Returns a value by position.
     *
     * @param index the 0-based position
     * @return the value, or {@code null}
     * @throws IndexOutOfBoundsException if there is no such column
     */
    public @Nullable Object get(int index) {
        return values[index];
    }

    /**
     * Returns a value by position, cast to a type.
     *
     * @param index the 0-based position
     * @param type the expected type
     * @param <T> the type
     * @return the value, or {@code null}
     * @throws ClassCastException if the value is of another type
     */
    public <T> @Nullable T get(int index, Class<T> type) {
        return type.cast(values[index]);
    }

    /**
     * Returns a value by column name or label, ignoring case.
     *
     * @param name the name
     * @return the value, or {@code null}
     * @throws IllegalArgumentException if there is no such column
     */
    public @Nullable Object get(String name) {
        return values[indexOf(name)];
    }

    /**
     * Returns a value by column name or label, ignoring case, cast to a type.
     *
     * @param name the name
     * @param type the expected type
     * @param <T> the type
     * @return the value, or {@code null}
     * @throws IllegalArgumentException if there is no such column
     */
    public <T> @Nullable T get(String name, Class<T> type) {
        return type.cast(values[indexOf(name)]);
    }

    /**
     * Returns the values in column order.
     *
     * @return an unmodifiable list of the values, {@code null} included
     */
    public List<@Nullable Object> values() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "' in the row; its columns are " + names);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ResultRow row && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** Returns the values as a tuple, strings quoted: {@code (1, 'ed')}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object value = values[i];
            text.append(value instanceof String ? "'" + value + "'" : String.valueOf(value));
        }
        return text.append(")").toString();
    }
}
