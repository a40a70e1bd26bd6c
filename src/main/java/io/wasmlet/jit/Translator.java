package io.wasmlet.jit;

import io.wasmlet.code.Jop;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.exec.CompileJob;

/**
 * Translates one function from the interpreter's pre-decoded stack code ({@link Layout}) into
 * register-style templates ({@link Jop}) in the code cache, in one pass after a pass that marks
 * branch targets. Allocates nothing: every buffer is sized by {@link #reserve} at instantiation.
 *
 * <h2>How stack code becomes register code</h2>
 * Heights are static, so each operand-stack position is a fixed frame slot. The translator keeps
 * an abstract stack saying where each position's value really is: in its own slot
 * ({@link Emitter#NAT}), still in a local ({@link Emitter#LOCAL}: after {@code local.get}) or a constant
 * ({@link Emitter#CONST}). An operator reads its operands where they are and writes its result into
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
 * miss path, with the interpreter's traps. With {@link Tuning#inline} a direct call of a small
 * leaf without loops of the same module is translated as the callee's code instead
 * ({@link #inline}), behind a {@code call_inline} with the call's checks and poll.
 *
 * <h2>Falling back</h2>
 * Operators without a template (table and reference operators, for instance) become an
 * {@code exit} to the interpreter at the same pc with all values in their slots: since the frame
 * layout is shared, that is just a pc change; the interpreter re-enters compiled code at the next
 * loop header it polls at. Code that only an unconditional branch precedes and no branch reaches
 * is dead and left out.
 */
final class Translator extends Operators {
    /** The flag of {@link #target} marking a trap site. */
    static final int SITE = 4;
    /** With {@link #SITE}: the site is a backward branch, its map entry names the branch target. */
    static final int BACK = 8;
    /** Loop headers for the OSR map: pairs of (interpreter pc, cache pc). */
    private int[] osr = new int[0];
    private int nosr;
    /** Trap sites flagged so far ({@link #site}, bit {@link #SITE} of {@link #target}). */
    private int nsite;

    /** {@link Tuning#inlineCache}. */
    private final boolean inlineCache;
    /** {@link Tuning#sideExitMin} (0: no side exits). */
    int sideExitMin;
    /** {@link Tuning#inlineMaxOps}, or 0 without {@link Tuning#inline}. */
    int inlineMax;
    /** Calls inlined so far (by translations that succeeded or not). */
    int inlined;
    /** Translating an inlined callee ({@link #inline}): its frame's first slot, its parameters, its locals written so far. */
    private boolean inlining;
    private int frame;
    /** The end of an inlined callee with branches: its returns jump there. */
    private int inlineEndPc;
    private int calleeParams;
    private long written;
    /** The abstract entries of an inlined callee's arguments, where the caller had them. */
    private final int[] argKind = new int[CompileJob.INLINE_LOCALS];
    private final long[] argVal = new long[CompileJob.INLINE_LOCALS];
    /** The first code pc of the function. */
    private int cpc0;
    /** Inline records so far, kept at the end of the cache window (from {@link #limit} to {@link #windowEnd}). */
    private int ninline;
    private int windowEnd;


    Translator(boolean registers, boolean fuse, boolean fuseAddresses, boolean fuseMore, boolean inlineCache,
               boolean fuseFloats) {
        super(registers, fuse, fuseAddresses, fuseMore, fuseFloats);
        this.inlineCache = inlineCache;
    }

    /**
     * Sizes the work buffers for functions of up to {@code codeUnits} units, {@code maxHeight}
     * slots and {@code maxTargets} branch targets ({@code Layout.targets}): each forward target
     * makes one fixup and each loop header is the target of a backward branch, so pairs of
     * either fit {@code 2 * maxTargets} ints.
     */
    void reserve(int codeUnits, int maxHeight, int maxTargets) {
        // room for one inlined callee only when inlining is on (Footprint counts it unless the
        // board's jit.inline is false)
        int units = inlineMax > 0 ? CompileJob.INLINE_UNITS : 0;
        int fixups = inlineMax > 0 ? CompileJob.INLINE_FIXUPS : 0;
        int slots = inlineMax > 0 ? CompileJob.INLINE_SLOTS : 0;
        if (pcMap.length < codeUnits + 1 + units) {
            pcMap = new int[codeUnits + 1 + units];
            target = new byte[codeUnits + 1 + units];
        }
        if (osr.length < 2 * maxTargets + 2) {
            fix = new int[2 * maxTargets + 2 + 2 * fixups];
            osr = new int[2 * maxTargets + 2];
        }
        if (kind.length < maxHeight + 1 + slots) {
            kind = new int[maxHeight + 1 + slots];
            val = new long[maxHeight + 1 + slots];
        }
    }

    /** See {@link io.wasmlet.exec.Compiler#translate}. */
    int translate(CompileJob j) {
        job = j;
        code = j.code;
        c = j.cache;
        limit = j.limit;
        windowEnd = limit;
        ninline = 0;
        inlineEnd = -1;
        inlining = false;
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
        if (2 * markTargets(entry + Layout.HEADER_SIZE, j.end) + 2 > osr.length) {
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
        cpc0 = cpc;
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
        if (!sites(cpc, len) || top >= limit) {
            return -1;
        }
        // the inline map: a count, then the records kept at the window's end (see inline)
        c[top++] = nsite == 0 ? 0 : ninline;
        for (int i = limit; nsite > 0 && i < windowEnd; i++) {
            c[top++] = c[i];
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
                inlineEnd = -1;
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
        // (and the wide offset before a load or store: its add can overflow 2^32 and trap)
        if ((m >>> op & 1) == 0 && !back && op != Op.MEM_WIDE) {
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
                if (inlining) {
                    calleeLocal(code[pc + 1]);
                } else {
                    push(LOCAL, code[pc + 1]);
                }
                return pc + 2;
            case Op.LOCAL_SET:
            case Op.LOCAL_TEE:
                if (inlining) {
                    written |= 1L << code[pc + 1];
                }
                setLocal(frame + code[pc + 1], op == Op.LOCAL_TEE);
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
                int dst = frame + code[pc + 4];
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
                int dst = frame + code[pc + 4];
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
                        int dst = frame + code[rec + Layout.BR_HEIGHT];
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
                if (inlining) { // in a callee with branches: to the frame, then to the end
                    results(code[pc + 1]);
                    flush(frame, h);
                    inlineEnd = -1;
                    if (pc + 2 < inlineEndPc) {
                        branchTo(inlineEndPc, h);
                        emit(Jop.JUMP);
                        emitTarget(inlineEndPc);
                    }
                    return -(pc + 2);
                }
                flush(locals, h);
                int arity = code[pc + 1];
                emit(Jop.RETURN, arity, h - arity);
                return -(pc + 2);
            }
            case Op.CALL:
            case Op.CALL_DIRECT: {
                int fi = op == Op.CALL ? Layout.u32(code, pc + 1)
                        : Layout.u32(code, Layout.u32(code, pc + 1) + Layout.H_FUNC_INDEX);
                if (inlineMax > 0 && inline(fi)) {
                    return pc + 3;
                }
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

    /**
     * Translates a call of function {@code fi} at the current height as the callee's own code
     * ({@link Tuning#inline}) if it is a small leaf of this module without loops ({@link #shape});
     * false (nothing emitted) otherwise. The callee's frame starts at its first argument's slot,
     * so its code is translated with every slot shifted by that {@link #frame}, and its results
     * end where the call leaves them. Straight-line code reads its parameters where the caller
     * had them (a local, a constant) until written and its other locals as the 0 a call stores
     * until written; code with forward branches gets its arguments in their slots and its
     * locals zeroed, and is translated as a function body is, each return moving the results
     * to the frame and jumping to the end (no side exits: {@link #sideExit}). A
     * {@code call_inline} in front does what the call did before the callee's first instruction
     * (the callee's own count and count_call follow: fuel and the call count are the same).
     *
     * <p>Trap sites: the call is the caller's site, and an inline record (kept at the end of the
     * cache window until the function's maps are written) names the body's code range, the
     * callee's header and the callee's own sites, so a trap inside the body gives the callee's
     * frame and then the caller's at the call ({@code io.wasmlet.exec.Backtrace}).
     */
    private boolean inline(int fi) {
        int hdr = job.funcEntry(fi);
        if (hdr < 0 || inlining) {
            return false;
        }
        int end = job.funcEnd(fi);
        int np = code[hdr + Layout.H_PARAMS];
        int nl = code[hdr + Layout.H_LOCALS];
        int f = h - np;
        int scratch = job.end - job.entry + 1;
        int jumps = np + nl > CompileJob.INLINE_LOCALS || end - hdr > CompileJob.INLINE_UNITS
                || scratch + end - hdr >= pcMap.length || f + code[hdr + Layout.H_MAX_HEIGHT] >= kind.length
                ? -1 : shape(hdr + Layout.HEADER_SIZE, end);
        if (jumps < 0 || 2 * (nfix + jumps) + 2 > fix.length) {
            return false;
        }
        for (int i = 0; i < np; i++) {
            argKind[i] = kind[f + i];
            argVal[i] = val[f + i];
        }
        int callerBase = base;
        int callerLocals = locals;
        int callerSites = nsite;
        int callerFix = nfix;
        if (jumps > 0) {
            flush(f, f + np); // with branches, the callee's locals are its slots from the start
        }
        emit(Jop.CALL_INLINE, f + code[hdr + Layout.H_MAX_HEIGHT]);
        int start = top;
        base = hdr - scratch;
        for (int i = scratch; i <= scratch + end - hdr; i++) {
            pcMap[i] = -1;
            target[i] = 0;
        }
        inlining = true;
        frame = f;
        calleeParams = np;
        written = jumps > 0 ? -1L : 0;
        locals = f + np + nl;
        h = locals;
        int pc = hdr + Layout.HEADER_SIZE;
        int n = code[hdr + Layout.H_RESULTS];
        if (jumps > 0) {
            // forward branches: the locals zeroed as a call does, the body as a function's,
            // each return moving its results to the frame and jumping to the end
            for (int i = f + np; i < locals; i++) {
                emit(Jop.CONST, i, 0);
            }
            markTargets(pc, end);
            inlineEndPc = end;
            body(pc, end);
            pcMap[end - base] = top;
            for (int i = callerFix; i < nfix; i++) {
                int t = pcMap[fix[2 * i + 1] - base];
                if (t < 0) {
                    full = true; // cannot happen: every reached target was translated
                }
                c[fix[2 * i]] = t;
            }
            nfix = callerFix;
            h = f;
            for (int i = 0; i < n; i++) {
                push(NAT, 0);
            }
            pc = end;
        }
        while (!full && pc < end && code[pc] != Op.RETURN) {
            pcMap[pc - base] = top;
            int next = op(pc);
            site(pc);
            if (next < 0) {
                break; // unreachable: the rest is dead
            }
            pc = next;
        }
        if (pc < end && code[pc] == Op.RETURN) {
            results(n);
        } else if (pc < end) {
            h = f;
            for (int i = 0; i < n; i++) {
                push(NAT, 0);
            }
        }
        inlining = false;
        frame = 0;
        locals = callerLocals;
        lastDest = -1;
        lastOp = -1;
        // the inline record: code range from the entry, callee header, then its sites
        int sites = nsite - callerSites;
        nsite = callerSites;
        if (top + 4 + sites >= limit) {
            full = true;
        } else {
            limit -= 4 + sites;
            int r = limit;
            c[r] = start - cpc0;
            c[r + 1] = top - cpc0;
            c[r + 2] = hdr;
            c[r + 3] = sites;
            for (int i = scratch; i < scratch + end - hdr; i++) {
                if ((target[i] & SITE) != 0) {
                    c[++r + 3] = pcMap[i] - cpc0 << 16 | i - scratch;
                }
            }
            ninline++;
            inlined++;
        }
        base = callerBase;
        return true;
    }

    /** local.get {@code x} in an inlined callee: the argument or 0 until written, then the local. */
    private void calleeLocal(int x) {
        if ((written >>> x & 1) == 0) {
            if (x >= calleeParams) {
                push(CONST, 0);
                return;
            }
            if (argKind[x] != NAT) {
                push(argKind[x], argVal[x]);
                return;
            }
        }
        push(LOCAL, frame + x);
    }

    /**
     * An inlined callee's return of its top {@code n} entries: they end at the callee's frame
     * (the caller's slots of the call's results), constants and the caller's locals as they are.
     */
    private void results(int n) {
        int from = h - n;
        for (int i = from; n > 1 && i < h; i++) {
            if (kind[i] == LOCAL && val[i] >= frame) {
                materialize(i); // a callee local: its slot is the caller's next to be overwritten
            }
        }
        for (int i = 0; i < n; i++) {
            int s = from + i;
            int d = frame + i;
            if (kind[s] == CONST || kind[s] == LOCAL && val[s] < frame) {
                kind[d] = kind[s];
                val[d] = val[s];
                continue;
            }
            if (kind[s] == LOCAL) {
                if (val[s] != d) {
                    emit(Jop.MOV, d, (int) val[s]);
                }
            } else if (s != d) {
                if (registers && n == 1 && lastDest >= 0 && c[lastDest] == s) {
                    c[lastDest] = d; // the callee's last operator writes the result's slot
                    inlineDest = lastDest;
                    inlineEnd = top;
                } else {
                    emit(Jop.MOV, d, s);
                }
            }
            kind[d] = NAT;
        }
        h = frame + n;
    }

    /**
     * Whether the code from {@code pc} to {@code end} can be inlined: at most {@link #inlineMax}
     * operators, all translated in line (no call, memory.grow, exit or slow operator), branches
     * only forward. Returns -1 if not, 0 for straight-line code, else the fixups its branches and
     * returns may need.
     */
    private int shape(int pc, int end) {
        int ops = 0;
        int jumps = 0;
        int returns = 0;
        for (; pc < end; pc += Layout.instructionSize(code, pc)) {
            int op = code[pc];
            int t = Layout.targets(code, pc);
            jumps += t;
            if (op == Op.COUNT || op == Op.COUNT_CALL || op == Op.RETURN) {
                returns += op == Op.RETURN ? 1 : 0;
                continue; // not operators
            }
            if (++ops > inlineMax) {
                return -1;
            }
            if (op == Op.BR_TABLE) {
                for (int i = 0; i < t; i++) {
                    if (Layout.u32(code, pc + 3 + i * Layout.BR_RECORD + Layout.BR_TARGET) <= pc) {
                        return -1;
                    }
                }
            } else if (t > 0) {
                if (op == Op.JUMP_BACK || op == Op.BR_IF_BACK || op == Op.BR_IF_BACK_P
                        || (op == Op.BR || op == Op.BR_IF ? Layout.u32(code, pc + 1) : Layout.shortTarget(code, pc)) <= pc) {
                    return -1; // a loop
                }
            } else if (!(op == Op.UNREACHABLE || op >= Op.LOCAL_GET && op <= Op.GLOBAL_SET || op >= Op.I32_CONST && op <= Op.F64_CONST
                    || op == Op.DROP || op == Op.SELECT || op == Op.MEMORY_SIZE || op == Op.I32_CONST16
                    || op != Op.MEMORY_GROW && templated(op))) {
                return -1; // calls, memory.grow, and what has no template (exits, slow operators)
            }
        }
        return jumps == 0 ? 0 : jumps + returns;
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
    int sideExit(int brPc) {
        int next = brPc + 3;
        int[] b = job.branches();
        int k = 2 * code[brPc + 2];
        if (inlining || sideExitMin <= 0 || job.exact || b == null || b[k + 1] != 0 || b[k] < sideExitMin) {
            return next;
        }
        emit(Jop.EXIT, ~next, h);
        return -next;
    }

    /**
     * Bulk memory and table operators run by the interpreter's own helper on materialized
     * slots ({@code slow}); everything else without a template leaves for the interpreter.
     */
    int other(int op, int pc) {
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
