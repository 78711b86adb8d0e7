package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;

/**
 * A select used as a table in a FROM clause, under an alias: {@code (SELECT ...) AS alias}.
 *
 * @param select the subquery
 * @param alias the alias
 */
public record DerivedTable(Select select, String alias) implements FromItem, ColumnSource {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if {@code select} is {@code null} or {@code alias} is blank
     */
    public DerivedTable {
        Assert.requireNonNull(select, "select must not be null");
        Identifiers.check(alias, "alias");
    }

    @Override
    public String sourceName() {
        return alias;
    }

    /**
     * Returns the subquery's columns as seen from outside: one per select item, named by its label or column name.
     *
     * @return the columns
     * @throws IllegalArgumentException if a select item has neither a label nor a column name
     */
    @Override
    public List<Column<?>> columns() {
        List<Column<?>> columns = new ArrayList<>(select.items().size());
        for (Expression<?> item : select.items()) {
            columns.add(outer(item));
        }
        return columns;
    }

    /**
     * Returns the subquery's column that exposes a select item, typed as the item.
     *
     * @param item an item of the subquery's select list (a column or a label)
     * @param <T> the Java type of its values
     * @return the column qualified by the alias
     * @throws IllegalArgumentException if the item is not in the select list
     */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(Expression<T> item) {
        Assert.isTrue(select.items().contains(item), "the subquery " + alias + " does not select " + item);
        return (Column<T>) outer(item);
    }

    private Column<?> outer(Expression<?> item) {
        String name;
        if (item instanceof Label<?> label) {
            name = label.name();
        } else if (item instanceof Column<?> column) {
            name = column.name();
        } else {
            throw new IllegalArgumentException(
                    "give the select item " + item + " a label with as(...) to use it from subquery " + alias);
        }
        SqlType<?> type = item.type();
        return type == null ? outerColumn(name, SqlType.UNKNOWN) : outerColumn(name, type);
    }

    private <T> Column<T> outerColumn(String name, SqlType<T> type) {
        return new Column<>(this, name, type, true, false, null);
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitDerivedTable(this);
    }
}
