package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.FromItem;
import io.sluice.core.sql.TableAlias;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;

/**
 * An entity class read from an alias of its table ({@code users AS user_alias}), from a subquery over it ({@code (SELECT ...)
 * AS anon_1}) or from a common table expression that selects its columns by name ({@code WITH RECURSIVE tree AS (...)}), so
 * that its table can appear twice in a query or its rows can come from a subquery or a CTE.
 *
 * @param model the class's mapping
 * @param source the aliased table or the subquery
 * @param <E> the class
 */
public record Aliased<E>(EntityModel<E> model, ColumnSource source) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}, the alias is not of the class's table, or the source is a plain
     *     table
     */
    public Aliased {
        Assert.requireNonNull(model, "model must not be null");
        Assert.requireNonNull(source, "source must not be null");
        Assert.isTrue(
                source instanceof TableAlias
                        || source instanceof DerivedTable
                        || source instanceof io.sluice.core.sql.CommonTableExpression,
                "give an alias, a subquery or a common table expression");
        Assert.isTrue(
                !(source instanceof TableAlias) || !model.isJoined(),
                model.type().getSimpleName() + " is mapped in a joined-table hierarchy (its columns are in several"
                        + " tables) and cannot be aliased by table: alias a subquery of it instead (session.aliased(type,"
                        + " query.subquery(name)))");
        Assert.isTrue(
                !(source instanceof TableAlias alias) || alias.table() == model.table(),
                "the alias must be of table " + model.table().name());
    }

    /**
     * Returns an entity class under an alias.
     *
     * @param type the entity class
     * @param alias the alias
     * @param <E> the class
     * @return the aliased entity
     */
    public static <E> Aliased<E> of(Class<E> type, String alias) {
        EntityModel<E> model = EntityModel.of(type);
        return new Aliased<>(model, model.table().as(alias));
    }

    /**
     * Returns the alias or subquery, for joins.
     *
     * @return the FROM item
     */
    public FromItem alias() {
        return (FromItem) source;
    }

    /**
     * Returns an attribute of the class as a column of the alias or subquery, for filters, joins and select lists.
     *
     * @param attribute an attribute of the class
     * @param <V> its Java type
     * @return the column qualified by the alias
     */
    @SuppressWarnings("unchecked")
    public <V> Column<V> get(Attribute<E, V> attribute) {
        Assert.requireNonNull(attribute, "attribute must not be null");
        if (attribute.isFormula()) {
            throw new IllegalArgumentException(
                    attribute + " is a @Formula, not a column: read it through the alias with"
                            + " attribute.on(...) on the alias's table or subquery");
        }
        if (source instanceof TableAlias alias) {
            return alias.column(attribute);
        }
        return (Column<V>) source.column(attribute.name());
    }
}
