package io.sluice.session.unitofwork;

import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a session knows about one object: its status, the values it had when loaded or last flushed (to find changes), and the
 * values it had at the last commit (to restore on rollback).
 *
 * @param <E> the entity class
 */
public final class EntityState<E> {

    /** Where an object stands in its session. */
    public enum Status {
        /** Added, not yet inserted. */
        PENDING,
        /** Has a row in the database. */
        PERSISTENT,
        /** Marked for deletion, or deleted by a flush of the current transaction. */
        DELETED
    }

    private final E entity;
    private final EntityModel<E> model;
    private Status status;
    private @Nullable Object @Nullable [] snapshot;
    private @Nullable Object @Nullable [] committed;
    private boolean insertedInTransaction;
    private boolean deleteFlushed;

    EntityState(E entity, EntityModel<E> model, Status status) {
        this.entity = entity;
        this.model = model;
        this.status = status;
    }

    /** Returns the object. @return the object */
    public E entity() {
        return entity;
    }

    /** Returns the object's mapping. @return the model */
    public EntityModel<E> model() {
        return model;
    }

    /** Returns the object's status. @return the status */
    public Status status() {
        return status;
    }

    void status(Status status) {
        this.status = status;
    }

    boolean insertedInTransaction() {
        return insertedInTransaction;
    }

    void insertedInTransaction(boolean inserted) {
        this.insertedInTransaction = inserted;
    }

    boolean deleteFlushed() {
        return deleteFlushed;
    }

    void deleteFlushed(boolean flushed) {
        this.deleteFlushed = flushed;
    }

    /**
     * Returns the object's current values, in attribute order.
     *
     * @return the values
     */
    public @Nullable Object[] values() {
        List<Attribute<E, ?>> attributes = model.attributes();
        @Nullable Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = attributes.get(i).get(entity);
        }
        return values;
    }

    /** Records the current values as the database's (after a load or a flush). */
    void snapshot() {
        snapshot = values();
    }

    /** Records the current values as the committed ones (after a load or a commit). */
    void commitSnapshot() {
        committed = snapshot == null ? values() : snapshot.clone();
    }

    /** Puts the committed values back into the object. */
    @SuppressWarnings("unchecked")
    void restoreCommitted() {
        Object[] values = committed;
        if (values == null) {
            return;
        }
        List<Attribute<E, ?>> attributes = model.attributes();
        for (int i = 0; i < values.length; i++) {
            ((Attribute<E, Object>) attributes.get(i)).set(entity, values[i]);
        }
        snapshot = values.clone();
    }

    /**
     * Returns the attributes whose values differ from the last load or flush.
     *
     * @return the changed attributes, empty for a clean or pending object
     */
    public List<Attribute<E, ?>> changedAttributes() {
        Object[] before = snapshot;
        List<Attribute<E, ?>> changed = new ArrayList<>();
        if (before == null || status != Status.PERSISTENT) {
            return changed;
        }
        List<Attribute<E, ?>> attributes = model.attributes();
        for (int i = 0; i < before.length; i++) {
            Object now = attributes.get(i).get(entity);
            Object then = before[i];
            boolean same = now instanceof byte[] a && then instanceof byte[] b
                    ? Arrays.equals(a, b)
                    : Objects.equals(now, then);
            if (!same) {
                changed.add(attributes.get(i));
            }
        }
        return changed;
    }

    /**
     * Returns whether the object is persistent and changed since it was loaded or last flushed.
     *
     * @return {@code true} if it is dirty
     */
    public boolean isDirty() {
        return !changedAttributes().isEmpty();
    }

    /**
     * Returns the value an attribute had at the last load or flush.
     *
     * @param attribute the attribute
     * @return the value, or {@code null}
     */
    public @Nullable Object snapshotValue(Attribute<E, ?> attribute) {
        Object[] before = snapshot;
        return before == null ? null : before[model.attributes().indexOf(attribute)];
    }
}
