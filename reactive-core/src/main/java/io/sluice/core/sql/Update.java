package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code UPDATE}. Start one with {@link SQL#update(Table)}.
 *
 * @param table the table
 * @param assignments the SET clause
 * @param where the condition, or {@code null} to update every row
 * @param returning the columns the updated rows give back ({@code RETURNING}, where the dialect has {@link
 *     io.sluice.core.dialect.Capability#UPDATE_RETURNING}), or empty
 */
public record Update(
        Table table, List<Assignment> assignments, @Nullable Expression<Boolean> where, List<Column<?>> returning)
        implements Statement {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or a column belongs to another table
     */
    public Update {
        Assert.requireNonNull(table, "table must not be null");
        assignments = List.copyOf(Assert.requireNonNull(assignments, "assignments must not be null"));
        returning = List.copyOf(Assert.requireNonNull(returning, "returning must not be null"));
        for (Column<?> column : returning) {
            Assert.isTrue(column.source() == table, "column " + column + " is not a column of " + table.name());
        }
        for (Assignment assignment : assignments) {
            if (assignment.column().source() != table) {
                throw new IllegalArgumentException(
                        "column " + assignment.column() + " is not a column of " + table.name());
            }
        }
    }

    /**
     * Creates an update that gives nothing back.
     *
     * @param table the table
     * @param assignments the SET clause
     * @param where the condition, or {@code null} to update every row
     */
    public Update(Table table, List<Assignment> assignments, @Nullable Expression<Boolean> where) {
        this(table, assignments, where, List.of());
    }

    /**
     * Returns this update giving back columns of the updated rows ({@code UPDATE ... RETURNING}), read with {@code query};
     * renders only where the dialect has {@link io.sluice.core.dialect.Capability#UPDATE_RETURNING}.
     *
     * @param columns columns of the table
     * @return the new update
     */
    public Update returning(Column<?>... columns) {
        return new Update(table, assignments, where, java.util.Arrays.asList(columns));
    }

    static Update of(Table table) {
        return new Update(table, List.of(), null);
    }

    /**
     * Returns this update also setting {@code column} to {@code value} (a bind parameter).
     *
     * @param column a column of the table
     * @param value the new value, or {@code null}
     * @param <T> the Java type of the column
     * @return the new update
     */
    public <T> Update set(Column<T> column, @Nullable T value) {
        return set(column, BindParameter.of(value, column.type()));
    }

    /**
     * Returns this update also setting {@code column} to an expression, such as {@code counter.plus(1)}.
     *
     * @param column a column of the table
     * @param value the expression
     * @param <T> the Java type of the column
     * @return the new update
     */
    public <T> Update set(Column<T> column, Expression<? extends T> value) {
        List<Assignment> more = new ArrayList<>(assignments);
        more.add(new Assignment(column, value));
        return new Update(table, more, where, returning);
    }

    /**
     * Returns this update restricted by a condition, joined by {@code AND} to any given before.
     *
     * @param condition the condition
     * @return the new update
     */
    public Update where(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        return new Update(
                table,
                assignments,
                where == null ? condition : Conjunction.of(Conjunction.Kind.AND, List.of(where, condition)),
                returning);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitUpdate(this);
    }
}
