package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions joined by {@code AND} or {@code OR}; nested conjunctions of the same kind are flattened.
 *
 * @param kind {@code AND} or {@code OR}
 * @param conditions two or more conditions
 */
public record Conjunction(Kind kind, List<Expression<Boolean>> conditions) implements Expression<Boolean> {

    /** How the conditions are joined. */
    public enum Kind {
        AND,
        OR
    }

    /**
     * Checks and copies the conditions.
     *
     * @throws IllegalArgumentException if {@code kind} or a condition is {@code null}, or there are fewer than two
     */
    public Conjunction {
        Assert.requireNonNull(kind, "kind must not be null");
        Assert.requireNonNull(conditions, "conditions must not be null");
        Assert.isTrue(conditions.size() >= 2, "a conjunction needs at least two conditions");
        conditions = List.copyOf(conditions);
    }

    /**
     * Returns the conditions joined by {@code kind}, flattening nested conjunctions of the same kind; one condition is returned
     * as it is.
     *
     * @param kind {@code AND} or {@code OR}
     * @param conditions one or more conditions
     * @return the joined condition
     * @throws IllegalArgumentException if there is no condition or one is {@code null}
     */
    public static Expression<Boolean> of(Kind kind, List<? extends Expression<Boolean>> conditions) {
        Assert.requireNonNull(conditions, "conditions must not be null");
        Assert.isTrue(!conditions.isEmpty(), "at least one condition is needed");
        List<Expression<Boolean>> flat = new ArrayList<>(conditions.size());
        for (Expression<Boolean> condition : conditions) {
            Assert.requireNonNull(condition, "conditions must not contain null");
            if (condition instanceof Conjunction nested && nested.kind() == kind) {
                flat.addAll(nested.conditions());
            } else {
                flat.add(condition);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Conjunction(kind, flat);
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitConjunction(this);
    }
}
