package io.wasmlet.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutations of a module's bytes: byte flips and sets, truncation, LEB128 edits (value changes,
 * overlong and unterminated encodings), and section edits (remove, duplicate, swap, splice a
 * section from another module).
 */
public final class Mutator {
    private final Random r;

    public Mutator(Random r) {
        this.r = r;
    }

    /** 1 to 4 mutations of {@code seed}; {@code other} is the splice donor. */
    public byte[] mutate(byte[] seed, byte[] other) {
        byte[] b = seed.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && b.length > 8; i++) {
            switch (r.nextInt(9)) {
                case 0: case 1: b = flip(b); break;
                case 2: b = setByte(b); break;
                case 3: b = truncate(b); break;
                case 4: case 5: b = leb(b); break;
                case 6: b = sectionEdit(b, other); break;
                case 7: b = sectionEdit(b, other); break;
                default: b = insertOrDelete(b); break;
            }
        }
        return b;
    }

    private int pos(byte[] b) {
        return 8 + r.nextInt(b.length - 8);
    }

    private byte[] flip(byte[] b) {
        b[pos(b)] ^= (byte) (1 << r.nextInt(8));
        return b;
    }

    private byte[] setByte(byte[] b) {
        int[] pick = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0x40, 0x0B, 0x41, 0x10, 0x11, 0x0E};
        b[pos(b)] = (byte) (r.nextBoolean() ? pick[r.nextInt(pick.length)] : r.nextInt(256));
        return b;
    }

    private byte[] truncate(byte[] b) {
        int at = pos(b);
        byte[] n = new byte[at];
        System.arraycopy(b, 0, n, 0, at);
        return n;
    }

    private byte[] insertOrDelete(byte[] b) {
        int at = pos(b);
        int len = 1 + r.nextInt(4);
        if (r.nextBoolean()) {
            byte[] n = new byte[b.length + len];
            System.arraycopy(b, 0, n, 0, at);
            for (int i = 0; i < len; i++) {
                n[at + i] = (byte) r.nextInt(256);
            }
            System.arraycopy(b, at, n, at + len, b.length - at);
            return n;
        }
        len = Math.min(len, b.length - at);
        byte[] n = new byte[b.length - len];
        System.arraycopy(b, 0, n, 0, at);
        System.arraycopy(b, at + len, n, at, b.length - at - len);
        return n;
    }

    /** Finds a LEB128 near a random offset and rewrites it. */
    private byte[] leb(byte[] b) {
        int at = pos(b);
        int end = at;
        while (end < b.length && (b[end] & 0x80) != 0 && end - at < 10) {
            end++;
        }
        if (end >= b.length) {
            return flip(b);
        }
        end++;
        long v = 0;
        for (int i = end - 1; i >= at; i--) {
            v = (v << 7) | (b[i] & 0x7F);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        switch (r.nextInt(6)) {
            case 0: Gen.u(o, v + 1); break;
            case 1: Gen.u(o, Math.max(0, v - 1)); break;
            case 2: { // overlong encoding of the same value
                Gen.u(o, v);
                byte[] e = o.toByteArray();
                o.reset();
                for (int i = 0; i < e.length; i++) {
                    o.write(e[i] | 0x80);
                }
                int pad = 1 + r.nextInt(5);
                for (int i = 0; i < pad - 1; i++) {
                    o.write(0x80);
                }
                o.write(0);
                break;
            }
            case 3: { // huge
                long[] pick = {0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0x10000L, 1000000L, 0xFFFFFFFFFFL};
                Gen.u(o, pick[r.nextInt(pick.length)]);
                break;
            }
            case 4: { // unterminated
                for (int i = 0; i < 1 + r.nextInt(11); i++) {
                    o.write(0x80 | r.nextInt(128));
                }
                break;
            }
            default: Gen.u(o, r.nextInt(4) == 0 ? 0 : r.nextInt(1 << (7 * Math.min(3, end - at)))); break;
        }
        byte[] e = o.toByteArray();
        byte[] n = new byte[b.length - (end - at) + e.length];
        System.arraycopy(b, 0, n, 0, at);
        System.arraycopy(e, 0, n, at, e.length);
        System.arraycopy(b, end, n, at + e.length, b.length - end);
        return n;
    }

    /** The sections of a module as {start, end} pairs (header included), or null if it does not parse. */
    static List<int[]> sections(byte[] b) {
        List<int[]> out = new ArrayList<>();
        int p = 8;
        while (p < b.length) {
            int start = p;
            p++;
            long size = 0;
            int shift = 0;
            while (true) {
                if (p >= b.length || shift > 28) {
                    return out.isEmpty() ? null : out;
                }
                int c = b[p++] & 0xFF;
                size |= (long) (c & 0x7F) << shift;
                shift += 7;
                if ((c & 0x80) == 0) {
                    break;
                }
            }
            if (p + size > b.length) {
                return out.isEmpty() ? null : out;
            }
            p += (int) size;
            out.add(new int[] {start, p});
        }
        return out;
    }

    private byte[] sectionEdit(byte[] b, byte[] other) {
        List<int[]> s = sections(b);
        if (s == null || s.isEmpty()) {
            return flip(b);
        }
        int[] a = s.get(r.nextInt(s.size()));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        switch (r.nextInt(4)) {
            case 0: // remove
                o.write(b, 0, a[0]);
                o.write(b, a[1], b.length - a[1]);
                break;
            case 1: { // duplicate, here or at the end
                int at = r.nextBoolean() ? a[1] : b.length;
                o.write(b, 0, at);
                o.write(b, a[0], a[1] - a[0]);
                o.write(b, at, b.length - at);
                break;
            }
            case 2: { // swap with another section
                int[] c = s.get(r.nextInt(s.size()));
                int[] x = a[0] < c[0] ? a : c;
                int[] y = a[0] < c[0] ? c : a;
                if (x == y) {
                    return flip(b);
                }
                o.write(b, 0, x[0]);
                o.write(b, y[0], y[1] - y[0]);
                o.write(b, x[1], y[0] - x[1]);
                o.write(b, x[0], x[1] - x[0]);
                o.write(b, y[1], b.length - y[1]);
                break;
            }
            default: { // splice a section of the donor in place of this one (or before it)
                List<int[]> d = other == null ? null : sections(other);
                if (d == null || d.isEmpty()) {
                    return flip(b);
                }
                int[] c = d.get(r.nextInt(d.size()));
                o.write(b, 0, a[0]);
                o.write(other, c[0], c[1] - c[0]);
                int from = r.nextBoolean() ? a[1] : a[0];
                o.write(b, from, b.length - from);
                break;
            }
        }
        return o.toByteArray();
    }
}
