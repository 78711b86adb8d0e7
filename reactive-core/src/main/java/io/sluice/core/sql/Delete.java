package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code DELETE}. Start one with {@link SQL#deleteFrom(Table)}.
 *
 * @param table the table
 * @param where the condition, or {@code null} to delete every row
 */
public record Delete(Table table, @Nullable Expression<Boolean> where) implements Statement {

    /**
     * Checks the table.
     *
     * @throws IllegalArgumentException if {@code table} is {@code null}
     */
    public Delete {
        Assert.requireNonNull(table, "table must not be null");
    }

    /**
     * Returns this delete restricted by a condition, joined by {@code AND} to any given before.
     *
     * @param condition the condition
     * @return the new delete
     */
    public Delete where(Expression<Boolean> condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        return new Delete(
                table, where == null ? condition : Conjunction.of(Conjunction.Kind.AND, List.of(where, condition)));
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitDelete(this);
    }
}
