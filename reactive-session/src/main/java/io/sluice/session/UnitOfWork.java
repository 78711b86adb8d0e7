package io.sluice.session;

import io.sluice.core.SqlConnection;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.Table;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.internal.FlushPlan;
import io.sluice.session.internal.IdentityMap;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Mapping;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The state a session tracks between flushes, and the transitions of its objects: pending, persistent, deleted, and back on
 * rollback. A flush organizes a {@link FlushPlan}, sends it, and marks objects clean only if every statement succeeded.
 */
final class UnitOfWork {

    private final Mapping mapping;
    private final IdentityMap identityMap = new IdentityMap();
    private final List<EntityState<?>> toDelete = new ArrayList<>();
    private final List<EntityState<?>> deletedInTransaction = new ArrayList<>();
    private final RelationLoader loader;
    private final int flushBatchSize;
    private final List<Statement> bulk = new ArrayList<>();
    private final Set<EntityState<?>> deletesPrepared = Collections.newSetFromMap(new IdentityHashMap<>(4));
    /** The objects whose snapshot a flush of the current transaction replaced (their committed values are kept aside). */
    private final List<EntityState<?>> flushedInTransaction = new ArrayList<>();

    /**
     * Creates an empty unit of work.
     *
     * @param mapping the mapping of the objects it will hold
     * @param loader what loads the relationships of its objects
     * @param flushBatchSize the most rows in one multi-row INSERT or UPDATE
     */
    public UnitOfWork(Mapping mapping, RelationLoader loader, int flushBatchSize) {
        this.mapping = mapping;
        this.loader = loader;
        this.flushBatchSize = flushBatchSize;
    }

    /**
     * Returns the identity map.
     *
     * @return the identity map
     */
    public IdentityMap identityMap() {
        return identityMap;
    }

    /**
     * Adds a new object (pending), or takes back an object marked for deletion; a persistent object is left as it is.
     *
     * @param entity the object
     * @param <E> its class
     * @throws IllegalArgumentException if its class is not mapped
     */
    @SuppressWarnings("unchecked")
    public <E> void add(E entity) {
        EntityState<E> state = identityMap.stateOf(entity);
        if (state == null) {
            EntityModel<E> model = mapping.entity((Class<E>) entity.getClass());
            Object id = model.identity(entity);
            if (id != null && identityMap.get(model.type(), id) != null) {
                throw new IllegalArgumentException("another " + model.type().getSimpleName() + " with key " + id
                        + " is already in this session; load and change that one, or expunge it first");
            }
            identityMap.addPending(entity, model);
            for (Relationship<E, ?> relationship : model.relationships()) {
                Object holder = relationship.holder(entity);
                RelationAccess.bind(holder, loader, RelationAccess.isLoaded(holder));
            }
            cascadeFrom(entity, model);
        } else if (state.status() == EntityState.Status.DELETED && !state.deleteFlushed()) {
            toDelete.remove(state);
            state.status(EntityState.Status.PERSISTENT);
        }
    }

    /**
     * Marks an object for deletion at the next flush; a pending object is simply forgotten.
     *
     * @param entity the object
     * @throws DetachedInstanceException if the object is not in this session
     */
    public void delete(Object entity) {
        EntityState<?> state = identityMap.stateOf(entity);
        if (state == null) {
            throw new DetachedInstanceException(entity.getClass().getSimpleName() + " " + entity
                    + " is not in this session: load it with this session (or add it) before deleting it");
        }
        if (state.status() == EntityState.Status.PENDING) {
            identityMap.remove(state);
        } else if (state.status() == EntityState.Status.PERSISTENT) {
            state.status(EntityState.Status.DELETED);
            toDelete.add(state);
        }
    }

    /**
     * Forgets an object: it is no longer tracked, and its changes are not flushed.
     *
     * @param entity the object
     */
    public void expunge(Object entity) {
        EntityState<?> state = identityMap.stateOf(entity);
        if (state != null) {
            identityMap.remove(state);
            toDelete.remove(state);
            unbind(state);
        }
    }

    private static void unbind(EntityState<?> state) {
        for (Relationship<?, ?> relationship : state.model().relationships()) {
            Object holder = relationship.holder(state.entity());
            RelationAccess.bind(holder, null, RelationAccess.isLoaded(holder));
        }
    }

    private <E> void bindLoaded(E entity, EntityModel<E> model) {
        for (Relationship<E, ?> relationship : model.relationships()) {
            Object holder = relationship.holder(entity);
            if (relationship.kind() == Relationship.Kind.MANY_TO_ONE && foreignKeyValue(relationship, entity) == null) {
                RelationAccess.bind(holder, loader, true);
                RelationAccess.fill(holder, List.of());
            } else {
                RelationAccess.bind(holder, loader, false);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object foreignKeyValue(Relationship<?, ?> relationship, Object entity) {
        return ((Attribute<Object, ?>) relationship.foreignKey()).get(entity);
    }

    /** Adds the new objects reachable through the loaded relationships of an object (save-update cascade). */
    @SuppressWarnings("unchecked")
    private <E> void cascadeFrom(E entity, EntityModel<E> model) {
        for (Relationship<E, ?> relationship : model.relationships()) {
            Object holder = relationship.holder(entity);
            if (!RelationAccess.isLoaded(holder)) {
                continue;
            }
            for (Object target : RelationAccess.contents(holder)) {
                if (identityMap.stateOf(target) == null) {
                    add(target);
                }
            }
        }
    }

    /**
     * Makes the session's objects ready to flush: adds new objects reachable from tracked ones, deletes orphans, and follows
     * deletes along one-to-many relationships (deleting children with a delete cascade, or setting their foreign keys to NULL).
     */
    @SuppressWarnings("unchecked")
    private void prepare() {
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
            List<? extends Relationship<?, ?>> oneToMany = state.model().relationships(Relationship.Kind.ONE_TO_MANY);
            for (int r = 0; r < oneToMany.size(); r++) {
                Relationship<?, ?> relationship = oneToMany.get(r);
                if (!relationship.cascades(Cascade.DELETE_ORPHAN)) {
                    continue;
                }
                Object holder = relationship.holder(state.entity());
                if (holder instanceof ToMany<?> many && many.isLoaded()) {
                    for (Object orphan : RelationAccess.takeRemoved(many)) {
                        EntityState<?> orphanState = identityMap.stateOf(orphan);
                        Relationship<?, ?> inverse = relationship.inverse();
                        boolean adopted = inverse != null
                                && inverse.holder(orphan) instanceof ToOne<?> back
                                && back.isLoaded()
                                && !RelationAccess.contents(back).isEmpty();
                        if (orphanState != null && !adopted) {
                            delete(orphan);
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
        for (Relationship<Object, ?> relationship : state.model().relationships()) {
            if (relationship.kind() == Relationship.Kind.MANY_TO_MANY) {
                io.sluice.core.sql.Column<Object> mine =
                        (io.sluice.core.sql.Column<Object>) relationship.associationOwnerColumn();
                bulk.add(SQL.deleteFrom(relationship.association()).where(mine.eq(parentId)));
                continue;
            }
            if (relationship.kind() != Relationship.Kind.ONE_TO_MANY) {
                continue;
            }
            Attribute<Object, Object> foreignKey = (Attribute<Object, Object>) relationship.foreignKey();
            Object holder = relationship.holder(state.entity());
            boolean loaded = RelationAccess.isLoaded(holder);
            List<Object> children = new ArrayList<>();
            if (loaded) {
                children.addAll(RelationAccess.contents(holder));
            }
            for (EntityState<?> candidate : identityMap.keyed()) {
                if (candidate.model().type() == relationship.target()
                        && parentId.equals(foreignKey.get(candidate.entity()))
                        && !children.contains(candidate.entity())) {
                    children.add(candidate.entity());
                }
            }
            boolean cascade = relationship.cascades(Cascade.DELETE);
            Relationship<?, Object> inverse = (Relationship<?, Object>) relationship.inverse();
            for (Object child : children) {
                EntityState<?> childState = identityMap.stateOf(child);
                if (cascade) {
                    if (childState != null && childState.status() != EntityState.Status.DELETED) {
                        delete(child);
                    }
                } else {
                    if (inverse != null && inverse.holder(child) instanceof ToOne<?> back) {
                        RelationAccess.setQuietly(back, null);
                    }
                    foreignKey.set(child, null);
                }
            }
            if (!loaded) {
                Table table = foreignKey.source() instanceof Table t
                        ? t
                        : state.model().table();
                bulk.add(
                        cascade
                                ? SQL.deleteFrom(table).where(foreignKey.eq(parentId))
                                : SQL.update(table)
                                        .set(foreignKey, (Object) null)
                                        .where(foreignKey.eq(parentId)));
            }
        }
    }

    /** Copies the keys of referenced objects into the foreign keys of the objects of one table whose references changed. */
    @SuppressWarnings("unchecked")
    private static void syncForeignKeys(List<EntityState<?>> states) {
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            if (state.status() == EntityState.Status.DELETED) {
                continue;
            }
            List<? extends Relationship<?, ?>> manyToOne = state.model().relationships(Relationship.Kind.MANY_TO_ONE);
            for (int r = 0; r < manyToOne.size(); r++) {
                Relationship<?, ?> relationship = manyToOne.get(r);
                ToOne<?> holder = (ToOne<?>) relationship.holder(state.entity());
                if (!holder.isLoaded() || !RelationAccess.isModified(holder)) {
                    continue;
                }
                List<?> contents = RelationAccess.contents(holder);
                Object target = contents.isEmpty() ? null : contents.get(0);
                Object id = target == null
                        ? null
                        : ((EntityModel<Object>) EntityModel.of(target.getClass())).identity(target);
                if (target != null && id == null) {
                    throw new IllegalStateException(relationship + " of " + state.entity() + " refers to " + target
                            + ", which has no key yet and is not in this session: add it to the session");
                }
                Attribute<Object, Object> foreignKey = (Attribute<Object, Object>) relationship.foreignKey();
                if (!java.util.Objects.equals(foreignKey.get(state.entity()), id)) {
                    foreignKey.set(state.entity(), id);
                }
            }
        }
    }

    /** Returns the inserts and deletes of association rows for the many-to-many collections changed since the last flush. */
    @SuppressWarnings("unchecked")
    private List<Statement> associationChanges(List<EntityState<?>> states) {
        java.util.Map<Table, java.util.LinkedHashSet<List<Object>>> inserts = new java.util.LinkedHashMap<>();
        java.util.Map<Table, java.util.LinkedHashSet<List<Object>>> deletes = new java.util.LinkedHashMap<>();
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            if (state.status() == EntityState.Status.DELETED) {
                continue;
            }
            List<? extends Relationship<?, ?>> manyToMany = state.model().relationships(Relationship.Kind.MANY_TO_MANY);
            for (int r = 0; r < manyToMany.size(); r++) {
                Relationship<?, ?> relationship = manyToMany.get(r);
                ToMany<?> holder = (ToMany<?>) relationship.holder(state.entity());
                if (!holder.isLoaded()) {
                    continue;
                }
                Object ownerId = ((EntityModel<Object>) state.model()).identity(state.entity());
                for (Object target : RelationAccess.takeAdded(holder)) {
                    inserts.computeIfAbsent(relationship.association(), t -> new java.util.LinkedHashSet<>())
                            .add(pair(relationship, ownerId, target));
                }
                for (Object target : RelationAccess.takeRemoved(holder)) {
                    deletes.computeIfAbsent(relationship.association(), t -> new java.util.LinkedHashSet<>())
                            .add(pair(relationship, ownerId, target));
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

    @SuppressWarnings("unchecked")
    private static List<Object> pair(Relationship<?, ?> relationship, @Nullable Object ownerId, Object target) {
        Object targetId = ((EntityModel<Object>) EntityModel.of(target.getClass())).identity(target);
        if (ownerId == null || targetId == null) {
            throw new IllegalStateException(relationship + " links objects without keys; add both to the session");
        }
        return relationship.isOwningSide() ? List.of(ownerId, targetId) : List.of(targetId, ownerId);
    }

    private static void clearModifiedReferences(List<EntityState<?>> states) {
        for (int s = 0; s < states.size(); s++) {
            EntityState<?> state = states.get(s);
            List<? extends Relationship<?, ?>> manyToOne = state.model().relationships(Relationship.Kind.MANY_TO_ONE);
            for (int r = 0; r < manyToOne.size(); r++) {
                RelationAccess.clearModified((ToOne<?>) manyToOne.get(r).holder(state.entity()));
            }
        }
    }

    /**
     * Returns whether a flush would send anything.
     *
     * @return {@code true} if objects are pending, changed or marked for deletion
     */
    public boolean hasChanges() {
        prepare();
        if (identityMap.hasPending() || !toDelete.isEmpty() || !bulk.isEmpty() || identityMap.anyDirty()) {
            return true;
        }
        for (EntityState<?> state : identityMap.withChangedRelations()) {
            for (Relationship<?, ?> relationship : state.model().relationships()) {
                if (relationship.kind() == Relationship.Kind.MANY_TO_ONE
                        && RelationAccess.isModified((ToOne<?>) relationship.holder(state.entity()))) {
                    return true;
                }
                if (relationship.kind() == Relationship.Kind.MANY_TO_MANY
                        && RelationAccess.hasLinkChanges((ToMany<?>) relationship.holder(state.entity()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a prepared flush has nothing to send: no new, deleted, changed or relationship-changed object. */
    private boolean isClean() {
        return toDelete.isEmpty() && bulk.isEmpty() && identityMap.isClean();
    }

    /**
     * Returns the objects marked for deletion and not yet flushed.
     *
     * @return the objects
     */
    public List<Object> deleted() {
        List<Object> objects = new ArrayList<>();
        for (EntityState<?> state : toDelete) {
            objects.add(state.entity());
        }
        return objects;
    }

    /**
     * Flushes on a connection: plans, sends the statements in order, and marks objects clean. If a statement fails, or the
     * flush is cancelled, the objects are left as they were before the flush (generated keys and versions put back), and the
     * error is signalled.
     *
     * @param connection the session's connection, in a transaction
     * @return completes when flushed
     */
    public Mono<Void> flush(SqlConnection connection) {
        return Mono.defer(() -> {
            prepare();
            if (isClean()) {
                return Mono.empty();
            }
            FlushResult result = new FlushResult();
            FlushExecutor executor = new FlushExecutor(connection, result, flushBatchSize);
            List<Table> order = mapping.metadata().sortedTables();
            List<Statement> statements = List.copyOf(bulk);
            // Grouped once: a table's turn changes only its own objects (inserted ones get keys).
            // Column changes are found by comparing every object with its snapshot; relationship changes only on the
            // objects that reported one, and on new objects.
            List<EntityState<?>> relationsChanged = identityMap.changedOrPending();
            Map<Table, List<EntityState<?>>> keyed = byTable(identityMap.keyed());
            Map<Table, List<EntityState<?>>> pending = byTable(identityMap.pending());
            Map<Table, List<EntityState<?>>> references = byTable(relationsChanged);
            Mono<Void> saves = Flux.fromIterable(order)
                    .concatMap(table -> Mono.defer(() -> {
                        syncForeignKeys(references.getOrDefault(table, List.of()));
                        return executor.emit(FlushPlan.organizeSaves(
                                keyed.getOrDefault(table, List.of()), pending.getOrDefault(table, List.of())));
                    }))
                    .then();
            Mono<Void> links = Mono.defer(() -> executor.emitStatements(associationChanges(relationsChanged)));
            Mono<Void> deletes = Mono.defer(() -> executor.emitStatements(statements)
                    .then(executor.emit(FlushPlan.organizeDeletes(toDelete, order))));
            return saves.then(links)
                    .then(deletes)
                    .doOnSuccess(ignored -> {
                        finalizeFlush(result);
                        bulk.clear();
                        deletesPrepared.clear();
                        clearModifiedReferences(relationsChanged);
                        identityMap.relationsFlushed(relationsChanged);
                    })
                    .doOnError(error -> undo(result))
                    .doOnCancel(() -> undo(result));
        });
    }

    private static Map<Table, List<EntityState<?>>> byTable(List<EntityState<?>> states) {
        Map<Table, List<EntityState<?>>> tables = new IdentityHashMap<>();
        for (EntityState<?> state : states) {
            tables.computeIfAbsent(state.model().table(), table -> new ArrayList<>())
                    .add(state);
        }
        return tables;
    }

    /** Lists an object under its current key value, which a flush or a rollback may have changed. */
    @SuppressWarnings("unchecked")
    private void rekey(EntityState<?> state) {
        Object id = ((EntityModel<Object>) state.model()).identity(state.entity());
        if (id != null) {
            identityMap.rekey(state, id);
        }
    }

    @SuppressWarnings("unchecked")
    private void finalizeFlush(FlushResult result) {
        for (EntityState<?> state : result.inserted) {
            Object id = ((EntityModel<Object>) state.model()).identity(state.entity());
            identityMap.inserted(state, java.util.Objects.requireNonNull(id));
            resnapshot(state);
        }
        for (EntityState<?> state : result.updated) {
            rekey(state);
            resnapshot(state);
        }
        for (EntityState<?> state : result.deleted) {
            toDelete.remove(state);
            state.deleteFlushed(true);
            identityMap.remove(state);
            deletedInTransaction.add(state);
        }
    }

    /**
     * Makes a persistent object read-only, or modifiable again. A read-only object's columns are never compared with its
     * snapshot, so the flush writes none of their changes (its relationships' changes still cascade and link). Made modifiable,
     * the object's current values become its snapshot: changes made while it was read-only are not written, and a rollback
     * puts back the values it had before.
     *
     * @param state the object's state
     * @param readOnly the setting
     */
    public void setReadOnly(EntityState<?> state, boolean readOnly) {
        if (state.isReadOnly() == readOnly) {
            return;
        }
        if (!readOnly) {
            resnapshot(state);
        }
        state.readOnly(readOnly);
    }

    private void resnapshot(EntityState<?> state) {
        if (state.snapshot()) {
            flushedInTransaction.add(state);
        }
    }

    @SuppressWarnings("unchecked")
    private void undo(FlushResult result) {
        for (int i = 0; i < result.generated.size(); i++) {
            ((Attribute<Object, Object>) result.generatedKeys.get(i))
                    .set(result.generated.get(i).entity(), null);
        }
        for (Map.Entry<EntityState<?>, @Nullable Object> version : result.previousVersions.entrySet()) {
            EntityState<?> state = version.getKey();
            Attribute<Object, Object> attribute =
                    (Attribute<Object, Object>) state.model().version();
            if (attribute != null) {
                attribute.set(state.entity(), version.getValue());
            }
        }
    }

    /** Records a commit: the current values become the ones a later rollback restores. */
    public void committed() {
        for (EntityState<?> state : flushedInTransaction) {
            state.commitSnapshot();
            state.insertedInTransaction(false);
        }
        flushedInTransaction.clear();
        deletedInTransaction.clear();
    }

    /**
     * Records a rollback: objects added in the transaction leave the session (generated keys cleared), loaded objects get back
     * their committed values, and deleted objects are back.
     */
    @SuppressWarnings("unchecked")
    public void rolledBack() {
        for (EntityState<?> state : identityMap.all()) {
            if (state.status() == EntityState.Status.PENDING || state.insertedInTransaction()) {
                identityMap.remove(state);
                for (Attribute<?, ?> attribute : state.model().ids()) {
                    if (attribute.isGenerated()) {
                        ((Attribute<Object, Object>) attribute).set(state.entity(), null);
                    }
                }
                state.insertedInTransaction(false);
                unbind(state);
            } else {
                state.status(EntityState.Status.PERSISTENT);
                state.restoreCommitted();
                rekey(state);
                bindLoaded((Object) state.entity(), (EntityModel<Object>) state.model());
            }
        }
        for (EntityState<?> state : deletedInTransaction) {
            state.restoreCommitted();
            state.status(EntityState.Status.PERSISTENT);
            state.deleteFlushed(false);
            Object id = ((EntityModel<Object>) state.model()).identity(state.entity());
            if (id != null) {
                identityMap.restore(state, id);
            }
        }
        deletedInTransaction.clear();
        flushedInTransaction.clear();
        identityMap.forgetRelationChanges();
        toDelete.clear();
        bulk.clear();
        deletesPrepared.clear();
    }

    /**
     * Returns the object for a loaded row: the one already in the session with that key (its unflushed changes and its
     * read-only setting kept), or a new one filled with the row's values and tracked as persistent, read-only if asked.
     *
     * @param model the class's mapping
     * @param values the row's values in attribute order: a new array per row, which a new object keeps as its snapshot
     * @param readOnly whether a new object is read-only
     * @param <E> the class
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public <E> E objectForRow(EntityModel<E> model, @Nullable Object[] values, boolean readOnly) {
        Object id = model.identityOf(values);
        if (id == null) {
            throw nullKey(model, values);
        }
        EntityState<?> state = identityMap.stateForRow(model, id, values, readOnly);
        E entity = (E) state.entity();
        if (state.isSnapshot(values) && !model.relationships().isEmpty()) {
            bindLoaded(entity, model);
        }
        return entity;
    }

    /**
     * Overwrites an object of this session with a row's values and marks it clean.
     *
     * @param model the class's mapping
     * @param entity the object
     * @param values the row's values in attribute order
     * @param <E> the class
     */
    public <E> void refresh(EntityModel<E> model, E entity, @Nullable Object[] values) {
        EntityRows.of(model).fill(entity, values);
        EntityState<E> state = identityMap.stateOf(entity);
        if (state != null) {
            resnapshot(state);
        }
    }

    private static IllegalStateException nullKey(EntityModel<?> model, @Nullable Object[] values) {
        List<? extends Attribute<?, ?>> attributes = model.attributes();
        String column = "";
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).isId() && values[i] == null) {
                column = attributes.get(i).name();
                break;
            }
        }
        return new IllegalStateException("a row of " + model.table().name() + " has a NULL primary key " + column
                + "; it cannot be loaded as a " + model.type().getSimpleName());
    }

    /**
     * Forgets every object (the session closed). Their relationships stay bound to the closed session, which refuses to load
     * them ({@link DetachedInstanceException}).
     */
    public void clear() {
        identityMap.clear();
        toDelete.clear();
        deletedInTransaction.clear();
        flushedInTransaction.clear();
    }

    /**
     * Records that an object's relationships changed in memory, so that the next flush looks at them.
     *
     * @param entity the object
     */
    public void relationsChanged(Object entity) {
        identityMap.relationsChanged(entity);
    }
}
