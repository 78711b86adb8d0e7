package io.sluice.session;

import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.Table;
import io.sluice.session.internal.EntityState;
import io.sluice.session.internal.IdentityMap;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.ManyToManyRelationship;
import io.sluice.session.mapping.ManyToOneRelationship;
import io.sluice.session.mapping.OneToManyRelationship;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The relationships' part of a flush, after SQLAlchemy's dependency processors: before the flush, the save-update cascade, the
 * orphans, and the deletes followed to children (deleted, or their foreign keys set to NULL, as rows or as bulk statements);
 * during it, the keys of referenced objects copied into foreign keys (many-to-one) and the rows of the association tables
 * (many-to-many). Each kind of relationship is handled through the model's typed list of that kind.
 */
final class FlushDependencies {

    private final UnitOfWork unitOfWork;
    private final IdentityMap identityMap;
    private final List<EntityState<?>> toDelete;
    private final int flushBatchSize;
    /** Bulk UPDATEs and DELETEs of the children of deleted parents whose collections were not loaded. */
    private final List<Statement> bulk = new ArrayList<>();

    private final Set<EntityState<?>> deletesPrepared = Collections.newSetFromMap(new IdentityHashMap<>(4));

    FlushDependencies(
            UnitOfWork unitOfWork, IdentityMap identityMap, List<EntityState<?>> toDelete, int flushBatchSize) {
        this.unitOfWork = unitOfWork;
        this.identityMap = identityMap;
        this.toDelete = toDelete;
        this.flushBatchSize = flushBatchSize;
    }

    /** The bulk statements worked out so far, to send after the saves. */
    List<Statement> bulk() {
        return List.copyOf(bulk);
    }

    /** Whether the flush has bulk statements to send. */
    boolean hasBulk() {
        return !bulk.isEmpty();
    }

    /** Whether an object that reported a relationship change has a reference set or a many-to-many link added or removed. */
    boolean relationshipsChanged() {
        for (EntityState<?> state : identityMap.withChangedRelations()) {
            for (ManyToOneRelationship<?, ?> relationship : state.model().manyToOnes()) {
                if (RelationAccess.isModified((ToOne<?>) relationship.holder(state.entity()))) {
                    return true;
                }
            }
            for (ManyToManyRelationship<?, ?> relationship : state.model().manyToManys()) {
                if (RelationAccess.hasLinkChanges((ToMany<?>) relationship.holder(state.entity()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Forgets the work of a flush that was rolled back. */
    void reset() {
        bulk.clear();
        deletesPrepared.clear();
    }

    /** Adds the new objects reachable through the loaded relationships of an object (save-update cascade). */
    @SuppressWarnings("unchecked")
    <E> void cascadeFrom(E entity, EntityModel<E> model) {
        for (Relationship<E, ?> relationship : model.relationships()) {
            Object holder = relationship.holder(entity);
            if (!RelationAccess.isLoaded(holder)) {
                continue;
            }
            for (Object target : RelationAccess.contents(holder)) {
                if (identityMap.stateOf(target) == null) {
                    unitOfWork.add(target);
                }
            }
        }
    }

    /**
     * Makes the session's objects ready to flush: adds new objects reachable from tracked ones, deletes orphans, and follows
     * deletes along one-to-many relationships (deleting children with a delete cascade, or setting their foreign keys to NULL).
     */
    @SuppressWarnings("unchecked")
    void prepare() {
        // add() already cascaded from every pending object and bound its relationships, which report later changes:
        // only objects with reported changes can reach new objects.
        for (EntityState<?> state : identityMap.withChangedRelations()) {
            if (state.status() != EntityState.Status.DELETED
                    && !state.model().relationships().isEmpty()) {
                cascadeFrom((Object) state.entity(), (EntityModel<Object>) state.model());
            }
        }
        // Indexed loops here and in the other walks over every changed or pending object of a flush: their iterators
        // were not optimised away and showed up as a per-object allocation.
        List<EntityState<?>> states = identityMap.changedOrPending();
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            List<? extends OneToManyRelationship<?, ?>> oneToMany =
                    state.model().oneToManys();
            for (int r = 0; r < oneToMany.size(); r++) {
                OneToManyRelationship<?, ?> relationship = oneToMany.get(r);
                if (!relationship.cascades(Cascade.DELETE_ORPHAN)) {
                    continue;
                }
                Object holder = relationship.holder(state.entity());
                if (holder instanceof ToMany<?> many && many.isLoaded()) {
                    for (Object orphan : RelationAccess.takeRemoved(many)) {
                        EntityState<?> orphanState = identityMap.stateOf(orphan);
                        boolean adopted = relationship.inverse().holder(orphan) instanceof ToOne<?> back
                                && back.isLoaded()
                                && !RelationAccess.contents(back).isEmpty();
                        if (orphanState != null && !adopted) {
                            unitOfWork.delete(orphan);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < toDelete.size(); i++) {
            EntityState<?> state = toDelete.get(i);
            if (deletesPrepared.add(state)) {
                prepareDelete((EntityState<Object>) state);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void prepareDelete(EntityState<Object> state) {
        Object parentId = state.model().identity(state.entity());
        if (parentId == null) {
            return;
        }
        for (ManyToManyRelationship<Object, ?> relationship : state.model().manyToManys()) {
            bulk.add(SQL.deleteFrom(relationship.association())
                    .where(relationship.associationOwnerColumn().eq(parentId)));
        }
        for (OneToManyRelationship<Object, ?> relationship : state.model().oneToManys()) {
            prepareDelete(state, parentId, relationship);
        }
    }

    /** Follows the delete of a parent to its children: deletes them (delete cascade) or sets their foreign keys to NULL. */
    private <T> void prepareDelete(
            EntityState<Object> state, Object parentId, OneToManyRelationship<Object, T> relationship) {
        Attribute<T, Object> foreignKey = relationship.foreignKey();
        Object holder = relationship.holder(state.entity());
        boolean loaded = RelationAccess.isLoaded(holder);
        List<Object> children = new ArrayList<>();
        if (loaded) {
            children.addAll(RelationAccess.contents(holder));
        }
        for (EntityState<?> candidate : identityMap.keyed()) {
            if (candidate.model().type() == relationship.target()
                    && parentId.equals(foreignKey.read(candidate.entity()))
                    && !children.contains(candidate.entity())) {
                children.add(candidate.entity());
            }
        }
        boolean cascade = relationship.cascades(Cascade.DELETE);
        ManyToOneRelationship<T, Object> inverse = relationship.inverse();
        for (Object child : children) {
            EntityState<?> childState = identityMap.stateOf(child);
            if (cascade) {
                if (childState != null && childState.status() != EntityState.Status.DELETED) {
                    unitOfWork.delete(child);
                }
            } else {
                if (inverse.holder(child) instanceof ToOne<?> back) {
                    RelationAccess.setQuietly(back, null);
                }
                foreignKey.write(child, null);
            }
        }
        if (!loaded) {
            Table table =
                    foreignKey.source() instanceof Table t ? t : state.model().table();
            bulk.add(
                    cascade
                            ? SQL.deleteFrom(table).where(foreignKey.eq(parentId))
                            : SQL.update(table).set(foreignKey, (Object) null).where(foreignKey.eq(parentId)));
        }
    }

    /** Copies the keys of referenced objects into the foreign keys of the objects of one table whose references changed. */
    static void copyForeignKeys(List<EntityState<?>> states) {
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            if (state.status() == EntityState.Status.DELETED) {
                continue;
            }
            List<? extends ManyToOneRelationship<?, ?>> manyToOne =
                    state.model().manyToOnes();
            for (int r = 0; r < manyToOne.size(); r++) {
                ManyToOneRelationship<?, ?> relationship = manyToOne.get(r);
                ToOne<?> holder = (ToOne<?>) relationship.holder(state.entity());
                if (!holder.isLoaded() || !RelationAccess.isModified(holder)) {
                    continue;
                }
                List<?> contents = RelationAccess.contents(holder);
                Object target = contents.isEmpty() ? null : contents.get(0);
                Object id = target == null
                        ? null
                        : EntityModel.of(target.getClass()).keyOf(target);
                if (target != null && id == null) {
                    throw new IllegalStateException(relationship + " of " + state.entity() + " refers to " + target
                            + ", which has no key yet and is not in this session: add it to the session");
                }
                Attribute<?, Object> foreignKey = relationship.foreignKey();
                if (!java.util.Objects.equals(foreignKey.read(state.entity()), id)) {
                    foreignKey.write(state.entity(), id);
                }
            }
        }
    }

    /** Returns the inserts and deletes of association rows for the many-to-many collections changed since the last flush. */
    List<Statement> associationRows(List<EntityState<?>> states) {
        java.util.Map<Table, java.util.LinkedHashSet<List<Object>>> inserts = new java.util.LinkedHashMap<>();
        java.util.Map<Table, java.util.LinkedHashSet<List<Object>>> deletes = new java.util.LinkedHashMap<>();
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            if (state.status() == EntityState.Status.DELETED) {
                continue;
            }
            List<? extends ManyToManyRelationship<?, ?>> manyToMany =
                    state.model().manyToManys();
            for (int r = 0; r < manyToMany.size(); r++) {
                ManyToManyRelationship<?, ?> relationship = manyToMany.get(r);
                ToMany<?> holder = (ToMany<?>) relationship.holder(state.entity());
                if (!holder.isLoaded()) {
                    continue;
                }
                for (Object target : RelationAccess.takeAdded(holder)) {
                    inserts.computeIfAbsent(relationship.association(), t -> new java.util.LinkedHashSet<>())
                            .add(relationship.link(state.entity(), target));
                }
                for (Object target : RelationAccess.takeRemoved(holder)) {
                    deletes.computeIfAbsent(relationship.association(), t -> new java.util.LinkedHashSet<>())
                            .add(relationship.link(state.entity(), target));
                }
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (java.util.Map.Entry<Table, java.util.LinkedHashSet<List<Object>>> entry : deletes.entrySet()) {
            Table table = entry.getKey();
            io.sluice.core.sql.Column<Object> first =
                    (io.sluice.core.sql.Column<Object>) table.columns().get(0);
            io.sluice.core.sql.Column<Object> second =
                    (io.sluice.core.sql.Column<Object>) table.columns().get(1);
            for (List<Object> pair : entry.getValue()) {
                statements.add(SQL.deleteFrom(table).where(first.eq(pair.get(0)).and(second.eq(pair.get(1)))));
            }
        }
        for (java.util.Map.Entry<Table, java.util.LinkedHashSet<List<Object>>> entry : inserts.entrySet()) {
            Table table = entry.getKey();
            List<List<?>> rows = new ArrayList<>(entry.getValue());
            for (int from = 0; from < rows.size(); from += flushBatchSize) {
                statements.add(SQL.insertInto(table)
                        .columns(table.columns().get(0), table.columns().get(1))
                        .rows(rows.subList(from, Math.min(rows.size(), from + flushBatchSize))));
            }
        }
        return statements;
    }

    /** Forgets what a successful flush wrote: references set, bulk statements, deletes followed. */
    void flushed(List<EntityState<?>> states) {
        bulk.clear();
        deletesPrepared.clear();
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            List<? extends ManyToOneRelationship<?, ?>> manyToOne =
                    state.model().manyToOnes();
            for (int r = 0; r < manyToOne.size(); r++) {
                RelationAccess.clearModified((ToOne<?>) manyToOne.get(r).holder(state.entity()));
            }
        }
    }
}
