package io.sluice.session.mapping;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.Table;
import java.util.List;

/**
 * One table of a class in a joined-table hierarchy, as the flush writes it: the table, the class whose objects have a row in
 * it, the table's key columns, and the attributes stored in it.
 *
 * @param table the table
 * @param owner the class whose objects (and its subclasses') have a row in the table
 * @param keys the table's key columns, in key order: the root's key attributes for the root's table, else the subclass
 *     table's own columns of the same names
 * @param attributes the attributes stored in the table, in attribute order (for the root's table, its key too)
 * @param root whether this is the root's table, which holds the key, the version and the discriminator
 */
public record TablePart(
        Table table, Class<?> owner, List<? extends Column<?>> keys, List<Attribute<?, ?>> attributes, boolean root) {

    /**
     * Copies the lists.
     */
    public TablePart {
        keys = List.copyOf(keys);
        attributes = List.copyOf(attributes);
    }

    /**
     * Returns whether an object has a row in this table: it is of the owning class.
     *
     * @param entity an object of the hierarchy
     * @return {@code true} if it has a row here
     */
    public boolean holds(Object entity) {
        return owner.isInstance(entity);
    }
}
