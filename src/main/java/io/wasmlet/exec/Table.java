package io.wasmlet.exec;

import io.wasmlet.error.Trap;

/**
 * A table of references. Elements are raw reference values ({@code int}): 0 is null, a funcref
 * is its function's store index + 1, an externref is the host's handle.
 */
public final class Table {
    final byte elemType;
    /** Declared maximum, or -1. */
    final long max;
    /** The most entries this table may ever hold (the board's budget). */
    final int budget;
    int[] elems;
    int size;

    /** A host table: allocated at its minimum, grown by reallocation. */
    public Table(byte elemType, int minSize, int maxSize) {
        this(elemType, minSize, maxSize < 0 ? -1L : maxSize & 0xFFFFFFFFL, Integer.MAX_VALUE - 8, false);
    }

    /** @param prealloc allocate the budgeted maximum now, so that growing never allocates */
    Table(byte elemType, int minSize, long max, int budget, boolean prealloc) {
        this.elemType = elemType;
        this.max = max;
        this.budget = budget;
        this.elems = new int[(int) capacity(minSize, max, budget, prealloc)];
        this.size = minSize;
    }

    /** Entries a table of these limits holds at instantiation under a budget (footprint). */
    static long capacity(long min, long max, int budget, boolean prealloc) {
        if (!prealloc) {
            return min;
        }
        return max >= 0 && max < budget ? max : budget;
    }

    public byte elemType() {
        return elemType;
    }

    public int size() {
        return size;
    }

    public long max() {
        return max;
    }

    public int get(int i) {
        if (i < 0 || i >= size) {
            throw Trap.tableOutOfBounds;
        }
        return elems[i];
    }

    public void set(int i, int ref) {
        if (i < 0 || i >= size) {
            throw Trap.tableOutOfBounds;
        }
        elems[i] = ref;
    }

    /** Grows by {@code delta} entries set to {@code init}; returns the old size or -1. */
    public int grow(int delta, int init) {
        long newSize = (long) size + (delta & 0xFFFFFFFFL);
        if (newSize > budget || (max >= 0 && newSize > max)) {
            return -1;
        }
        int old = size;
        int n = (int) newSize;
        if (n > elems.length && !reallocate(n)) {
            return -1;
        }
        for (int i = old; i < n; i++) {
            elems[i] = init;
        }
        size = n;
        return old;
    }

    /**
     * Growing beyond the current array: only on boards without preallocation. The capacity at
     * least doubles (capped by the declared maximum and the budget), so growing one entry at a
     * time copies O(n) entries in all; an exhausted Java heap makes table.grow fail (-1).
     *
     * @return false when the heap is exhausted (nothing changed)
     */
    private boolean reallocate(int n) {
        long cap = Math.max((long) n, Math.min(Math.max(2L * elems.length, 16L), (long) budget));
        if (max >= 0) {
            cap = Math.max((long) n, Math.min(cap, max));
        }
        int[] e;
        try {
            e = new int[(int) cap];
        } catch (OutOfMemoryError oom) {
            if (cap == n) {
                return false;
            }
            try {
                e = new int[n];
            } catch (OutOfMemoryError oom2) {
                return false;
            }
        }
        System.arraycopy(elems, 0, e, 0, size);
        elems = e;
        return true;
    }

    /** table.fill; traps when the range is out of bounds. */
    public void fill(int dst, int ref, int n) {
        if ((dst & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL) > size) {
            throw Trap.tableOutOfBounds;
        }
        for (int i = 0; i < n; i++) {
            elems[dst + i] = ref;
        }
    }

    /** table.copy from {@code src} (may be this table); overlap-safe. */
    public void copyFrom(Table src, int dst, int s, int n) {
        if ((dst & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL) > size || (s & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL) > src.size) {
            throw Trap.tableOutOfBounds;
        }
        System.arraycopy(src.elems, s, elems, dst, n);
    }

    /** table.init from resolved segment refs. */
    public void init(int[] seg, int dst, int s, int n) {
        int segLen = seg == null ? 0 : seg.length;
        if ((dst & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL) > size || (s & 0xFFFFFFFFL) + (n & 0xFFFFFFFFL) > segLen) {
            throw Trap.tableOutOfBounds;
        }
        if (n > 0) {
            System.arraycopy(seg, s, elems, dst, n);
        }
    }
}
