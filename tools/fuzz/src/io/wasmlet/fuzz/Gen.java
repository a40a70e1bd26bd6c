package io.wasmlet.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates valid modules that run: random well-typed function bodies with blocks, loops
 * (bounded by a counter local, or not, so fuel ends them), if/else, br, br_if, br_table, calls,
 * call_indirect through a table, loads and stores (masked in bounds or not), memory.size/grow,
 * fill and copy, globals, locals, and i32/i64/f32/f64 arithmetic, conversions and comparisons,
 * trapping ones included (division, trunc, unreachable). One imported function and every
 * function, the memory and the globals are exported. Deterministic for a given Random.
 */
public final class Gen {
    static final byte I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C;
    private static final byte[] NUM = {I32, I64, F32, F64};

    private final Random r;
    private final List<byte[]> types = new ArrayList<>(); // [np, params..., nr, results...] encoded as params/results
    private final List<byte[][]> sigs = new ArrayList<>();
    private int[] funcType;      // type index per function (import first)
    private int numFuncs;
    private byte[] globalTypes;
    // per-function generation state
    private byte[] locals;       // params then declared locals
    private int counterLocal;    // i32 local used as loop budget
    private final List<byte[]> labels = new ArrayList<>(); // label operand types, innermost last
    private ByteArrayOutputStream out;
    private int budget;          // instructions left in this body

    public Gen(Random r) {
        this.r = r;
    }

    /** A fresh valid module. */
    public static byte[] module(long seed) {
        return new Gen(new Random(seed)).build();
    }

    private byte type() {
        return NUM[r.nextInt(4)];
    }

    private int addSig(byte[] params, byte[] results) {
        for (int i = 0; i < sigs.size(); i++) {
            if (java.util.Arrays.equals(sigs.get(i)[0], params) && java.util.Arrays.equals(sigs.get(i)[1], results)) {
                return i;
            }
        }
        sigs.add(new byte[][] {params, results});
        return sigs.size() - 1;
    }

    private byte[] randTypes(int max) {
        byte[] t = new byte[r.nextInt(max + 1)];
        for (int i = 0; i < t.length; i++) {
            t[i] = type();
        }
        return t;
    }

    public byte[] build() {
        int defined = 1 + r.nextInt(5);
        numFuncs = defined + 1;
        funcType = new int[numFuncs];
        funcType[0] = addSig(randTypes(2), randTypes(1));
        for (int f = 1; f < numFuncs; f++) {
            funcType[f] = r.nextInt(3) == 0 && f > 1 ? funcType[r.nextInt(f)] : addSig(randTypes(3), randTypes(2));
        }
        globalTypes = new byte[1 + r.nextInt(4)];
        for (int g = 0; g < globalTypes.length; g++) {
            globalTypes[g] = type();
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(0); m.write('a'); m.write('s'); m.write('m'); m.write(1); m.write(0); m.write(0); m.write(0);
        // types
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        u(s, sigs.size());
        for (byte[][] sig : sigs) {
            s.write(0x60);
            u(s, sig[0].length);
            s.write(sig[0], 0, sig[0].length);
            u(s, sig[1].length);
            s.write(sig[1], 0, sig[1].length);
        }
        section(m, 1, s);
        // import env.f
        s = new ByteArrayOutputStream();
        u(s, 1);
        name(s, "env"); name(s, "f"); s.write(0); u(s, funcType[0]);
        section(m, 2, s);
        // functions
        s = new ByteArrayOutputStream();
        u(s, defined);
        for (int f = 1; f < numFuncs; f++) {
            u(s, funcType[f]);
        }
        section(m, 3, s);
        // table: numFuncs + 2 entries, the last two stay null
        s = new ByteArrayOutputStream();
        u(s, 1); s.write(0x70); s.write(0); u(s, numFuncs + 2);
        section(m, 4, s);
        // memory 1..3 pages
        s = new ByteArrayOutputStream();
        u(s, 1); s.write(1); u(s, 1); u(s, 3);
        section(m, 5, s);
        // globals, mutable
        s = new ByteArrayOutputStream();
        u(s, globalTypes.length);
        for (byte t : globalTypes) {
            s.write(t); s.write(1);
            out = s;
            constOf(t);
            s.write(0x0B);
        }
        section(m, 6, s);
        // exports
        s = new ByteArrayOutputStream();
        u(s, numFuncs + 1 + globalTypes.length);
        for (int f = 0; f < numFuncs; f++) {
            name(s, "f" + f); s.write(0); u(s, f);
        }
        name(s, "mem"); s.write(2); u(s, 0);
        for (int g = 0; g < globalTypes.length; g++) {
            name(s, "g" + g); s.write(3); u(s, g);
        }
        section(m, 7, s);
        // elem: active at 0, every function
        s = new ByteArrayOutputStream();
        u(s, 1); u(s, 0); s.write(0x41); s.write(0); s.write(0x0B); u(s, numFuncs);
        for (int f = 0; f < numFuncs; f++) {
            u(s, f);
        }
        section(m, 9, s);
        // code
        s = new ByteArrayOutputStream();
        u(s, defined);
        for (int f = 1; f < numFuncs; f++) {
            byte[] body = body(f);
            u(s, body.length);
            s.write(body, 0, body.length);
        }
        section(m, 10, s);
        // data
        s = new ByteArrayOutputStream();
        u(s, 1); u(s, 0); s.write(0x41); sleb(s, r.nextInt(256)); s.write(0x0B);
        int n = 1 + r.nextInt(32);
        u(s, n);
        for (int i = 0; i < n; i++) {
            s.write(r.nextInt(256));
        }
        section(m, 11, s);
        return m.toByteArray();
    }

    private byte[] body(int f) {
        byte[][] sig = sigs.get(funcType[f]);
        byte[] extra = randTypes(4);
        locals = new byte[sig[0].length + extra.length + 1];
        System.arraycopy(sig[0], 0, locals, 0, sig[0].length);
        System.arraycopy(extra, 0, locals, sig[0].length, extra.length);
        counterLocal = locals.length - 1;
        locals[counterLocal] = I32;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u(b, extra.length + 1);
        for (byte t : extra) {
            u(b, 1); b.write(t);
        }
        u(b, 1); b.write(I32);
        out = b;
        budget = 40 + r.nextInt(200);
        labels.clear();
        labels.add(sig[1]); // the function's own label: br to it returns
        // loop budget
        op(0x41); sleb(out, 1 + r.nextInt(40)); op(0x21); u(out, counterLocal);
        int stmts = r.nextInt(6);
        for (int i = 0; i < stmts; i++) {
            stmt(3);
        }
        for (byte t : sig[1]) {
            expr(t, 4);
        }
        op(0x0B);
        return b.toByteArray();
    }

    private void op(int b) {
        out.write(b);
        budget--;
    }

    /** Emits code that leaves the stack as it was. */
    private void stmt(int d) {
        if (d <= 0 || budget <= 0) {
            op(0x01);
            return;
        }
        switch (r.nextInt(12)) {
            case 0: { // local.set
                if (locals.length == 1) {
                    op(0x01);
                    break;
                }
                int l = r.nextInt(locals.length - 1);
                expr(locals[l], d - 1); op(0x21); u(out, l);
                break;
            }
            case 1: { // global.set
                int g = r.nextInt(globalTypes.length);
                expr(globalTypes[g], d - 1); op(0x24); u(out, g);
                break;
            }
            case 2: store(d); break;
            case 3: { // expression, dropped
                expr(type(), d - 1); op(0x1A);
                break;
            }
            case 4: { // loop with a budget counter: loop { body; counter--; br_if 0 (counter) }
                op(0x03); out.write(0x40);
                labels.add(new byte[0]);
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    stmt(d - 1);
                }
                op(0x20); u(out, counterLocal); op(0x41); out.write(1); op(0x6B); op(0x22); u(out, counterLocal);
                op(0x41); out.write(0); op(0x4A);
                op(0x0D); u(out, 0);
                labels.remove(labels.size() - 1);
                op(0x0B);
                break;
            }
            case 5: { // block { stmts; br_if to some label }
                op(0x02); out.write(0x40);
                labels.add(new byte[0]);
                stmt(d - 1);
                branchIf(d);
                stmt(d - 1);
                labels.remove(labels.size() - 1);
                op(0x0B);
                break;
            }
            case 6: { // if / else
                expr(I32, d - 1);
                op(0x04); out.write(0x40);
                labels.add(new byte[0]);
                stmt(d - 1);
                if (r.nextBoolean()) {
                    op(0x05);
                    stmt(d - 1);
                }
                labels.remove(labels.size() - 1);
                op(0x0B);
                break;
            }
            case 7: callStmt(d); break;
            case 8: { // memory.fill / memory.copy, small lengths
                expr(I32, d - 1); maskAddr(); expr(I32, d - 1);
                op(0x41); sleb(out, r.nextInt(4) == 0 ? r.nextInt(70000) : r.nextInt(64));
                op(0xFC);
                if (r.nextBoolean()) {
                    u(out, 11); out.write(0);
                } else {
                    maskAddrSecond();
                    u(out, 10); out.write(0); out.write(0);
                }
                break;
            }
            case 9: { // unbounded loop, rarely: fuel ends it
                if (r.nextInt(8) != 0) {
                    op(0x01);
                    break;
                }
                op(0x03); out.write(0x40);
                labels.add(new byte[0]);
                stmt(d - 1);
                expr(I32, d - 1); op(0x0D); u(out, 0);
                labels.remove(labels.size() - 1);
                op(0x0B);
                break;
            }
            case 10: { // memory.grow, dropped
                expr(I32, d - 1); op(0x41); out.write(3); op(0x71); op(0x40); out.write(0); op(0x1A);
                break;
            }
            default: branchIf(d); break;
        }
    }

    private void maskAddrSecond() {
        // nothing: the copy's source is the second operand, the length already bounded
    }

    /** br_if to a random label whose operand types we can supply; the values stay if it is not taken. */
    private void branchIf(int d) {
        int li = r.nextInt(labels.size());
        byte[] lt = labels.get(li);
        for (byte t : lt) {
            expr(t, d - 1);
        }
        expr(I32, d - 1);
        op(0x0D); u(out, labels.size() - 1 - li);
        for (int i = 0; i < lt.length; i++) {
            op(0x1A);
        }
    }

    private void callStmt(int d) {
        int f = r.nextInt(numFuncs);
        byte[][] sig = sigs.get(funcType[f]);
        for (byte t : sig[0]) {
            expr(t, d - 1);
        }
        if (r.nextInt(3) == 0) {
            // call_indirect with a type that may not match, an index that may be null or out of range
            int ty = r.nextInt(4) == 0 ? r.nextInt(sigs.size()) : funcType[f];
            byte[][] isig = sigs.get(ty);
            if (ty != funcType[f]) {
                for (byte t : sig[0]) {
                    op(0x1A);
                }
                for (byte t : isig[0]) {
                    expr(t, d - 1);
                }
            }
            op(0x41); sleb(out, r.nextInt(8) == 0 ? r.nextInt(numFuncs + 4) : f);
            op(0x11); u(out, ty); out.write(0);
            sig = isig;
        } else {
            op(0x10); u(out, f);
        }
        for (int i = 0; i < sig[1].length; i++) {
            op(0x1A);
        }
    }

    private void store(int d) {
        byte t = type();
        expr(I32, d - 1);
        maskAddr();
        expr(t, d - 1);
        int opc;
        int natural;
        switch (t) {
            case I32: opc = r.nextInt(3) == 0 ? 0x3A + r.nextInt(2) : 0x36; break;
            case I64: opc = r.nextInt(2) == 0 ? 0x3C + r.nextInt(3) : 0x37; break;
            case F32: opc = 0x38; break;
            default: opc = 0x39; break;
        }
        natural = width(opc);
        op(opc);
        u(out, r.nextInt(natural + 1));
        u(out, r.nextInt(4) == 0 ? r.nextInt(70000) : r.nextInt(64));
    }

    private static int width(int opc) {
        switch (opc) {
            case 0x29: case 0x2B: case 0x37: case 0x39: return 3;
            case 0x28: case 0x2A: case 0x34: case 0x35: case 0x36: case 0x38: case 0x3E: return 2;
            case 0x2E: case 0x2F: case 0x32: case 0x33: case 0x3B: case 0x3D: return 1;
            default: return 0;
        }
    }

    /** Usually keeps an address inside the first page. */
    private void maskAddr() {
        if (r.nextInt(6) != 0) {
            op(0x41); sleb(out, 0xFFFF); op(0x71);
        }
    }

    private void constOf(byte t) {
        switch (t) {
            case I32: {
                int[] pick = {0, 1, -1, 7, 0x7FFFFFFF, 0x80000000, 31, 32, 0xFFFF};
                out.write(0x41); sleb(out, r.nextBoolean() ? pick[r.nextInt(pick.length)] : r.nextInt());
                break;
            }
            case I64: {
                long[] pick = {0, 1, -1, 63, 64, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFFL};
                out.write(0x42); sleb(out, r.nextBoolean() ? pick[r.nextInt(pick.length)] : r.nextLong());
                break;
            }
            case F32: {
                int[] pick = {0, 0x80000000, 0x3F800000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7FA00001,
                        0xFFC00123, 0x4F000000, 0xCF000000, 0x5F000000, 0x00000001};
                int bits = r.nextBoolean() ? pick[r.nextInt(pick.length)] : Float.floatToRawIntBits(
                        (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20))));
                out.write(0x43);
                for (int i = 0; i < 4; i++) {
                    out.write(bits >>> (8 * i));
                }
                break;
            }
            default: {
                long[] pick = {0, 0x8000000000000000L, 0x3FF0000000000000L, 0x7FF0000000000000L,
                        0xFFF0000000000000L, 0x7FF8000000000000L, 0x7FF4000000000001L, 0xFFF8000000000abcL,
                        0x41E0000000000000L, 0xC1E0000000000000L, 0x43E0000000000000L, 1L};
                long bits = r.nextBoolean() ? pick[r.nextInt(pick.length)] : Double.doubleToRawLongBits(
                        (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40)));
                out.write(0x44);
                for (int i = 0; i < 8; i++) {
                    out.write((int) (bits >>> (8 * i)));
                }
                break;
            }
        }
        budget--;
    }

    /** Emits code that pushes one value of type t. */
    private void expr(byte t, int d) {
        if (d <= 0 || budget <= 0) {
            leaf(t);
            return;
        }
        int k = r.nextInt(16);
        switch (k) {
            case 0: case 1: leaf(t); return;
            case 2: case 3: case 4: binary(t, d); return;
            case 5: unary(t, d); return;
            case 6: compareOrConvert(t, d); return;
            case 7: load(t, d); return;
            case 8: { // block (result t) { stmt; t } or br out of it
                op(0x02); out.write(t);
                labels.add(new byte[] {t});
                stmt(d - 1);
                if (r.nextInt(3) == 0) {
                    expr(t, d - 1);
                    expr(I32, d - 1);
                    op(0x0D); u(out, 0); // br_if 0 with t; falls through with t
                } else if (r.nextInt(2) == 0) {
                    brTable(t, d);
                } else {
                    expr(t, d - 1);
                }
                labels.remove(labels.size() - 1);
                op(0x0B);
                return;
            }
            case 9: { // if (result t)
                expr(I32, d - 1);
                op(0x04); out.write(t);
                labels.add(new byte[] {t});
                expr(t, d - 1);
                op(0x05);
                expr(t, d - 1);
                labels.remove(labels.size() - 1);
                op(0x0B);
                return;
            }
            case 10: { // select
                expr(t, d - 1); expr(t, d - 1); expr(I32, d - 1); op(0x1B);
                return;
            }
            case 11: { // call returning t, if one does
                for (int f = 0; f < numFuncs; f++) {
                    int g = (f + r.nextInt(numFuncs)) % numFuncs;
                    byte[][] sig = sigs.get(funcType[g]);
                    if (sig[1].length >= 1 && sig[1][0] == t) {
                        for (byte p : sig[0]) {
                            expr(p, d - 1);
                        }
                        if (r.nextInt(3) == 0) {
                            op(0x41); sleb(out, g);
                            op(0x11); u(out, funcType[g]); out.write(0);
                        } else {
                            op(0x10); u(out, g);
                        }
                        // keep the first result: stash the rest in nothing (drop from the top)
                        if (sig[1].length == 2) {
                            int tmp = localOf(sig[1][1]);
                            if (tmp < 0) {
                                op(0x1A);
                                // the first result is now on top
                            } else {
                                op(0x21); u(out, tmp);
                            }
                        }
                        return;
                    }
                }
                leaf(t);
                return;
            }
            case 12: { // loop (result t) that counts down
                op(0x03); out.write(t);
                labels.add(new byte[0]);
                stmt(d - 1);
                op(0x20); u(out, counterLocal); op(0x41); out.write(1); op(0x6B); op(0x22); u(out, counterLocal);
                op(0x41); out.write(0); op(0x4A);
                op(0x0D); u(out, 0);
                expr(t, d - 1);
                labels.remove(labels.size() - 1);
                op(0x0B);
                return;
            }
            case 13: { // local.tee
                int l = localOf(t);
                if (l >= 0) {
                    expr(t, d - 1); op(0x22); u(out, l);
                    return;
                }
                leaf(t);
                return;
            }
            case 14: {
                if (t == I32) {
                    if (r.nextBoolean()) {
                        op(0x3F); out.write(0);
                    } else {
                        expr(I32, d - 1); op(0x41); out.write(1); op(0x71); op(0x40); out.write(0);
                    }
                    return;
                }
                leaf(t);
                return;
            }
            default: {
                if (r.nextInt(40) == 0) {
                    op(0x00); // unreachable
                    return;
                }
                binary(t, d);
            }
        }
    }

    /** Inside a block of type {t}: br_table over labels of operand type {t} (the new block among them). */
    private void brTable(byte t, int d) {
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            byte[] lt = labels.get(i);
            if (lt.length == 1 && lt[0] == t) {
                ok.add(labels.size() - 1 - i);
            }
        }
        expr(t, d - 1);
        expr(I32, d - 1);
        if (r.nextBoolean()) {
            op(0x41); out.write(7); op(0x71);
        }
        int n = r.nextInt(6);
        op(0x0E); u(out, n);
        for (int i = 0; i <= n; i++) {
            u(out, ok.get(r.nextInt(ok.size())));
        }
    }

    private int localOf(byte t) {
        if (locals.length == 1) {
            return -1;
        }
        int start = r.nextInt(locals.length);
        for (int i = 0; i < locals.length - 1; i++) {
            int l = (start + i) % (locals.length - 1);
            if (locals[l] == t) {
                return l;
            }
        }
        return -1;
    }

    private void leaf(byte t) {
        int k = r.nextInt(3);
        if (k == 0) {
            int l = localOf(t);
            if (l >= 0) {
                op(0x20); u(out, l);
                return;
            }
        } else if (k == 1) {
            for (int g = 0; g < globalTypes.length; g++) {
                if (globalTypes[g] == t) {
                    op(0x23); u(out, g);
                    return;
                }
            }
        }
        constOf(t);
    }

    private void binary(byte t, int d) {
        expr(t, d - 1);
        expr(t, d - 1);
        switch (t) {
            case I32: op(0x6A + r.nextInt(15)); break;
            case I64: op(0x7C + r.nextInt(15)); break;
            case F32: op(0x92 + r.nextInt(7)); break;
            default: op(0xA0 + r.nextInt(7)); break;
        }
    }

    private void unary(byte t, int d) {
        switch (t) {
            case I32: {
                expr(I32, d - 1);
                int[] ops = {0x67, 0x68, 0x69, 0x45, 0xC0, 0xC1};
                op(ops[r.nextInt(ops.length)]);
                break;
            }
            case I64: {
                expr(I64, d - 1);
                int[] ops = {0x79, 0x7A, 0x7B, 0xC2, 0xC3, 0xC4};
                op(ops[r.nextInt(ops.length)]);
                break;
            }
            case F32: expr(F32, d - 1); op(0x8B + r.nextInt(7)); break;
            default: expr(F64, d - 1); op(0x99 + r.nextInt(7)); break;
        }
    }

    private void compareOrConvert(byte t, int d) {
        switch (t) {
            case I32: {
                switch (r.nextInt(8)) {
                    case 0: expr(I32, d - 1); expr(I32, d - 1); op(0x46 + r.nextInt(10)); break;
                    case 1: expr(I64, d - 1); expr(I64, d - 1); op(0x51 + r.nextInt(10)); break;
                    case 2: expr(F32, d - 1); expr(F32, d - 1); op(0x5B + r.nextInt(6)); break;
                    case 3: expr(F64, d - 1); expr(F64, d - 1); op(0x61 + r.nextInt(6)); break;
                    case 4: expr(I64, d - 1); op(r.nextBoolean() ? 0xA7 : 0x50); break;
                    case 5: expr(F32, d - 1); if (r.nextBoolean()) { op(0xA8 + r.nextInt(2)); } else { op(0xFC); u(out, r.nextInt(2)); } break;
                    case 6: expr(F64, d - 1); if (r.nextBoolean()) { op(0xAA + r.nextInt(2)); } else { op(0xFC); u(out, 2 + r.nextInt(2)); } break;
                    default: expr(F32, d - 1); op(0xBC); break;
                }
                break;
            }
            case I64: {
                switch (r.nextInt(4)) {
                    case 0: expr(I32, d - 1); op(0xAC + r.nextInt(2)); break;
                    case 1: expr(F32, d - 1); if (r.nextBoolean()) { op(0xAE + r.nextInt(2)); } else { op(0xFC); u(out, 4 + r.nextInt(2)); } break;
                    case 2: expr(F64, d - 1); if (r.nextBoolean()) { op(0xB0 + r.nextInt(2)); } else { op(0xFC); u(out, 6 + r.nextInt(2)); } break;
                    default: expr(F64, d - 1); op(0xBD); break;
                }
                break;
            }
            case F32: {
                switch (r.nextInt(4)) {
                    case 0: expr(I32, d - 1); op(r.nextInt(3) == 0 ? 0xBE : 0xB2 + r.nextInt(2)); break;
                    case 1: expr(I64, d - 1); op(0xB4 + r.nextInt(2)); break;
                    default: expr(F64, d - 1); op(0xB6); break;
                }
                break;
            }
            default: {
                switch (r.nextInt(4)) {
                    case 0: expr(I32, d - 1); op(0xB7 + r.nextInt(2)); break;
                    case 1: expr(I64, d - 1); op(r.nextInt(3) == 0 ? 0xBF : 0xB9 + r.nextInt(2)); break;
                    default: expr(F32, d - 1); op(0xBB); break;
                }
                break;
            }
        }
    }

    private void load(byte t, int d) {
        expr(I32, d - 1);
        maskAddr();
        int opc;
        switch (t) {
            case I32: opc = r.nextBoolean() ? 0x28 : 0x2C + r.nextInt(4); break;
            case I64: opc = r.nextBoolean() ? 0x29 : 0x30 + r.nextInt(6); break;
            case F32: opc = 0x2A; break;
            default: opc = 0x2B; break;
        }
        op(opc);
        u(out, r.nextInt(width(opc) + 1));
        u(out, r.nextInt(4) == 0 ? r.nextInt(70000) : r.nextInt(64));
    }

    // encoding helpers

    static void u(ByteArrayOutputStream o, long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            o.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    static void sleb(ByteArrayOutputStream o, long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                o.write(b);
                return;
            }
            o.write(b | 0x80);
        }
    }

    private static void name(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        u(o, b.length);
        o.write(b, 0, b.length);
    }

    private static void section(ByteArrayOutputStream m, int id, ByteArrayOutputStream s) {
        m.write(id);
        u(m, s.size());
        byte[] b = s.toByteArray();
        m.write(b, 0, b.length);
    }
}
