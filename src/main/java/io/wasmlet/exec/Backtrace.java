package io.wasmlet.exec;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.code.Jop;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.TrapException;

/**
 * The Wasm frames of the last trap or exhaustion, innermost first: a store's preallocated
 * buffer, filled while the trap unwinds (the trap objects are shared singletons, so the frames
 * cannot live in them). Recording allocates nothing; only {@link #format} does.
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
 * {@code frame[2i]} the function index in its module, {@code frame[2i + 1]} the interpreter pc of
 * the instruction (its first int), or -1 for a frame in compiled code (the translator keeps no
 * map back: the function is known, the offset is not), and {@code inst[i]} the instance.
 */
final class Backtrace {
    /** Frames kept at most (the innermost); {@link #total} counts them all. */
    static final int MAX_FRAMES = 64;

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
        for (int i = 0; i < depth; i++) {
            inst[i] = null;
        }
        depth = 0;
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
            boolean pushed = compiled ? ret == ~pc : ret == pc || ret == pc + 1;
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
            Instance caller = (Instance) st.frameInst[k >> 1];
            if (ret >= 0) {
                bt.add(st, caller, ret, false);
            } else {
                bt.add(st, caller, ~ret, true);
            }
        }
        bt.cause = e;
        bt.base = baseFsp;
        return e;
    }

    /** True when {@code pc} ends a call instruction: where a host function was called. */
    private static boolean isHostCallEnd(Store st, Instance in, int pc, boolean compiled) {
        if (compiled) {
            int[] c = st.cache;
            return pc >= 3 && c[pc - 3] == Jop.CALL || pc >= 5 && c[pc - 5] == Jop.CALL_INDIRECT;
        }
        int[] code = in.code;
        int at = instructionAt(in, pc);
        return (code[at] == Op.CALL || code[at] == Op.CALL_INDIRECT) && at + Layout.instructionSize(code, at) == pc;
    }

    private void add(Store st, Instance in, int pc, boolean compiled) {
        total++;
        int n = depth;
        if (n == inst.length) {
            return;
        }
        int func;
        int at;
        if (compiled) {
            func = in.code[st.cache[functionAt(st.cache, in, pc) + CompileJob.M_HEADER] + Layout.H_FUNC_INDEX];
            at = -1;
        } else {
            at = instructionAt(in, pc);
            func = in.code[in.data.funcEntry[Engine.definedAt(in, at)] + Layout.H_FUNC_INDEX];
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
        }
        return best;
    }

    /**
     * The first pc of the interpreter instruction the loop was executing with {@code pc}: the
     * loops advance pc past the opcode (and some immediates) before an instruction can fault,
     * and a return pc follows its call, so it is the instruction holding {@code pc - 1}.
     */
    static int instructionAt(Instance in, int pc) {
        int[] code = in.code;
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

    /** Offset of frame {@code i}'s instruction in the pre-decoded code of its function (ints), or -1 (compiled). */
    int codeOffset(int i) {
        int at = frame[2 * i + 1];
        if (at < 0) {
            return -1;
        }
        ModuleData m = ((Instance) inst[i]).data;
        return at - (m.funcEntry[frame[2 * i] - m.numImportedFuncs] + Layout.HEADER_SIZE);
    }

    /**
     * Byte offset in the module's file of frame {@code i}'s instruction, as wasmtime reports it,
     * or -1: a frame in compiled code, or a module loaded without {@code Loader.DEBUG}.
     */
    int byteOffset(int i) {
        int at = frame[2 * i + 1];
        Instance in = (Instance) inst[i];
        ModuleData m = in.data;
        if (at < 0 || m.debugBase == null) {
            return -1;
        }
        int def = frame[2 * i] - m.numImportedFuncs;
        int[] code = in.code;
        int q = m.funcEntry[def] + Layout.HEADER_SIZE;
        int idx = m.debugIndex[def];
        int b = m.debugBase[def];
        while (true) {
            b += delta(m, idx);
            if (q >= at) {
                return b;
            }
            q += Layout.instructionSize(code, q);
            idx++;
        }
    }

    /** The byte delta of pre-decoded instruction {@code idx} from the one before it in its function. */
    private static int delta(ModuleData m, int idx) {
        int d = m.debugDelta[idx] & 0xFF;
        if (d != 0xFF) {
            return d;
        }
        int[] w = m.debugWide;
        int lo = 0;
        int hi = w.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = w[2 * mid];
            if (k == idx) {
                return w[2 * mid + 1];
            }
            if (k < idx) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0; // cannot happen: every escape has its entry
    }

    /**
     * Appends the backtrace as wasmtime prints it: one line per frame,
     * {@code "    0: 0x1a - name"}, where the offset is the byte offset in the module's file
     * ({@code Loader.DEBUG}), else {@code pc+N} (the instruction's index in the function's
     * pre-decoded ints, not a byte offset), or {@code ?} in compiled code, and the name is the
     * name section's ({@code Loader.NAMES}) or {@code wasm-function[N]}.
     */
    void format(StringBuffer out) {
        for (int i = 0; i < depth; i++) {
            String n = Integer.toString(i);
            pad(out, n.length(), 5);
            out.append(n).append(": ");
            int b = byteOffset(i);
            int c = codeOffset(i);
            String num = b >= 0 ? Integer.toHexString(b) : c >= 0 ? Integer.toString(c) : "?";
            String prefix = b >= 0 ? "0x" : c >= 0 ? "pc+" : "";
            pad(out, prefix.length() + num.length(), 6);
            out.append(prefix).append(num).append(" - ");
            int func = frame[2 * i];
            String name = ((Instance) inst[i]).module.functionName(func);
            if (name != null) {
                out.append(name);
            } else {
                out.append("wasm-function[").append(func).append(']');
            }
            out.append('\n');
        }
        if (total > depth) {
            out.append("    ... ").append(total - depth).append(" more frames\n");
        }
    }

    private static void pad(StringBuffer out, int length, int width) {
        for (int p = length; p < width; p++) {
            out.append(' ');
        }
    }
}
