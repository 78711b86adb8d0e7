package io.sluice.session.internal;

import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one session: at most one object per primary key, plus the pending objects in the order they were added.
 * Its methods are synchronized, since a session's flow may hop threads and its objects are loaded on driver threads.
 */
public final class IdentityMap {

    private final KeyTable byKey = new KeyTable();
    /**
     * The states with a key, in the order they got it (loaded, or inserted by a flush): the order flushes and dirty checks
     * walk, an array rather than linked entries. A removed state leaves a {@code null}, squeezed out once holes outnumber
     * states.
     */
    private final ArrayList<@Nullable EntityState<?>> keyed = new ArrayList<>();

    private int holes;
    private final IdentityTable<EntityState<?>> byObject = new IdentityTable<>();
    /**
     * The keyed states from this position on may be missing from {@link #byObject}: loaded states go in at the first lookup
     * by object, so a read whose objects are never looked up that way (a query, then commit) does not pay for the index.
     */
    private int indexedUpTo;
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
        index();
        return (EntityState<E>) byObject.get(entity);
    }

    private void index() {
        for (int i = indexedUpTo, size = keyed.size(); i < size; i++) {
            EntityState<?> state = keyed.get(i);
            if (state != null) {
                byObject.put(state.entity(), state);
            }
        }
        indexedUpTo = keyed.size();
    }

    /** Lists a state among the keyed ones under its key value, replacing any other state of that class and key. */
    private void putKeyed(Object id, EntityState<?> state) {
        state.id(id);
        EntityState<?> previous = byKey.put(state);
        if (previous != null && previous != state) {
            unlist(previous);
        }
        if (state.position() < 0) {
            append(state);
        }
    }

    /** Adds a state at the end of the keyed ones. */
    private void append(EntityState<?> state) {
        state.position(keyed.size());
        keyed.add(state);
    }

    private void unlist(EntityState<?> state) {
        int position = state.position();
        if (position < 0) {
            return;
        }
        keyed.set(position, null);
        state.position(-1);
        if (++holes > 16 && holes * 2 > keyed.size()) {
            index(); // positions are about to change
            int to = 0;
            for (int from = 0; from < keyed.size(); from++) {
                EntityState<?> kept = keyed.get(from);
                if (kept != null) {
                    kept.position(to);
                    keyed.set(to++, kept);
                }
            }
            keyed.subList(to, keyed.size()).clear();
            holes = 0;
            indexedUpTo = to;
        }
    }

    /**
     * Returns the state of the object of a class with a key value.
     *
     * @param type the entity class
     * @param id the key value (a list of values for a composite key)
     * @return the state, or {@code null}
     */
    public synchronized @Nullable EntityState<?> get(Class<?> type, Object id) {
        return byKey.get(EntityModel.identityTypeOf(type), id);
    }

    /**
     * Returns the state listed under a row's class and key value; if there is none, makes the object from the row and adds it as
     * persistent and clean, the row becoming its snapshot ({@link EntityState#isSnapshot} tells the two cases apart). One
     * walk of the key table and one lock per row (the object's no-argument constructor runs under it).
     *
     * @param rows how to make objects of the class
     * @param id the row's key value
     * @param row the row's values in attribute order, kept as the new object's snapshot (not to be changed)
     * @param readOnly whether a new object is read-only (a listed object keeps its own setting)
     * @param <E> the class
     * @return the state listed, or the new object's state
     */
    public synchronized <E> EntityState<?> stateForRow(
            EntityRows<E> rows, Object id, @Nullable Object[] row, boolean readOnly) {
        EntityModel<E> model = rows.model();
        Class<?> type = model.identityType();
        int hash = KeyTable.hash(type, id);
        int slot = byKey.indexOf(type, id, hash);
        if (slot >= 0) {
            return byKey.at(slot);
        }
        EntityState<E> state = new EntityState<>(rows.newInstance(row, readOnly), model, EntityState.Status.PERSISTENT);
        state.loaded(row);
        state.readOnly(readOnly);
        state.id(id);
        byKey.insertAt(-slot - 1, state, hash);
        append(state);
        return state;
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

    /** Makes a pending object persistent under its (now known) key value. */
    public synchronized <E> void inserted(EntityState<E> state, Object id) {
        pending.remove(state);
        state.status(EntityState.Status.PERSISTENT);
        state.insertedInTransaction(true);
        putKeyed(id, state);
    }

    /**
     * Lists a persistent object under its key value again when the key changed (a flush wrote a new key, or a rollback put
     * the old one back); nothing if the key is the one it is listed under.
     */
    public synchronized void rekey(EntityState<?> state, Object id) {
        Object listed = state.id();
        if (listed == null || listed.equals(id)) {
            return;
        }
        byKey.remove(state);
        putKeyed(id, state);
    }

    /** Puts back an object deleted by a flush whose transaction was rolled back. */
    public synchronized void restore(EntityState<?> state, Object id) {
        index();
        byObject.put(state.entity(), state);
        putKeyed(id, state);
    }

    /**
     * Removes an object from the session.
     *
     * @param state its state
     */
    public synchronized void remove(EntityState<?> state) {
        index();
        byObject.remove(state.entity());
        pending.remove(state);
        changed.remove(state);
        byKey.remove(state);
        unlist(state);
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
     * Adds to a list, in keyed order, the objects with a key that a test accepts, until the list holds {@code limit}; the
     * others are not copied (a lazy load picks the owners of its batch this way).
     *
     * @param into the list
     * @param limit the size at which to stop
     * @param accept the test
     */
    public synchronized void collectKeyed(List<Object> into, int limit, java.util.function.Predicate<Object> accept) {
        for (int i = 0, size = keyed.size(); i < size && into.size() < limit; i++) {
            EntityState<?> state = keyed.get(i);
            if (state != null && accept.test(state.entity())) {
                into.add(state.entity());
            }
        }
    }

    /**
     * Returns the states of the objects with a key, in the order they entered the session.
     *
     * @return the states
     */
    public synchronized List<EntityState<?>> keyed() {
        List<EntityState<?>> copy = new ArrayList<>(keyed.size() - holes);
        for (EntityState<?> state : keyed) {
            if (state != null) {
                copy.add(state);
            }
        }
        return copy;
    }

    /**
     * Returns every state.
     *
     * @return the states
     */
    public synchronized List<EntityState<?>> all() {
        index();
        return byObject.values();
    }

    /** Forgets every object. */
    public synchronized void clear() {
        byKey.clear();
        for (EntityState<?> state : keyed) {
            if (state != null) {
                state.position(-1);
            }
        }
        keyed.clear();
        holes = 0;
        indexedUpTo = 0;
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
        index();
        EntityState<?> state = byObject.get(entity);
        if (state != null) {
            changed.add(state);
        }
    }

    /**
     * Returns the objects whose relationships changed in memory since the last flush.
     *
     * @return the states, in the order they changed
     */
    public synchronized List<EntityState<?>> withChangedRelations() {
        return List.copyOf(changed);
    }

    /**
     * Returns the objects a flush must look at beyond their column values: those whose relationships changed since the last
     * flush, then the pending ones.
     *
     * @return the states, each once
     */
    public synchronized List<EntityState<?>> changedOrPending() {
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
    public synchronized boolean isClean() {
        return pending.isEmpty() && changed.isEmpty() && !anyDirty();
    }

    /** Returns whether a persistent object's column values differ from its snapshot (walked in place, not copied). */
    public synchronized boolean anyDirty() {
        for (int i = 0, size = keyed.size(); i < size; i++) {
            EntityState<?> state = keyed.get(i);
            if (state != null && state.isDirty()) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether an object is pending. */
    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Forgets every reported relationship change (a rollback put the objects back). */
    public synchronized void forgetRelationChanges() {
        changed.clear();
    }

    /**
     * Forgets that objects' relationships changed (a flush has written them).
     *
     * @param states the states
     */
    public synchronized void relationsFlushed(List<EntityState<?>> states) {
        if (!changed.isEmpty()) {
            states.forEach(changed::remove);
        }
    }
}
