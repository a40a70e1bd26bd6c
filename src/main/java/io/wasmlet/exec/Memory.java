package io.wasmlet.exec;

import io.wasmlet.error.Msg;
import io.wasmlet.error.Trap;
import io.wasmlet.error.WasmException;

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
    /** Log2 of the page size: 16 (64 KiB), or 0 for a custom page size of 1 byte. */
    final int pageShift;
    /** The most bytes this memory may ever back (the board's budget). */
    final int budgetBytes;
    byte[] data;
    /** Current size in pages, as memory.size reports it. */
    int pages;
    /**
     * Accessible bytes: {@code pages << pageShift}, or less when the board's budget ends inside the
     * last page (accesses beyond trap as out of bounds; see {@code Board}).
     */
    int byteSize;

    /** A host memory: allocated at its minimum, grown by reallocation up to what Java can hold. */
    public Memory(int minPages, int maxPages) {
        this(minPages, maxPages < 0 ? -1L : (long) maxPages, MAX_PAGES_JAVA * PAGE, false, 16);
    }

    /**
     * A host memory of {@code 1 << pageShift}-byte pages (16: 64 KiB; 0: 1 byte, the
     * custom-page-sizes proposal), allocated at its minimum and grown by reallocation.
     */
    public Memory(int minPages, int maxPages, int pageShift) {
        this(minPages, maxPages < 0 ? -1L : (long) maxPages, MAX_PAGES_JAVA * PAGE, false, pageShift == 0 ? 0 : 16);
        if (pageShift != 0 && pageShift != 16) {
            throw new IllegalArgumentException("page size must be 1 or 65536 bytes");
        }
    }

    /**
     * @param prealloc allocate the whole budgeted maximum now, so that growing never allocates
     */
    Memory(int minPages, long max, int budgetBytes, boolean prealloc, int pageShift) {
        this.max = max;
        this.pageShift = pageShift;
        this.budgetBytes = budgetBytes;
        this.data = new byte[(int) capacity(minPages, max, budgetBytes, prealloc, pageShift)];
        this.pages = minPages;
        this.byteSize = (int) Math.min((long) minPages << pageShift, (long) budgetBytes);
    }

    /** A board's memory budget, clamped to what one Java array can hold. */
    static int budget(int boardBytes) {
        return (int) Math.min((long) boardBytes, (long) MAX_PAGES_JAVA * PAGE);
    }

    /** Bytes a memory of these limits holds at instantiation under a budget (footprint). */
    static long capacity(long minPages, long max, int budgetBytes, boolean prealloc, int pageShift) {
        long cap = prealloc ? (max >= 0 ? max << pageShift : (long) budgetBytes) : minPages << pageShift;
        return Math.min(cap, (long) budgetBytes);
    }

    public int pages() {
        return pages;
    }

    /** The page size in bytes: 65,536, or 1 for a custom page size (memory.size and memory.grow count these). */
    public int pageSize() {
        return 1 << pageShift;
    }

    /** Accessible bytes (less than {@code pages() * pageSize()} only under a partial-page budget). */
    public int byteSize() {
        return byteSize;
    }

    public long maxPages() {
        return max;
    }

    /**
     * A snapshot of the backing array, for zero-copy I/O between the memory and a stream or
     * file. Valid bytes are {@code [0, byteSize())}; the array may be longer (on boards that
     * grow by reallocation: spare capacity, all zero).
     *
     * <p><b>Note:</b> growing the memory (by {@code memory.grow} in the guest, or
     * {@link #grow}) may replace the array, after which a reference taken earlier is stale:
     * writes to it are lost and reads see old data. Take it again after every call into Wasm
     * and never keep it. The {@code read*}/{@code write*} accessors below are the supported
     * path: they are bounds-checked and never stale.
     */
    public byte[] bytes() {
        return data;
    }

    /** memory.grow: returns the old size in pages, or -1 (declared max or budget exceeded). */
    public int grow(int delta) {
        int old = pages;
        long n = old + (delta & M);
        // at most 4 GiB in all; pages past the budget's end fail (a partial last page is admitted)
        if ((max >= 0 && n > max) || n > 1L << 32 - pageShift || (n - 1 << pageShift) >= budgetBytes && n > old) {
            return -1;
        }
        int bytes = (int) Math.min(n << pageShift, (long) budgetBytes);
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
            cap = Math.max((long) bytes, Math.min(cap, max << pageShift));
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

    // ---- host access: bounds-checked, little-endian, allocation-free --------------------
    // Addresses are unsigned 32-bit; an access outside [0, byteSize()) throws the
    // preallocated Trap.memoryOutOfBounds (a TrapException), like the guest's own loads.

    public byte readByte(int addr) {
        return data[ea(addr, 0, 1)];
    }

    public void writeByte(int addr, byte v) {
        data[ea(addr, 0, 1)] = v;
    }

    public int readI32(int addr) {
        return i32Load(addr, 0);
    }

    public void writeI32(int addr, int v) {
        i32Store(addr, 0, v);
    }

    public long readI64(int addr) {
        return i64Load(addr, 0);
    }

    public void writeI64(int addr, long v) {
        i64Store(addr, 0, v);
    }

    public float readF32(int addr) {
        return Float.intBitsToFloat(i32Load(addr, 0));
    }

    /** Stores {@code v}'s bits (a NaN keeps its payload only where the JVM keeps it). */
    public void writeF32(int addr, float v) {
        i32Store(addr, 0, Float.floatToIntBits(v));
    }

    public double readF64(int addr) {
        return Double.longBitsToDouble(i64Load(addr, 0));
    }

    public void writeF64(int addr, double v) {
        i64Store(addr, 0, Double.doubleToLongBits(v));
    }

    /** Copies {@code len} bytes at {@code addr} to {@code dst[off..]}. */
    public void readBytes(int addr, byte[] dst, int off, int len) {
        checkArray(dst.length, off, len);
        System.arraycopy(data, range(addr, len), dst, off, len);
    }

    /** Copies {@code src[off .. off + len)} to {@code addr}. */
    public void writeBytes(int addr, byte[] src, int off, int len) {
        checkArray(src.length, off, len);
        System.arraycopy(src, off, data, range(addr, len), len);
    }

    /** Checks {@code [addr, addr + len)}, both unsigned (a negative length is out of bounds). */
    private int range(int addr, int len) {
        if (len < 0) {
            throw Trap.memoryOutOfBounds;
        }
        return ea(addr, 0, len);
    }

    private static void checkArray(int length, int off, int len) {
        if (off < 0 || len < 0 || off > length - len) {
            throw new WasmException(Msg.num("host array too small: offset ", off, ", length ", len));
        }
    }

    /** The bytes {@link #writeUtf8} takes for {@code s}. */
    public static int utf8Length(String s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (isPair(s, i)) {
                n++; // 4 bytes for the pair
                i++;
            }
        }
        return n;
    }

    private static boolean isPair(String s, int i) {
        char c = s.charAt(i);
        return c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length() && s.charAt(i + 1) >= 0xDC00
                && s.charAt(i + 1) <= 0xDFFF;
    }

    /**
     * Writes {@code s} as UTF-8 at {@code addr} (no terminating NUL; a lone surrogate as its
     * 3-byte form). Allocates nothing; checks the whole range before writing.
     *
     * @return the bytes written, {@link #utf8Length}{@code (s)}
     */
    public int writeUtf8(int addr, String s) {
        int n = utf8Length(s);
        int a = ea(addr, 0, n);
        byte[] d = data;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                d[a++] = (byte) c;
            } else if (c < 0x800) {
                d[a++] = (byte) (0xC0 | c >> 6);
                d[a++] = (byte) (0x80 | (c & 0x3F));
            } else if (isPair(s, i)) {
                int cp = 0x10000 + ((c - 0xD800) << 10) + (s.charAt(++i) - 0xDC00);
                d[a++] = (byte) (0xF0 | cp >> 18);
                d[a++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                d[a++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                d[a++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                d[a++] = (byte) (0xE0 | c >> 12);
                d[a++] = (byte) (0x80 | (c >> 6 & 0x3F));
                d[a++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    /**
     * Decodes the {@code len} UTF-8 bytes at {@code addr} into {@code dst[off..]}, which must
     * have room for {@code len} chars (never more are needed). A byte that does not start or
     * continue a valid sequence becomes U+FFFD. Allocates nothing.
     *
     * @return the chars written
     */
    public int readUtf8(int addr, int len, char[] dst, int off) {
        int a = range(addr, len);
        if (off < 0 || len < 0 || off > dst.length - len) {
            checkArray(-1, off, len);
        }
        byte[] d = data;
        int end = a + len;
        int k = off;
        while (a < end) {
            int c = d[a++] & 0xFF;
            int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            int cp = need == 0 ? c : c & (0x3F >> need);
            int i = 0;
            while (i < need && a + i < end && (d[a + i] & 0xC0) == 0x80) {
                cp = cp << 6 | (d[a + i] & 0x3F);
                i++;
            }
            if (need < 0 || i < need || need == 2 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF)
                    || need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) {
                dst[k++] = '\uFFFD';
                continue;
            }
            a += need;
            if (cp >= 0x10000) {
                dst[k++] = (char) (0xD800 + ((cp - 0x10000) >> 10));
                dst[k++] = (char) (0xDC00 + (cp & 0x3FF));
            } else {
                dst[k++] = (char) cp;
            }
        }
        return k - off;
    }

    /**
     * The {@code len} UTF-8 bytes at {@code addr} as a String, decoded as
     * {@link #readUtf8(int, int, char[], int)} does. Allocates the String and the char array it
     * is built from, nothing else; use the char-array form to allocate nothing.
     */
    public String readUtf8(int addr, int len) {
        range(addr, len);
        char[] c = new char[len];
        return new String(c, 0, readUtf8(addr, len, c, 0));
    }
}
