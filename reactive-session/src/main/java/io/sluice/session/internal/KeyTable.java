package io.sluice.session.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The states of a session's persistent objects by class and key value: open addressing with linear probing over the states
 * themselves, each state's hash kept beside it. A load looks up and adds a row without making a key object or a map entry,
 * and a probe compares hashes before it reads a state. Not thread-safe: {@link IdentityMap} guards it.
 */
final class KeyTable {

    private static final int INITIAL_CAPACITY = 32;

    /**
     * The arrays of a table that holds nothing yet, shared by every such table and never written: a session that loads
     * nothing (or only reads a key it does not hold) allocates no table.
     */
    private static final @Nullable EntityState<?>[] NO_STATES = new EntityState<?>[INITIAL_CAPACITY];

    private static final int[] NO_HASHES = new int[INITIAL_CAPACITY];

    private @Nullable EntityState<?>[] states;
    private int[] hashes;
    /** 32 minus the number of bits of a block index (the table has capacity / 16 blocks). */
    private int shift;

    private int size;

    KeyTable() {
        states = NO_STATES;
        hashes = NO_HASHES;
        shift = 36 - Integer.numberOfTrailingZeros(INITIAL_CAPACITY);
    }

    /**
     * The hash of a class and key value; never 0, which marks a free slot. Consecutive key values keep consecutive hashes
     * (the class's hash is added, not multiplied in).
     */
    static int hash(Class<?> type, Object id) {
        int h = id.hashCode() + type.hashCode();
        return h == 0 ? 1 : h;
    }

    /**
     * The slot a hash starts probing at: the low 4 bits pick a slot within a block of 16, Fibonacci hashing of the rest picks
     * the block. Consecutive keys (rows loaded in key order) fill a block's cache line before moving on, so loading tens of
     * thousands of rows does not miss the cache on every row, while keys in strides are still spread over the blocks.
     */
    private int home(int hash) {
        return (((hash >>> 4) * 0x9E3779B9) >>> shift) << 4 | (hash & 15);
    }

    private int mask() {
        return states.length - 1;
    }

    /**
     * Returns the slot listing a class and key value, or {@code -(free slot) - 1}: the slot {@link #insertAt} would list it in.
     */
    int indexOf(Class<?> type, Object id, int hash) {
        int mask = mask();
        int i = home(hash);
        while (true) {
            int h = hashes[i];
            if (h == 0) {
                return -i - 1;
            }
            if (h == hash) {
                EntityState<?> state = states[i];
                if (state != null && state.model().identityType() == type && id.equals(state.id())) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** Returns the state listed in a slot {@link #indexOf} found. */
    EntityState<?> at(int slot) {
        return java.util.Objects.requireNonNull(states[slot]);
    }

    /**
     * Lists a state in the free slot {@link #indexOf} returned for its class and key value, with nothing listed or removed
     * since: a load looks up and lists a row in one walk.
     */
    void insertAt(int free, EntityState<?> state, int hash) {
        if (states == NO_STATES) {
            // The first entry: the table's own arrays, of the same capacity, so the free slot stays where it was found.
            states = new EntityState<?>[INITIAL_CAPACITY];
            hashes = new int[INITIAL_CAPACITY];
        }
        states[free] = state;
        hashes[free] = hash;
        if (++size * 2 > states.length) {
            grow();
        }
    }

    /** Returns the state of a class and key value, or {@code null}. */
    @Nullable
    EntityState<?> get(Class<?> type, Object id) {
        int i = indexOf(type, id, hash(type, id));
        return i < 0 ? null : states[i];
    }

    /**
     * Lists a state under its class and key value ({@link EntityState#id()}), replacing the state listed there.
     *
     * @return the state it replaced, or {@code null}
     */
    @Nullable
    EntityState<?> put(EntityState<?> state) {
        Class<?> type = state.model().identityType();
        Object id = java.util.Objects.requireNonNull(state.id());
        int hash = hash(type, id);
        int mask = mask();
        int i = home(hash);
        // One walk: the state of the same class and key, or the free slot that ends the run.
        for (int h = hashes[i]; h != 0; h = hashes[i]) {
            if (h == hash) {
                EntityState<?> listed = states[i];
                if (listed != null && listed.model().identityType() == type && id.equals(listed.id())) {
                    states[i] = state;
                    return listed;
                }
            }
            i = (i + 1) & mask;
        }
        insertAt(i, state, hash);
        return null;
    }

    /** Removes the listing of a class and key value if it is this state; nothing otherwise. */
    void remove(EntityState<?> state) {
        Object id = state.id();
        if (id == null) {
            return;
        }
        int hole = indexOf(state.model().identityType(), id, hash(state.model().identityType(), id));
        if (hole < 0 || states[hole] != state) {
            return;
        }
        // Backward-shift deletion: pull later entries of the same probe run into the hole, so that lookups never stop
        // early.
        int mask = mask();
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            int h = hashes[j];
            if (h == 0) {
                break;
            }
            int home = home(h);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                states[hole] = states[j];
                hashes[hole] = h;
                hole = j;
            }
        }
        states[hole] = null;
        hashes[hole] = 0;
        size--;
    }

    private void grow() {
        @Nullable EntityState<?>[] oldStates = states;
        int[] oldHashes = hashes;
        int capacity = oldStates.length * 2;
        states = new EntityState<?>[capacity];
        hashes = new int[capacity];
        shift--;
        int mask = capacity - 1;
        for (int from = 0; from < oldStates.length; from++) {
            int h = oldHashes[from];
            if (h == 0) {
                continue;
            }
            int i = home(h);
            while (hashes[i] != 0) {
                i = (i + 1) & mask;
            }
            states[i] = oldStates[from];
            hashes[i] = h;
        }
    }

    /** Returns the number of states listed. */
    int size() {
        return size;
    }

    /** Removes every state. */
    void clear() {
        if (states == NO_STATES) {
            return;
        }
        if (states.length > INITIAL_CAPACITY) {
            states = NO_STATES;
            hashes = NO_HASHES;
            shift = 36 - Integer.numberOfTrailingZeros(INITIAL_CAPACITY);
        } else {
            Arrays.fill(states, null);
            Arrays.fill(hashes, 0);
        }
        size = 0;
    }
}
