package io.sluice.session.internal;

import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
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
     */
    public record InsertBatch(
            EntityModel<?> model,
            List<Attribute<?, ?>> columns,
            List<EntityState<?>> states,
            @Nullable Attribute<?, ?> generated)
            implements FlushAction {}

    /**
     * The update of one object's changed columns.
     *
     * @param state the object
     * @param changed the changed attributes
     */
    public record UpdateRow(EntityState<?> state, List<Attribute<?, ?>> changed) implements FlushAction {}

    /**
     * The deletes of objects of one class.
     *
     * @param model the class's mapping
     * @param states the objects
     */
    public record DeleteRows(EntityModel<?> model, List<EntityState<?>> states) implements FlushAction {}
}
