package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A common table expression: a select (or compound select) named for one statement, read like a table ({@code WITH name
 * (columns) AS (SELECT ...)}). Use it as a FROM item anywhere in a statement; the renderer writes every CTE the statement reads
 * in one {@code WITH} clause at its top, each after the CTEs it reads, with {@code RECURSIVE} when one of them refers to
 * itself. Make one with {@link Select#cte(String)} or {@link SQL#recursiveCte(String, Select, Function)}.
 *
 * @param name the name the statement reads it by
 * @param columnNames the names of its columns, one per item of the (first) select
 * @param body the select or compound select that gives its rows
 * @param recursive {@code true} if the body reads the CTE itself ({@code WITH RECURSIVE})
 */
public record CommonTableExpression(String name, List<String> columnNames, Statement body, boolean recursive)
        implements FromItem, ColumnSource {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}, the name or a column name is not a plain identifier, the
     *     body is not a select or a compound select, or the column names are not one per select item
     */
    public CommonTableExpression {
        Identifiers.check(name, "name");
        Assert.requireNonNull(body, "body must not be null");
        Assert.isTrue(
                body instanceof Select || body instanceof CompoundSelect,
                "the body of common table expression " + name + " must be a select or a compound select");
        columnNames = List.copyOf(Assert.requireNonNull(columnNames, "columnNames must not be null"));
        for (String column : columnNames) {
            Identifiers.check(column, "column name");
        }
        int items = first(body).items().size();
        Assert.isTrue(
                columnNames.size() == items,
                "common table expression " + name + " names " + columnNames.size() + " columns but selects " + items);
    }

    /**
     * Returns a CTE whose columns are named by the labels or column names of the select's items.
     *
     * @param name its name
     * @param body the select or compound select
     * @return the CTE
     * @throws IllegalArgumentException if an item has neither a label nor a column name
     */
    static CommonTableExpression of(String name, Statement body) {
        return new CommonTableExpression(name, namesOf(name, first(body)), body, false);
    }

    /**
     * Returns a recursive CTE: the anchor, then {@code UNION ALL} the recursive part, which reads the CTE it is given.
     *
     * @param name its name
     * @param anchor the select of the first rows; its labels or column names name the columns
     * @param recursive makes the select of the next rows from the CTE (the rows of the previous step)
     * @return the CTE
     */
    static CommonTableExpression recursive(
            String name, Select anchor, Function<CommonTableExpression, Select> recursive) {
        Assert.requireNonNull(anchor, "anchor must not be null");
        Assert.requireNonNull(recursive, "recursive must not be null");
        CommonTableExpression self = new CommonTableExpression(name, namesOf(name, anchor), anchor, true);
        Select next = Assert.requireNonNull(recursive.apply(self), "the recursive part must not be null");
        return new CommonTableExpression(name, self.columnNames, anchor.unionAll(next), true);
    }

    private static Select first(Statement body) {
        return body instanceof CompoundSelect compound ? compound.first() : (Select) body;
    }

    private static List<String> namesOf(String cte, Select select) {
        List<String> names = new ArrayList<>(select.items().size());
        for (Expression<?> item : select.items()) {
            if (item instanceof Label<?> label) {
                names.add(label.name());
            } else if (item instanceof Column<?> column) {
                names.add(column.name());
            } else {
                throw new IllegalArgumentException("give the select item " + item
                        + " a label with as(...) to use it from common table expression " + cte);
            }
        }
        return names;
    }

    @Override
    public String sourceName() {
        return name;
    }

    /**
     * Returns the CTE's columns, typed as the items of its (first) select.
     *
     * @return the columns, qualified by the CTE's name
     */
    @Override
    public List<Column<?>> columns() {
        List<Expression<?>> items = first(body).items();
        List<Column<?>> columns = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            SqlType<?> type = items.get(i).type();
            columns.add(type == null ? outer(columnNames.get(i), SqlType.UNKNOWN) : outer(columnNames.get(i), type));
        }
        return columns;
    }

    private <T> Column<T> outer(String column, SqlType<T> type) {
        return new Column<>(this, column, type, true, false, null);
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitCommonTableExpression(this);
    }
}
