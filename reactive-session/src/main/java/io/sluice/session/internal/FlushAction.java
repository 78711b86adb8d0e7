package io.sluice.session.internal;

import io.sluice.core.sql.Column;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.TablePart;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One step of a flush: a batch of inserts of one shape, the update of one row, or the deletes of one table. */
public sealed interface FlushAction permits FlushAction.InsertBatch, FlushAction.UpdateRow, FlushAction.DeleteRows {

    /**
     * Inserts of objects of one class that give values for the same columns, sent as multi-row inserts.
     *
     * @param model the class's mapping
     * @param columns the attributes given values, in column order
     * @param states the objects, in the order they were added
     * @param generated the attribute whose value the database generates, or {@code null}
     * @param part in a joined-table hierarchy, the table inserted into; {@code null} for the class's one table
     * @param targets the columns of the INSERT, one per attribute of {@code columns} (a subclass table's key columns stand
     *     for the key attributes)
     */
    public record InsertBatch(
            EntityModel<?> model,
            List<Attribute<?, ?>> columns,
            List<EntityState<?>> states,
            @Nullable Attribute<?, ?> generated,
            @Nullable TablePart part,
            List<? extends Column<?>> targets)
            implements FlushAction {

        /**
         * Inserts into the class's one table.
         *
         * @param model the class's mapping
         * @param columns the attributes given values, in column order
         * @param states the objects, in the order they were added
         * @param generated the attribute whose value the database generates, or {@code null}
         */
        public InsertBatch(
                EntityModel<?> model,
                List<Attribute<?, ?>> columns,
                List<EntityState<?>> states,
                @Nullable Attribute<?, ?> generated) {
            this(model, columns, states, generated, null, columns);
        }
    }

    /**
     * The update of one object's changed columns.
     *
     * @param state the object
     * @param changed the changed attributes
     * @param part in a joined-table hierarchy, the table updated; {@code null} for the class's one table
     */
    public record UpdateRow(
            EntityState<?> state,
            List<Attribute<?, ?>> changed,
            @Nullable TablePart part) implements FlushAction {

        /**
         * The update of a row of the class's one table.
         *
         * @param state the object
         * @param changed the changed attributes
         */
        public UpdateRow(EntityState<?> state, List<Attribute<?, ?>> changed) {
            this(state, changed, null);
        }
    }

    /**
     * The deletes of objects of one class.
     *
     * @param model the class's mapping
     * @param states the objects
     * @param part in a joined-table hierarchy, the table deleted from; {@code null} for the class's one table
     */
    public record DeleteRows(
            EntityModel<?> model,
            List<EntityState<?>> states,
            @Nullable TablePart part) implements FlushAction {}
}
