package io.sluice.session;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.TableAlias;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One item of a query's result: a whole entity (read from its columns) or one expression. */
sealed interface QueryItem permits QueryItem.EntityItem, QueryItem.ExpressionItem {

    /** Returns the select-list expressions the item reads. */
    List<Expression<?>> columns();

    /**
     * An entity read from the columns of its table or of an alias of it.
     *
     * @param model the class's mapping
     * @param source the table or alias
     */
    record EntityItem(EntityModel<?> model, ColumnSource source) implements QueryItem {

        @Override
        public List<Expression<?>> columns() {
            List<Expression<?>> columns = new ArrayList<>();
            for (Attribute<?, ?> attribute : model.attributes()) {
                if (attribute.isFormula()) {
                    // named, so that a subquery of the entity (anon_1) offers it as a column
                    columns.add(attribute.on(source).as(attribute.name()));
                } else if (source instanceof Table) {
                    columns.add(attribute);
                } else if (source instanceof TableAlias alias) {
                    columns.add(alias.column(attribute));
                } else {
                    columns.add(source.column(attribute.name()));
                }
            }
            return columns;
        }
    }

    /**
     * Returns the condition that keeps the rows of a subclass in a single-table hierarchy: its discriminator among the
     * values of the class and its subclasses.
     *
     * @param model the class's mapping
     * @param source its table or alias
     * @return the condition, or {@code null} for a class outside a hierarchy or the root of one
     */
    @SuppressWarnings("unchecked")
    static @Nullable Expression<Boolean> discriminatorFilter(EntityModel<?> model, ColumnSource source) {
        Attribute<?, ?> discriminator = model.discriminator();
        if (discriminator == null || !model.isSubclass()) {
            return null;
        }
        Column<String> column = (Column<String>)
                (source instanceof Table
                        ? discriminator
                        : source instanceof TableAlias alias
                                ? alias.column(discriminator)
                                : source.column(discriminator.name()));
        return column.in(model.discriminatorValues());
    }

    /**
     * One expression.
     *
     * @param expression the expression
     */
    record ExpressionItem(Expression<?> expression) implements QueryItem {

        @Override
        public List<Expression<?>> columns() {
            return List.of(expression);
        }
    }
}
