package io.wasmlet.validate;

/**
 * A growable {@code char[]}: the pre-decoded code the validator emits ({@code Layout}), and the
 * validator's lists of ints (fixups, call sites, the debug map), two units an int.
 */
final class CodeBuffer {
    private char[] buf;
    private int pos;

    CodeBuffer() {
        this(256);
    }

    /**
     * With room for {@code capacity} units before it grows. It grows by half its size, not by
     * doubling: the pre-decoded code's buffer starts at an estimate from the code section's size,
     * and growing by half keeps the peak heap while loading to about 1.5 times the code.
     */
    CodeBuffer(int capacity) {
        buf = new char[Math.max(16, capacity)];
    }

    int pos() {
        return pos;
    }

    /** Drops everything from {@code at} on. */
    void truncate(int at) {
        pos = at;
    }

    void emit(int v) {
        if (pos == buf.length) {
            char[] b = new char[buf.length + (buf.length >> 1)];
            System.arraycopy(buf, 0, b, 0, pos);
            buf = b;
        }
        buf[pos++] = (char) v;
    }

    /** Emits a 32-bit value as two units, most significant first. */
    void emit2(int v) {
        emit(v >>> 16);
        emit(v);
    }

    /** The 32-bit value at {@code at}. */
    int get2(int at) {
        return buf[at] << 16 | buf[at + 1];
    }

    void set(int at, int v) {
        buf[at] = (char) v;
    }

    void set2(int at, int v) {
        buf[at] = (char) (v >>> 16);
        buf[at + 1] = (char) v;
    }

    char[] toArray() {
        if (pos == buf.length) {
            return buf;
        }
        char[] r = new char[pos];
        System.arraycopy(buf, 0, r, 0, pos);
        return r;
    }

    /** The contents as the ints emitted with {@link #emit2}. */
    int[] ints() {
        int[] r = new int[pos / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = get2(2 * i);
        }
        return r;
    }
}
