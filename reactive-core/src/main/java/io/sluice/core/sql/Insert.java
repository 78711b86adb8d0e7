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
 * SQL.insertInto(users).columns(name, fullname).values("ed", "Ed Jones")
 *         .onConflict(name).doUpdate().setExcluded(fullname)            // an upsert
 * }</pre>
 *
 * @param table the table
 * @param columns the columns given values
 * @param rows the rows of values, each as long as {@code columns}
 * @param select the select whose rows are inserted, or {@code null}
 * @param returning the columns to read back from the inserted rows (generated keys)
 * @param conflict what to do with rows that conflict with rows already in the table, or {@code null} for an error
 */
public record Insert(
        Table table,
        List<Column<?>> columns,
        List<List<Expression<?>>> rows,
        @Nullable Select select,
        List<Column<?>> returning,
        @Nullable OnConflict conflict)
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
        if (conflict != null) {
            for (Column<?> column : conflict.target()) {
                own(table, column);
            }
            for (Assignment assignment : conflict.set()) {
                own(table, assignment.column());
            }
        }
    }

    /**
     * Makes an insert without a conflict clause.
     *
     * @param table the table
     * @param columns the columns given values
     * @param rows the rows of values
     * @param select the select whose rows are inserted, or {@code null}
     * @param returning the columns to read back
     */
    public Insert(
            Table table,
            List<Column<?>> columns,
            List<List<Expression<?>>> rows,
            @Nullable Select select,
            List<Column<?>> returning) {
        this(table, columns, rows, select, returning, null);
    }

    private static void own(Table table, Column<?> column) {
        if (column.source() != table) {
            throw new IllegalArgumentException("column " + column + " is not a column of table " + table.name());
        }
    }

    static Insert into(Table table) {
        return new Insert(table, List.of(), List.of(), null, List.of(), null);
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
        return new Insert(table, Arrays.asList(columns), rows, select, returning, conflict);
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
        return new Insert(table, columns, all, select, returning, conflict);
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
        return new Insert(table, columns, rows, select, returning, conflict);
    }

    /**
     * Returns this insert reading back columns of the inserted rows: {@code RETURNING} where the database has it, the driver's
     * generated-keys support elsewhere.
     *
     * @param columns columns of the table, usually the generated key
     * @return the new insert
     */
    public Insert returning(Column<?>... columns) {
        return new Insert(table, this.columns, rows, select, Arrays.asList(columns), conflict);
    }

    /**
     * Starts the clause that says what to do with a row whose values of the conflict columns match a row already in the table
     * (after SQLAlchemy's {@code on_conflict_do_update} and jOOQ's {@code onConflict}). Each database writes it its own way:
     *
     * <ul>
     *   <li>PostgreSQL: {@code INSERT ... ON CONFLICT (target) DO UPDATE SET ... [WHERE ...]} or {@code DO NOTHING}
     *   <li>MariaDB: {@code INSERT ... ON DUPLICATE KEY UPDATE ...}, which reacts to a conflict on <em>any</em> unique key or
     *       the primary key of the table, whatever the target; do-nothing is a no-op update of the first target column. It has
     *       no condition: {@code where(...)} is refused before sending
     *   <li>H2: {@code MERGE INTO t USING (VALUES ...) AS excluded (columns) ON t.target = excluded.target WHEN MATCHED [AND
     *       ...] THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT ...}; the target columns must be among the inserted columns
     * </ul>
     *
     * <p>Every value stays a bind parameter. {@link #returning(Column[])} reads back the rows inserted or updated (PostgreSQL
     * {@code RETURNING}, the drivers' generated values on MariaDB and H2); for rows left alone, PostgreSQL and H2 return
     * nothing and MariaDB returns the existing row.
     *
     * @param target the columns of a unique key or of the primary key
     * @return the choice of action
     * @throws IllegalArgumentException if no column is given or a column belongs to another table
     */
    public ConflictAction onConflict(Column<?>... target) {
        Assert.requireNonNull(target, "target must not be null");
        for (Column<?> column : target) {
            own(table, Assert.requireNonNull(column, "target must not contain null"));
        }
        Assert.isTrue(target.length > 0, "onConflict(...) needs the columns of a unique key or of the primary key");
        return new ConflictAction(this, Arrays.asList(target));
    }

    Insert withConflict(OnConflict conflict) {
        return new Insert(table, columns, rows, select, returning, conflict);
    }

    /**
     * Returns this upsert also setting a column of the existing row to a value when the insert conflicts.
     *
     * @param column a column of the table
     * @param value the value, sent as a bind parameter
     * @param <T> the Java type of the column
     * @return the new insert
     * @throws IllegalStateException if {@code onConflict(...).doUpdate()} was not called first
     */
    public <T> Insert set(Column<T> column, @Nullable T value) {
        Assert.requireNonNull(column, "column must not be null");
        return set(column, BindParameter.of(value, column.type()));
    }

    /**
     * Returns this upsert also setting a column of the existing row to an expression when the insert conflicts; the expression
     * may use the existing row's columns and the proposed values ({@link SQL#excluded(Column)}), such as {@code
     * count.plus(SQL.excluded(count))}.
     *
     * @param column a column of the table
     * @param value the expression
     * @param <T> the Java type of the column
     * @return the new insert
     * @throws IllegalStateException if {@code onConflict(...).doUpdate()} was not called first
     */
    public <T> Insert set(Column<T> column, Expression<? extends T> value) {
        return assign(new Assignment(column, value));
    }

    private Insert assign(Assignment assignment) {
        OnConflict conflict = updating("set(...)");
        List<Assignment> set = new ArrayList<>(conflict.set());
        set.add(assignment);
        return withConflict(new OnConflict(conflict.target(), conflict.action(), set, conflict.where()));
    }

    /**
     * Returns this upsert also setting each column of the existing row to the value the insert proposed for it ({@code c =
     * EXCLUDED.c}).
     *
     * @param columns columns of the table
     * @return the new insert
     * @throws IllegalStateException if {@code onConflict(...).doUpdate()} was not called first
     */
    public Insert setExcluded(Column<?>... columns) {
        Assert.requireNonNull(columns, "columns must not be null");
        updating("setExcluded(...)");
        Insert insert = this;
        for (Column<?> column : columns) {
            insert = insert.assign(new Assignment(column, new Excluded<>(column)));
        }
        return insert;
    }

    /**
     * Returns this upsert updating an existing row only where a condition holds (joined by {@code AND} to any given before); the
     * condition may use the existing row's columns and {@link SQL#excluded(Column)}. PostgreSQL writes it as the {@code WHERE}
     * of {@code DO UPDATE} and H2 as {@code WHEN MATCHED AND ...}; MariaDB has no such condition and refuses the statement
     * when it is rendered.
     *
     * @param condition the condition
     * @return the new insert
     * @throws IllegalStateException if {@code onConflict(...).doUpdate()} was not called first
     */
    public Insert where(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        OnConflict conflict = updating("where(...)");
        Expression<Boolean> where = conflict.where() == null
                ? condition
                : Conjunction.of(Conjunction.Kind.AND, List.of(conflict.where(), condition));
        return withConflict(new OnConflict(conflict.target(), conflict.action(), conflict.set(), where));
    }

    private OnConflict updating(String call) {
        if (conflict == null || conflict.action() != OnConflict.Action.UPDATE) {
            throw new IllegalStateException(
                    "call onConflict(...).doUpdate() before " + call + " of the insert into " + table.name());
        }
        return conflict;
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitInsert(this);
    }
}
