package io.wasmlet.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The fuzzers' mutations of a module (TierFuzzTest, and tools/fuzz/TierFuzz.java for the long
 * campaign): byte flips, random bytes, truncation, LEB128 continuation and extreme edits, splices
 * of a run of bytes from another input, and section-aware edits that keep the framing valid so
 * that the mutant reaches the validator and the tiers: a section replaced by, or inserted from,
 * another module's section, a section dropped or duplicated, and one function body replaced by
 * another module's body (the code section's sizes re-encoded).
 */
public final class Mutator {
    private Mutator() {
    }

    /** A mutant of a random input of {@code corpus}, with one to four edits. */
    public static byte[] mutate(List<byte[]> corpus, Random rnd) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size()));
        if (b.length > 64_000) {
            b = corpus.get(rnd.nextInt(corpus.size()));
        }
        b = b.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && b.length > 9; e++) {
            b = edit(b, corpus.get(rnd.nextInt(corpus.size())), rnd);
        }
        return b;
    }

    /** One edit of {@code b}; {@code other} is the donor of splices. */
    public static byte[] edit(byte[] b, byte[] other, Random rnd) {
        int at = 8 + rnd.nextInt(b.length - 8);
        switch (rnd.nextInt(10)) {
            case 0: b[at] ^= (byte) (1 << rnd.nextInt(8)); return b;
            case 1: b[at] = (byte) rnd.nextInt(256); return b;
            case 2: return Arrays.copyOf(b, at); // truncation
            case 3: b[at] = (byte) (b[at] | 0x80); return b; // a LEB128 that goes on
            case 4: b[at] = (byte) (rnd.nextBoolean() ? 0x7F : 0x00); return b; // LEB extremes
            case 5: { // splice a run of bytes of another input over this one
                if (other.length == 0) {
                    return b;
                }
                int from = rnd.nextInt(other.length);
                int len = Math.min(1 + rnd.nextInt(64), Math.min(other.length - from, b.length - at));
                System.arraycopy(other, from, b, at, len);
                return b;
            }
            case 6: return replaceSection(b, other, rnd);
            case 7: return insertSection(b, other, rnd);
            case 8: return rnd.nextBoolean() ? dropSection(b, rnd) : duplicateSection(b, rnd);
            default: return spliceBody(b, rnd.nextBoolean() ? other : b, rnd); // bodies of its own type-check more often
        }
    }

    // ---- sections ----

    /**
     * Top-level sections of {@code b}: for section k, {@code [3k]} its start (the id byte),
     * {@code [3k+1]} the start of its contents, {@code [3k+2]} its end; null if the framing is broken.
     */
    static int[] sections(byte[] b) {
        if (b.length < 8) {
            return null;
        }
        int[] out = new int[48];
        int n = 0;
        int p = 8;
        while (p < b.length) {
            int start = p++;
            long size = 0;
            int shift = 0;
            while (true) {
                if (p >= b.length || shift > 28) {
                    return null;
                }
                int c = b[p++] & 0xFF;
                size |= (long) (c & 0x7F) << shift;
                shift += 7;
                if ((c & 0x80) == 0) {
                    break;
                }
            }
            if (p + size > b.length) {
                return null;
            }
            if (3 * n + 3 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[3 * n] = start;
            out[3 * n + 1] = p;
            out[3 * n + 2] = (int) (p + size);
            n++;
            p = (int) (p + size);
        }
        return Arrays.copyOf(out, 3 * n);
    }

    private static byte[] join(byte[] a, int aEnd, byte[] mid, int midFrom, int midTo, byte[] c, int cFrom) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(a, 0, aEnd);
        o.write(mid, midFrom, midTo - midFrom);
        o.write(c, cFrom, c.length - cFrom);
        return o.toByteArray();
    }

    /** A section of {@code b} replaced by a section of {@code other} with the same id (any, if none has it). */
    static byte[] replaceSection(byte[] b, byte[] other, Random rnd) {
        int[] s = sections(b);
        int[] t = sections(other);
        if (s == null || t == null || s.length == 0 || t.length == 0) {
            return b;
        }
        int k = rnd.nextInt(s.length / 3);
        int pick = rnd.nextInt(t.length / 3);
        for (int j = 0; j < t.length / 3; j++) {
            int q = (pick + j) % (t.length / 3);
            if (other[t[3 * q]] == b[s[3 * k]]) {
                pick = q;
                break;
            }
        }
        return join(b, s[3 * k], other, t[3 * pick], t[3 * pick + 2], b, s[3 * k + 2]);
    }

    /** A section of {@code other} inserted at a section boundary of {@code b}. */
    static byte[] insertSection(byte[] b, byte[] other, Random rnd) {
        int[] s = sections(b);
        int[] t = sections(other);
        if (s == null || t == null || t.length == 0) {
            return b;
        }
        int k = rnd.nextInt(s.length / 3 + 1);
        int at = k == s.length / 3 ? b.length : s[3 * k];
        int pick = rnd.nextInt(t.length / 3);
        return join(b, at, other, t[3 * pick], t[3 * pick + 2], b, at);
    }

    static byte[] dropSection(byte[] b, Random rnd) {
        int[] s = sections(b);
        if (s == null || s.length == 0) {
            return b;
        }
        int k = rnd.nextInt(s.length / 3);
        return join(b, s[3 * k], b, 0, 0, b, s[3 * k + 2]);
    }

    static byte[] duplicateSection(byte[] b, Random rnd) {
        int[] s = sections(b);
        if (s == null || s.length == 0) {
            return b;
        }
        int k = rnd.nextInt(s.length / 3);
        return join(b, s[3 * k + 2], b, s[3 * k], s[3 * k + 2], b, s[3 * k + 2]);
    }

    // ---- function bodies ----

    private static final int CODE = 10;

    /** Start and end of each body in the code section at [from, to), or null. */
    private static int[] bodies(byte[] b, int from, int to) {
        int[] p = {from};
        long n = leb(b, p, to);
        if (n < 0 || n > 100_000) {
            return null;
        }
        int[] out = new int[(int) (2 * n)];
        for (int i = 0; i < n; i++) {
            long size = leb(b, p, to);
            if (size < 0 || p[0] + size > to) {
                return null;
            }
            out[2 * i] = p[0];
            out[2 * i + 1] = (int) (p[0] + size);
            p[0] += (int) size;
        }
        return out;
    }

    private static long leb(byte[] b, int[] p, int to) {
        long v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p[0] >= to) {
                return -1;
            }
            int c = b[p[0]++] & 0xFF;
            v |= (long) (c & 0x7F) << shift;
            if ((c & 0x80) == 0) {
                return v;
            }
        }
        return -1;
    }

    private static void writeLeb(ByteArrayOutputStream o, long v) {
        do {
            int c = (int) (v & 0x7F);
            v >>>= 7;
            o.write(v != 0 ? c | 0x80 : c);
        } while (v != 0);
    }

    /**
     * One function body of {@code b} replaced by a body of {@code other} (locals and
     * instructions as they are: the validator decides whether it fits the function's type),
     * with the body's and the section's sizes re-encoded.
     */
    static byte[] spliceBody(byte[] b, byte[] other, Random rnd) {
        int[] s = sections(b);
        int[] t = sections(other);
        if (s == null || t == null) {
            return b;
        }
        int ks = codeSection(b, s);
        int kt = codeSection(other, t);
        if (ks < 0 || kt < 0) {
            return b;
        }
        int[] mine = bodies(b, s[3 * ks + 1], s[3 * ks + 2]);
        int[] theirs = bodies(other, t[3 * kt + 1], t[3 * kt + 2]);
        if (mine == null || theirs == null || mine.length == 0 || theirs.length == 0) {
            return b;
        }
        int i = rnd.nextInt(mine.length / 2);
        int j = rnd.nextInt(theirs.length / 2);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        writeLeb(content, mine.length / 2);
        for (int k = 0; k < mine.length / 2; k++) {
            byte[] src = k == i ? other : b;
            int from = k == i ? theirs[2 * j] : mine[2 * k];
            int to = k == i ? theirs[2 * j + 1] : mine[2 * k + 1];
            writeLeb(content, to - from);
            content.write(src, from, to - from);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(b, 0, s[3 * ks]);
        o.write(CODE);
        writeLeb(o, content.size());
        o.write(content.toByteArray(), 0, content.size());
        o.write(b, s[3 * ks + 2], b.length - s[3 * ks + 2]);
        return o.toByteArray();
    }

    private static int codeSection(byte[] b, int[] s) {
        for (int k = 0; k < s.length / 3; k++) {
            if (b[s[3 * k]] == CODE) {
                return k;
            }
        }
        return -1;
    }
}
