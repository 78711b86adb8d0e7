package io.sluice.session.unitofwork;

import io.sluice.session.mapping.EntityModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one session: at most one object per primary key, plus the pending objects in the order they were added.
 * Its methods are synchronized, since a session's flow may hop threads and its objects are loaded on driver threads.
 */
public final class IdentityMap {

    private final Map<EntityKey, EntityState<?>> byKey = new LinkedHashMap<>();
    private final IdentityTable<EntityState<?>> byObject = new IdentityTable<>();
    /** In the order added; a set, so that a flush making N objects persistent removes each in O(1), not O(N). */
    private final Set<EntityState<?>> pending = new LinkedHashSet<>();
    /** Objects whose relationships changed in memory since the last flush, in the order they changed. */
    private final Set<EntityState<?>> changed = new LinkedHashSet<>();

    /**
     * Returns the state of an object of this session.
     *
     * @param entity the object
     * @param <E> its class
     * @return the state, or {@code null} if the object is not in this session
     */
    @SuppressWarnings("unchecked")
    public synchronized <E> @Nullable EntityState<E> stateOf(E entity) {
        return (EntityState<E>) byObject.get(entity);
    }

    /**
     * Returns the state of the object with a key.
     *
     * @param key the key
     * @return the state, or {@code null}
     */
    public synchronized @Nullable EntityState<?> get(EntityKey key) {
        return byKey.get(key);
    }

    /**
     * Adds a new object as pending.
     *
     * @param entity the object
     * @param model its mapping
     * @param <E> its class
     * @return its state
     */
    public synchronized <E> EntityState<E> addPending(E entity, EntityModel<E> model) {
        EntityState<E> state = new EntityState<>(entity, model, EntityState.Status.PENDING);
        byObject.put(entity, state);
        pending.add(state);
        return state;
    }

    /**
     * Adds an object loaded from the database as persistent and clean.
     *
     * @param entity the object
     * @param model its mapping
     * @param key its key
     * @param row the row's values in attribute order, which the map keeps as the object's snapshot (not to be changed)
     * @param <E> its class
     * @return its state
     */
    public synchronized <E> EntityState<E> addLoaded(
            E entity, EntityModel<E> model, EntityKey key, @Nullable Object[] row) {
        EntityState<E> state = new EntityState<>(entity, model, EntityState.Status.PERSISTENT);
        state.loaded(row);
        byObject.put(entity, state);
        byKey.put(key, state);
        state.key(key);
        return state;
    }

    /** Makes a pending object persistent under its (now known) key. */
    synchronized <E> void inserted(EntityState<E> state, EntityKey key) {
        pending.remove(state);
        state.status(EntityState.Status.PERSISTENT);
        state.insertedInTransaction(true);
        byKey.put(key, state);
        state.key(key);
    }

    /** Puts back an object deleted by a flush whose transaction was rolled back. */
    synchronized void restore(EntityState<?> state, EntityKey key) {
        byObject.put(state.entity(), state);
        byKey.put(key, state);
        state.key(key);
    }

    /**
     * Removes an object from the session.
     *
     * @param state its state
     */
    public synchronized void remove(EntityState<?> state) {
        byObject.remove(state.entity());
        pending.remove(state);
        changed.remove(state);
        EntityKey key = state.key();
        if (key != null && byKey.get(key) == state) {
            byKey.remove(key);
        }
    }

    /**
     * Returns the pending objects' states, in the order they were added.
     *
     * @return the states
     */
    public synchronized List<EntityState<?>> pending() {
        return List.copyOf(pending);
    }

    /**
     * Returns the states of the objects with a key, in the order they entered the session.
     *
     * @return the states
     */
    public synchronized List<EntityState<?>> keyed() {
        return List.copyOf(byKey.values());
    }

    /**
     * Returns every state.
     *
     * @return the states
     */
    public synchronized List<EntityState<?>> all() {
        return byObject.values();
    }

    /** Forgets every object. */
    public synchronized void clear() {
        byKey.clear();
        byObject.clear();
        pending.clear();
        changed.clear();
    }

    /**
     * Records that an object's relationships changed in memory; nothing if the object is not in this map.
     *
     * @param entity the object
     */
    public synchronized void relationsChanged(Object entity) {
        EntityState<?> state = byObject.get(entity);
        if (state != null) {
            changed.add(state);
        }
    }

    /**
     * Returns the objects a flush must look at beyond their column values: those whose relationships changed since the last
     * flush, then the pending ones.
     *
     * @return the states, each once
     */
    synchronized List<EntityState<?>> changedOrPending() {
        if (changed.isEmpty()) {
            return List.copyOf(pending);
        }
        Set<EntityState<?>> both = new LinkedHashSet<>(changed);
        both.addAll(pending);
        return List.copyOf(both);
    }

    /**
     * Returns whether no object is pending, has changed relationships, or has column values that differ from its snapshot.
     *
     * @return {@code true} if a flush would find nothing to insert or update
     */
    synchronized boolean isClean() {
        if (!pending.isEmpty() || !changed.isEmpty()) {
            return false;
        }
        for (EntityState<?> state : byKey.values()) {
            if (state.isDirty()) {
                return false;
            }
        }
        return true;
    }

    /** Forgets every reported relationship change (a rollback put the objects back). */
    synchronized void forgetRelationChanges() {
        changed.clear();
    }

    /**
     * Forgets that objects' relationships changed (a flush has written them).
     *
     * @param states the states
     */
    synchronized void relationsFlushed(List<EntityState<?>> states) {
        if (!changed.isEmpty()) {
            states.forEach(changed::remove);
        }
    }
}
