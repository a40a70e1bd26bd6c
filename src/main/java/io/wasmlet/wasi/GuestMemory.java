package io.wasmlet.wasi;

import io.wasmlet.binary.Utf8;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;

/**
 * The program's linear memory as the WASI calls see it: little-endian loads and stores at
 * guest pointers, each checked against the accessible size. A pointer and length that reach
 * outside throw the preallocated {@link #FAULT}, which the call turns into {@link Errno#FAULT}.
 *
 * <p>{@link #use} picks the memory at the start of every call (the bound one, else the calling
 * instance's) and re-reads its backing array: growing the memory may have replaced it.
 */
final class GuestMemory {
    /** Thrown (never allocated again) when a guest pointer is out of bounds. */
    static final RuntimeException FAULT = new RuntimeException("WASI pointer out of bounds");
    private static final byte[] NONE = new byte[0];
    private static final long M = 0xFFFFFFFFL;

    /** The memory bound by {@code WasiPreview1.bind}, which overrides the caller's; or null. */
    private Memory bound;
    /** The backing array for the current call. */
    byte[] bytes = NONE;
    /** Accessible bytes for the current call. */
    int size;
    /** The current call was linked under {@code wasi_unstable} (preview0 layouts). */
    boolean preview0;

    void bind(Memory m) {
        bound = m;
    }

    /**
     * Takes the memory for one call: the bound one, else the calling instance's (none: every
     * access faults). Re-read at every call: growing the memory may have replaced its array.
     */
    void use(Instance caller, boolean preview0) {
        this.preview0 = preview0;
        Memory m = bound != null ? bound : caller != null && caller.hasMemory() ? caller.memory() : null;
        if (m == null) {
            bytes = NONE;
            size = 0;
        } else {
            bytes = m.bytes();
            size = m.byteSize();
        }
    }

    /** Checks {@code [ptr, ptr + len)} (both unsigned 32-bit) and returns {@code ptr} as an array index. */
    int check(int ptr, int len) {
        if ((ptr & M) + (len & M) > size) {
            throw FAULT;
        }
        return ptr;
    }

    int u8(int ptr) {
        return bytes[check(ptr, 1)] & 0xFF;
    }

    int u16(int ptr) {
        int a = check(ptr, 2);
        return (bytes[a] & 0xFF) | (bytes[a + 1] & 0xFF) << 8;
    }

    int i32(int ptr) {
        int a = check(ptr, 4);
        byte[] b = bytes;
        return (b[a] & 0xFF) | (b[a + 1] & 0xFF) << 8 | (b[a + 2] & 0xFF) << 16 | b[a + 3] << 24;
    }

    long i64(int ptr) {
        check(ptr, 8);
        return (i32(ptr) & M) | ((long) i32(ptr + 4) << 32);
    }

    void put8(int ptr, int v) {
        bytes[check(ptr, 1)] = (byte) v;
    }

    void put16(int ptr, int v) {
        int a = check(ptr, 2);
        bytes[a] = (byte) v;
        bytes[a + 1] = (byte) (v >> 8);
    }

    void put32(int ptr, int v) {
        int a = check(ptr, 4);
        byte[] b = bytes;
        b[a] = (byte) v;
        b[a + 1] = (byte) (v >> 8);
        b[a + 2] = (byte) (v >> 16);
        b[a + 3] = (byte) (v >> 24);
    }

    void put64(int ptr, long v) {
        check(ptr, 8);
        put32(ptr, (int) v);
        put32(ptr + 4, (int) (v >>> 32));
    }

    void zero(int ptr, int len) {
        int a = check(ptr, len);
        for (int i = 0; i < len; i++) {
            bytes[a + i] = 0;
        }
    }

    /** Copies {@code len} bytes of {@code src} to guest memory at {@code ptr}. */
    void put(int ptr, byte[] src, int off, int len) {
        System.arraycopy(src, off, bytes, check(ptr, len), len);
    }

    /**
     * The UTF-8 string of {@code len} bytes at {@code ptr}, or null if it is not valid UTF-8 or
     * holds a NUL byte (which no WASI path or name may contain).
     */
    String string(int ptr, int len) {
        int a = check(ptr, len);
        for (int i = 0; i < len; i++) {
            if (bytes[a + i] == 0) {
                return null;
            }
        }
        return Utf8.decode(bytes, a, len);
    }

    /** The UTF-8 encoding of {@code s} (CLDC does not promise a UTF-8 charset). */
    static byte[] utf8(String s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (isPair(s, i)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        byte[] b = new byte[n];
        int k = 0;
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                b[k++] = (byte) c;
            } else if (c < 0x800) {
                b[k++] = (byte) (0xC0 | c >> 6);
                b[k++] = (byte) (0x80 | (c & 0x3F));
            } else if (isPair(s, i)) {
                int cp = 0x10000 + ((c - 0xD800) << 10) + (s.charAt(++i) - 0xDC00);
                b[k++] = (byte) (0xF0 | cp >> 18);
                b[k++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                b[k++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                b[k++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                // a lone surrogate is encoded as is (WTF-8), like a host file name may hold it
                b[k++] = (byte) (0xE0 | c >> 12);
                b[k++] = (byte) (0x80 | (c >> 6 & 0x3F));
                b[k++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return b;
    }

    private static boolean isPair(String s, int i) {
        char c = s.charAt(i);
        return c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length() && s.charAt(i + 1) >= 0xDC00
                && s.charAt(i + 1) <= 0xDFFF;
    }
}
