package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Selects combined with {@code UNION}, {@code INTERSECT} or {@code EXCEPT} (each with or without {@code ALL}), from left to
 * right, with an optional ORDER BY, LIMIT and OFFSET over the whole.
 *
 * @param first the first select
 * @param parts the selects that follow, each with its operator
 * @param orderBy the ORDER BY items over the result (by output column name or position)
 * @param limit the maximum number of rows, or {@code null}
 * @param offset the rows to skip, or {@code null}
 */
public record CompoundSelect(
        Select first,
        List<Part> parts,
        List<Expression<?>> orderBy,
        @Nullable Long limit,
        @Nullable Long offset) implements Statement {

    /** How a select combines with the rows before it. */
    public enum Operator {
        /** The rows of both; {@code UNION}. */
        UNION,
        /** The rows in both; {@code INTERSECT}. */
        INTERSECT,
        /** The rows before that are not in this select; {@code EXCEPT}. */
        EXCEPT
    }

    /**
     * One select of a compound select, with the operator that joins it to what comes before.
     *
     * @param operator {@code UNION}, {@code INTERSECT} or {@code EXCEPT}
     * @param all {@code true} to keep duplicates ({@code UNION ALL}, {@code INTERSECT ALL}, {@code EXCEPT ALL})
     * @param select the select
     */
    public record Part(Operator operator, boolean all, Select select) {

        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if a part is {@code null}
         */
        public Part {
            Assert.requireNonNull(operator, "operator must not be null");
            Assert.requireNonNull(select, "select must not be null");
        }

        /**
         * Returns a {@code UNION} part.
         *
         * @param all {@code true} for {@code UNION ALL}
         * @param select the select
         */
        public Part(boolean all, Select select) {
            this(Operator.UNION, all, select);
        }
    }

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or a select has another number of columns than the first
     */
    public CompoundSelect {
        Assert.requireNonNull(first, "first must not be null");
        parts = List.copyOf(Assert.requireNonNull(parts, "parts must not be null"));
        orderBy = List.copyOf(Assert.requireNonNull(orderBy, "orderBy must not be null"));
        for (Part part : parts) {
            Assert.isTrue(
                    part.select().items().size() == first.items().size(),
                    "every select of a " + part.operator() + " needs "
                            + first.items().size() + " columns, one has "
                            + part.select().items().size());
        }
    }

    static CompoundSelect of(Select first) {
        return new CompoundSelect(first, List.of(), List.of(), null, null);
    }

    /**
     * Returns this compound select with {@code UNION other} appended.
     *
     * @param other a select of as many columns
     * @return the new compound select
     */
    public CompoundSelect union(Select other) {
        return append(new Part(false, other));
    }

    /**
     * Returns this compound select with {@code UNION ALL other} appended.
     *
     * @param other a select of as many columns
     * @return the new compound select
     */
    public CompoundSelect unionAll(Select other) {
        return append(new Part(true, other));
    }

    /**
     * Returns this compound select with {@code INTERSECT other} appended: the rows so far that {@code other} also has.
     *
     * @param other a select of as many columns
     * @return the new compound select
     */
    public CompoundSelect intersect(Select other) {
        return append(new Part(Operator.INTERSECT, false, other));
    }

    /**
     * Returns this compound select with {@code INTERSECT ALL other} appended, keeping duplicates (PostgreSQL and MariaDB; H2
     * refuses it).
     *
     * @param other a select of as many columns
     * @return the new compound select
     */
    public CompoundSelect intersectAll(Select other) {
        return append(new Part(Operator.INTERSECT, true, other));
    }

    /**
     * Returns this compound select with {@code EXCEPT other} appended: the rows so far that {@code other} does not have.
     *
     * @param other a select of as many columns
     * @return the new compound select
     */
    public CompoundSelect except(Select other) {
        return append(new Part(Operator.EXCEPT, false, other));
    }

    /**
     * Returns this compound select with {@code EXCEPT ALL other} appended, keeping duplicates (PostgreSQL and MariaDB; H2
     * refuses it).
     *
     * @param other a select of as many columns
     * @return the new compound select
     */
    public CompoundSelect exceptAll(Select other) {
        return append(new Part(Operator.EXCEPT, true, other));
    }

    /**
     * Returns this compound select as a common table expression, its columns named as the first select's.
     *
     * @param name the CTE's name
     * @return the CTE
     */
    public CommonTableExpression cte(String name) {
        return CommonTableExpression.of(name, this);
    }

    private CompoundSelect append(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new CompoundSelect(first, more, orderBy, limit, offset);
    }

    /**
     * Returns this compound select ordered by output columns.
     *
     * @param expressions sort keys: labels or columns of the first select
     * @return the new compound select
     */
    public CompoundSelect orderBy(Expression<?>... expressions) {
        List<Expression<?>> more = new ArrayList<>(orderBy);
        more.addAll(Arrays.asList(expressions));
        return new CompoundSelect(first, parts, more, limit, offset);
    }

    /**
     * Returns this compound select limited to {@code limit} rows.
     *
     * @param limit the maximum number of rows
     * @return the new compound select
     */
    public CompoundSelect limit(long limit) {
        return new CompoundSelect(first, parts, orderBy, limit, offset);
    }

    /**
     * Returns this compound select skipping {@code offset} rows.
     *
     * @param offset the rows to skip
     * @return the new compound select
     */
    public CompoundSelect offset(long offset) {
        return new CompoundSelect(first, parts, orderBy, limit, offset);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitCompoundSelect(this);
    }
}
