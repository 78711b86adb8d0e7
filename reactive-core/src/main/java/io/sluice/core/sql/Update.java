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
 */
public record Update(
        Table table, List<Assignment> assignments, @Nullable Expression<Boolean> where) implements Statement {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or a column belongs to another table
     */
    public Update {
        Assert.requireNonNull(table, "table must not be null");
        assignments = List.copyOf(Assert.requireNonNull(assignments, "assignments must not be null"));
        for (Assignment assignment : assignments) {
            if (assignment.column().source() != table) {
                throw new IllegalArgumentException(
                        "column " + assignment.column() + " is not a column of " + table.name());
            }
        }
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
        return new Update(table, more, where);
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
                where == null ? condition : Conjunction.of(Conjunction.Kind.AND, List.of(where, condition)));
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitUpdate(this);
    }
}
