package io.sluice.session.unitofwork;

import io.sluice.core.SqlConnection;
import io.sluice.session.DetachedInstanceException;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The state a session tracks between flushes, and the transitions of its objects: pending, persistent, deleted, and back on
 * rollback. A flush organizes a {@link FlushPlan}, sends it, and marks objects clean only if every statement succeeded.
 */
public final class UnitOfWork {

    private final Mapping mapping;
    private final IdentityMap identityMap = new IdentityMap();
    private final List<EntityState<?>> toDelete = new ArrayList<>();
    private final List<EntityState<?>> deletedInTransaction = new ArrayList<>();

    /**
     * Creates an empty unit of work.
     *
     * @param mapping the mapping of the objects it will hold
     */
    public UnitOfWork(Mapping mapping) {
        this.mapping = mapping;
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
            if (id != null && identityMap.get(new EntityKey(model.type(), id)) != null) {
                throw new IllegalArgumentException("another " + model.type().getSimpleName() + " with key " + id
                        + " is already in this session; load and change that one, or expunge it first");
            }
            identityMap.addPending(entity, model);
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
        }
    }

    /**
     * Returns whether a flush would send anything.
     *
     * @return {@code true} if objects are pending, changed or marked for deletion
     */
    public boolean hasChanges() {
        if (!identityMap.pending().isEmpty() || !toDelete.isEmpty()) {
            return true;
        }
        for (EntityState<?> state : identityMap.keyed()) {
            if (state.status() == EntityState.Status.PERSISTENT && state.isDirty()) {
                return true;
            }
        }
        return false;
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
            FlushPlan plan = FlushPlan.organize(identityMap, toDelete, mapping);
            if (plan.isEmpty()) {
                return Mono.empty();
            }
            FlushResult result = new FlushResult();
            return new FlushExecutor(connection, result)
                    .emit(plan)
                    .doOnSuccess(ignored -> finalizeFlush(result))
                    .doOnError(error -> undo(result))
                    .doOnCancel(() -> undo(result));
        });
    }

    @SuppressWarnings("unchecked")
    private void finalizeFlush(FlushResult result) {
        for (EntityState<?> state : result.inserted) {
            Object id = ((EntityModel<Object>) state.model()).identity(state.entity());
            identityMap.inserted(state, new EntityKey(state.model().type(), java.util.Objects.requireNonNull(id)));
            state.snapshot();
        }
        for (EntityState<?> state : result.updated) {
            state.snapshot();
        }
        for (EntityState<?> state : result.deleted) {
            toDelete.remove(state);
            state.deleteFlushed(true);
            identityMap.remove(state);
            deletedInTransaction.add(state);
        }
    }

    @SuppressWarnings("unchecked")
    private void undo(FlushResult result) {
        for (Map.Entry<EntityState<?>, Attribute<?, ?>> generated : result.generated.entrySet()) {
            ((Attribute<Object, Object>) generated.getValue())
                    .set(generated.getKey().entity(), null);
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
        for (EntityState<?> state : identityMap.keyed()) {
            state.commitSnapshot();
            state.insertedInTransaction(false);
        }
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
            } else {
                state.status(EntityState.Status.PERSISTENT);
                state.restoreCommitted();
            }
        }
        for (EntityState<?> state : deletedInTransaction) {
            state.restoreCommitted();
            state.status(EntityState.Status.PERSISTENT);
            state.deleteFlushed(false);
            Object id = ((EntityModel<Object>) state.model()).identity(state.entity());
            if (id != null) {
                identityMap.restore(state, new EntityKey(state.model().type(), id));
            }
        }
        deletedInTransaction.clear();
        toDelete.clear();
    }

    /**
     * Returns the object for a loaded row: the one already in the session with that key (its unflushed changes kept), or a new
     * one filled with the row's values and tracked as persistent.
     *
     * @param model the class's mapping
     * @param values the row's values in attribute order
     * @param <E> the class
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public <E> E load(EntityModel<E> model, @Nullable Object[] values) {
        Object id = keyOf(model, values);
        EntityKey key = new EntityKey(model.type(), id);
        EntityState<?> existing = identityMap.get(key);
        if (existing != null) {
            return (E) existing.entity();
        }
        E entity = model.newInstance();
        fill(model, entity, values);
        identityMap.addLoaded(entity, model, key);
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
        fill(model, entity, values);
        EntityState<E> state = identityMap.stateOf(entity);
        if (state != null) {
            state.snapshot();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> void fill(EntityModel<E> model, E entity, @Nullable Object[] values) {
        List<Attribute<E, ?>> attributes = model.attributes();
        for (int i = 0; i < values.length; i++) {
            ((Attribute<E, Object>) attributes.get(i)).set(entity, values[i]);
        }
    }

    private static Object keyOf(EntityModel<?> model, @Nullable Object[] values) {
        List<? extends Attribute<?, ?>> attributes = model.attributes();
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).isId()) {
                Object value = values[i];
                if (value == null) {
                    throw new IllegalStateException("a row of " + model.table().name() + " has a NULL primary key "
                            + attributes.get(i).name() + "; it cannot be loaded as a "
                            + model.type().getSimpleName());
                }
                key.add(value);
            }
        }
        return key.size() == 1 ? key.get(0) : key;
    }

    /** Forgets every object (the session closed). */
    public void clear() {
        identityMap.clear();
        toDelete.clear();
        deletedInTransaction.clear();
    }
}
