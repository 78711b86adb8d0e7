package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row value {@code (a, b, ...)} compared as a whole (SQLAlchemy's {@code tuple_}): {@code SQL.tuple(User_.name,
 * User_.nickname).in(List.of("ed", "edsnickname"), List.of("wendy", "windy"))} renders {@code (users.name, users.nickname) IN
 * (($1, $2), ($3, $4))}. A row of values is a {@link List} with one value per expression, in order; each value is bound with
 * the type of its expression. Comparisons ({@code lt}, {@code gt}, ...) are SQL's row comparisons: {@code (a, b) < (x, y)} is
 * true where {@code a < x}, or {@code a = x and b < y}.
 *
 * <p>Where the tested row holds a NULL, databases differ: PostgreSQL and MariaDB follow the standard ({@code ('jack', NULL) NOT
 * IN (('ed', 30))} is true, the names differing), H2 answers NULL for any {@code [NOT] IN} of a row with a NULL in it, so such
 * rows match neither {@code in} nor {@code notIn} there.
 *
 * @param expressions the expressions of the row, at least one
 */
public record Tuple(List<Expression<?>> expressions) implements Expression<List<?>> {

    /**
     * Checks and copies the expressions.
     *
     * @throws IllegalArgumentException if {@code expressions} is {@code null} or empty, or holds {@code null}
     */
    public Tuple {
        Assert.requireNonNull(expressions, "expressions must not be null");
        Assert.isTrue(!expressions.isEmpty(), "a tuple needs at least one expression");
        for (Expression<?> expression : expressions) {
            Assert.requireNonNull(expression, "a tuple's expressions must not be null");
        }
        expressions = List.copyOf(expressions);
    }

    @Override
    public @Nullable SqlType<List<?>> type() {
        return null;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitTuple(this);
    }

    /**
     * Returns {@code (a, b) = (x, y)}.
     *
     * @param row the values, one per expression
     * @return the condition
     * @throws IllegalArgumentException if {@code row} is {@code null} or has another number of values
     */
    @Override
    public Expression<Boolean> eq(@Nullable List<?> row) {
        return compare(Operator.EQ, row);
    }

    /**
     * Returns {@code (a, b) <> (x, y)}.
     *
     * @param row the values, one per expression
     * @return the condition
     * @throws IllegalArgumentException if {@code row} is {@code null} or has another number of values
     */
    @Override
    public Expression<Boolean> ne(@Nullable List<?> row) {
        return compare(Operator.NE, row);
    }

    @Override
    public Expression<Boolean> lt(List<?> row) {
        return compare(Operator.LT, row);
    }

    @Override
    public Expression<Boolean> le(List<?> row) {
        return compare(Operator.LE, row);
    }

    @Override
    public Expression<Boolean> gt(List<?> row) {
        return compare(Operator.GT, row);
    }

    @Override
    public Expression<Boolean> ge(List<?> row) {
        return compare(Operator.GE, row);
    }

    /**
     * Returns {@code (a, b) IN ((x1, y1), (x2, y2), ...)}.
     *
     * @param rows the rows of values, each with one value per expression; none gives a condition that is always false
     * @return the condition
     * @throws IllegalArgumentException if a row is {@code null}, holds {@code null} or has another number of values
     */
    @Override
    @SafeVarargs
    public final Expression<Boolean> in(List<?>... rows) {
        Assert.requireNonNull(rows, "rows must not be null");
        return in(List.of(rows));
    }

    /**
     * Returns {@code (a, b) IN ((x1, y1), (x2, y2), ...)}.
     *
     * @param rows the rows of values, each with one value per expression; none gives a condition that is always false
     * @return the condition
     * @throws IllegalArgumentException if a row is {@code null}, holds {@code null} or has another number of values
     */
    @Override
    public Expression<Boolean> in(Collection<? extends List<?>> rows) {
        return new InList(this, bindRows(rows), false);
    }

    /**
     * Returns {@code (a, b) NOT IN ((x1, y1), (x2, y2), ...)}.
     *
     * @param rows the rows of values, each with one value per expression; none gives a condition that is always true
     * @return the condition
     * @throws IllegalArgumentException if a row is {@code null}, holds {@code null} or has another number of values
     */
    @Override
    @SafeVarargs
    public final Expression<Boolean> notIn(List<?>... rows) {
        Assert.requireNonNull(rows, "rows must not be null");
        return notIn(List.of(rows));
    }

    /**
     * Returns {@code (a, b) NOT IN ((x1, y1), (x2, y2), ...)}.
     *
     * @param rows the rows of values, each with one value per expression; none gives a condition that is always true
     * @return the condition
     * @throws IllegalArgumentException if a row is {@code null}, holds {@code null} or has another number of values
     */
    @Override
    public Expression<Boolean> notIn(Collection<? extends List<?>> rows) {
        return new InList(this, bindRows(rows), true);
    }

    private Expression<Boolean> compare(Operator operator, @Nullable List<?> row) {
        List<?> values = Assert.requireNonNull(
                row, "a tuple is compared with a row of values, not null; test its expressions with isNull()");
        return new BinaryExpression<>(this, operator, bind(values, true), SqlType.BOOLEAN);
    }

    private List<Expression<?>> bindRows(Collection<? extends List<?>> rows) {
        Assert.requireNonNull(rows, "rows must not be null");
        List<Expression<?>> bound = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            bound.add(bind(Assert.requireNonNull(row, "rows must not contain null"), false));
        }
        return bound;
    }

    /** The row as a tuple of bind parameters, each typed as its expression. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Tuple bind(List<?> row, boolean nullsAllowed) {
        Assert.isTrue(
                row.size() == expressions.size(),
                "a row of " + row.size() + " values was given for a tuple of " + expressions.size()
                        + " expressions; give one value per expression, in order");
        List<Expression<?>> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            if (value == null && !nullsAllowed) {
                throw new IllegalArgumentException("rows must not contain null (value " + (i + 1) + " of " + row
                        + "); NULL matches nothing in IN");
            }
            values.add(new BindParameter(value, expressions.get(i).type()));
        }
        return new Tuple(values);
    }

    @Override
    public String toString() {
        return "Tuple" + expressions;
    }
}
