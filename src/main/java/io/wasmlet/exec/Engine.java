package io.wasmlet.exec;

import io.wasmlet.code.Jop;
import io.wasmlet.code.Layout;
import io.wasmlet.error.Msg;
import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.WasmException;

/**
 * Drives a call through the two tiers. Two loops run Wasm code: {@link Interpreter} over the
 * pre-decoded code and {@link CompiledLoop} over translated code in the store's code cache. Both
 * use one frame layout (locals and operand slots at the same fp-relative offsets) and one frame
 * stack, so a call, a return, an on-stack replacement at a loop header or a fall-back to the
 * interpreter is a pc change: the running loop leaves {@code pc}, {@code fp}, {@code sp},
 * {@code fsp} and the instance in the store and returns the tier to continue in, and
 * {@link #call} runs that loop next. Nothing recurses on the Java stack per Wasm call.
 *
 * <h2>Frame records</h2>
 * {@code frames[fsp]} is the return pc: an interpreter pc ({@code >= 0}) or {@code ~cachePc}
 * for a caller in compiled code; {@code frames[fsp + 1]} the caller's fp.
 *
 * <h2>Tier-up</h2>
 * A defined function's trigger ({@link Instance#trigger}) starts at the compiler's threshold;
 * each call from either tier decrements it and each poll at a loop back-edge (one every
 * {@code pollInterval} back-edges) subtracts the interval. When it goes negative the function is
 * translated; a function found at a back-edge continues in compiled code at the same loop
 * header (OSR). A full code cache leaves the function interpreted for good.
 */
final class Engine {
    static final int DONE = 0;
    static final int INTERP = 1;
    static final int COMPILED = 2;

    private Engine() {
    }

    /** Runs Wasm function {@code f} on the arguments at the top of the store's stack. */
    static void call(Store st, Function f) {
        Instance inst = f.instance;
        if (st.fuelOn && !inst.data.metered) {
            throw unmetered();
        }
        char[] code = inst.code;
        int entry = f.entry;
        long[] stack = st.stack;
        int sp = st.sp;
        int fp = sp - code[entry + Layout.H_PARAMS];
        if (fp + code[entry + Layout.H_MAX_HEIGHT] >= stack.length) {
            throw Trap.callStackExhausted;
        }
        for (int n = code[entry + Layout.H_LOCALS]; n > 0; n--) {
            stack[sp++] = 0;
        }
        st.sp = sp;
        st.fp = fp;
        st.curInst = inst;
        st.pc = entry + Layout.HEADER_SIZE;
        st.pollLeft = st.pollInterval;
        int baseFsp = st.fsp;
        int tier = INTERP;
        if (inst.trigger != null) {
            int func = code[entry + Layout.H_FUNC_INDEX] << 16 | code[entry + Layout.H_FUNC_INDEX + 1];
            int cpc = enter(st, inst, func - inst.firstDefined);
            if (cpc >= 0) {
                st.pc = cpc;
                tier = COMPILED;
            }
        }
        while (tier != DONE) {
            if (tier == INTERP && st.pc < 0) {
                sideExit(st);
            }
            tier = tier == INTERP ? Interpreter.run(st, baseFsp) : CompiledLoop.run(st, baseFsp);
        }
    }

    /**
     * A loop leaving for the other tier (or back to {@link #call}): stores its state in the
     * store and returns {@code tier}, so that each exit is one line in the loops.
     */
    static int leave(Store st, int pc, int fp, int sp, int fsp, Instance inst, int poll, int tier) {
        st.pc = pc;
        st.fp = fp;
        st.sp = sp;
        st.fsp = fsp;
        st.curInst = inst;
        st.pollLeft = poll;
        return tier;
    }

    /** Eager mode and the work buffers: called once an instance's functions exist. */
    static void prepare(Store st, Instance inst) {
        int[] entries = inst.data.funcEntry;
        int[] b = Footprint.translatorBounds(inst.data, st.cache.length);
        st.compiler.reserve(b[0], b[1], b[2]);
        if (st.compiler.eager) {
            for (int d = 0; d < entries.length; d++) {
                translate(st, inst, d, false);
            }
        }
    }

    /**
     * A call of defined function {@code def} of {@code inst} is about to enter it: returns its
     * compiled entry (translating it if its trigger fired now), or -1 to interpret it.
     */
    static int enter(Store st, Instance inst, int def) {
        if (inst.trigger == null) {
            return -1; // an instance that only fitted the board without the JIT
        }
        int cpc = inst.compiled[def];
        if (cpc >= 0) {
            return cpc;
        }
        if (--inst.trigger[def] >= 0) {
            return -1;
        }
        return translate(st, inst, def, false);
    }

    /**
     * Translates ({@code exact}: without side exits, the second translation of
     * {@link #sideExit}); on failure (code cache full) the function is never tried again.
     */
    private static int translate(Store st, Instance inst, int def, boolean exact) {
        CompileJob job = st.job;
        job.reset(inst, def);
        job.exact = exact;
        int cpc = st.compiler.translate(job);
        if (cpc >= 0) {
            st.cacheTop = job.top;
            inst.compiled[def] = cpc;
            inst.icUsed = job.siteNext;
            // from now on: the side exits it may take (none after the exact translation)
            inst.trigger[def] = exact ? Integer.MAX_VALUE : st.compiler.sideExitLimit();
            st.translated++;
        } else {
            inst.trigger[def] = Integer.MAX_VALUE;
            st.translationsRefused++;
        }
        return cpc;
    }

    /**
     * Compiled code left at a side exit (an {@code exit} whose pc is complemented, see
     * {@code io.wasmlet.jit.Translator}: code the branch profile said never ran): restores the
     * pc and charges the function's trigger, which counts its side exits down from
     * {@link Compiler#sideExitLimit} once it is translated. At zero the function is translated
     * again without side exits, once: its first code stays for the frames running it
     * ({@link Instance#retired}, for backtraces), and its entry jumps to the new code if that
     * cannot break a branch (no loop header in the two ints the jump takes). If the cache is full the old code stays.
     */
    static void sideExit(Store st) {
        int pc = ~st.pc;
        st.pc = pc;
        st.sideExits++;
        Instance inst = st.curInst;
        int def = definedAt(inst, pc);
        if (--inst.trigger[def] != 0) {
            return;
        }
        int old = inst.compiled[def];
        int cpc = translate(st, inst, def, true);
        if (cpc < 0) {
            return; // the first code stays
        }
        inst.retired[def] = old;
        int[] c = st.cache;
        int map = c[old + CompileJob.M_OSR];
        boolean header = false;
        for (int i = 0; i < c[map]; i++) {
            header |= c[map + 2 + 2 * i] - old < 2; // a loop header where the jump would go
        }
        if (!header && map - old >= 2) {
            c[old] = Jop.JUMP; // calls bound to the old entry go to the new code
            c[old + 1] = cpc;
        }
    }

    /**
     * The slow path of the poll counter at a back-edge of the interpreter, to {@code target}
     * (a loop header) in the function running in {@code inst}: checks for interruption, charges
     * the function's trigger and returns the cache pc to continue at (OSR), or -1.
     */
    static int backEdge(Store st, Instance inst, int target) {
        poll(st);
        if (inst.trigger == null) {
            return -1;
        }
        int def = definedAt(inst, target);
        int cpc = inst.compiled[def];
        if (cpc < 0) {
            int t = inst.trigger[def];
            if (t == Integer.MAX_VALUE) {
                return -1;
            }
            t -= st.pollInterval;
            inst.trigger[def] = t;
            if (t >= 0) {
                return -1;
            }
            cpc = translate(st, inst, def, false);
            if (cpc < 0) {
                return -1;
            }
        }
        return osrEntry(st.cache, cpc, target);
    }

    /** The cache pc of interpreter loop header {@code target} in the function compiled at {@code cpc}, or -1. */
    static int osrEntry(int[] cache, int cpc, int target) {
        int map = cache[cpc + CompileJob.M_OSR];
        int n = cache[map];
        for (int i = 0; i < n; i++) {
            if (cache[map + 1 + 2 * i] == target) {
                return cache[map + 2 + 2 * i];
            }
        }
        return -1;
    }

    /** The defined function whose code holds {@code pc} (binary search of the entries). */
    static int definedAt(Instance inst, int pc) {
        int[] e = inst.data.funcEntry;
        int lo = 0;
        int hi = e.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (e[mid] <= pc) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** A poll: throws {@link Trap#interrupted} if the call should stop; returns the next interval. */
    static int poll(Store st) {
        if (st.interrupted || (st.interruptSource != null && st.interruptSource.interrupted())) {
            st.interrupted = false;
            throw Trap.interrupted;
        }
        return st.pollInterval;
    }

    /**
     * The count went past the fuel limit (the loops add and compare inline): the fuel is now 0
     * and the run that asked for it does not start.
     */
    static TrapException outOfFuel(Store st) {
        st.instructions = st.fuelLimit;
        return Trap.outOfFuel;
    }

    /** Error before any Wasm runs: fuel needs metered code. */
    private static WasmException unmetered() {
        return new WasmException("fuel is set but the module was loaded without Loader.COUNT (metering)");
    }

    /** Error for an unknown instruction in either tier: cannot happen with code we emitted. */
    static RuntimeException corrupt(String what, int op) {
        return new RuntimeException(Msg.num(what, op));
    }
}
