package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The window of a window function: {@code OVER (PARTITION BY ... ORDER BY ... ROWS BETWEEN ... AND ...)}. Immutable; start with
 * {@link SQL#window()} and refine it.
 *
 * @param partitionBy the PARTITION BY expressions
 * @param orderBy the ORDER BY items ({@link Expression#desc()} for descending)
 * @param frame the frame, or {@code null} for the database's default
 */
public record Window(
        List<Expression<?>> partitionBy,
        List<Expression<?>> orderBy,
        @Nullable Frame frame) {

    /** The unit a frame counts in. */
    public enum Unit {
        /** Physical rows. */
        ROWS,
        /** Rows whose ORDER BY value is within the offset. */
        RANGE,
        /** Groups of peers (rows with equal ORDER BY values); not on MariaDB. */
        GROUPS
    }

    /** The kind of a frame bound. */
    public enum BoundKind {
        /** {@code UNBOUNDED PRECEDING}: the partition's first row. */
        UNBOUNDED_PRECEDING,
        /** {@code n PRECEDING}. */
        PRECEDING,
        /** {@code CURRENT ROW}. */
        CURRENT_ROW,
        /** {@code n FOLLOWING}. */
        FOLLOWING,
        /** {@code UNBOUNDED FOLLOWING}: the partition's last row. */
        UNBOUNDED_FOLLOWING
    }

    /**
     * One end of a frame.
     *
     * @param kind the kind
     * @param offset the number of rows, values or groups for {@code PRECEDING} and {@code FOLLOWING}, else 0
     */
    public record Bound(BoundKind kind, long offset) {

        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if {@code kind} is {@code null} or {@code offset} is negative
         */
        public Bound {
            Assert.requireNonNull(kind, "kind must not be null");
            Assert.isTrue(offset >= 0, "a frame offset must not be negative, was " + offset);
        }

        /** Returns whether the bound has an offset ({@code n PRECEDING} or {@code n FOLLOWING}). @return whether */
        public boolean hasOffset() {
            return kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
        }
    }

    /**
     * The frame of a window: the rows around the current one an aggregate sees.
     *
     * @param unit rows, range or groups
     * @param start the first row of the frame
     * @param end the last row, or {@code null} for {@code CURRENT ROW} (the frame is written without {@code BETWEEN})
     */
    public record Frame(Unit unit, Bound start, @Nullable Bound end) {

        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if a part is {@code null} or the frame would end before it starts
         */
        public Frame {
            Assert.requireNonNull(unit, "unit must not be null");
            Assert.requireNonNull(start, "start must not be null");
            Assert.isTrue(start.kind() != BoundKind.UNBOUNDED_FOLLOWING, "a frame cannot start at UNBOUNDED FOLLOWING");
            Assert.isTrue(
                    end == null || end.kind() != BoundKind.UNBOUNDED_PRECEDING,
                    "a frame cannot end at UNBOUNDED PRECEDING");
        }
    }

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a list or one of its items is {@code null}
     */
    public Window {
        partitionBy = List.copyOf(Assert.requireNonNull(partitionBy, "partitionBy must not be null"));
        orderBy = List.copyOf(Assert.requireNonNull(orderBy, "orderBy must not be null"));
    }

    static Window empty() {
        return new Window(List.of(), List.of(), null);
    }

    /**
     * Returns this window with more PARTITION BY expressions.
     *
     * @param expressions the expressions
     * @return the new window
     */
    public Window partitionBy(Expression<?>... expressions) {
        return new Window(more(partitionBy, expressions), orderBy, frame);
    }

    /**
     * Returns this window with more ORDER BY items.
     *
     * @param expressions the sort keys ({@link Expression#desc()} for descending)
     * @return the new window
     */
    public Window orderBy(Expression<?>... expressions) {
        return new Window(partitionBy, more(orderBy, expressions), frame);
    }

    /**
     * Returns this window with the frame {@code ROWS BETWEEN start AND end}.
     *
     * @param start the first row
     * @param end the last row
     * @return the new window
     */
    public Window rows(Bound start, Bound end) {
        return framed(Unit.ROWS, start, end);
    }

    /**
     * Returns this window with the frame {@code RANGE BETWEEN start AND end}.
     *
     * @param start the first row
     * @param end the last row
     * @return the new window
     */
    public Window range(Bound start, Bound end) {
        return framed(Unit.RANGE, start, end);
    }

    /**
     * Returns this window with the frame {@code GROUPS BETWEEN start AND end} (PostgreSQL and H2; MariaDB refuses it).
     *
     * @param start the first group
     * @param end the last group
     * @return the new window
     */
    public Window groups(Bound start, Bound end) {
        return framed(Unit.GROUPS, start, end);
    }

    private Window framed(Unit unit, Bound start, Bound end) {
        return new Window(
                partitionBy, orderBy, new Frame(unit, start, Assert.requireNonNull(end, "end must not be null")));
    }

    /** Returns {@code UNBOUNDED PRECEDING}. @return the bound */
    public static Bound unboundedPreceding() {
        return new Bound(BoundKind.UNBOUNDED_PRECEDING, 0);
    }

    /**
     * Returns {@code n PRECEDING}.
     *
     * @param n the rows, values or groups before the current one
     * @return the bound
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Bound preceding(long n) {
        return new Bound(BoundKind.PRECEDING, n);
    }

    /** Returns {@code CURRENT ROW}. @return the bound */
    public static Bound currentRow() {
        return new Bound(BoundKind.CURRENT_ROW, 0);
    }

    /**
     * Returns {@code n FOLLOWING}.
     *
     * @param n the rows, values or groups after the current one
     * @return the bound
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Bound following(long n) {
        return new Bound(BoundKind.FOLLOWING, n);
    }

    /** Returns {@code UNBOUNDED FOLLOWING}. @return the bound */
    public static Bound unboundedFollowing() {
        return new Bound(BoundKind.UNBOUNDED_FOLLOWING, 0);
    }

    private static List<Expression<?>> more(List<Expression<?>> list, Expression<?>[] expressions) {
        List<Expression<?>> more = new ArrayList<>(list);
        for (Expression<?> expression : Assert.requireNonNull(expressions, "expressions must not be null")) {
            more.add(Assert.requireNonNull(expression, "expressions must not contain null"));
        }
        return more;
    }
}
