package io.wasmlet.jit;

import io.wasmlet.code.Jop;
import io.wasmlet.exec.CompileJob;

/**
 * The translator's emission into the code cache and its abstract stack ({@link Translator}
 * says how they turn stack code into register code): the cache window being written, the
 * abstract entry of each operand-stack slot (in its own slot, still in a local, or a constant),
 * the last value-producing template (whose destination a following {@code local.set} patches,
 * and which the fusions rewrite), and the forward-branch fixups. Allocates nothing after
 * {@link Translator#reserve}.
 */
abstract class Emitter {
    static final int NAT = 0;
    static final int LOCAL = 1;
    static final int CONST = 2;

    /** The function being translated. */
    CompileJob job;
    char[] code;
    /**
     * Per pc: 1 branch target, 2 loop header (target of a backward branch), 0 neither; plus
     * {@link Translator#SITE} once translated if it is a trap site.
     */
    byte[] target = new byte[0];
    /**
     * Per interpreter pc of the function (offset from its header): once translated, its cache pc
     * ({@code >= 0}); before that, at a branch target already branched to, {@code -(height + 2)};
     * otherwise -1. One array for both, since a target's height is needed only until it is reached.
     */
    int[] pcMap = new int[0];
    /** Forward-branch fixups: pairs of (cache index of the target operand, interpreter target pc). */
    int[] fix = new int[0];
    int nfix;
    /** The abstract stack, by slot. */
    int[] kind = new int[0];
    long[] val = new long[0];
    /** {@link Tuning#registerOperands}: read locals and constants in place, patch destinations. */
    final boolean registers;
    int[] c;
    int top;
    int limit;
    boolean full;
    int base;
    int locals;
    int h;
    /** Cache index of the destination operand of the last emitted value-producing template, or -1. */
    int lastDest;
    /** {@link #lastDest} of the value-producing template emitted just before that one, or -1. */
    int prevDest;
    /**
     * Cache index of the last value-producing template (even once {@link #setLocal} patched its
     * destination), or -1 after anything else was emitted or at a branch target.
     */
    int lastOp;
    /**
     * After an inlined callee whose last template writes its result ({@code Translator#inline}):
     * the cache index of that destination, valid while {@link #top} is still {@link #inlineEnd},
     * so that a {@code local.set} right after the call patches it as it does {@link #lastDest}
     * (which the fusions also read, and which must not reach into the callee's code).
     */
    int inlineDest;
    int inlineEnd = -1;

    Emitter(boolean registers) {
        this.registers = registers;
    }

    // ---- emission ----

    boolean room(int n) {
        if (top + n >= limit) {
            full = true;
            return false;
        }
        return true;
    }

    void emit(int op) {
        if (room(1)) {
            c[top++] = op;
        }
        lastDest = -1;
        lastOp = -1;
    }

    void emit(int op, int a) {
        if (room(2)) {
            c[top++] = op;
            c[top++] = a;
        }
        lastDest = -1;
        lastOp = -1;
    }

    void emit(int op, int a, int b) {
        if (room(3)) {
            c[top++] = op;
            c[top++] = a;
            c[top++] = b;
        }
        lastDest = -1;
        lastOp = -1;
    }

    void emit(int op, int a, int b, int d) {
        if (room(4)) {
            c[top++] = op;
            c[top++] = a;
            c[top++] = b;
            c[top++] = d;
        }
        lastDest = -1;
        lastOp = -1;
    }

    void emit(int op, int a, int b, int d, int e) {
        if (room(5)) {
            c[top++] = op;
            c[top++] = a;
            c[top++] = b;
            c[top++] = d;
            c[top++] = e;
        }
        lastDest = -1;
        lastOp = -1;
    }

    /** Emits a value-producing template whose first operand is the destination {@code d}. */
    void produce(int op, int d, int a, int b, int e, int operands) {
        if (!room(1 + operands)) {
            return;
        }
        lastOp = top;
        c[top++] = op;
        int at = top;
        c[top++] = d;
        if (operands > 1) {
            c[top++] = a;
        }
        if (operands > 2) {
            c[top++] = b;
        }
        if (operands > 3) {
            c[top++] = e;
        }
        prevDest = lastDest;
        lastDest = at;
    }

    /** Emits a branch target operand: resolved now for backward targets, fixed up later otherwise. */
    void emitTarget(int interpTarget) {
        if (!room(1)) {
            return;
        }
        int m = pcMap[interpTarget - base];
        if (m >= 0) { // translated already: a backward target
            c[top++] = m;
        } else {
            fix[2 * nfix] = top;
            fix[2 * nfix + 1] = interpTarget;
            nfix++;
            c[top++] = -1;
        }
    }


    void branchTo(int interpTarget, int height) {
        int i = interpTarget - base;
        if (pcMap[i] == -1) {
            pcMap[i] = -(height + 2);
        }
    }

    void emitConst(int slot, long v) {
        if (v == (int) v) {
            emit(Jop.CONST, slot, (int) v);
        } else {
            emit(Jop.CONST64, slot, (int) v, (int) (v >>> 32));
        }
    }

    // ---- the abstract stack ----

    void push(int k, long v) {
        kind[h] = k;
        val[h] = v;
        h++;
        if (!registers && k != NAT) {
            materialize(h - 1); // plain templates: every value in its stack slot at once
        }
    }

    /** Puts the value of abstract entry {@code i} into its own slot. */
    void materialize(int i) {
        if (kind[i] == LOCAL) {
            emit(Jop.MOV, i, (int) val[i]);
        } else if (kind[i] == CONST) {
            emitConst(i, val[i]);
        }
        kind[i] = NAT;
    }

    void flush(int from, int to) {
        for (int i = from; i < to; i++) {
            if (kind[i] != NAT) {
                materialize(i);
            }
        }
    }

    /** The slot to read entry {@code i} from (constants are materialized). */
    int src(int i) {
        if (kind[i] == LOCAL) {
            return (int) val[i];
        }
        if (kind[i] == CONST) {
            materialize(i);
        }
        return i;
    }

    /** Writes the top entry into local {@code x}; keeps it on the stack (as that local) if {@code tee}. */
    void setLocal(int x, boolean tee) {
        int t = h - 1;
        if (kind[t] == LOCAL && val[t] == x) {
            if (!tee) {
                h--;
            }
            return;
        }
        for (int i = locals; i < t; i++) {
            if (kind[i] == LOCAL && val[i] == x) {
                materialize(i);
            }
        }
        int at = lastDest >= 0 ? lastDest : top == inlineEnd ? inlineDest : -1;
        if (registers && kind[t] == NAT && at >= 0 && c[at] == t) {
            c[at] = x; // the producer writes the local directly
            lastDest = -1;
            inlineEnd = -1;
        } else if (kind[t] == CONST) {
            emitConst(x, val[t]);
            if (tee) {
                return; // the entry stays the constant
            }
        } else {
            emit(Jop.MOV, x, kind[t] == LOCAL ? (int) val[t] : t);
        }
        if (tee) {
            kind[t] = LOCAL;
            val[t] = x;
        } else {
            h--;
        }
    }
}
