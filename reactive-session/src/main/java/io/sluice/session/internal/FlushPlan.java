package io.sluice.session.internal;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.TablePart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a flush will do, worked out without touching the database: for each table in foreign-key order (parents first), the
 * updates of its changed objects and then the inserts of its new ones, batched by shape; then the deletes, children first.
 * Within a table, objects keep the order in which they entered the session.
 */
public final class FlushPlan {

    private final List<FlushAction> actions;

    private FlushPlan(List<FlushAction> actions) {
        this.actions = List.copyOf(actions);
    }

    /**
     * Returns the saves of one table's objects: the updates of the changed ones, then the inserts of the new ones by shape.
     *
     * @param keyed the table's objects that have a key, in the order they entered the session
     * @param pending the table's new objects, in the order they were added
     * @return the plan
     */
    public static FlushPlan organizeSaves(List<EntityState<?>> keyed, List<EntityState<?>> pending) {
        return organizeSaves(keyed, pending, null);
    }

    /**
     * Returns the saves of one table's objects: the updates of the changed ones, then the inserts of the new ones by shape. In
     * a joined-table hierarchy, only the columns stored in the table are written.
     *
     * @param keyed the table's objects that have a key, in the order they entered the session
     * @param pending the table's new objects, in the order they were added
     * @param table the table, or {@code null} outside a joined hierarchy
     * @return the plan
     */
    public static FlushPlan organizeSaves(
            List<EntityState<?>> keyed, List<EntityState<?>> pending, @Nullable Table table) {
        if (table != null) {
            EntityModel<?> first = (keyed.isEmpty() ? pending : keyed).get(0).model();
            if (first.isJoined()) {
                return organizeJoinedSaves(keyed, pending, table);
            }
        }
        List<FlushAction> actions = new ArrayList<>();
        for (EntityState<?> state : keyed) {
            if (state.status() == EntityState.Status.PERSISTENT) {
                List<? extends Attribute<?, ?>> changed = state.changedAttributes();
                if (!changed.isEmpty()) {
                    actions.add(new FlushAction.UpdateRow(state, List.copyOf(changed)));
                }
            }
        }
        Map<List<Attribute<?, ?>>, List<EntityState<?>>> shapes = new LinkedHashMap<>();
        // Most objects of a table share a shape: it is worked out once per model and set of unset generated columns.
        Map<EntityModel<?>, Map<Long, List<EntityState<?>>>> byMask = new java.util.IdentityHashMap<>();
        for (EntityState<?> state : pending) {
            long mask = unsetGenerated(state);
            if (mask < 0) {
                shapes.computeIfAbsent(shape(state), key -> new ArrayList<>()).add(state);
                continue;
            }
            byMask.computeIfAbsent(state.model(), model -> new LinkedHashMap<>())
                    .computeIfAbsent(mask, key -> shapes.computeIfAbsent(shape(state), columns -> new ArrayList<>()))
                    .add(state);
        }
        for (Map.Entry<List<Attribute<?, ?>>, List<EntityState<?>>> shape : shapes.entrySet()) {
            EntityModel<?> model = shape.getValue().get(0).model();
            actions.add(new FlushAction.InsertBatch(
                    model, shape.getKey(), shape.getValue(), generated(model, shape.getKey())));
        }
        return new FlushPlan(actions);
    }

    /**
     * The saves at one table's turn of objects of a joined-table hierarchy: updates of the columns stored in the table (the
     * root's table also when only the version goes up), then inserts of the objects' rows in it, batched by class and shape.
     */
    private static FlushPlan organizeJoinedSaves(
            List<EntityState<?>> keyed, List<EntityState<?>> pending, Table table) {
        List<FlushAction> actions = new ArrayList<>();
        for (EntityState<?> state : keyed) {
            if (state.status() != EntityState.Status.PERSISTENT) {
                continue;
            }
            List<? extends Attribute<?, ?>> changed = state.changedAttributes();
            if (changed.isEmpty()) {
                continue;
            }
            TablePart part = state.model().tablePart(table);
            List<Attribute<?, ?>> mine = new ArrayList<>();
            for (Attribute<?, ?> attribute : changed) {
                if (attribute.source() == table) {
                    mine.add(attribute);
                }
            }
            // a change anywhere raises the version, which the root's table holds
            if (!mine.isEmpty() || (part.root() && state.model().version() != null)) {
                actions.add(new FlushAction.UpdateRow(state, List.copyOf(mine), part));
            }
        }
        Map<EntityModel<?>, List<EntityState<?>>> byModel = new LinkedHashMap<>();
        for (EntityState<?> state : pending) {
            byModel.computeIfAbsent(state.model(), model -> new ArrayList<>()).add(state);
        }
        for (Map.Entry<EntityModel<?>, List<EntityState<?>>> entry : byModel.entrySet()) {
            EntityModel<?> model = entry.getKey();
            TablePart part = model.tablePart(table);
            if (!part.root()) {
                List<Attribute<?, ?>> columns = new ArrayList<>(model.ids());
                List<Column<?>> targets = new ArrayList<>(part.keys());
                for (Attribute<?, ?> attribute : part.attributes()) {
                    if (attribute.isInsertable()) {
                        columns.add(attribute);
                        targets.add(attribute);
                    }
                }
                actions.add(new FlushAction.InsertBatch(model, columns, entry.getValue(), null, part, targets));
                continue;
            }
            Map<List<Attribute<?, ?>>, List<EntityState<?>>> shapes = new LinkedHashMap<>();
            for (EntityState<?> state : entry.getValue()) {
                List<Attribute<?, ?>> columns = new ArrayList<>();
                for (Attribute<?, ?> attribute : part.attributes()) {
                    if (!(attribute.isGenerated() && value(attribute, state) == null) && attribute.isInsertable()) {
                        columns.add(attribute);
                    }
                }
                shapes.computeIfAbsent(columns, key -> new ArrayList<>()).add(state);
            }
            for (Map.Entry<List<Attribute<?, ?>>, List<EntityState<?>>> shape : shapes.entrySet()) {
                actions.add(new FlushAction.InsertBatch(
                        model,
                        shape.getKey(),
                        shape.getValue(),
                        generated(model, shape.getKey()),
                        part,
                        shape.getKey()));
            }
        }
        return new FlushPlan(actions);
    }

    /**
     * Returns the deletes, children's tables first.
     *
     * @param deleted the objects marked for deletion
     * @param order the tables in foreign-key order
     * @return the plan
     */
    public static FlushPlan organizeDeletes(List<EntityState<?>> deleted, List<Table> order) {
        List<FlushAction> actions = new ArrayList<>();
        List<Table> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        for (Table table : reversed) {
            List<EntityState<?>> rows = new ArrayList<>();
            Map<EntityModel<?>, List<EntityState<?>>> joined = new LinkedHashMap<>();
            for (EntityState<?> state : deleted) {
                EntityModel<?> model = state.model();
                if (model.isJoined()) {
                    for (TablePart part : model.tableParts()) {
                        if (part.table() == table && part.holds(state.entity())) {
                            joined.computeIfAbsent(model, key -> new ArrayList<>())
                                    .add(state);
                        }
                    }
                } else if (model.storageTable() == table) {
                    rows.add(state);
                }
            }
            if (!rows.isEmpty()) {
                actions.add(new FlushAction.DeleteRows(rows.get(0).model(), rows, null));
            }
            // a joined hierarchy's rows go from its subclasses' tables first, which come later in foreign-key order
            joined.forEach(
                    (model, states) -> actions.add(new FlushAction.DeleteRows(model, states, model.tablePart(table))));
        }
        return new FlushPlan(actions);
    }

    /**
     * Returns the positions of the generated attributes that have no value yet, as bits; -1 if the model has more than 63
     * attributes.
     */
    private static long unsetGenerated(EntityState<?> state) {
        List<? extends Attribute<?, ?>> attributes = state.model().attributes();
        if (attributes.size() > 63) {
            return -1;
        }
        long mask = 0;
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).isGenerated() && value(attributes.get(i), state) == null) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /**
     * The columns an insert gives values for: all but a generated key that has no value yet, and those INSERTs do not write
     * (database-generated, formulas, {@code insertable = false}).
     */
    private static List<Attribute<?, ?>> shape(EntityState<?> state) {
        List<Attribute<?, ?>> columns = new ArrayList<>();
        for (Attribute<?, ?> attribute : state.model().attributes()) {
            if ((attribute.isGenerated() && value(attribute, state) == null) || !attribute.isInsertable()) {
                continue;
            }
            columns.add(attribute);
        }
        return columns;
    }

    private static @org.jspecify.annotations.Nullable Attribute<?, ?> generated(
            EntityModel<?> model, List<Attribute<?, ?>> columns) {
        for (Attribute<?, ?> attribute : model.attributes()) {
            if (attribute.isGenerated() && !columns.contains(attribute)) {
                return attribute;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public static @org.jspecify.annotations.Nullable Object value(Attribute<?, ?> attribute, EntityState<?> state) {
        return ((Attribute<Object, ?>) attribute).get(state.entity());
    }

    /**
     * Returns the steps, in the order they run.
     *
     * @return the steps
     */
    public List<FlushAction> actions() {
        return actions;
    }

    /**
     * Returns whether there is nothing to do.
     *
     * @return {@code true} if the flush would send no statement
     */
    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
