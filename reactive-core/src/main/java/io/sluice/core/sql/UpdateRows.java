package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;

/**
 * The updates of many rows of one table in one statement, each row with its own values: the way to change thousands of rows
 * in one round trip. Each row gives values for the {@code match} columns, which pick the row to change (its key, and for
 * optimistic locking its expected version), then values for the {@code set} columns, its new values. A column may be in both
 * lists (a version matched at its old value and set to the new one). Start one with {@link SQL#updateRows(Table, List, List)}.
 *
 * <p>The database must have a native form (see {@code Capability.UPDATE_FROM_VALUES} and
 * {@code Capability.UPDATE_JOIN_ROWS}); rendering for one without either fails with an error that says to send one
 * {@link Update} per row instead:
 *
 * <pre>{@code
 * PostgreSQL: UPDATE t SET c = r.s0 FROM (VALUES ($1, $2), ($3, $4)) AS r (m0, s0) WHERE t.id = r.m0
 * MariaDB:    UPDATE t JOIN (SELECT ? AS m0, ? AS s0 UNION ALL SELECT ?, ?) AS r ON t.id = r.m0 SET t.c = r.s0
 * }</pre>
 *
 * The count of changed rows is the number of rows matched: compare it with the number of rows given to find a stale one.
 *
 * @param table the table
 * @param match the columns that pick each row, compared for equality
 * @param set the columns given new values
 * @param rows the rows: values for {@code match}, then values for {@code set}
 */
public record UpdateRows(
        Table table,
        List<Column<?>> match,
        List<Column<?>> set,
        List<List<Expression<?>>> rows,
        List<Column<?>> returning)
        implements Statement {

    /**
     * Creates an update of rows that gives nothing back.
     *
     * @param table the table
     * @param match the columns that pick each row
     * @param set the columns given new values
     * @param rows the rows' values
     */
    public UpdateRows(Table table, List<Column<?>> match, List<Column<?>> set, List<List<Expression<?>>> rows) {
        this(table, match, set, rows, List.of());
    }

    /**
     * Returns this update giving back columns of the updated rows, in no particular order ({@code RETURNING}, where the
     * dialect has {@link io.sluice.core.dialect.Capability#UPDATE_RETURNING}).
     *
     * @param columns columns of the table
     * @return the new update
     */
    public UpdateRows returning(Column<?>... columns) {
        return new UpdateRows(table, match, set, rows, java.util.Arrays.asList(columns));
    }

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or empty, a column belongs to another table, or a row has the
     *     wrong length
     */
    public UpdateRows {
        Assert.requireNonNull(table, "table must not be null");
        match = List.copyOf(Assert.requireNonNull(match, "match must not be null"));
        set = List.copyOf(Assert.requireNonNull(set, "set must not be null"));
        rows = List.copyOf(Assert.requireNonNull(rows, "rows must not be null"));
        returning = List.copyOf(Assert.requireNonNull(returning, "returning must not be null"));
        for (Column<?> column : returning) {
            Assert.isTrue(column.source() == table, "column " + column + " is not a column of table " + table.name());
        }
        Assert.isTrue(!match.isEmpty(), "the update of rows of " + table.name() + " needs a column to match rows by");
        Assert.isTrue(!set.isEmpty(), "the update of rows of " + table.name() + " sets nothing");
        Assert.isTrue(!rows.isEmpty(), "the update of rows of " + table.name() + " has no rows");
        for (Column<?> column : match) {
            if (column.source() != table) {
                throw new IllegalArgumentException("column " + column + " is not a column of table " + table.name());
            }
        }
        for (Column<?> column : set) {
            if (column.source() != table) {
                throw new IllegalArgumentException("column " + column + " is not a column of table " + table.name());
            }
        }
        for (List<Expression<?>> row : rows) {
            if (row.size() != match.size() + set.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " values for " + match.size()
                        + " match and " + set.size() + " set columns");
            }
        }
    }

    /**
     * Returns the update of the given rows, each value checked against its column's type and made a bind parameter.
     *
     * @param table the table
     * @param match the columns that pick each row
     * @param set the columns given new values
     * @param rows the rows: values for {@code match}, then for {@code set}
     * @return the statement
     * @throws IllegalArgumentException if a value does not fit its column
     */
    static UpdateRows of(
            Table table, List<? extends Column<?>> match, List<? extends Column<?>> set, List<? extends List<?>> rows) {
        Assert.requireNonNull(rows, "rows must not be null");
        List<Column<?>> columns = new ArrayList<>(match.size() + set.size());
        columns.addAll(match);
        columns.addAll(set);
        List<List<Expression<?>>> bound = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " values for the " + columns.size() + " columns " + columns);
            }
            List<Expression<?>> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(Values.forColumn(columns.get(i), row.get(i)));
            }
            bound.add(values);
        }
        return new UpdateRows(table, List.copyOf(match), List.copyOf(set), bound);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitUpdateRows(this);
    }
}
