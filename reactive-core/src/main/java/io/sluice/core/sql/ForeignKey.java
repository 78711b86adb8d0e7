package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;

/**
 * A foreign key: columns of a table that reference the primary key (or a unique key) of another table, by name.
 *
 * @param columns the referencing columns
 * @param referencedTable the referenced table's name
 * @param referencedColumns the referenced columns, as many as {@code columns}
 * @param onDelete what happens to referencing rows when the referenced row is deleted
 */
public record ForeignKey(
        List<String> columns, String referencedTable, List<String> referencedColumns, ReferentialAction onDelete) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or the column lists are empty or differ in length
     */
    public ForeignKey {
        columns = List.copyOf(Assert.requireNonNull(columns, "columns must not be null"));
        Identifiers.check(referencedTable, "referenced table");
        referencedColumns = List.copyOf(Assert.requireNonNull(referencedColumns, "referencedColumns must not be null"));
        Assert.requireNonNull(onDelete, "onDelete must not be null");
        Assert.isTrue(!columns.isEmpty(), "a foreign key needs at least one column");
        Assert.isTrue(
                columns.size() == referencedColumns.size(),
                "foreign key " + columns + " has " + columns.size() + " columns but references " + referencedColumns);
    }
}
