package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node of the SQL expression language that yields a value of type {@code T}: a column, a bound value, an operation, a function
 * call, a subquery or a fragment of text.
 *
 * <p>Expressions are immutable. Every operator method returns a new expression and never changes this one. Values passed to the
 * operators become {@link BindParameter}s: they are sent to the database as bind parameters and never written into SQL text.
 *
 * @param <T> the Java type of the values the expression yields
 */
public sealed interface Expression<T>
        permits Column,
                BindParameter,
                BinaryExpression,
                Conjunction,
                Not,
                NullCheck,
                InList,
                InSubquery,
                Between,
                Like,
                FunctionCall,
                Label,
                Ordering,
                ScalarSubquery,
                Exists,
                Text,
                Cast,
                Star,
                Match,
                Tuple,
                NextValue,
                JsonText,
                ArrayIncludes,
                Template,
                Excluded,
                Case,
                WindowFunction {

    /**
     * Returns the type of the values, or {@code null} where it is not known (text fragments, some functions).
     *
     * @return the type, or {@code null}
     */
    @Nullable
    SqlType<T> type();

    /**
     * Calls the visitor's method for this kind of node.
     *
     * @param visitor the visitor
     * @param <R> the visitor's result type
     * @return the visitor's result
     */
    <R> R accept(ExpressionVisitor<R> visitor);

    /**
     * Returns {@code this = value}; a {@code null} value gives {@code this IS NULL}.
     *
     * @param value the value, sent as a bind parameter
     * @return the condition
     */
    default Expression<Boolean> eq(@Nullable T value) {
        return value == null ? isNull() : compare(Operator.EQ, bind(value));
    }

    /**
     * Returns {@code this = other}.
     *
     * @param other the other expression
     * @return the condition
     * @throws IllegalArgumentException if {@code other} is {@code null}
     */
    default Expression<Boolean> eq(Expression<? extends T> other) {
        return compare(Operator.EQ, other);
    }

    /**
     * Returns {@code this <> value}; a {@code null} value gives {@code this IS NOT NULL}.
     *
     * @param value the value, sent as a bind parameter
     * @return the condition
     */
    default Expression<Boolean> ne(@Nullable T value) {
        return value == null ? isNotNull() : compare(Operator.NE, bind(value));
    }

    /**
     * Returns {@code this <> other}.
     *
     * @param other the other expression
     * @return the condition
     */
    default Expression<Boolean> ne(Expression<? extends T> other) {
        return compare(Operator.NE, other);
    }

    /**
     * Returns {@code this < value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<Boolean> lt(T value) {
        return compare(Operator.LT, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this < other}.
     *
     * @param other the other expression
     * @return the condition
     */
    default Expression<Boolean> lt(Expression<? extends T> other) {
        return compare(Operator.LT, other);
    }

    /**
     * Returns {@code this <= value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<Boolean> le(T value) {
        return compare(Operator.LE, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this <= other}.
     *
     * @param other the other expression
     * @return the condition
     */
    default Expression<Boolean> le(Expression<? extends T> other) {
        return compare(Operator.LE, other);
    }

    /**
     * Returns {@code this > value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<Boolean> gt(T value) {
        return compare(Operator.GT, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this > other}.
     *
     * @param other the other expression
     * @return the condition
     */
    default Expression<Boolean> gt(Expression<? extends T> other) {
        return compare(Operator.GT, other);
    }

    /**
     * Returns {@code this >= value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<Boolean> ge(T value) {
        return compare(Operator.GE, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this >= other}.
     *
     * @param other the other expression
     * @return the condition
     */
    default Expression<Boolean> ge(Expression<? extends T> other) {
        return compare(Operator.GE, other);
    }

    /**
     * Returns {@code this LIKE pattern}, where {@code %} and {@code _} are wildcards and a backslash escapes them on every
     * dialect (see {@link SQL#escapeLike(String)}).
     *
     * @param pattern the pattern, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code pattern} is {@code null}
     */
    default Expression<Boolean> like(String pattern) {
        return new Like(
                this, BindParameter.of(Assert.requireNonNull(pattern, "pattern must not be null")), false, false);
    }

    /**
     * Returns {@code this NOT LIKE pattern}.
     *
     * @param pattern the pattern, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code pattern} is {@code null}
     */
    default Expression<Boolean> notLike(String pattern) {
        return new Like(
                this, BindParameter.of(Assert.requireNonNull(pattern, "pattern must not be null")), false, true);
    }

    /**
     * Returns a case-insensitive {@code LIKE}: {@code ILIKE} where the database has it, {@code LOWER(this) LIKE LOWER(pattern)}
     * elsewhere.
     *
     * @param pattern the pattern, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code pattern} is {@code null}
     */
    default Expression<Boolean> ilike(String pattern) {
        return new Like(
                this, BindParameter.of(Assert.requireNonNull(pattern, "pattern must not be null")), true, false);
    }

    /**
     * Returns a full-text match of this text column against search words: {@code to_tsvector(this) @@ plainto_tsquery(words)} on
     * PostgreSQL, {@code MATCH (this) AGAINST (words)} on MariaDB (which needs a FULLTEXT index on the column). Rendering fails
     * with {@link UnsupportedOperationException} on databases without full-text search (H2).
     *
     * @param words the search words, sent as a bind parameter
     * @return the condition
     * @throws IllegalArgumentException if {@code words} is {@code null}
     */
    default Expression<Boolean> match(String words) {
        return new Match(this, BindParameter.of(Assert.requireNonNull(words, "words must not be null")));
    }

    /**
     * Returns {@code this IN (v1, v2, ...)}, each value a bind parameter.
     *
     * @param values the values; none gives a condition that is always false
     * @return the condition
     * @throws IllegalArgumentException if {@code values} is {@code null}
     */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> in(T... values) {
        Assert.requireNonNull(values, "values must not be null");
        return in(List.of(values));
    }

    /**
     * Returns {@code this IN (v1, v2, ...)}, each value a bind parameter.
     *
     * @param values the values; none gives a condition that is always false
     * @return the condition
     * @throws IllegalArgumentException if {@code values} or one of them is {@code null}
     */
    default Expression<Boolean> in(Collection<? extends T> values) {
        return new InList(this, bindAll(values), false);
    }

    /**
     * Returns {@code this IN (subquery)}.
     *
     * @param subquery a select of one column
     * @return the condition
     * @throws IllegalArgumentException if {@code subquery} is {@code null}
     */
    default Expression<Boolean> in(Select subquery) {
        return new InSubquery(this, Assert.requireNonNull(subquery, "subquery must not be null"), false);
    }

    /**
     * Returns {@code this NOT IN (v1, v2, ...)}, each value a bind parameter.
     *
     * @param values the values; none gives a condition that is always true
     * @return the condition
     * @throws IllegalArgumentException if {@code values} or one of them is {@code null}
     */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> notIn(T... values) {
        Assert.requireNonNull(values, "values must not be null");
        return notIn(List.of(values));
    }

    /**
     * Returns {@code this NOT IN (v1, v2, ...)}.
     *
     * @param values the values; none gives a condition that is always true
     * @return the condition
     * @throws IllegalArgumentException if {@code values} or one of them is {@code null}
     */
    default Expression<Boolean> notIn(Collection<? extends T> values) {
        return new InList(this, bindAll(values), true);
    }

    /**
     * Returns {@code this NOT IN (subquery)}.
     *
     * @param subquery a select of one column
     * @return the condition
     * @throws IllegalArgumentException if {@code subquery} is {@code null}
     */
    default Expression<Boolean> notIn(Select subquery) {
        return new InSubquery(this, Assert.requireNonNull(subquery, "subquery must not be null"), true);
    }

    /**
     * Returns {@code this IS NULL}.
     *
     * @return the condition
     */
    default Expression<Boolean> isNull() {
        return new NullCheck(this, false);
    }

    /**
     * Returns {@code this IS NOT NULL}.
     *
     * @return the condition
     */
    default Expression<Boolean> isNotNull() {
        return new NullCheck(this, true);
    }

    /**
     * Returns {@code this BETWEEN low AND high}.
     *
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return the condition
     * @throws IllegalArgumentException if a bound is {@code null}
     */
    default Expression<Boolean> between(T low, T high) {
        return new Between(
                this,
                bind(Assert.requireNonNull(low, "low must not be null")),
                bind(Assert.requireNonNull(high, "high must not be null")));
    }

    /**
     * Returns {@code this AND other}.
     *
     * @param other another condition
     * @return the condition
     * @throws IllegalArgumentException if {@code other} is {@code null}
     */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> and(Expression<Boolean> other) {
        return Conjunction.of(Conjunction.Kind.AND, List.of((Expression<Boolean>) this, other));
    }

    /**
     * Returns {@code this OR other}.
     *
     * @param other another condition
     * @return the condition
     * @throws IllegalArgumentException if {@code other} is {@code null}
     */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> or(Expression<Boolean> other) {
        return Conjunction.of(Conjunction.Kind.OR, List.of((Expression<Boolean>) this, other));
    }

    /**
     * Returns {@code this + value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> plus(T value) {
        return arithmetic(Operator.PLUS, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this + other}.
     *
     * @param other the other expression
     * @return the expression
     */
    default Expression<T> plus(Expression<? extends T> other) {
        return arithmetic(Operator.PLUS, other);
    }

    /**
     * Returns {@code this - value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> minus(T value) {
        return arithmetic(Operator.MINUS, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this - other}.
     *
     * @param other the other expression
     * @return the expression
     */
    default Expression<T> minus(Expression<? extends T> other) {
        return arithmetic(Operator.MINUS, other);
    }

    /**
     * Returns {@code this * value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> times(T value) {
        return arithmetic(Operator.TIMES, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this * other}.
     *
     * @param other the other expression
     * @return the expression
     */
    default Expression<T> times(Expression<? extends T> other) {
        return arithmetic(Operator.TIMES, other);
    }

    /**
     * Returns {@code this / value}.
     *
     * @param value the value, sent as a bind parameter
     * @return the expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<T> dividedBy(T value) {
        return arithmetic(Operator.DIVIDE, bind(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns {@code this / other}.
     *
     * @param other the other expression
     * @return the expression
     */
    default Expression<T> dividedBy(Expression<? extends T> other) {
        return arithmetic(Operator.DIVIDE, other);
    }

    /**
     * Returns the string concatenation of this and {@code other} ({@code ||}, or {@code CONCAT(...)} on MariaDB).
     *
     * @param other the expression to append
     * @return the expression
     * @throws IllegalArgumentException if {@code other} is {@code null}
     */
    default Expression<String> concat(Expression<?> other) {
        return new BinaryExpression<>(
                this, Operator.CONCAT, Assert.requireNonNull(other, "other must not be null"), SqlType.VARCHAR);
    }

    /**
     * Returns the string concatenation of this and {@code value}.
     *
     * @param value the text to append, sent as a bind parameter
     * @return the expression
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    default Expression<String> concat(String value) {
        return concat(BindParameter.of(Assert.requireNonNull(value, "value must not be null")));
    }

    /**
     * Returns this expression under a label: {@code this AS label} in a select list.
     *
     * @param label the label
     * @return the labelled expression
     * @throws IllegalArgumentException if {@code label} is {@code null} or blank
     */
    default Label<T> as(String label) {
        return new Label<>(this, label);
    }

    /**
     * Returns {@code CAST(this AS type)}.
     *
     * @param type the type to cast to
     * @param <R> the Java type of the result
     * @return the expression
     * @throws IllegalArgumentException if {@code type} is {@code null}
     */
    default <R> Expression<R> cast(SqlType<R> type) {
        return new Cast<>(this, type);
    }

    /**
     * Returns this expression in ascending order, for {@code ORDER BY}.
     *
     * @return the ordering
     */
    default Ordering<T> asc() {
        return new Ordering<>(this, false);
    }

    /**
     * Returns this expression in descending order, for {@code ORDER BY}.
     *
     * @return the ordering
     */
    default Ordering<T> desc() {
        return new Ordering<>(this, true);
    }

    private Expression<Boolean> compare(Operator operator, Expression<?> other) {
        return new BinaryExpression<>(
                this, operator, Assert.requireNonNull(other, "other must not be null"), SqlType.BOOLEAN);
    }

    private Expression<T> arithmetic(Operator operator, Expression<?> other) {
        return new BinaryExpression<>(this, operator, Assert.requireNonNull(other, "other must not be null"), type());
    }

    private BindParameter<T> bind(T value) {
        return BindParameter.of(value, type());
    }

    private List<Expression<?>> bindAll(Collection<? extends T> values) {
        Assert.requireNonNull(values, "values must not be null");
        List<Expression<?>> binds = new ArrayList<>(values.size());
        for (T value : values) {
            binds.add(bind(Assert.requireNonNull(value, "values must not contain null; use isNull() for NULL")));
        }
        return binds;
    }
}
