package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.TableAlias;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;

/**
 * An entity class under an alias, so that its table can appear twice in a query or be named: {@code users AS user_alias}.
 *
 * @param model the class's mapping
 * @param alias the aliased table
 * @param <E> the class
 */
public record Aliased<E>(EntityModel<E> model, TableAlias alias) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null} or the alias is not of the class's table
     */
    public Aliased {
        Assert.requireNonNull(model, "model must not be null");
        Assert.requireNonNull(alias, "alias must not be null");
        Assert.isTrue(
                alias.table() == model.table(),
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
     * Returns an attribute of the class as a column of the alias, for filters and select lists.
     *
     * @param attribute an attribute of the class
     * @param <V> its Java type
     * @return the column qualified by the alias
     */
    public <V> Column<V> get(Attribute<E, V> attribute) {
        return alias.column(attribute);
    }
}
