package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;

/**
 * A table under an alias ({@code users AS u}), so that one table can appear twice in a query.
 *
 * @param table the table
 * @param alias the alias
 */
public record TableAlias(Table table, String alias) implements FromItem, ColumnSource {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if {@code table} is {@code null} or {@code alias} is blank
     */
    public TableAlias {
        Assert.requireNonNull(table, "table must not be null");
        Identifiers.check(alias, "alias");
    }

    @Override
    public String sourceName() {
        return alias;
    }

    @Override
    public List<Column<?>> columns() {
        List<Column<?>> columns = new ArrayList<>(table.columns().size());
        for (Column<?> column : table.columns()) {
            columns.add(column.withSource(this));
        }
        return columns;
    }

    /**
     * Returns a column of the table as seen through this alias.
     *
     * @param column a column of {@link #table()}
     * @param <T> the Java type of its values
     * @return the column qualified by the alias
     * @throws IllegalArgumentException if the column belongs to another table
     */
    public <T> Column<T> column(Column<T> column) {
        Assert.requireNonNull(column, "column must not be null");
        if (column.source() != table) {
            throw new IllegalArgumentException("column " + column + " is not a column of table " + table.name());
        }
        return column.withSource(this);
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitTableAlias(this);
    }
}
