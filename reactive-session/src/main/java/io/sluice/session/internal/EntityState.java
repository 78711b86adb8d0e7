package io.sluice.session.internal;

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
    /** The values at the last commit, kept once a flush in the current transaction replaced the snapshot. */
    private @Nullable Object @Nullable [] committed;

    private boolean changedInTransaction;
    private boolean insertedInTransaction;
    /** Whether the flush leaves the object's columns alone (it was loaded read-only, or set so). */
    private boolean readOnly;

    private boolean deleteFlushed;
    /** The key value the identity map lists the object under, or {@code null} before it has one. */
    private @Nullable Object id;
    /** Where the identity map lists this state among the keyed ones, or -1. */
    private int position = -1;

    public EntityState(E entity, EntityModel<E> model, Status status) {
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

    public void status(Status status) {
        this.status = status;
    }

    public int position() {
        return position;
    }

    /**
     * Returns whether the object is read-only: its columns are never compared with the snapshot, so changes to them are never
     * written.
     *
     * @return {@code true} if it is read-only
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    public void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public void position(int position) {
        this.position = position;
    }

    /** Returns the key value the identity map lists the object under, or {@code null} if it has none yet. */
    @Nullable
    public Object id() {
        return id;
    }

    public void id(Object id) {
        this.id = id;
    }

    public boolean insertedInTransaction() {
        return insertedInTransaction;
    }

    public void insertedInTransaction(boolean inserted) {
        this.insertedInTransaction = inserted;
    }

    public boolean deleteFlushed() {
        return deleteFlushed;
    }

    public void deleteFlushed(boolean flushed) {
        this.deleteFlushed = flushed;
    }

    /**
     * Returns the object's current values, in attribute order.
     *
     * @return the values
     */
    public @Nullable Object[] values() {
        return model.states(entity);
    }

    /**
     * Records the current values as the database's (after a flush or a refresh). The first time in a transaction, the values
     * they replace are kept as the committed ones, for a rollback.
     *
     * @return {@code true} if this is the first time in the transaction
     */
    public boolean snapshot() {
        boolean first = !changedInTransaction;
        if (first) {
            committed = snapshot;
            changedInTransaction = true;
        }
        snapshot = values();
        return first;
    }

    /**
     * Records the values of a loaded row as the database's. The state keeps the array: the caller must not change it
     * afterwards. Snapshot arrays are never changed in place, only replaced.
     */
    public void loaded(@Nullable Object[] row) {
        snapshot = row;
        committed = null;
        changedInTransaction = false;
    }

    /**
     * Returns whether this array is the object's snapshot: after {@link IdentityMap#load}, whether the object was made from
     * that row.
     *
     * @param row the row's values
     * @return {@code true} if the snapshot is that array
     */
    public boolean isSnapshot(@Nullable Object[] row) {
        return snapshot == row;
    }

    /** Records a commit: the snapshot is now the committed state. */
    public void commitSnapshot() {
        committed = null;
        changedInTransaction = false;
    }

    /**
     * What a savepoint keeps of an object: its values at the savepoint, and the state the session tracked for it.
     *
     * @param values the object's values when the savepoint was set
     * @param snapshot the database's values then
     * @param committed the values a rollback of the whole transaction restores
     * @param changedInTransaction whether a flush of the transaction had replaced the snapshot
     * @param insertedInTransaction whether the transaction had inserted the object
     * @param status the object's status
     */
    public record Saved(
            @Nullable Object[] values,
            @Nullable Object @Nullable [] snapshot,
            @Nullable Object @Nullable [] committed,
            boolean changedInTransaction,
            boolean insertedInTransaction,
            Status status) {}

    /**
     * Returns what a savepoint keeps of this object.
     *
     * @return the saved state
     */
    public Saved save() {
        return new Saved(values(), snapshot, committed, changedInTransaction, insertedInTransaction, status);
    }

    /**
     * Puts the object back as it was at a savepoint: its values, its snapshot and its status.
     *
     * @param saved what the savepoint kept
     */
    public void restore(Saved saved) {
        model.setStates(entity, saved.values());
        snapshot = saved.snapshot();
        committed = saved.committed();
        changedInTransaction = saved.changedInTransaction();
        insertedInTransaction = saved.insertedInTransaction();
        status = saved.status();
        deleteFlushed = false;
    }

    /** Puts the committed values back into the object: those before the transaction's first flush of it, or the snapshot. */
    public void restoreCommitted() {
        boolean fromCommitted = changedInTransaction;
        Object[] values = fromCommitted ? committed : snapshot;
        committed = null;
        changedInTransaction = false;
        if (values == null) {
            return;
        }
        model.setStates(entity, values);
        // Committed values kept from a read-only load hold converted values in the row's form (EntityRows.fill); taken
        // again
        // from the object, they are in the form a dirty check compares.
        snapshot = fromCommitted ? values() : values;
    }

    /**
     * Returns the attributes whose values differ from the last load or flush; changes of attributes UPDATEs do not write
     * ({@link Attribute#isUpdatable()}) are not counted.
     *
     * @return the changed attributes, empty for a clean, pending or read-only object
     */
    public List<Attribute<E, ?>> changedAttributes() {
        Object[] before = snapshot;
        if (readOnly || before == null || status != Status.PERSISTENT) {
            return List.of();
        }
        List<Attribute<E, ?>> attributes = model.attributes();
        List<Attribute<E, ?>> changed = null;
        boolean everyColumn = model.writesEveryColumn();
        for (int i = 0; i < before.length; i++) {
            if ((everyColumn || attributes.get(i).isUpdatable())
                    && !same(attributes.get(i).state(entity), before[i])) {
                if (changed == null) {
                    changed = new ArrayList<>(before.length - i);
                }
                changed.add(attributes.get(i));
            }
        }
        return changed == null ? List.of() : changed;
    }

    /**
     * Returns whether the object is persistent, not read-only, and changed since it was loaded or last flushed.
     *
     * @return {@code true} if it is dirty
     */
    public boolean isDirty() {
        // A read-only object is answered from its state alone: the walk over many objects reads neither the object nor
        // its snapshot.
        Object[] before = snapshot;
        if (readOnly || before == null || status != Status.PERSISTENT) {
            return false;
        }
        List<Attribute<E, ?>> attributes = model.attributes();
        boolean everyColumn = model.writesEveryColumn();
        for (int i = 0; i < before.length; i++) {
            if ((everyColumn || attributes.get(i).isUpdatable())
                    && !same(attributes.get(i).state(entity), before[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(@Nullable Object now, @Nullable Object then) {
        // The reference test first: an unchanged field holds the snapshot's own object, and then no value object is
        // read (a dirty check over many objects is bound by such memory reads).
        if (now == then) {
            return true;
        }
        if (now instanceof Object[] a && then instanceof Object[] b) {
            return Arrays.equals(a, b);
        }
        return now instanceof byte[] a && then instanceof byte[] b ? Arrays.equals(a, b) : Objects.equals(now, then);
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
