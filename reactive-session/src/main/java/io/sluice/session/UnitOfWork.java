package io.sluice.session;

import io.sluice.core.SqlConnection;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.internal.FlushPlan;
import io.sluice.session.internal.IdentityMap;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.ManyToOneRelationship;
import io.sluice.session.mapping.Mapping;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
    private final FlushDependencies dependencies;
    private final FlushKeys keys;
    /** The objects whose snapshot a flush of the current transaction replaced (their committed values are kept aside). */
    private final List<EntityState<?>> flushedInTransaction = new ArrayList<>();

    private final FlushListener flushListener;

    /**
     * Creates an empty unit of work.
     *
     * @param mapping the mapping of the objects it will hold
     * @param loader what loads the relationships of its objects
     * @param flushBatchSize the most rows in one multi-row INSERT or UPDATE
     * @param sequences the sequence blocks shared by the factory's sessions
     * @param flushListener told of every flush
     */
    public UnitOfWork(
            Mapping mapping,
            RelationLoader loader,
            int flushBatchSize,
            SequenceAllocators sequences,
            FlushListener flushListener) {
        this.flushListener = flushListener;
        this.mapping = mapping;
        this.keys = new FlushKeys(sequences);
        this.loader = loader;
        this.flushBatchSize = flushBatchSize;
        this.dependencies = new FlushDependencies(this, identityMap, toDelete, flushBatchSize);
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
            refuseDetached(entity, model, id);
            identityMap.addPending(entity, model);
            for (Relationship<E, ?> relationship : model.relationships()) {
                Object holder = relationship.holder(entity);
                RelationAccess.bind(holder, loader, RelationAccess.isLoaded(holder));
            }
            dependencies.cascadeFrom(entity, model);
        } else if (state.status() == EntityState.Status.DELETED && !state.deleteFlushed()) {
            toDelete.remove(state);
            state.status(EntityState.Status.PERSISTENT);
        }
    }

    /**
     * Refuses an object that belongs to another session, or once did: its relationships are bound to that session. Such an
     * object is merged, not added. (A detached object without relationships is inserted with its key, which the database
     * refuses as a duplicate.)
     */
    private <E> void refuseDetached(E entity, EntityModel<E> model, @Nullable Object id) {
        String name = model.type().getSimpleName();
        for (Relationship<E, ?> relationship : model.relationships()) {
            RelationLoader bound = RelationAccess.loaderOf(relationship.holder(entity));
            if (bound != null && bound != loader) {
                throw new DetachedInstanceException(
                        name + " " + (id == null ? entity : id) + " belongs to another session"
                                + " (open or closed): adding it would insert it again; use session.merge(object), which returns"
                                + " this session's copy, or expunge it from the other session first");
            }
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
            if (relationship instanceof ManyToOneRelationship<E, ?> reference && reference.targetKey(entity) == null) {
                RelationAccess.bind(holder, loader, true);
                RelationAccess.fill(holder, List.of());
            } else {
                RelationAccess.bind(holder, loader, false);
            }
        }
    }

    /**
     * Returns whether a flush would send anything.
     *
     * @return {@code true} if objects are pending, changed or marked for deletion
     */
    public boolean hasChanges() {
        dependencies.prepare();
        if (identityMap.hasPending() || !toDelete.isEmpty() || dependencies.hasBulk() || identityMap.anyDirty()) {
            return true;
        }
        return dependencies.relationshipsChanged();
    }

    /** Whether a prepared flush has nothing to send: no new, deleted, changed or relationship-changed object. */
    private boolean isClean() {
        return toDelete.isEmpty() && !dependencies.hasBulk() && identityMap.isClean();
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
            dependencies.prepare();
            if (isClean()) {
                return Mono.empty();
            }
            List<EntityState<?>> relationsChanged = identityMap.changedOrPending();
            FlushSchedule schedule = FlushSchedule.of(
                    mapping.metadata().sortedTables(), identityMap, relationsChanged, dependencies.bulk(), toDelete);
            FlushResult result = new FlushResult();
            return new FlushExecutor(connection, result, flushBatchSize, dependencies, keys)
                    .execute(schedule)
                    .doOnSuccess(ignored -> {
                        finalizeFlush(result);
                        dependencies.flushed(relationsChanged);
                        identityMap.relationsFlushed(relationsChanged);
                        flushListener.flushed(result.inserted.size(), result.updated.size(), result.deleted.size());
                    })
                    .doOnError(error -> {
                        undo(result);
                        flushListener.failed(error);
                    })
                    .doOnCancel(() -> undo(result));
        });
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
        for (int i = result.readBack.size() - 1; i >= 0; i--) {
            result.readBackAttributes.get(i).setState(result.readBack.get(i).entity(), result.readBackPrevious.get(i));
        }
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
                forgetAdded(state);
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
        dependencies.reset();
    }

    /**
     * What a savepoint keeps of the session: each tracked object's saved state, and how many deleted objects the transaction
     * had flushed. Taken right after a flush, so no object is pending and none is marked for deletion.
     *
     * @param objects the saved state of each object, by identity
     * @param deletedInTransaction how many objects the transaction had deleted
     */
    record Mark(Map<EntityState<?>, EntityState.Saved> objects, int deletedInTransaction) {}

    /**
     * Returns what a savepoint set now must restore.
     *
     * @return the mark
     */
    public Mark mark() {
        Map<EntityState<?>, EntityState.Saved> objects = new java.util.IdentityHashMap<>();
        for (EntityState<?> state : identityMap.all()) {
            objects.put(state, state.save());
        }
        return new Mark(objects, deletedInTransaction.size());
    }

    /**
     * Records a rollback to a savepoint: objects added since leave the session (generated keys cleared), objects there at the
     * savepoint get back the values they had then, and objects deleted since are back; objects expunged since stay out.
     * Relationships of the objects kept are loaded again on next access, since the database's links may have changed.
     *
     * @param mark what the savepoint kept
     */
    @SuppressWarnings("unchecked")
    public void rolledBackTo(Mark mark) {
        for (EntityState<?> state : identityMap.all()) {
            EntityState.Saved saved = mark.objects().get(state);
            if (saved == null) {
                forgetAdded(state);
            } else {
                state.restore(saved);
                rekey(state);
                bindLoaded((Object) state.entity(), (EntityModel<Object>) state.model());
            }
        }
        List<EntityState<?>> deletedSince =
                deletedInTransaction.subList(mark.deletedInTransaction(), deletedInTransaction.size());
        for (EntityState<?> state : deletedSince) {
            EntityState.Saved saved = mark.objects().get(state);
            if (saved == null) {
                continue; // inserted and deleted after the savepoint: gone from the database either way
            }
            state.restore(saved);
            Object id = ((EntityModel<Object>) state.model()).identity(state.entity());
            if (id != null) {
                identityMap.restore(state, id);
            }
            bindLoaded((Object) state.entity(), (EntityModel<Object>) state.model());
        }
        deletedSince.clear();
        identityMap.forgetRelationChanges();
        toDelete.clear();
        dependencies.reset();
    }

    /** Takes out of the session an object added in a transaction that rolled back: its generated keys are cleared. */
    @SuppressWarnings("unchecked")
    private void forgetAdded(EntityState<?> state) {
        identityMap.remove(state);
        for (Attribute<?, ?> attribute : state.model().ids()) {
            if (attribute.isGenerated()) {
                ((Attribute<Object, Object>) attribute).set(state.entity(), null);
            }
        }
        state.insertedInTransaction(false);
        unbind(state);
    }

    /**
     * Returns the object for a loaded row: the one already in the session with that key (its unflushed changes and its
     * read-only setting kept), or a new one filled with the row's values and tracked as persistent, read-only if asked.
     *
     * @param rows how to make and fill objects of the class (resolved once per query)
     * @param values the row's values in attribute order: a new array per row, which a new object keeps as its snapshot
     * @param readOnly whether a new object is read-only
     * @param <E> the class
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public <E> E objectForRow(EntityRows<E> rows, @Nullable Object[] values, boolean readOnly) {
        EntityModel<E> model = rows.model();
        Object id = model.identityOf(values);
        if (id == null) {
            throw nullKey(model, values);
        }
        EntityState<?> state = identityMap.stateForRow(rows, id, values, readOnly);
        E entity = (E) state.entity();
        if (model.hasFormulas() && !state.isSnapshot(values)) {
            model.setFormulas(entity, values); // never changed by the application: the row's value is the latest
        }
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

    /**
     * Makes an object whose row an upsert wrote, and whose fields hold that row's values, persistent and clean under its key.
     * Like an object inserted in the transaction, it leaves the session on rollback.
     *
     * @param entity the object, not in the session
     * @param model its class's mapping
     * @param id its key value
     * @param <E> the class
     */
    public <E> void attach(E entity, EntityModel<E> model, Object id) {
        EntityState<E> state = identityMap.addPending(entity, model);
        identityMap.inserted(state, id);
        resnapshot(state);
        bindLoaded(entity, model);
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
