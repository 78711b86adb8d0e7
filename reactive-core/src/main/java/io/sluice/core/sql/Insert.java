package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code INSERT}: one row, many rows in one statement, or the rows of a select; optionally returning generated keys.
 * Start one with {@link SQL#insertInto(Table)}.
 *
 * <pre>{@code
 * SQL.insertInto(users).columns(name, fullname).values("ed", "Ed Jones").values("wendy", "Wendy Williams").returning(id)
 * SQL.insertInto(users).columns(name, fullname).rows(listOfRows)   // many rows in one statement
 * }</pre>
 *
 * @param table the table
 * @param columns the columns given values
 * @param rows the rows of values, each as long as {@code columns}
 * @param select the select whose rows are inserted, or {@code null}
 * @param returning the columns to read back from the inserted rows (generated keys)
 */
public record Insert(
        Table table,
        List<Column<?>> columns,
        List<List<Expression<?>>> rows,
        @Nullable Select select,
        List<Column<?>> returning)
        implements Statement {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}, a column belongs to another table, or a row has the wrong length
     */
    public Insert {
        Assert.requireNonNull(table, "table must not be null");
        columns = List.copyOf(Assert.requireNonNull(columns, "columns must not be null"));
        rows = List.copyOf(Assert.requireNonNull(rows, "rows must not be null"));
        returning = List.copyOf(Assert.requireNonNull(returning, "returning must not be null"));
        for (Column<?> column : columns) {
            if (column.source() != table) {
                throw new IllegalArgumentException("column " + column + " is not a column of table " + table.name());
            }
        }
        for (Column<?> column : returning) {
            if (column.source() != table) {
                throw new IllegalArgumentException("column " + column + " is not a column of table " + table.name());
            }
        }
        for (List<Expression<?>> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " values for " + columns.size() + " columns");
            }
        }
        Assert.isTrue(select == null || rows.isEmpty(), "an insert takes either rows of values or a select, not both");
    }

    static Insert into(Table table) {
        return new Insert(table, List.of(), List.of(), null, List.of());
    }

    /**
     * Returns this insert with the columns that the values of each row are for.
     *
     * @param columns columns of the table
     * @return the new insert
     * @throws IllegalStateException if rows were already given
     */
    public Insert columns(Column<?>... columns) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("give the columns before the rows");
        }
        return new Insert(table, Arrays.asList(columns), rows, select, returning);
    }

    /**
     * Returns this insert with one more row of values, in the order of {@link #columns(Column[])}. Each value becomes a bind
     * parameter of its column's type; an {@link Expression} is used as it is.
     *
     * @param values the row's values
     * @return the new insert
     * @throws IllegalArgumentException if the number or the types of the values do not fit the columns
     */
    public Insert values(@Nullable Object... values) {
        return rows(List.of(Arrays.asList(values)));
    }

    /**
     * Returns this insert with more rows of values: the way to insert many rows in one statement without copying per row.
     *
     * @param rows rows of values, each in the order of {@link #columns(Column[])}
     * @return the new insert
     * @throws IllegalArgumentException if the number or the types of the values do not fit the columns
     */
    public Insert rows(List<? extends List<?>> rows) {
        Assert.requireNonNull(rows, "rows must not be null");
        Assert.isTrue(!columns.isEmpty(), "give the columns with columns(...) before the values");
        List<List<Expression<?>>> all = new ArrayList<>(this.rows.size() + rows.size());
        all.addAll(this.rows);
        for (List<?> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " values for the columns " + columns);
            }
            List<Expression<?>> bound = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                bound.add(Values.forColumn(columns.get(i), row.get(i)));
            }
            all.add(bound);
        }
        return new Insert(table, columns, all, select, returning);
    }

    /**
     * Returns this insert taking its rows from a select ({@code INSERT INTO t (columns) SELECT ...}).
     *
     * @param select a select of as many columns as {@link #columns(Column[])}
     * @return the new insert
     */
    public Insert select(Select select) {
        Assert.requireNonNull(select, "select must not be null");
        Assert.isTrue(
                select.items().size() == columns.size(),
                "the select has " + select.items().size() + " columns for the " + columns.size()
                        + " columns of the insert");
        return new Insert(table, columns, rows, select, returning);
    }

    /**
     * Returns this insert reading back columns of the inserted rows: {@code RETURNING} where the database has it, the driver's
     * generated-keys support elsewhere.
     *
     * @param columns columns of the table, usually the generated key
     * @return the new insert
     */
    public Insert returning(Column<?>... columns) {
        return new Insert(table, this.columns, rows, select, Arrays.asList(columns));
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitInsert(this);
    }
}
