package io.socketmonitor.ui;

import java.util.Arrays;

/**
 * A map from long keys (peer ids) to values with open addressing: no boxed Long and no entry
 * object per put, which a HashMap paid on the EDT for every connection. Not thread-safe.
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values; // null marks a free slot
    private int size;
    private int mask;
    private final int initialCapacity;

    LongMap() {
        this(16);
    }

    LongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        initialCapacity = cap;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    /** Maps {@code key} to {@code value} (not null). */
    void put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        for (int i = slot(key); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes and returns the value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                values[i] = null;
                size--;
                shiftBack(i);
                return (V) v;
            }
        }
    }

    /**
     * Empties the map. A table that grew for one large batch and now holds few entries goes back
     * to its first size, so later small batches do not each clear the large one.
     */
    void clear() {
        if (size == 0) {
            return;
        }
        if (values.length > initialCapacity && size * 8L < values.length) {
            keys = new long[initialCapacity];
            values = new Object[initialCapacity];
            mask = initialCapacity - 1;
        } else {
            Arrays.fill(values, null);
        }
        size = 0;
    }

    /** Slots in the table (for tests). */
    int capacity() {
        return values.length;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the gap at {@code gap}. */
    private void shiftBack(int gap) {
        for (int i = (gap + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = slot(keys[i]);
            // move the entry if its home is not within (gap, i] on the ring
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                values[i] = null;
                gap = i;
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: sequential ids spread over the table
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                @SuppressWarnings("unchecked")
                V v = (V) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }
}
