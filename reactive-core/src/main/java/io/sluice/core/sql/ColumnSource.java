package io.sluice.core.sql;

import java.util.List;

/** A named source of columns in a query: a table, an aliased table, an aliased subquery or a common table expression. */
public sealed interface ColumnSource permits Table, TableAlias, DerivedTable, CommonTableExpression {

    /**
     * Returns the name that qualifies this source's columns in SQL: the table's name or the alias.
     *
     * @return the name
     */
    String sourceName();

    /**
     * Returns the columns of this source, in order.
     *
     * @return the columns
     */
    List<Column<?>> columns();

    /**
     * Returns the column of this source with the given name.
     *
     * @param name the column's name
     * @return the column
     * @throws IllegalArgumentException if there is no such column
     */
    default Column<?> column(String name) {
        for (Column<?> column : columns()) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new IllegalArgumentException("'" + sourceName() + "' has no column '" + name + "'; its columns are "
                + columns().stream().map(Column::name).toList());
    }

    /**
     * Returns this source's column of the same name as a column of a table (the column itself, for the table; the aliased
     * column, for an alias; the subquery's column of that name, for a derived table).
     *
     * @param column a column of the table this source selects from
     * @param <T> the Java type of the column's values
     * @return the column of this source
     * @throws IllegalArgumentException if this source has no column of that name
     */
    @SuppressWarnings("unchecked")
    default <T> Column<T> column(Column<T> column) {
        return (Column<T>) column(column.name());
    }

    /**
     * Returns the column of this source with the given name, typed.
     *
     * @param name the column's name
     * @param javaType the Java type of the column's values
     * @param <T> the Java type
     * @return the column
     * @throws IllegalArgumentException if there is no such column or its values are of another type
     */
    @SuppressWarnings("unchecked")
    default <T> Column<T> column(String name, Class<T> javaType) {
        Column<?> column = column(name);
        if (!javaType.isAssignableFrom(column.type().javaType())) {
            throw new IllegalArgumentException("column " + sourceName() + "." + name + " holds "
                    + column.type().javaType().getSimpleName() + ", not " + javaType.getSimpleName());
        }
        return (Column<T>) column;
    }
}
