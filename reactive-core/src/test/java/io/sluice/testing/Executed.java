package io.sluice.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement a {@link ScriptedConnectionFactory} executed: its SQL, its sets of binds (one per {@code Statement.add()} batch
 * entry, or a single one) and the columns it asked the driver to return as generated values.
 *
 * @param sql the SQL text, as given to {@code Connection.createStatement}
 * @param bindings one map per set of binds, from 0-based index to value; a {@code NULL} is a {@link NullBind}
 * @param generatedColumns the columns given to {@code returnGeneratedValues}; empty if it was not called
 */
public record Executed(String sql, List<Map<Integer, Object>> bindings, List<String> generatedColumns) {

    /** Copies the lists. */
    public Executed {
        Objects.requireNonNull(sql, "sql must not be null");
        bindings = List.copyOf(bindings);
        generatedColumns = List.copyOf(generatedColumns);
    }

    /**
     * Returns the binds of a statement executed with one set of binds, in index order.
     *
     * @return the values; a {@code NULL} is a {@link NullBind}
     * @throws AssertionError if the statement had several sets of binds, or indexes were skipped
     */
    public List<Object> binds() {
        if (bindings.size() != 1) {
            throw new AssertionError("the statement had " + bindings.size() + " sets of binds, not one: " + this);
        }
        return values(bindings.get(0));
    }

    /**
     * Returns every set of binds, each in index order.
     *
     * @return the sets of values
     */
    public List<List<Object>> batch() {
        return bindings.stream().map(Executed::values).toList();
    }

    static List<Object> values(Map<Integer, Object> binding) {
        Object[] values = new Object[binding.size()];
        binding.forEach((index, value) -> {
            if (index < 0 || index >= values.length) {
                throw new AssertionError("binds skip an index: " + binding);
            }
            values[index] = value;
        });
        return List.of(values);
    }

    @Override
    public String toString() {
        return sql + (bindings.size() == 1 && bindings.get(0).isEmpty() ? "" : " " + bindings);
    }
}
