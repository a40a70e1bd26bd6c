package io.wasmlet.jit;

import io.wasmlet.code.Jop;
import io.wasmlet.code.JopTable;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.code.OpTable;

/**
 * The translator's numeric operators ({@link Translator} says how they become register code) and
 * the superinstructions they fuse into: compare-and-branch ({@link Tuning#fuseBranches}), address
 * folding ({@link Tuning#fuseAddresses}), the pairs chosen from dispatch counts
 * ({@link Tuning#fuseMore}) and float chains ({@link Tuning#fuseFloats}). Each fusion rewrites the
 * template just emitted (the {@link Emitter}'s last value-producing one) when its result is a
 * temporary that only the next operator reads.
 */
abstract class Operators extends Emitter {
    /** {@link Tuning#fuseBranches}. */
    final boolean fuse;
    /** {@link Tuning#fuseAddresses}. */
    final boolean fuseAddresses;
    /** {@link Tuning#fuseMore}. */
    final boolean fuseMore;
    /** {@link Tuning#fuseFloats}. */
    final boolean fuseFloats;

    Operators(boolean registers, boolean fuse, boolean fuseAddresses, boolean fuseMore, boolean fuseFloats) {
        super(registers);
        this.fuse = fuse;
        this.fuseAddresses = registers && fuseAddresses;
        this.fuseMore = registers && fuseMore;
        this.fuseFloats = registers && fuseFloats;
    }

    /** See {@link Translator}: a side exit, or the branch at {@code brPc} as usual; the pc to go on at. */
    abstract int sideExit(int brPc);

    /** See {@link Translator}: an operator without a numeric template; the pc to go on at. */
    abstract int other(int op, int pc);

    /** The negation of an i32 comparison (for a fused {@code if}, which branches when it fails). */
    private static int negate(int cmp) {
        switch (cmp) {
            case Op.I32_EQ: return Op.I32_NE;
            case Op.I32_NE: return Op.I32_EQ;
            case Op.I32_LT_S: return Op.I32_GE_S;
            case Op.I32_LT_U: return Op.I32_GE_U;
            case Op.I32_GT_S: return Op.I32_LE_S;
            case Op.I32_GT_U: return Op.I32_LE_U;
            case Op.I32_LE_S: return Op.I32_GT_S;
            case Op.I32_LE_U: return Op.I32_GT_U;
            case Op.I32_GE_S: return Op.I32_LT_S;
            default: return Op.I32_LT_U;
        }
    }

    private static boolean commutative(int op) {
        switch (op) {
            case Op.I32_ADD: case Op.I32_MUL: case Op.I32_AND: case Op.I32_OR: case Op.I32_XOR:
            case Op.I32_EQ: case Op.I32_NE:
            case Op.I64_ADD: case Op.I64_MUL: case Op.I64_AND: case Op.I64_OR: case Op.I64_XOR:
            case Op.I64_EQ: case Op.I64_NE:
                return true;
            default:
                return false;
        }
    }

    void unary(int tmpl) {
        int a = src(h - 1);
        h--;
        produce(tmpl, h, a, 0, 0, 2);
        push(NAT, 0);
    }

    /** True if {@link #numeric} translates {@code op} into a template (not by {@link #other}). */
    static boolean templated(int op) {
        if (OpTable.imm(op) == Op.IMM_MEMARG) {
            return true;
        }
        int form = OpTable.sigOut(op);
        int in = OpTable.sigIn(op, 1) != 0 ? 2 : OpTable.sigIn(op, 0) != 0 ? 1 : 0;
        return form != Op.SIG_HAND && OpTable.sigIn(op, 2) == 0 && OpTable.size(op) == 1 && !(in == 2 && form == 0)
                && in != 0;
    }

    int numeric(int op, int pc) {
        if (OpTable.imm(op) == Op.IMM_MEMARG) {
            int ak = JopTable.select(Jop.FORM_LOADAK, op);
            int load = JopTable.select(Jop.FORM_LOAD, op);
            if (ak != Jop.NONE) {
                if (fuseMore && foldMore(op, pc)) {
                    return pc + 2;
                }
                int a;
                int k = 0;
                int add = lastDest - 1;
                if (fuseAddresses && kind[h - 1] == NAT && lastDest >= 0 && c[lastDest] == h - 1
                        && top == lastDest + 3 && c[add] == Jop.I32_ADD_SI) {
                    // the address is an i32.add_si just emitted into this slot, read by nothing
                    // else: fold it in (its operand is unchanged: nothing was emitted since)
                    a = c[add + 2];
                    k = c[add + 3];
                    top = add;
                    pcMap[pc - base] = add;
                } else {
                    a = src(h - 1);
                }
                h--;
                produce(ak, h, a, k, code[pc + 1], 4);
                push(NAT, 0);
            } else if (load != Jop.NONE) {
                int a = src(h - 1);
                h--;
                produce(load, h, a, code[pc + 1], 0, 3);
                push(NAT, 0);
            } else {
                int v = src(h - 1);
                int fa = op == Op.I32_STORE ? Jop.I32_STORE_AK : op == Op.I32_STORE8 ? Jop.I32_STORE8_AK : Jop.NONE;
                if (fuseMore && fa != Jop.NONE && kind[h - 2] == NAT && lastDest >= 0 && c[lastDest] == h - 2
                        && top == lastDest + 3 && c[lastDest - 1] == Jop.I32_ADD_SI) {
                    // the address is an i32.add_si just emitted (the value took no code): fold it in
                    int add = lastDest - 1;
                    int a = c[add + 2];
                    int k = c[add + 3];
                    top = add;
                    pcMap[pc - base] = add;
                    h -= 2;
                    emit(fa, a, k, v, code[pc + 1]);
                    return pc + 2;
                }
                int a = src(h - 2);
                h -= 2;
                emit(JopTable.select(Jop.FORM_STORE, op), a, v, code[pc + 1]);
            }
            return pc + 2;
        }
        int form = OpTable.sigOut(op);
        int in = OpTable.sigIn(op, 1) != 0 ? 2 : OpTable.sigIn(op, 0) != 0 ? 1 : 0;
        if (form == Op.SIG_HAND || OpTable.sigIn(op, 2) != 0 || OpTable.size(op) != 1 || (in == 2 && form == 0)) {
            return other(op, pc);
        }
        if (in == 1) {
            int t = JopTable.select(Jop.FORM_S, op);
            if (fuseFloats && (op == Op.F32_SQRT || op == Op.F64_SQRT)) {
                if (!chain(op, 4 /* sqrt */)) {
                    int a = src(h - 1);
                    h--;
                    produce(op == Op.F32_SQRT ? Jop.F32_CHAIN : Jop.F64_CHAIN, h, a, 1, 4 /* sqrt */, 4);
                    push(NAT, 0);
                }
            } else if (t != Jop.NONE) {
                unary(t);
            } else {
                int a = src(h - 1);
                h--;
                produce(Jop.UNOP, h, a, op, 0, 3);
                push(NAT, 0);
            }
            return pc + 1;
        }
        if (in == 2) {
            int next = pc + 1;
            int nop = next < job.end ? code[next] : -1;
            if (fuse && (nop == Op.BR_IF_SIMPLE || nop == Op.BR_IF_BACK || nop == Op.IF
                    || nop == Op.BR_IF_SIMPLE_P || nop == Op.BR_IF_BACK_P || nop == Op.IF_P) && target[next - base] == 0
                    && JopTable.select(Jop.FORM_BRSS, op) != Jop.NONE) {
                fusedBranch(nop == Op.IF || nop == Op.IF_P ? negate(op) : op, next);
                pcMap[next - base] = -1;
                return nop == Op.IF_P || nop == Op.BR_IF_SIMPLE_P ? sideExit(next)
                        : next + Layout.instructionSize(code, next);
            }
            binary(op);
            return pc + 1;
        }
        return other(op, pc);
    }

    /**
     * With {@link #fuseMore}: folds the address computation just emitted into the top slot, read
     * by nothing else, into an i32.load or i32.load8_u at {@code pc}, when it is an add of two
     * slots (i32.load), a shift by a constant (i32.load) or a mask (i32.load8_u), either followed
     * by an add of a constant; returns false, having emitted nothing, for any other address. The
     * fused template starts where the first folded one did (the load's trap site).
     */
    private boolean foldMore(int op, int pc) {
        if (kind[h - 1] != NAT || lastDest < 0 || c[lastDest] != h - 1 || top != lastDest + 3) {
            return false;
        }
        int at = lastDest - 1;
        int p = c[at];
        int k = 0;
        if (p == Jop.I32_ADD_SS && op == Op.I32_LOAD) {
            int a = c[at + 2];
            int b = c[at + 3];
            top = at;
            pcMap[pc - base] = at;
            h--;
            produce(Jop.I32_LOAD_SS, h, a, b, code[pc + 1], 4);
            push(NAT, 0);
            return true;
        }
        if (p == Jop.I32_ADD_SI && c[at + 2] == h - 1 && prevDest == at - 3 && c[prevDest] == h - 1) {
            k = c[at + 3]; // an add of a constant to the temporary the template before wrote
            at -= 4;
            p = c[at];
        }
        int t = p == Jop.I32_SHL_SI && op == Op.I32_LOAD ? Jop.I32_LOAD_SHK
                : p == Jop.I32_AND_SI && op == Op.I32_LOAD8_U ? Jop.I32_LOAD8_U_MK : Jop.NONE;
        if (t == Jop.NONE) {
            return false;
        }
        int a = c[at + 2];
        int m = c[at + 3];
        top = at;
        pcMap[pc - base] = at;
        h--;
        if (room(6)) {
            lastOp = top;
            c[top++] = t;
            lastDest = top;
            c[top++] = h;
            c[top++] = a;
            c[top++] = m;
            c[top++] = k;
            c[top++] = code[pc + 1];
        }
        prevDest = -1;
        push(NAT, 0);
        return true;
    }

    /**
     * With {@link #fuseMore}: whether the template just emitted is an i32.add_si writing
     * {@code slot} that a branch on {@code slot} may take in (nothing emitted since).
     */
    boolean addBefore(int slot) {
        return fuseMore && lastOp >= 0 && top == lastOp + 4 && c[lastOp] == Jop.I32_ADD_SI && c[lastOp + 1] == slot;
    }

    private void fusedBranch(int cmp, int brPc) {
        int t = Layout.shortTarget(code, brPc);
        int kb = kind[h - 1];
        long vb = val[h - 1];
        int a;
        int bslot = 0;
        boolean imm = kb == CONST;
        if (!imm) {
            bslot = src(h - 1);
        }
        a = src(h - 2);
        h -= 2;
        flush(locals, h);
        branchTo(t, h);
        if (imm && cmp == Op.I32_NE && addBefore(a)) {
            // i = i + k; br_if (i != j): one template from the add's start (the compare's)
            int at = lastOp;
            top = at;
            pcMap[brPc - 1 - base] = at;
            if (room(6)) {
                c[top++] = Jop.BR_I32_ADD_NE_SI;
                top += 3; // the add's d a k stay
                c[top++] = (int) vb;
                emitTarget(t);
            }
        } else if (room(4)) {
            c[top++] = JopTable.select(imm ? Jop.FORM_BRSI : Jop.FORM_BRSS, cmp);
            c[top++] = a;
            c[top++] = imm ? (int) vb : bslot;
            emitTarget(t);
        }
        lastDest = -1;
        lastOp = -1;
    }

    private void binary(int op) {
        int st = step(op, op <= Op.F32_COPYSIGN ? Op.F32_ADD : Op.F64_ADD);
        if (fuseFloats && chain(op, st)) {
            return;
        }
        int ki = kind[h - 1] == CONST ? h - 1 : h - 2;
        if (fuseFloats && st >= 0 && (kind[h - 1] == CONST) != (kind[h - 2] == CONST)) {
            // a chain with one step, of the constant operand inline (not materialized first)
            long kv = val[ki];
            int a = src(2 * h - 3 - ki);
            h -= 2;
            produce(op <= Op.F32_COPYSIGN ? Jop.F32_CHAIN : Jop.F64_CHAIN, h, a, 3, st | 16 | (ki == h ? 8 : 0), 4);
            if (room(2)) {
                c[top++] = (int) kv;
                c[top++] = (int) (kv >>> 32);
            }
            push(NAT, 0);
            return;
        }
        int ss = JopTable.select(Jop.FORM_SS, op);
        int si = JopTable.select(Jop.FORM_SI, op);
        int d = h - 2;
        boolean wide = OpTable.sigIn(op, 0) == 2;
        if (si != Jop.NONE && kind[h - 1] == CONST && (!wide || val[h - 1] == (int) val[h - 1])) {
            int k = (int) val[h - 1];
            int a = src(h - 2);
            if (!(fuseMore && foldOperand(op, true, a, k, d))) {
                produce(si, d, a, k, 0, 3);
            }
            h -= 2;
        } else if (si != Jop.NONE && commutative(op) && kind[h - 2] == CONST
                && (!wide || val[h - 2] == (int) val[h - 2])) {
            int k = (int) val[h - 2];
            int b = src(h - 1);
            if (!(fuseMore && foldOperand(op, true, b, k, d))) {
                produce(si, d, b, k, 0, 3);
            }
            h -= 2;
        } else {
            int b = src(h - 1);
            int a = src(h - 2);
            if (fuseMore && foldOperand(op, false, a, b, d)) {
                h -= 2;
                push(NAT, 0);
                return;
            }
            h -= 2;
            if (ss != Jop.NONE) {
                produce(ss, d, a, b, 0, 3);
            } else {
                produce(Jop.BINOP, d, a, b, op, 4);
            }
        }
        push(NAT, 0);
    }

    /**
     * With {@link #fuseMore}: when the template just emitted is one of a few i32 operators whose
     * result, in a temporary about to be popped, is an operand of {@code op} ({@code a}, or
     * {@code b} for a commutative {@code op}; {@code b} is the constant when {@code imm}), emits the
     * two as one template writing {@code d} and returns true; otherwise emits nothing.
     */
    private boolean foldOperand(int op, boolean imm, int a, int b, int d) {
        if (lastDest < 0 || top != lastDest - 1 + JopTable.size(c[lastDest - 1])) {
            return false;
        }
        int t = c[lastDest];
        int other;
        if (a == t && (t == h - 2 || t == h - 1) && (imm || b != t)) {
            other = b;
        } else if (!imm && b == t && t == h - 1 && a != t && commutative(op)) {
            other = a;
        } else {
            return false;
        }
        int at = lastDest - 1;
        int p = c[at];
        int f = Jop.NONE;
        if (!imm && (p == Jop.I32_LOAD8_U_AK && op == Op.I32_XOR || p == Jop.I32_LOAD_AK && op == Op.I32_MUL
                || p == Jop.I32_LOAD16_S_AK && op == Op.I32_MUL)) {
            // the load stays the trap site: the fused template starts where it did
            f = p == Jop.I32_LOAD8_U_AK ? Jop.I32_XOR_LOAD8_U : p == Jop.I32_LOAD_AK ? Jop.I32_MUL_LOAD : Jop.I32_MUL_LOAD16_S;
            int la = c[at + 2];
            int lk = c[at + 3];
            int off = c[at + 4];
            top = at;
            if (room(6)) {
                lastOp = top;
                c[top++] = f;
                prevDest = -1;
                lastDest = top;
                c[top++] = d;
                c[top++] = other;
                c[top++] = la;
                c[top++] = lk;
                c[top++] = off;
            }
            return true;
        }
        if (op == Op.I32_XOR && !imm) {
            f = p == Jop.I32_SHL_SI ? Jop.I32_SHL_XOR_SI : p == Jop.I32_SHR_U_SI ? Jop.I32_SHR_U_XOR_SI : Jop.NONE;
        } else if (op == Op.I32_ADD) {
            f = p == Jop.I32_ADD_SS ? (imm ? Jop.I32_ADD_SS_SI : Jop.I32_ADD3_SS)
                    : p == Jop.I32_MUL_SS && !imm ? Jop.I32_MUL_ADD_SS : Jop.NONE;
        }
        if (f == Jop.NONE) {
            return false;
        }
        int x = c[at + 2];
        int y = c[at + 3];
        top = at;
        produce(f, d, x, y, other, 4);
        return true;
    }

    /**
     * The step of a float chain (0 add, 1 sub, 2 mul, 3 div) of the f32 / f64 operator or plain
     * {@code _ss} template {@code op} whose add is {@code add} (both tables list them in this
     * order), or -1.
     */
    private static int step(int op, int add) {
        op -= add;
        return op >= 0 && op < 4 ? op : -1;
    }


    /**
     * Appends f32 / f64 operator {@code op} (chain step {@code step}) to the float template just
     * emitted when it consumes that template's result (a chain, or a plain add, sub, mul or div,
     * which becomes a chain), so the intermediate value never becomes bits
     * ({@link Tuning#fuseFloats}). The other operand must be a local or a slot written before that
     * template (a constant would be materialized after it). False if it does not apply.
     */
    private boolean chain(int op, int step) {
        if (step < 0 || lastDest < 0) {
            return false;
        }
        int p = lastDest - 1;
        boolean f32 = op <= Op.F32_COPYSIGN;
        int ch = f32 ? Jop.F32_CHAIN : Jop.F64_CHAIN;
        int t = c[lastDest];
        int plain = step(c[p], f32 ? Jop.F32_ADD_SS : Jop.F64_ADD_SS);
        boolean load = c[p] == (f32 ? Jop.F32_LOAD_AK : Jop.F64_LOAD_AK);
        int nAt = c[p] == ch || plain >= 0 ? p + 3 : load || c[p] == ch + 2 ? p + 5 : -1;
        if (nAt < 0 || top != (plain >= 0 ? p + 4 : load ? p + 5 : nAt + 1 + c[nAt])) {
            return false;
        }
        int k = step;
        int d;
        boolean konst = false;
        long kv = 0;
        if (step == 4 /* sqrt */) {
            if (kind[h - 1] != NAT || t != h - 1) {
                return false;
            }
            d = h - 1;
        } else {
            int o;
            if (kind[h - 1] == NAT && t == h - 1) {
                o = h - 2;
                k |= 8; // the chain's value is the right operand
            } else if (kind[h - 2] == NAT && t == h - 2) {
                o = h - 1;
            } else {
                return false;
            }
            konst = kind[o] == CONST;
            if (konst) {
                k |= 16;
                kv = val[o];
            } else {
                k |= (kind[o] == LOCAL ? (int) val[o] : o) << 5;
            }
            d = h - 2;
        }
        if (!room((plain >= 0 || load ? 2 : 1) + (konst ? 2 : 0))) {
            return false;
        }
        if (load) { // load_ak d a k off becomes chain_l d a k off 0 (with the add it folded)
            c[p] = ch + 2;
            c[p + 5] = 0;
            top = p + 6;
        }
        if (plain >= 0) {
            c[p] = ch;
            int b = c[p + 3];
            c[p + 3] = 1;
            c[p + 4] = b << 5 | plain;
            top = p + 5;
        }
        c[top++] = k;
        c[nAt]++;
        if (konst) {
            c[top++] = (int) kv;
            c[top++] = (int) (kv >>> 32);
            c[nAt] += 2;
        }
        c[lastDest] = d;
        h = d;
        push(NAT, 0);
        return true;
    }
}
