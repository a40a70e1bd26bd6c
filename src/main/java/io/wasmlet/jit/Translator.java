package io.wasmlet.jit;

import io.wasmlet.code.Jop;
import io.wasmlet.code.JopTable;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.code.OpTable;
import io.wasmlet.exec.CompileJob;

/**
 * Translates one function from the interpreter's pre-decoded stack code ({@link Layout}) into
 * register-style templates ({@link Jop}) in the code cache, in one pass after a pass that marks
 * branch targets. Allocates nothing: every buffer is sized by {@link #reserve} at instantiation.
 *
 * <h2>How stack code becomes register code</h2>
 * Heights are static, so each operand-stack position is a fixed frame slot. The translator keeps
 * an abstract stack saying where each position's value really is: in its own slot
 * ({@link #NAT}), still in a local ({@link #LOCAL}: after {@code local.get}) or a constant
 * ({@link #CONST}). An operator reads its operands where they are and writes its result into
 * the slot of its first operand, or straight into the local that a following {@code local.set}
 * or {@code local.tee} names (its destination operand is patched). So
 * {@code local.get a; local.get b; i32.add; local.set c} is one {@code i32.add_ss c a b}, and
 * {@code local.get i; i32.const 1; i32.add; local.set i} one {@code i32.add_si i i 1}. A compare
 * followed by {@code br_if} or {@code if} fuses into one compare-and-branch, and an
 * {@code i32.add} of a constant that computes a load's address folds into the load
 * ({@code i32.load_ak d a k offset}: address {@code a + k}, wrapping as the add does, plus the
 * offset). With {@link Tuning#fuseMore} a few more pairs, chosen from measured dispatch counts
 * (tools/jopcount), become one template when the first one's result is a temporary only the
 * second reads: a shift, mask or add of two slots computing a load's address, a load whose
 * value an xor or mul reads, a shift before an xor, an add or mul before an add, and an add of
 * a constant before the compare-and-branch on its result (a loop counter); each fused template
 * starts where the first of its instructions did, so a load in it keeps its trap site. Before anything that
 * needs real slots (a label, a branch carrying values, a call's arguments, an exit) the abstract
 * entries are materialized, and before a {@code local.set x} the entries still reading {@code x}
 * are.
 *
 * <h2>Calls</h2>
 * A direct call binds itself to the compiled callee at its first run ({@code call} becomes
 * {@code call_compiled}). A {@code call_indirect} gets a {@code call_indirect_ic} in front of
 * it ({@link Tuning#inlineCache}) with one of the instance's profile sites: a guarded
 * monomorphic inline cache that compiled code binds and rebinds from the site's feedback
 * ({@code io.wasmlet.exec.CompiledOps#icMiss}); the plain {@code call_indirect} after it is the
 * miss path, with the interpreter's traps.
 *
 * <h2>Falling back</h2>
 * Operators without a template (table and reference operators, for instance) become an
 * {@code exit} to the interpreter at the same pc with all values in their slots: since the frame
 * layout is shared, that is just a pc change; the interpreter re-enters compiled code at the next
 * loop header it polls at. Code that only an unconditional branch precedes and no branch reaches
 * is dead and left out.
 */
final class Translator {
    static final int NAT = 0;
    static final int LOCAL = 1;
    static final int CONST = 2;
    /** The flag of {@link #target} marking a trap site. */
    static final int SITE = 4;
    /** With {@link #SITE}: the site is a backward branch, its map entry names the branch target. */
    static final int BACK = 8;
    /**
     * Per interpreter pc of the function (offset from its header): once translated, its cache pc
     * ({@code >= 0}); before that, at a branch target already branched to, {@code -(height + 2)};
     * otherwise -1. One array for both, since a target's height is needed only until it is reached.
     */
    private int[] pcMap = new int[0];
    /**
     * Per pc: 1 branch target, 2 loop header (target of a backward branch), 0 neither; plus
     * {@link #SITE} once translated if it is a trap site.
     */
    private byte[] target = new byte[0];
    /** Forward-branch fixups: pairs of (cache index of the target operand, interpreter target pc). */
    private int[] fix = new int[0];
    private int nfix;
    /** Loop headers for the OSR map: pairs of (interpreter pc, cache pc). */
    private int[] osr = new int[0];
    private int nosr;
    /** Trap sites flagged so far ({@link #site}, bit {@link #SITE} of {@link #target}). */
    private int nsite;
    /** The abstract stack, by slot. */
    private int[] kind = new int[0];
    private long[] val = new long[0];

    /** {@link Tuning#registerOperands}: read locals and constants in place, patch destinations. */
    private final boolean registers;
    /** {@link Tuning#fuseBranches}. */
    private final boolean fuse;
    /** {@link Tuning#fuseAddresses}. */
    private final boolean fuseAddresses;
    /** {@link Tuning#fuseMore}. */
    private final boolean fuseMore;
    /** {@link Tuning#inlineCache}. */
    private final boolean inlineCache;
    /** {@link Tuning#sideExitMin} (0: no side exits). */
    int sideExitMin;
    /** {@link Tuning#fuseFloats}. */
    private final boolean fuseFloats;

    private CompileJob job;
    private char[] code;
    private int[] c;
    private int top;
    private int limit;
    private boolean full;
    private int base;
    private int locals;
    private int h;
    /** Cache index of the destination operand of the last emitted value-producing template, or -1. */
    private int lastDest;
    /** {@link #lastDest} of the value-producing template emitted just before that one, or -1. */
    private int prevDest;
    /**
     * Cache index of the last value-producing template (even once {@link #setLocal} patched its
     * destination), or -1 after anything else was emitted or at a branch target.
     */
    private int lastOp;

    Translator(boolean registers, boolean fuse, boolean fuseAddresses, boolean fuseMore, boolean inlineCache,
               boolean fuseFloats) {
        this.inlineCache = inlineCache;
        this.fuseFloats = registers && fuseFloats;
        this.registers = registers;
        this.fuse = fuse;
        this.fuseAddresses = registers && fuseAddresses;
        this.fuseMore = registers && fuseMore;
    }

    /**
     * Sizes the work buffers for functions of up to {@code codeUnits} units, {@code maxHeight}
     * slots and {@code maxTargets} branch targets ({@code Layout.targets}): each forward target
     * makes one fixup and each loop header is the target of a backward branch, so pairs of
     * either fit {@code 2 * maxTargets} ints.
     */
    void reserve(int codeUnits, int maxHeight, int maxTargets) {
        if (pcMap.length < codeUnits + 1) {
            pcMap = new int[codeUnits + 1];
            target = new byte[codeUnits + 1];
        }
        if (fix.length < 2 * maxTargets + 2) {
            fix = new int[2 * maxTargets + 2];
            osr = new int[2 * maxTargets + 2];
        }
        if (kind.length < maxHeight + 1) {
            kind = new int[maxHeight + 1];
            val = new long[maxHeight + 1];
        }
    }

    /** See {@link io.wasmlet.exec.Compiler#translate}. */
    int translate(CompileJob j) {
        job = j;
        code = j.code;
        c = j.cache;
        limit = j.limit;
        full = false;
        int entry = j.entry;
        base = entry;
        int len = j.end - entry;
        if (len + 1 > pcMap.length) {
            return -1; // longer than the buffers reserved for this store: stays interpreted
        }
        for (int i = 0; i <= len; i++) {
            pcMap[i] = -1;
            target[i] = 0;
        }
        nfix = 0;
        nosr = 0;
        nsite = 0;
        if (2 * markTargets(entry + Layout.HEADER_SIZE, j.end) + 2 > fix.length) {
            return -1; // more branch targets than reserved for (cannot happen: see reserve)
        }
        locals = j.numLocals();
        // metadata, then the code
        top = j.top;
        int meta = top;
        top += CompileJob.META;
        if (top >= limit) {
            return -1;
        }
        int cpc = top;
        c[meta] = code[entry + Layout.H_MAX_HEIGHT];
        c[meta + 1] = entry;
        c[meta + 3] = code[entry + Layout.H_PARAMS];
        c[meta + 4] = code[entry + Layout.H_LOCALS];
        body(entry + Layout.HEADER_SIZE, j.end);
        if (full) {
            return -1;
        }
        for (int i = 0; i < nfix; i++) {
            int at = fix[2 * i];
            int t = pcMap[fix[2 * i + 1] - base];
            if (t < 0) {
                return -1; // cannot happen: every reached target was translated
            }
            c[at] = t;
        }
        // the OSR map
        if (top + 1 + 2 * nosr >= limit) {
            return -1;
        }
        c[meta + 2] = top;
        c[top++] = nosr;
        for (int i = 0; i < 2 * nosr; i++) {
            c[top++] = osr[i];
        }
        if (!sites(cpc, len)) {
            return -1;
        }
        j.top = top;
        return cpc;
    }

    /**
     * Writes the trap-site map after the OSR map (false if it does not fit): a count, then per
     * site, ascending, {@code start << 16 | pc}: where its code starts (from the entry: its
     * template is the last code it emitted, so a cache pc past a template's opcode belongs to the
     * last site starting before it) and its interpreter pc (from the header).
     */
    private boolean sites(int cpc, int len) {
        if (len > 0xFFFF || top - cpc > 0xFFFF) {
            nsite = 0; // too long for 16 bits (only with a cache larger than any board's): no map
        }
        if (top + 1 + nsite >= limit) {
            return false;
        }
        c[top++] = nsite;
        for (int rel = 0; nsite > 0 && rel <= len; rel++) {
            if ((target[rel] & SITE) != 0) {
                c[top++] = pcMap[rel] - cpc << 16 | sitePc(base + rel) - base;
            }
        }
        return true;
    }

    /** Marks the branch targets and loop headers of the function; returns how many targets it names. */
    private int markTargets(int pc, int end) {
        int count = 0;
        while (pc < end) {
            count += Layout.targets(code, pc);
            int op = code[pc];
            switch (op) {
                case Op.IF:
                case Op.ELSE:
                case Op.JUMP:
                case Op.JUMP_BACK:
                case Op.BR_IF_SIMPLE:
                case Op.BR_IF_BACK:
                case Op.IF_P:
                case Op.BR_IF_SIMPLE_P:
                case Op.BR_IF_BACK_P:
                    mark(Layout.shortTarget(code, pc), pc);
                    break;
                case Op.BR:
                case Op.BR_IF:
                    mark(Layout.u32(code, pc + 1), pc);
                    break;
                case Op.BR_TABLE: {
                    int n = Layout.u32(code, pc + 1);
                    for (int i = 0; i <= n; i++) {
                        mark(Layout.u32(code, pc + 3 + i * Layout.BR_RECORD + Layout.BR_TARGET), pc);
                    }
                    break;
                }
                default:
                    break;
            }
            pc += Layout.instructionSize(code, pc);
        }
        return count;
    }

    private void mark(int t, int from) {
        target[t - base] = (byte) (t <= from ? 2 : Math.max(1, target[t - base]));
    }

    // ---- emission ----

    private boolean room(int n) {
        if (top + n >= limit) {
            full = true;
            return false;
        }
        return true;
    }

    private void emit(int op) {
        if (room(1)) {
            c[top++] = op;
        }
        lastDest = -1;
        lastOp = -1;
    }

    private void emit(int op, int a) {
        if (room(2)) {
            c[top++] = op;
            c[top++] = a;
        }
        lastDest = -1;
        lastOp = -1;
    }

    private void emit(int op, int a, int b) {
        if (room(3)) {
            c[top++] = op;
            c[top++] = a;
            c[top++] = b;
        }
        lastDest = -1;
        lastOp = -1;
    }

    private void emit(int op, int a, int b, int d) {
        if (room(4)) {
            c[top++] = op;
            c[top++] = a;
            c[top++] = b;
            c[top++] = d;
        }
        lastDest = -1;
        lastOp = -1;
    }

    private void emit(int op, int a, int b, int d, int e) {
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
    private void produce(int op, int d, int a, int b, int e, int operands) {
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
    private void emitTarget(int interpTarget) {
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


    private void branchTo(int interpTarget, int height) {
        int i = interpTarget - base;
        if (pcMap[i] == -1) {
            pcMap[i] = -(height + 2);
        }
    }

    private void emitConst(int slot, long v) {
        if (v == (int) v) {
            emit(Jop.CONST, slot, (int) v);
        } else {
            emit(Jop.CONST64, slot, (int) v, (int) (v >>> 32));
        }
    }

    // ---- the abstract stack ----

    private void push(int k, long v) {
        kind[h] = k;
        val[h] = v;
        h++;
        if (!registers && k != NAT) {
            materialize(h - 1); // plain templates: every value in its stack slot at once
        }
    }

    /** Puts the value of abstract entry {@code i} into its own slot. */
    private void materialize(int i) {
        if (kind[i] == LOCAL) {
            emit(Jop.MOV, i, (int) val[i]);
        } else if (kind[i] == CONST) {
            emitConst(i, val[i]);
        }
        kind[i] = NAT;
    }

    private void flush(int from, int to) {
        for (int i = from; i < to; i++) {
            if (kind[i] != NAT) {
                materialize(i);
            }
        }
    }

    /** The slot to read entry {@code i} from (constants are materialized). */
    private int src(int i) {
        if (kind[i] == LOCAL) {
            return (int) val[i];
        }
        if (kind[i] == CONST) {
            materialize(i);
        }
        return i;
    }

    /** Writes the top entry into local {@code x}; keeps it on the stack (as that local) if {@code tee}. */
    private void setLocal(int x, boolean tee) {
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
        if (registers && kind[t] == NAT && lastDest >= 0 && c[lastDest] == t) {
            c[lastDest] = x; // the producer writes the local directly
            lastDest = -1;
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

    // ---- the body ----

    private void body(int pc, int end) {
        h = locals;
        lastDest = -1;
        lastOp = -1;
        boolean live = true;
        while (pc < end && !full) {
            int rel = pc - base;
            if (target[rel] != 0) {
                if (live) {
                    flush(locals, h);
                } else if (pcMap[rel] <= -2) {
                    h = -(pcMap[rel] + 2);
                    for (int i = locals; i < h; i++) {
                        kind[i] = NAT;
                    }
                    live = true;
                }
                lastDest = -1;
                lastOp = -1;
                if (live && target[rel] == 2) {
                    osr[2 * nosr] = pc;
                    osr[2 * nosr + 1] = top;
                    nosr++;
                }
            }
            int size = Layout.instructionSize(code, pc);
            if (!live) {
                pc += size;
                continue;
            }
            pcMap[rel] = top;
            int next = op(pc);
            if (next < 0) {
                live = false;
                next = -next;
            }
            if (next == pc + size) {
                site(pc);
            } else { // a compare fused with the branch after it: the branch is the site, same code
                pcMap[rel + size] = pcMap[rel];
                site(pc + size);
            }
            pc = next;
        }
    }

    /**
     * Records interpreter instruction {@code at}, just translated, as a trap site if the compiled
     * loop can leave its code by an exception (a trap, an exhaustion, a poll at a call or a
     * back-edge) or a call can return into it: the backtrace of a compiled frame maps its cache
     * pc back to {@code at} ({@code io.wasmlet.exec.Backtrace}) with {@link #sites}.
     */
    private void site(int at) {
        int op = code[at];
        // one bit per opcode, 64 to a word: the operators that trap (loads and stores, division,
        // truncation, bulk memory and table operators with their rare neighbours), call, count
        // fuel or poll at a back-edge
        long m = op >= Op.IF_P ? 0 : op < 64 ? 1L << Op.UNREACHABLE | 1L << Op.BR_TABLE | 1L << Op.CALL | 1L << Op.CALL_INDIRECT
                        | (1L << Op.I64_STORE32 + 1) - (1L << Op.I32_LOAD)
                : op < 128 ? (1L << Op.I32_REM_U + 1 - 64) - (1L << Op.I32_DIV_S - 64) | 1L << Op.I64_DIV_S - 64
                : op < 192 ? (1L << Op.I64_REM_U + 1 - 128) - 1
                        | (1L << Op.I32_TRUNC_F64_U + 1 - 128) - (1L << Op.I32_TRUNC_F32_S - 128)
                        | (1L << Op.I64_TRUNC_F64_U + 1 - 128) - (1L << Op.I64_TRUNC_F32_S - 128)
                : (1L << Op.TABLE_FILL + 1 - 192) - (1L << Op.MEMORY_INIT - 192) | 1L << Op.CALL_DIRECT - 192
                        | (1L << Op.BR_IF_BACK + 1 - 192) - (1L << Op.COUNT - 192);
        boolean back = op == Op.JUMP_BACK || op == Op.BR_IF_BACK || op == Op.BR_IF_BACK_P
                || (op == Op.BR || op == Op.BR_IF) && Layout.u32(code, at + 1) <= at;
        if ((m >>> op & 1) == 0 && !back) {
            return; // a br or br_if is a site when it branches backwards (it polls)
        }
        target[at - base] |= back ? SITE | BACK : SITE;
        nsite++;
    }

    /**
     * The interpreter pc the site map gives for site {@code at}: its own, or for a backward
     * branch (a poll) the loop header it jumps to, as the interpreter names it (it polls after
     * the jump).
     */
    private int sitePc(int at) {
        if ((target[at - base] & BACK) == 0) {
            return at;
        }
        int op = code[at];
        return op == Op.BR || op == Op.BR_IF ? Layout.u32(code, at + 1) : Layout.shortTarget(code, at);
    }

    /**
     * Translates the instruction at {@code pc}; returns the next pc, negated when control does
     * not fall through to it.
     */
    private int op(int pc) {
        int op = code[pc];
        switch (op) {
            case Op.LOCAL_GET:
                push(LOCAL, code[pc + 1]);
                return pc + 2;
            case Op.LOCAL_SET:
            case Op.LOCAL_TEE:
                setLocal(code[pc + 1], op == Op.LOCAL_TEE);
                return pc + 2;
            case Op.I32_CONST16:
                push(CONST, (short) code[pc + 1]);
                return pc + 2;
            case Op.I32_CONST:
            case Op.F32_CONST:
                push(CONST, Layout.u32(code, pc + 1));
                return pc + 3;
            case Op.I64_CONST:
            case Op.F64_CONST:
                push(CONST, (long) Layout.u32(code, pc + 1) << 32 | (Layout.u32(code, pc + 3) & 0xFFFFFFFFL));
                return pc + 5;
            case Op.REF_NULL:
                push(CONST, 0);
                return pc + 1;
            case Op.REF_IS_NULL:
                unary(Jop.I64_EQZ_S);
                return pc + 1;
            case Op.DROP:
                h--;
                return pc + 1;
            case Op.SELECT: {
                int cond = src(h - 1);
                int b = src(h - 2);
                int a = src(h - 3);
                h -= 3;
                produce(Jop.SELECT, h, a, b, cond, 4);
                push(NAT, 0);
                return pc + 1;
            }
            case Op.GLOBAL_GET:
                produce(Jop.GLOBAL_GET_G, h, Layout.u32(code, pc + 1), 0, 0, 2);
                push(NAT, 0);
                return pc + 3;
            case Op.GLOBAL_SET:
                emit(Jop.GLOBAL_SET_G, src(h - 1), Layout.u32(code, pc + 1));
                h--;
                return pc + 3;
            case Op.MEMORY_SIZE:
                produce(Jop.MEMORY_SIZE_M, h, 0, 0, 0, 1);
                push(NAT, 0);
                return pc + 1;
            case Op.MEMORY_GROW:
                unary(Jop.MEMORY_GROW_M);
                return pc + 1;
            case Op.COUNT:
                emit(Jop.COUNT, Layout.u32(code, pc + 1));
                return pc + 3;
            case Op.COUNT_CALL:
                emit(Jop.COUNT_CALL, Layout.u32(code, pc + 1));
                return pc + 3;
            case Op.UNREACHABLE:
                emit(Jop.UNREACHABLE);
                return -(pc + 1);
            default:
                return control(op, pc);
        }
    }

    private int control(int op, int pc) {
        switch (op) {
            case Op.IF:
                condBranch(Jop.BR_Z, pc);
                return pc + 2;
            case Op.BR_IF_SIMPLE:
            case Op.BR_IF_BACK:
                condBranch(Jop.BR_NZ, pc);
                return pc + 2;
            case Op.IF_P:
            case Op.BR_IF_SIMPLE_P:
                condBranch(op == Op.IF_P ? Jop.BR_Z : Jop.BR_NZ, pc);
                return sideExit(pc);
            case Op.BR_IF_BACK_P: // a loop's exit is not made a side exit: an OSR'd loop has never left
                condBranch(Jop.BR_NZ, pc);
                return pc + 3;
            case Op.ELSE:
            case Op.JUMP:
            case Op.JUMP_BACK: {
                int t = Layout.shortTarget(code, pc);
                flush(locals, h);
                branchTo(t, h);
                emit(Jop.JUMP);
                lastDest = -1;
                emitTarget(t);
                return -(pc + 2);
            }
            case Op.BR: {
                flush(locals, h);
                int t = Layout.u32(code, pc + 1);
                int arity = code[pc + 3];
                int dst = code[pc + 4];
                branchTo(t, dst + arity);
                if (room(5)) {
                    c[top++] = Jop.BR_MOVE;
                    emitTarget(t);
                    c[top++] = arity;
                    c[top++] = dst;
                    c[top++] = h - arity;
                }
                lastDest = -1;
                return -(pc + 5);
            }
            case Op.BR_IF: {
                int cond = src(h - 1);
                h--;
                flush(locals, h);
                int t = Layout.u32(code, pc + 1);
                int arity = code[pc + 3];
                int dst = code[pc + 4];
                branchTo(t, dst + arity);
                if (room(6)) {
                    c[top++] = Jop.BR_NZ_MOVE;
                    c[top++] = cond;
                    emitTarget(t);
                    c[top++] = arity;
                    c[top++] = dst;
                    c[top++] = h - arity;
                }
                lastDest = -1;
                return pc + 5;
            }
            case Op.BR_TABLE: {
                int idx = src(h - 1);
                h--;
                flush(locals, h);
                int n = Layout.u32(code, pc + 1);
                if (room(3 + 4 * (n + 1))) {
                    c[top++] = Jop.BR_TABLE;
                    c[top++] = idx;
                    c[top++] = n;
                    for (int i = 0; i <= n; i++) {
                        int rec = pc + 3 + i * Layout.BR_RECORD;
                        int arity = code[rec + Layout.BR_ARITY];
                        int dst = code[rec + Layout.BR_HEIGHT];
                        int t = Layout.u32(code, rec + Layout.BR_TARGET);
                        branchTo(t, dst + arity);
                        emitTarget(t);
                        c[top++] = arity;
                        c[top++] = dst;
                        c[top++] = h - arity;
                    }
                }
                lastDest = -1;
                return -(pc + Layout.instructionSize(code, pc));
            }
            case Op.RETURN: {
                flush(locals, h);
                int arity = code[pc + 1];
                emit(Jop.RETURN, arity, h - arity);
                return -(pc + 2);
            }
            case Op.CALL:
            case Op.CALL_DIRECT: {
                int fi = op == Op.CALL ? Layout.u32(code, pc + 1)
                        : Layout.u32(code, Layout.u32(code, pc + 1) + Layout.H_FUNC_INDEX);
                int np = job.funcParams(fi);
                flush(h - np, h);
                h -= np;
                emit(Jop.CALL, fi, h);
                for (int i = job.funcResults(fi); i > 0; i--) {
                    push(NAT, 0);
                }
                return pc + 3;
            }
            case Op.CALL_INDIRECT: {
                int ti = Layout.u32(code, pc + 1);
                int np = job.typeParams(ti);
                int idx = src(h - 1);
                h--;
                flush(h - np, h);
                h -= np;
                int site = inlineCache ? job.newSite() : -1;
                if (site >= 0) {
                    emit(Jop.CALL_INDIRECT_IC, -1, site); // no funcref is -1: unbound until a miss binds it
                }
                if (room(6)) {
                    c[top++] = Jop.CALL_INDIRECT;
                    c[top++] = ti;
                    c[top++] = code[pc + 3];
                    c[top++] = idx;
                    c[top++] = -1; // the compiled entry of the inline cache's target
                    c[top++] = h;
                }
                lastDest = -1;
                for (int i = job.typeResults(ti); i > 0; i--) {
                    push(NAT, 0);
                }
                return pc + 4;
            }
            default:
                return numeric(op, pc);
        }
    }

    /** if / br_if on a value: branch when it is zero / non-zero. */
    private void condBranch(int plain, int pc) {
        int t = Layout.shortTarget(code, pc);
        int cond = src(h - 1);
        h--;
        flush(locals, h);
        branchTo(t, h);
        if (plain == Jop.BR_NZ && addBefore(cond)) {
            // i = i + k; br_if i: one template from the add's start
            int at = lastOp;
            top = at;
            pcMap[pc - base] = at;
            if (room(5)) {
                c[top++] = Jop.BR_ADD_NZ;
                top += 3;
                emitTarget(t);
            }
            lastDest = -1;
            lastOp = -1;
            return;
        }
        emit(plain, cond);
        lastDest = -1;
        emitTarget(t);
    }

    /**
     * After the branch of the profiled {@code if} or {@code br_if} at {@code brPc}: returns the
     * pc after it, or, if its fall-through never ran in {@link #sideExitMin} or more executions
     * (an {@code if}'s then arm, the code after a {@code br_if}), emits a side exit there
     * instead (an {@code exit} to the interpreter at that pc, marked as a side exit by its
     * complemented pc: see {@code io.wasmlet.exec.Engine#sideExit}) and returns that pc negated,
     * so that the code there is left out until a branch that was translated reaches it.
     */
    private int sideExit(int brPc) {
        int next = brPc + 3;
        int[] b = job.branches();
        int k = 2 * code[brPc + 2];
        if (sideExitMin <= 0 || job.exact || b == null || b[k + 1] != 0 || b[k] < sideExitMin) {
            return next;
        }
        emit(Jop.EXIT, ~next, h);
        return -next;
    }

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

    private void unary(int tmpl) {
        int a = src(h - 1);
        h--;
        produce(tmpl, h, a, 0, 0, 2);
        push(NAT, 0);
    }

    private int numeric(int op, int pc) {
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
    private boolean addBefore(int slot) {
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
        boolean load = c[p] == (f32 ? Jop.F32_LOAD_M : Jop.F64_LOAD_M);
        int nAt = c[p] == ch || plain >= 0 ? p + 3 : load || c[p] == ch + 2 ? p + 5 : -1;
        if (nAt < 0 || top != (plain >= 0 || load ? p + 4 : nAt + 1 + c[nAt])) {
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
        if (load) { // load_m d a off becomes chain_l d a 0 off 0
            c[p] = ch + 2;
            c[p + 4] = c[p + 3];
            c[p + 3] = 0;
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

    /**
     * Bulk memory and table operators run by the interpreter's own helper on materialized
     * slots ({@code slow}); everything else without a template leaves for the interpreter.
     */
    private int other(int op, int pc) {
        flush(locals, h);
        int size = Layout.instructionSize(code, pc);
        int pops;
        int pushes;
        switch (op) {
            case Op.MEMORY_INIT: case Op.MEMORY_COPY: case Op.MEMORY_FILL:
            case Op.TABLE_INIT: case Op.TABLE_COPY: case Op.TABLE_FILL:
                pops = 3;
                pushes = 0;
                break;
            case Op.DATA_DROP: case Op.ELEM_DROP: case Op.MEM_WIDE: // the load or store follows with offset 0
                pops = 0;
                pushes = 0;
                break;
            case Op.TABLE_GROW:
                pops = 2;
                pushes = 1;
                break;
            case Op.TABLE_SIZE:
                pops = 0;
                pushes = 1;
                break;
            default:
                emit(Jop.EXIT, pc, h);
                return -(pc + size);
        }
        emit(Jop.SLOW, pc, h);
        h -= pops;
        for (int i = 0; i < pushes; i++) {
            push(NAT, 0);
        }
        return pc + size;
    }
}
