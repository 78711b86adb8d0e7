package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the SQL expression language: statements, functions and conditions.
 *
 * <pre>{@code
 * Select q = SQL.select(users.column("name"), SQL.count().as("n"))
 *         .from(users)
 *         .join(addresses)
 *         .where(addresses.column("email_address", String.class).like("%@example.com"))
 *         .groupBy(users.column("name"));
 * }</pre>
 */
public final class SQL {

    private SQL() {}

    /**
     * Returns a select of the given expressions.
     *
     * @param items columns, labelled expressions, functions, subqueries
     * @return the select
     * @throws IllegalArgumentException if there is no item or one is {@code null}
     */
    public static Select select(Expression<?>... items) {
        Assert.requireNonNull(items, "items must not be null");
        for (Expression<?> item : items) {
            Assert.requireNonNull(item, "select items must not be null");
        }
        return Select.of(Arrays.asList(items));
    }

    /**
     * Returns a select of every column of a table, from that table.
     *
     * @param source a table, aliased table or aliased subquery
     * @return the select
     */
    public static Select selectFrom(ColumnSource source) {
        Assert.requireNonNull(source, "source must not be null");
        return Select.of(List.copyOf(source.columns())).from((FromItem) source);
    }

    /**
     * Returns an insert into a table.
     *
     * @param table the table
     * @return the insert, to be given columns and values
     */
    public static Insert insertInto(Table table) {
        return Insert.into(Assert.requireNonNull(table, "table must not be null"));
    }

    /**
     * Returns the value an upsert proposed to insert for a column, for the update of {@code
     * insert.onConflict(...).doUpdate()}: {@code EXCLUDED.c} on PostgreSQL, {@code VALUES(c)} on MariaDB, the source row's
     * column in H2's {@code MERGE}. Rendering it anywhere else fails.
     *
     * @param column a column of the inserted table
     * @param <T> the Java type of the column
     * @return the expression
     * @throws IllegalArgumentException if {@code column} is {@code null}
     */
    public static <T> Expression<T> excluded(Column<T> column) {
        return new Excluded<>(column);
    }

    /**
     * Returns an update of a table.
     *
     * @param table the table
     * @return the update, to be given assignments and a condition
     */
    public static Update update(Table table) {
        return Update.of(Assert.requireNonNull(table, "table must not be null"));
    }

    /**
     * Returns the update of many rows of a table in one statement, each row with its own values (see {@link UpdateRows}).
     *
     * <pre>{@code
     * SQL.updateRows(users, List.of(id), List.of(fullname), List.of(List.of(1, "Ed Jones"), List.of(2, "Wendy Williams")))
     * }</pre>
     *
     * @param table the table
     * @param match the columns that pick each row, usually the key
     * @param set the columns given new values
     * @param rows the rows: values for {@code match}, then for {@code set}
     * @return the statement
     * @throws IllegalArgumentException if a column belongs to another table or a value does not fit its column
     */
    public static UpdateRows updateRows(
            Table table, List<? extends Column<?>> match, List<? extends Column<?>> set, List<? extends List<?>> rows) {
        return UpdateRows.of(
                Assert.requireNonNull(table, "table must not be null"),
                Assert.requireNonNull(match, "match must not be null"),
                Assert.requireNonNull(set, "set must not be null"),
                rows);
    }

    /**
     * Returns a delete from a table.
     *
     * @param table the table
     * @return the delete, to be given a condition
     */
    public static Delete deleteFrom(Table table) {
        return new Delete(Assert.requireNonNull(table, "table must not be null"), null);
    }

    /**
     * Returns literal SQL text with named {@code :parameters}, as a statement or a fragment.
     *
     * @param sql the SQL; never build it from values, bind them with {@link Text#bind(String, Object)}
     * @return the text
     */
    public static Text text(String sql) {
        return new Text(sql, java.util.Map.of());
    }

    /**
     * Returns a text fragment as a condition, to combine with others: {@code User_.name.eq("ed").or(SQL.condition(SQL.text("id
     * < :limit")))}. Its parameters take their values from the text's own {@code bind} or from the session query's {@code
     * params}, wherever in the statement it stands.
     *
     * @param text the fragment
     * @return the same fragment, typed as a condition
     * @throws IllegalArgumentException if {@code text} is {@code null}
     */
    @SuppressWarnings("unchecked")
    public static Expression<Boolean> condition(Text text) {
        Assert.requireNonNull(text, "text must not be null");
        return (Expression<Boolean>) (Expression<?>) text;
    }

    /**
     * Returns a value as a bind parameter, for use where an expression is expected.
     *
     * @param value the value
     * @param <T> its Java type
     * @return the parameter
     */
    public static <T> BindParameter<T> value(@Nullable T value) {
        return BindParameter.of(value);
    }

    /**
     * Returns the conditions joined by {@code AND}.
     *
     * @param conditions one or more conditions
     * @return the condition
     */
    @SafeVarargs
    public static Expression<Boolean> and(Expression<Boolean>... conditions) {
        return Conjunction.of(Conjunction.Kind.AND, Arrays.asList(conditions));
    }

    /**
     * Returns the conditions joined by {@code OR}.
     *
     * @param conditions one or more conditions
     * @return the condition
     */
    @SafeVarargs
    public static Expression<Boolean> or(Expression<Boolean>... conditions) {
        return Conjunction.of(Conjunction.Kind.OR, Arrays.asList(conditions));
    }

    /**
     * Returns {@code NOT condition}.
     *
     * @param condition the condition
     * @return the negation
     */
    public static Expression<Boolean> not(Expression<Boolean> condition) {
        return new Not(condition);
    }

    /**
     * Returns a row value {@code (a, b, ...)} to compare as a whole (SQLAlchemy's {@code tuple_}): {@code tuple(User_.name,
     * User_.nickname).in(List.of("ed", "edsnickname"), List.of("wendy", "windy"))}.
     *
     * @param expressions the expressions of the row, at least one
     * @return the tuple
     * @throws IllegalArgumentException if there is no expression, or one is {@code null}
     */
    public static Tuple tuple(Expression<?>... expressions) {
        Assert.requireNonNull(expressions, "expressions must not be null");
        return new Tuple(Arrays.asList(expressions));
    }

    /**
     * Returns {@code EXISTS (select)}.
     *
     * @param select the subquery
     * @return the condition
     */
    public static Expression<Boolean> exists(Select select) {
        return new Exists(select);
    }

    /**
     * Returns {@code count(*)}.
     *
     * @return the aggregate, read as {@link Long}
     */
    public static FunctionCall<Long> count() {
        return new FunctionCall<>("count", List.of(Star.INSTANCE), false, SqlType.BIGINT);
    }

    /**
     * Returns {@code count(expression)}: the rows where it is not null.
     *
     * @param expression the counted expression
     * @return the aggregate, read as {@link Long}
     */
    public static FunctionCall<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), false, SqlType.BIGINT);
    }

    /**
     * Returns {@code count(DISTINCT expression)}.
     *
     * @param expression the counted expression
     * @return the aggregate, read as {@link Long}
     */
    public static FunctionCall<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), true, SqlType.BIGINT);
    }

    /**
     * Returns {@code sum(expression)}, read as the expression's type.
     *
     * @param expression a numeric expression
     * @param <T> its Java type
     * @return the aggregate
     */
    public static <T> FunctionCall<T> sum(Expression<T> expression) {
        return new FunctionCall<>("sum", List.of(expression), false, expression.type());
    }

    /**
     * Returns {@code min(expression)}.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the aggregate
     */
    public static <T> FunctionCall<T> min(Expression<T> expression) {
        return new FunctionCall<>("min", List.of(expression), false, expression.type());
    }

    /**
     * Returns {@code max(expression)}.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the aggregate
     */
    public static <T> FunctionCall<T> max(Expression<T> expression) {
        return new FunctionCall<>("max", List.of(expression), false, expression.type());
    }

    /**
     * Returns {@code avg(expression)}, read as {@link BigDecimal} on every database.
     *
     * @param expression a numeric expression
     * @return the aggregate
     */
    public static FunctionCall<BigDecimal> avg(Expression<? extends Number> expression) {
        return new FunctionCall<>("avg", List.of(expression), false, SqlType.decimal(38, 10));
    }

    /**
     * Returns {@code lower(expression)}.
     *
     * @param expression a string expression
     * @return the expression
     */
    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), false, SqlType.VARCHAR);
    }

    /**
     * Returns {@code upper(expression)}.
     *
     * @param expression a string expression
     * @return the expression
     */
    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), false, SqlType.VARCHAR);
    }

    /**
     * Returns {@code coalesce(first, rest...)}: the first argument that is not null.
     *
     * @param first the first candidate
     * @param rest further candidates
     * @param <T> their Java type
     * @return the expression
     */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T> first, Expression<? extends T>... rest) {
        List<Expression<?>> arguments = new java.util.ArrayList<>();
        arguments.add(first);
        arguments.addAll(Arrays.asList(rest));
        return new FunctionCall<>("coalesce", arguments, false, first.type());
    }

    /**
     * Returns a call of any SQL function by name.
     *
     * @param name the function's name (letters, digits, underscores)
     * @param type the result type, or {@code null} if unknown
     * @param arguments the arguments; use {@link #value(Object)} for values
     * @param <T> the Java type of the result
     * @return the call
     */
    public static <T> FunctionCall<T> function(String name, @Nullable SqlType<T> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, Arrays.asList(arguments), false, type);
    }

    /**
     * Returns the text of the value at a path inside a JSON document, for filters and projections: {@code
     * SQL.jsonText(payload, "customer", "name").eq("Ed")}. The path is sent as bind parameters, never written into the SQL:
     * PostgreSQL {@code jsonb_extract_path_text(json, $1, $2)}, MariaDB {@code JSON_UNQUOTE(JSON_EXTRACT(json, ?))} with the
     * path bound as {@code $."customer"."name"}. A string value reads as its text, other values as their JSON text, and a path
     * that leads nowhere as {@code NULL} (on MariaDB a JSON {@code null} reads as the text {@code null}). Rendering fails with
     * {@link UnsupportedOperationException} on H2, which has no JSON path functions.
     *
     * @param json a JSON document, such as a column of {@link SqlType#JSON}
     * @param path the path: object keys, and array indexes written as digits ({@code "items", "0", "sku"}); at least one
     * @return the expression, of type {@link SqlType#TEXT}
     * @throws IllegalArgumentException if an argument is {@code null}, the path is empty, or an element is empty or holds a
     *     double quote, a backslash or a control character
     */
    public static Expression<String> jsonText(Expression<?> json, String... path) {
        Assert.requireNonNull(path, "path must not be null");
        return new JsonText(json, Arrays.asList(path));
    }

    /**
     * Returns whether an array holds all of some values: PostgreSQL {@code array @> $1} with the values bound as one array, H2
     * {@code ARRAY_CONTAINS(array, $1) AND ARRAY_CONTAINS(array, $2)}. With no values it is true. Rendering fails with {@link
     * UnsupportedOperationException} on MariaDB, which has no array type.
     *
     * @param array an expression of an array type, such as a column of {@link SqlType#array} or a mapped list or array field
     * @param values the values, of the array's element type
     * @return the condition
     * @throws IllegalArgumentException if an argument or value is {@code null}, the expression is not of an array type, or a
     *     value is not of its element type
     */
    public static Expression<Boolean> arrayContains(Expression<?> array, Object... values) {
        Assert.requireNonNull(values, "values must not be null");
        return ArrayIncludes.of(array, Arrays.asList(values), true);
    }

    /**
     * Returns whether an array holds all of some values, as {@link #arrayContains(Expression, Object...)} does.
     *
     * @param array an expression of an array type
     * @param values the values, of the array's element type
     * @return the condition
     * @throws IllegalArgumentException if an argument or value is {@code null}, or they do not fit the array's type
     */
    public static Expression<Boolean> arrayContains(Expression<?> array, java.util.Collection<?> values) {
        return ArrayIncludes.of(array, values, true);
    }

    /**
     * Returns whether an array holds any of some values: PostgreSQL {@code array && $1} with the values bound as one array, H2
     * {@code ARRAY_CONTAINS(array, $1) OR ARRAY_CONTAINS(array, $2)}. With no values it is false. Rendering fails with {@link
     * UnsupportedOperationException} on MariaDB, which has no array type.
     *
     * @param array an expression of an array type, such as a column of {@link SqlType#array} or a mapped list or array field
     * @param values the values, of the array's element type
     * @return the condition
     * @throws IllegalArgumentException if an argument or value is {@code null}, the expression is not of an array type, or a
     *     value is not of its element type
     */
    public static Expression<Boolean> arrayOverlaps(Expression<?> array, Object... values) {
        Assert.requireNonNull(values, "values must not be null");
        return ArrayIncludes.of(array, Arrays.asList(values), false);
    }

    /**
     * Returns whether an array holds any of some values, as {@link #arrayOverlaps(Expression, Object...)} does.
     *
     * @param array an expression of an array type
     * @param values the values, of the array's element type
     * @return the condition
     * @throws IllegalArgumentException if an argument or value is {@code null}, or they do not fit the array's type
     */
    public static Expression<Boolean> arrayOverlaps(Expression<?> array, java.util.Collection<?> values) {
        return ArrayIncludes.of(array, values, false);
    }

    /**
     * Returns a string with the LIKE wildcards {@code %} and {@code _} and the escape character {@code \} escaped, so that it
     * matches itself in a LIKE pattern on every dialect: {@code name.like("%" + SQL.escapeLike(userInput) + "%")}.
     *
     * @param text the text to match literally
     * @return the escaped text
     */
    public static String escapeLike(String text) {
        Assert.requireNonNull(text, "text must not be null");
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * Returns selects combined with {@code UNION}.
     *
     * @param first the first select
     * @param rest the others
     * @return the compound select
     */
    public static CompoundSelect union(Select first, Select... rest) {
        CompoundSelect union = CompoundSelect.of(first);
        for (Select select : rest) {
            union = union.union(select);
        }
        return union;
    }

    /**
     * Returns selects combined with {@code UNION ALL}.
     *
     * @param first the first select
     * @param rest the others
     * @return the compound select
     */
    public static CompoundSelect unionAll(Select first, Select... rest) {
        CompoundSelect union = CompoundSelect.of(first);
        for (Select select : rest) {
            union = union.unionAll(select);
        }
        return union;
    }

    /**
     * Returns {@code CAST(expression AS type)}.
     *
     * @param expression the converted expression
     * @param type the target type, written per database
     * @param <T> the Java type of the result
     * @return the expression
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static <T> Expression<T> cast(Expression<?> expression, SqlType<T> type) {
        return new Cast<>(Assert.requireNonNull(expression, "expression must not be null"), type);
    }

    /**
     * Returns a searched {@code CASE WHEN condition THEN value}; add branches with {@link Case#when(Expression, Object)} and the
     * value when none holds with {@link Case#otherwise(Object)} (else {@code NULL}).
     *
     * @param condition the first condition
     * @param value its value, sent as a bind parameter
     * @param <T> the Java type of the values
     * @return the CASE expression
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, T value) {
        Assert.requireNonNull(value, "value must not be null");
        return new Case<T>(List.of(new Case.When(condition, BindParameter.of(value))), null, null);
    }

    /**
     * Returns a searched {@code CASE WHEN condition THEN value}, typed as the value.
     *
     * @param condition the first condition
     * @param value its value
     * @param <T> the Java type of the values
     * @return the CASE expression
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, Expression<T> value) {
        Assert.requireNonNull(value, "value must not be null");
        return new Case<T>(List.of(new Case.When(condition, value)), null, value.type());
    }

    /**
     * Returns a window with no partition, order or frame: {@code OVER ()}; refine it with {@link Window#partitionBy},
     * {@link Window#orderBy} and {@link Window#rows}, {@link Window#range} or {@link Window#groups}.
     *
     * @return the window
     */
    public static Window window() {
        return Window.empty();
    }

    /**
     * Returns a common table expression of a select, its columns named by the select's labels or column names.
     *
     * @param name the CTE's name
     * @param body the select
     * @return the CTE, for FROM clauses and joins
     * @throws IllegalArgumentException if an argument is {@code null} or an item has neither a label nor a column name
     */
    public static CommonTableExpression cte(String name, Select body) {
        return CommonTableExpression.of(name, Assert.requireNonNull(body, "body must not be null"));
    }

    /**
     * Returns a recursive common table expression ({@code WITH RECURSIVE name AS (anchor UNION ALL recursive)}): the anchor's
     * rows, then, step by step, the rows the recursive part makes from those of the step before, until a step makes none.
     *
     * <pre>{@code
     * CommonTableExpression tree = SQL.recursiveCte("tree",
     *         SQL.select(id, name, SQL.cast(SQL.value(0), SqlType.INTEGER).as("depth")).where(managerId.isNull()),
     *         t -> SQL.select(id, name, t.column("depth", Integer.class).plus(1))
     *                 .from(employees).join(t, managerId.eq(t.column("id", Integer.class))));
     * }</pre>
     *
     * @param name the CTE's name
     * @param anchor the select of the first rows; its labels or column names name the CTE's columns
     * @param recursive makes the select of the next rows, reading the CTE it is given
     * @return the CTE
     * @throws IllegalArgumentException if an argument is {@code null} or the selects differ in their number of columns
     */
    public static CommonTableExpression recursiveCte(
            String name, Select anchor, java.util.function.Function<CommonTableExpression, Select> recursive) {
        return CommonTableExpression.recursive(name, anchor, recursive);
    }

    /**
     * Returns {@code row_number()}, for {@link FunctionCall#over(Window)}: the row's position in its partition, from 1.
     *
     * @return the function, read as {@link Long}
     */
    public static FunctionCall<Long> rowNumber() {
        return new FunctionCall<>("row_number", List.of(), false, SqlType.BIGINT);
    }

    /**
     * Returns {@code rank()}, for {@link FunctionCall#over(Window)}: the row's rank in its partition, with gaps after ties.
     *
     * @return the function, read as {@link Long}
     */
    public static FunctionCall<Long> rank() {
        return new FunctionCall<>("rank", List.of(), false, SqlType.BIGINT);
    }

    /**
     * Returns {@code dense_rank()}, for {@link FunctionCall#over(Window)}: the row's rank in its partition, without gaps.
     *
     * @return the function, read as {@link Long}
     */
    public static FunctionCall<Long> denseRank() {
        return new FunctionCall<>("dense_rank", List.of(), false, SqlType.BIGINT);
    }

    /**
     * Returns {@code lag(expression)}, for {@link FunctionCall#over(Window)}: the value of the row before, or {@code NULL}.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the function
     */
    public static <T> FunctionCall<T> lag(Expression<T> expression) {
        return offsetFunction("lag", expression, 1, null);
    }

    /**
     * Returns {@code lag(expression, offset)}: the value {@code offset} rows before, or {@code NULL}.
     *
     * @param expression the expression
     * @param offset how many rows back (an integer Sluice checks; bound, or written as a number where the database needs one)
     * @param <T> its Java type
     * @return the function
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public static <T> FunctionCall<T> lag(Expression<T> expression, int offset) {
        return offsetFunction("lag", expression, offset, null);
    }

    /**
     * Returns {@code lag(expression, offset, default)}: the value {@code offset} rows before, or the default where there is no
     * such row. MariaDB has no default argument and refuses it: use {@code SQL.coalesce(SQL.lag(x, n).over(w), default)}.
     *
     * @param expression the expression
     * @param offset how many rows back
     * @param defaultValue the value where there is no such row, sent as a bind parameter
     * @param <T> its Java type
     * @return the function
     * @throws IllegalArgumentException if {@code offset} is negative or {@code defaultValue} is {@code null}
     */
    public static <T> FunctionCall<T> lag(Expression<T> expression, int offset, T defaultValue) {
        return offsetFunction("lag", expression, offset, defaultValue);
    }

    /**
     * Returns {@code lead(expression)}, for {@link FunctionCall#over(Window)}: the value of the row after, or {@code NULL}.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the function
     */
    public static <T> FunctionCall<T> lead(Expression<T> expression) {
        return offsetFunction("lead", expression, 1, null);
    }

    /**
     * Returns {@code lead(expression, offset)}: the value {@code offset} rows after, or {@code NULL}.
     *
     * @param expression the expression
     * @param offset how many rows ahead
     * @param <T> its Java type
     * @return the function
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public static <T> FunctionCall<T> lead(Expression<T> expression, int offset) {
        return offsetFunction("lead", expression, offset, null);
    }

    /**
     * Returns {@code lead(expression, offset, default)}; MariaDB refuses the default (see {@link #lag(Expression, int, Object)}).
     *
     * @param expression the expression
     * @param offset how many rows ahead
     * @param defaultValue the value where there is no such row, sent as a bind parameter
     * @param <T> its Java type
     * @return the function
     * @throws IllegalArgumentException if {@code offset} is negative or {@code defaultValue} is {@code null}
     */
    public static <T> FunctionCall<T> lead(Expression<T> expression, int offset, T defaultValue) {
        return offsetFunction("lead", expression, offset, defaultValue);
    }

    private static <T> FunctionCall<T> offsetFunction(
            String name, Expression<T> expression, int offset, @Nullable T defaultValue) {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.isTrue(offset >= 0, name + " offset must not be negative, was " + offset);
        List<Expression<?>> arguments = new java.util.ArrayList<>(3);
        arguments.add(expression);
        arguments.add(BindParameter.of(offset, SqlType.INTEGER));
        if (defaultValue != null) {
            arguments.add(BindParameter.of(defaultValue, expression.type()));
        }
        return new FunctionCall<>(name, arguments, false, expression.type());
    }
}
