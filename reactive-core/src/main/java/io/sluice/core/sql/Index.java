package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;

/**
 * An index on columns of a table, created after the table.
 *
 * @param name the index's name
 * @param columns the indexed columns, in order
 * @param unique {@code true} for a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if the name is blank or there are no columns
     */
    public Index {
        Identifiers.check(name, "index");
        columns = List.copyOf(Assert.requireNonNull(columns, "columns must not be null"));
        Assert.isTrue(!columns.isEmpty(), "index " + name + " needs at least one column");
    }
}
