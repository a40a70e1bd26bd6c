package io.wasmlet.exec;

import io.wasmlet.error.Trap;

/**
 * A linear memory: a {@code byte[]} with explicit bounds checks against the current size
 * (little-endian assembly by hand: CLDC has no ByteBuffer). The loads and stores here are the
 * one implementation both execution tiers use.
 */
public final class Memory {
    public static final int PAGE = 65536;
    /** Java arrays stop short of 2 GiB: the largest memory this runtime can hold. */
    public static final int MAX_PAGES_JAVA = 32767;
    private static final long M = 0xFFFFFFFFL;

    /** Declared maximum in pages, or -1. */
    final long max;
    /** The most bytes this memory may ever back (the board's budget). */
    final int budgetBytes;
    byte[] data;
    /** Current size in pages, as memory.size reports it. */
    int pages;
    /**
     * Accessible bytes: {@code pages * 65536}, or less when the board's budget ends inside the
     * last page (accesses beyond trap as out of bounds; see {@code Board}).
     */
    int byteSize;

    /** A host memory: allocated at its minimum, grown by reallocation up to what Java can hold. */
    public Memory(int minPages, int maxPages) {
        this(minPages, maxPages < 0 ? -1L : (long) maxPages, MAX_PAGES_JAVA * PAGE, false);
    }

    /**
     * @param prealloc allocate the whole budgeted maximum now, so that growing never allocates
     */
    Memory(int minPages, long max, int budgetBytes, boolean prealloc) {
        this.max = max;
        this.budgetBytes = budgetBytes;
        long cap = prealloc ? (max >= 0 ? max * PAGE : (long) budgetBytes) : (long) minPages * PAGE;
        this.data = new byte[(int) Math.min(cap, (long) budgetBytes)];
        this.pages = minPages;
        this.byteSize = (int) Math.min((long) minPages * PAGE, (long) budgetBytes);
    }

    /** A board's memory budget, clamped to what one Java array can hold. */
    static int budget(int boardBytes) {
        return (int) Math.min((long) boardBytes, (long) MAX_PAGES_JAVA * PAGE);
    }

    /** Bytes a memory of these limits holds at instantiation under a budget (footprint). */
    static long capacity(long minPages, long max, int budgetBytes, boolean prealloc) {
        long cap = prealloc ? (max >= 0 ? max * PAGE : (long) budgetBytes) : minPages * PAGE;
        return Math.min(cap, (long) budgetBytes);
    }

    public int pages() {
        return pages;
    }

    /** Accessible bytes (less than {@code pages() * 65536} only under a partial-page budget). */
    public int byteSize() {
        return byteSize;
    }

    public long maxPages() {
        return max;
    }

    /**
     * The backing array; valid bytes are {@code [0, byteSize())}. On boards that grow by
     * reallocation it may be longer (spare capacity, all zero), and a grow may replace it.
     */
    public byte[] bytes() {
        return data;
    }

    /** memory.grow: returns the old size in pages, or -1 (declared max or budget exceeded). */
    public int grow(int delta) {
        int old = pages;
        long n = old + (delta & M);
        if ((max >= 0 && n > max) || n > 65536 || (n - 1) * PAGE >= budgetBytes && n > old) {
            return -1;
        }
        int bytes = (int) Math.min(n * PAGE, (long) budgetBytes);
        if (bytes > data.length && !reallocate(bytes)) {
            return -1;
        }
        pages = (int) n;
        byteSize = bytes;
        return old;
    }

    /**
     * The one allocation after instantiation, and only on boards without preallocation
     * (the desktop): growing beyond the current array. The capacity at least doubles (capped by
     * the declared maximum and the budget), so n one-page grows copy O(n) pages in all, not
     * O(n^2). Bytes past {@link #byteSize} stay zero: no access reaches them before a grow
     * admits them. When the Java heap cannot hold the new array, memory.grow fails (-1) as
     * the specification allows, rather than the JVM's OutOfMemoryError ending the run.
     *
     * @return false when the heap is exhausted (nothing changed)
     */
    private boolean reallocate(int bytes) {
        long cap = Math.max((long) bytes, Math.min(2L * data.length, (long) budgetBytes));
        if (max >= 0) {
            cap = Math.max((long) bytes, Math.min(cap, max * PAGE));
        }
        byte[] d;
        try {
            d = new byte[(int) cap];
        } catch (OutOfMemoryError e) {
            if (cap == bytes) {
                return false;
            }
            try {
                d = new byte[bytes];
            } catch (OutOfMemoryError e2) {
                return false;
            }
        }
        System.arraycopy(data, 0, d, 0, byteSize);
        data = d;
        return true;
    }

    private int ea(int addr, int off, int n) {
        long ea = (addr & M) + (off & M);
        if (ea > byteSize - n) {
            throw Trap.memoryOutOfBounds;
        }
        return (int) ea;
    }

    public int i32Load(int addr, int off) {
        int a = ea(addr, off, 4);
        byte[] d = data;
        return (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
    }

    public long i64Load(int addr, int off) {
        int a = ea(addr, off, 8);
        byte[] d = data;
        int lo = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
        int hi = (d[a + 4] & 0xFF) | (d[a + 5] & 0xFF) << 8 | (d[a + 6] & 0xFF) << 16 | d[a + 7] << 24;
        return (lo & M) | ((long) hi << 32);
    }

    public int i32Load8S(int addr, int off) {
        return data[ea(addr, off, 1)];
    }

    public int i32Load8U(int addr, int off) {
        return data[ea(addr, off, 1)] & 0xFF;
    }

    public int i32Load16S(int addr, int off) {
        int a = ea(addr, off, 2);
        return (short) ((data[a] & 0xFF) | (data[a + 1] & 0xFF) << 8);
    }

    public int i32Load16U(int addr, int off) {
        int a = ea(addr, off, 2);
        return (data[a] & 0xFF) | (data[a + 1] & 0xFF) << 8;
    }

    public void i32Store(int addr, int off, int v) {
        int a = ea(addr, off, 4);
        byte[] d = data;
        d[a] = (byte) v;
        d[a + 1] = (byte) (v >> 8);
        d[a + 2] = (byte) (v >> 16);
        d[a + 3] = (byte) (v >> 24);
    }

    public void i64Store(int addr, int off, long v) {
        int a = ea(addr, off, 8);
        byte[] d = data;
        int lo = (int) v;
        int hi = (int) (v >>> 32);
        d[a] = (byte) lo;
        d[a + 1] = (byte) (lo >> 8);
        d[a + 2] = (byte) (lo >> 16);
        d[a + 3] = (byte) (lo >> 24);
        d[a + 4] = (byte) hi;
        d[a + 5] = (byte) (hi >> 8);
        d[a + 6] = (byte) (hi >> 16);
        d[a + 7] = (byte) (hi >> 24);
    }

    public void i32Store8(int addr, int off, int v) {
        data[ea(addr, off, 1)] = (byte) v;
    }

    public void i32Store16(int addr, int off, int v) {
        int a = ea(addr, off, 2);
        data[a] = (byte) v;
        data[a + 1] = (byte) (v >> 8);
    }

    /** memory.fill. */
    public void fill(int dst, int value, int n) {
        if ((dst & M) + (n & M) > byteSize) {
            throw Trap.memoryOutOfBounds;
        }
        byte b = (byte) value;
        for (int i = 0; i < n; i++) {
            data[dst + i] = b;
        }
    }

    /** memory.copy (overlap-safe). */
    public void copy(int dst, int src, int n) {
        if ((dst & M) + (n & M) > byteSize || (src & M) + (n & M) > byteSize) {
            throw Trap.memoryOutOfBounds;
        }
        System.arraycopy(data, src, data, dst, n);
    }

    /** memory.init from {@code len} bytes at {@code segStart} of {@code seg}. */
    public void init(byte[] seg, int segStart, int segLen, int dst, int s, int n) {
        if ((dst & M) + (n & M) > byteSize || (s & M) + (n & M) > segLen) {
            throw Trap.memoryOutOfBounds;
        }
        System.arraycopy(seg, segStart + s, data, dst, n);
    }
}
