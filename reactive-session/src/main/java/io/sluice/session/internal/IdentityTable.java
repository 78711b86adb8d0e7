package io.sluice.session.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A map from objects, compared by identity, to values: open addressing with linear probing, the identity hash of each key
 * kept beside it. Growing the table reads only its own arrays, never the keys themselves, which matters when it holds tens
 * of thousands of loaded objects spread over the heap ({@link java.util.IdentityHashMap} asks every key for its hash again).
 * Not thread-safe: {@link IdentityMap} guards it.
 *
 * @param <V> the values
 */
final class IdentityTable<V> {

    private static final int INITIAL_CAPACITY = 32;

    /** The keys of a table that holds nothing yet, shared by every such table and never written. */
    private static final @Nullable Object[] NO_KEYS = new Object[INITIAL_CAPACITY];

    private static final int[] NO_HASHES = new int[0];

    private @Nullable Object[] keys;
    private @Nullable Object[] values;
    private int[] hashes;
    private int mask;
    private int size;

    IdentityTable() {
        // The arrays are allocated by the first put: until then every lookup finds an empty slot of NO_KEYS.
        keys = NO_KEYS;
        values = NO_KEYS;
        hashes = NO_HASHES;
        mask = INITIAL_CAPACITY - 1;
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key);
        return h ^ (h >>> 16);
    }

    private int indexOf(Object key) {
        int i = hash(key) & mask;
        while (true) {
            Object candidate = keys[i];
            if (candidate == null) {
                return -1;
            }
            if (candidate == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /** Returns the value of a key, or {@code null}. */
    @SuppressWarnings("unchecked")
    @Nullable
    V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    /** Maps a key to a value, replacing any value it had. */
    void put(Object key, V value) {
        if (keys == NO_KEYS) {
            keys = new Object[INITIAL_CAPACITY];
            values = new Object[INITIAL_CAPACITY];
            hashes = new int[INITIAL_CAPACITY];
        }
        int h = hash(key);
        int i = h & mask;
        while (true) {
            Object candidate = keys[i];
            if (candidate == null) {
                break;
            }
            if (candidate == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Removes a key; nothing if it is absent. */
    void remove(Object key) {
        int hole = indexOf(key);
        if (hole < 0) {
            return;
        }
        // Backward-shift deletion: pull later entries of the same probe run into the hole, so that lookups never stop
        // early.
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            Object candidate = keys[j];
            if (candidate == null) {
                break;
            }
            int home = hashes[j] & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = candidate;
                values[hole] = values[j];
                hashes[hole] = hashes[j];
                hole = j;
            }
        }
        keys[hole] = null;
        values[hole] = null;
        size--;
    }

    private void grow() {
        @Nullable Object[] oldKeys = keys;
        @Nullable Object[] oldValues = values;
        int[] oldHashes = hashes;
        int capacity = oldKeys.length * 2;
        keys = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (int from = 0; from < oldKeys.length; from++) {
            Object key = oldKeys[from];
            if (key == null) {
                continue;
            }
            int i = oldHashes[from] & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = oldValues[from];
            hashes[i] = oldHashes[from];
        }
    }

    /** Returns the number of keys. */
    int size() {
        return size;
    }

    /** Returns a copy of the values, in no particular order. */
    @SuppressWarnings("unchecked")
    List<V> values() {
        List<V> copy = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                copy.add((V) values[i]);
            }
        }
        return copy;
    }

    /** Removes every key. */
    void clear() {
        if (keys == NO_KEYS) {
            return;
        }
        if (keys.length > INITIAL_CAPACITY) {
            keys = NO_KEYS;
            values = NO_KEYS;
            hashes = NO_HASHES;
            mask = INITIAL_CAPACITY - 1;
        } else {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
        }
        size = 0;
    }
}
