package io.wasmlet.exec;

import io.wasmlet.code.Jop;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.TrapException;

/**
 * The Wasm frames of the last trap or exhaustion of a store ({@link Store#backtrace()}),
 * innermost (the faulting instruction) first: a preallocated buffer, filled while the trap
 * unwinds (the trap objects are shared singletons, so the frames cannot live in them), emptied
 * when the store's next call starts. Recording and reading it allocate nothing
 * (the command line's text of it is {@code io.wasmlet.desktop.Backtraces}).
 *
 * <p>A trap raised by a host function has the call of it as its innermost frame; one that
 * leaves a host function which called back into Wasm lists the inner frames, then the outer
 * ones. At most {@code min(frames + 1, 64)} frames are kept (the innermost); {@link #total()}
 * counts them all.
 *
 * <h2>Recording</h2>
 * Each loop ({@link Interpreter}, {@link CompiledLoop}) wraps its dispatch in one handler that
 * calls {@link #unwind} with its {@code pc}, {@code fsp} and instance, then rethrows. The frames
 * are the faulting site and then each frame record from {@code fsp - 2} down to the call's base
 * ({@code frames[k]} is a return pc in the caller, {@code frameInst[k >> 1]} the caller). A trap
 * that leaves a host function re-entered through {@link Store#invoke} reaches the outer loop's
 * handler at the host call: the outer frames are then appended to the inner ones.
 *
 * <h2>Per frame</h2>
 * {@code frame[2i]} the function index in its module (bit 31 set for a callee inlined in its
 * caller's compiled code), {@code frame[2i + 1]} the interpreter pc of
 * the instruction (its first int), and {@code inst[i]} the instance. For a frame in compiled
 * code the pc is the translated instruction's, from the function's trap-site map in the code
 * cache ({@link CompileJob}): the same frames and offsets as the interpreter's for the same trap
 * (-1 in a function too long for the map: over 65,535 ints, longer than any board's cache).
 * A trap in the code of a callee the translator inlined gives the callee's frame (from the
 * function's inline map) and then the caller's at the call, as the call would have.
 */
public final class Backtrace {
    /** Frames kept at most (the innermost); {@link #total} counts them all. */
    public static final int MAX_FRAMES = 64;

    final int[] frame;
    final Object[] inst;
    int depth;
    int total;
    /** The exception recorded and the frame base its frames end at: an outer loop appends only to these. */
    private RuntimeException cause;
    private int base;

    Backtrace(int frames) {
        int n = Math.min(frames + 1, MAX_FRAMES);
        frame = new int[2 * n];
        inst = new Object[n];
    }

    /** Forgets the last backtrace: every call starts with an empty one. */
    void clear() {
        depth = 0; // the instances stay referenced until overwritten: the store's registry holds them anyway
        total = 0;
        cause = null;
    }

    /**
     * Records the frames of a trap or exhaustion {@code e} leaving a loop at {@code pc}
     * (a cache pc when {@code compiled}) in {@code at}, with frame records down to
     * {@code baseFsp}; returns {@code e} for the loop to rethrow. Other exceptions pass as they are.
     */
    static RuntimeException unwind(Store st, RuntimeException e, Instance at, int pc, int fsp, int baseFsp,
                                   boolean compiled) {
        if (!(e instanceof TrapException) && !(e instanceof ExhaustionException)) {
            return e;
        }
        Backtrace bt = st.backtrace;
        int[] frames = st.frames;
        boolean site = true;
        if (fsp > baseFsp) {
            int ret = frames[fsp - 2];
            // A frame was pushed but the callee not entered (a value-stack check or a poll
            // after the push): the record below is the site itself. A frame-budget check comes
            // before the push, and the compiled loop checks every budget before it.
            boolean pushed = compiled ? ret == ~pc : ret == pc || ret == pc + 2; // + call_direct's immediate
            boolean prePush = e instanceof ExhaustionException && (compiled || fsp == frames.length);
            site = !(pushed && !prePush);
        }
        boolean append = e == bt.cause && fsp == bt.base && bt.depth > 0 && isHostCallEnd(st, at, pc, compiled);
        if (!append) {
            bt.clear();
        }
        if (site) {
            bt.add(st, at, pc, compiled);
        }
        for (int k = fsp - 2; k >= baseFsp; k -= 2) {
            int ret = frames[k];
            bt.add(st, (Instance) st.frameInst[k >> 1], ret >= 0 ? ret : ~ret, ret < 0);
        }
        bt.cause = e;
        bt.base = baseFsp;
        return e;
    }

    /** True when {@code pc} ends a call instruction: where a host function was called. */
    private static boolean isHostCallEnd(Store st, Instance in, int pc, boolean compiled) {
        if (compiled) {
            int[] c = st.cache;
            return c[pc - 3] == Jop.CALL || c[pc - 6] == Jop.CALL_INDIRECT; // metadata precedes any code
        }
        char[] code = in.code;
        int at = instructionAt(in, pc);
        return (code[at] == Op.CALL || code[at] == Op.CALL_INDIRECT) && at + Layout.instructionSize(code, at) == pc;
    }

    private void add(Store st, Instance in, int pc, boolean compiled) {
        int func;
        int at;
        if (compiled) {
            int[] c = st.cache;
            int e = functionAt(c, in, pc);
            int r = inlinedAt(c, e, pc);
            if (r >= 0) { // in the code of a callee inlined there: its frame first
                put(in, Layout.u32(in.code, c[r + 2] + Layout.H_FUNC_INDEX) | 0x80000000, calleeSite(c, r, e, pc));
            }
            func = Layout.u32(in.code, c[e + CompileJob.M_HEADER] + Layout.H_FUNC_INDEX);
            at = siteAt(c, e, pc);
        } else {
            at = instructionAt(in, pc);
            func = Layout.u32(in.code, in.data.funcEntry[Engine.definedAt(in, at)] + Layout.H_FUNC_INDEX);
        }
        put(in, func, at);
    }

    private void put(Instance in, int func, int at) {
        total++;
        int n = depth;
        if (n == inst.length) {
            return;
        }
        frame[2 * n] = func;
        frame[2 * n + 1] = at;
        inst[n] = in;
        depth = n + 1;
    }

    /** The entry of the compiled function of {@code in} whose code holds cache pc {@code pc}. */
    private static int functionAt(int[] cache, Instance in, int pc) {
        int best = -1;
        int[] compiled = in.compiled;
        for (int d = 0; d < compiled.length; d++) {
            int e = compiled[d];
            if (e >= 0 && e <= pc && e > best) {
                best = e;
            }
            e = in.retired[d]; // the first code of a function translated again
            if (e >= 0 && e <= pc && e > best) {
                best = e;
            }
        }
        return best;
    }

    /**
     * The interpreter pc of the instruction that compiled code was executing with cache pc
     * {@code pc} in the function compiled at {@code e} (past the template's opcode, or at the
     * end of a call's): the last trap site of the function's site map (see {@link CompileJob})
     * whose code starts before {@code pc}; -1 if the function has no map.
     */
    static int siteAt(int[] c, int e, int pc) {
        int m = c[e + CompileJob.M_OSR];
        m += 2 * c[m] + 1;
        int at = -1;
        for (int i = m + 1, end = i + c[m]; i < end && c[i] >>> 16 < pc - e; i++) {
            at = c[i] & 0xFFFF;
        }
        return at < 0 ? -1 : c[e + CompileJob.M_HEADER] + at;
    }

    /**
     * The inline record (see {@link CompileJob}) of the function compiled at {@code e} whose
     * inlined callee's code holds cache pc {@code pc} (past a template's opcode), or -1.
     */
    static int inlinedAt(int[] c, int e, int pc) {
        int m = c[e + CompileJob.M_OSR];
        m += 2 * c[m] + 1;
        m += c[m] + 1;
        int rel = pc - e;
        for (int i = m + 1, k = c[m]; k > 0; k--, i += 4 + c[i + 3]) {
            if (c[i] < rel && rel <= c[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #siteAt}, in the callee of inline record {@code r}. */
    static int calleeSite(int[] c, int r, int e, int pc) {
        int at = -1;
        for (int i = r + 4, end = i + c[r + 3]; i < end && c[i] >>> 16 < pc - e; i++) {
            at = c[i] & 0xFFFF;
        }
        return at < 0 ? -1 : c[r + 2] + at;
    }

    /**
     * The first pc of the interpreter instruction the loop was executing with {@code pc}: the
     * loops advance pc past the opcode (and some immediates) before an instruction can fault,
     * and a return pc follows its call, so it is the instruction holding {@code pc - 1}.
     */
    static int instructionAt(Instance in, int pc) {
        char[] code = in.code;
        int[] entries = in.data.funcEntry;
        int def = Engine.definedAt(in, pc - 1);
        int end = def + 1 < entries.length ? entries[def + 1] : code.length;
        int q = entries[def] + Layout.HEADER_SIZE;
        while (true) {
            int next = q + Layout.instructionSize(code, q);
            if (next > pc - 1 || next >= end) {
                return q;
            }
            q = next;
        }
    }

    // ---- reading a frame ----

    /** Frames kept: 0 before any trap, and again once the store's next call starts. */
    public int depth() {
        return depth;
    }

    /** Frames the trap unwound, the ones beyond {@link #depth()} included. */
    public int total() {
        return total;
    }

    /** Function index (in its module's function index space, imports first) of frame {@code i}. */
    public int function(int i) {
        check(i);
        return frame[2 * i] & 0x7FFFFFFF;
    }

    /**
     * True when frame {@code i} is a callee the JIT inlined in its caller's compiled code
     * ({@code io.wasmlet.jit.Tuning#inline}): no frame was pushed, the frame is the one the call
     * would have had.
     */
    public boolean inlined(int i) {
        check(i);
        return frame[2 * i] < 0;
    }

    /** The instance whose code frame {@code i} was running. */
    public Instance instance(int i) {
        check(i);
        return (Instance) inst[i];
    }

    private void check(int i) {
        if (i < 0 || i >= depth) {
            throw new io.wasmlet.error.WasmException("no such backtrace frame");
        }
    }

    /**
     * Offset of frame {@code i}'s instruction in its function's pre-decoded code, in 16-bit units
     * from the function's first instruction (not a byte offset); a frame in compiled code gives
     * the offset of the interpreter instruction it was translated from (-1 in a function of over
     * 65,535 units, whose compiled code has no map back).
     */
    public int codeOffset(int i) {
        check(i);
        int at = frame[2 * i + 1];
        if (at < 0) {
            return -1;
        }
        io.wasmlet.binary.ModuleData m = ((Instance) inst[i]).data;
        return at - (m.funcEntry[function(i) - m.numImportedFuncs] + Layout.HEADER_SIZE);
    }

    /**
     * Byte offset in the module's file of frame {@code i}'s instruction, as wasmtime reports it,
     * or -1: a module loaded without {@code Loader.DEBUG}, or {@link #codeOffset} -1.
     */
    public int offset(int i) {
        check(i);
        int at = frame[2 * i + 1];
        int[] map = ((Instance) inst[i]).data.debugMap;
        if (at < 0 || map == null) {
            return -1;
        }
        int lo = 0; // the last pair whose code position is at or before at
        int hi = map.length / 2 - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (map[2 * mid] <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return map[2 * lo + 1];
    }
}
