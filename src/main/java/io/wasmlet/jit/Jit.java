package io.wasmlet.jit;

import io.wasmlet.board.Board;
import io.wasmlet.exec.CompileJob;
import io.wasmlet.exec.Compiler;
import io.wasmlet.error.Msg;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Store;

/**
 * The JIT tier. On a JVM that cannot load native code or new classes, "just-in-time compiling"
 * here means translating a hot function from the interpreter's pre-decoded stack code into
 * register-style superinstructions ({@link io.wasmlet.code.Jop}) in the store's preallocated code
 * cache, which a second, leaner loop runs ({@code io.wasmlet.exec.CompiledLoop}): fewer
 * dispatches and far fewer Java bytecodes per Wasm instruction, no machine code.
 *
 * <p>Modes: {@link #tiered()} interprets first and translates a function when its profile
 * counter (calls plus loop back-edges) runs out, entering compiled code at the next call or at
 * the loop header it is spinning in (on-stack replacement); {@link #eager()} translates every
 * function at instantiation. A full code cache leaves the rest interpreted; a call never fails
 * for want of cache.
 */
public final class Jit extends Compiler {
    private final Tuning tuning;
    private final Translator translator;

    private Jit(boolean eager, Tuning tuning) {
        super(eager);
        this.tuning = tuning;
        this.translator = new Translator(tuning.registerOperands, tuning.fuseBranches, tuning.fuseAddresses,
                tuning.fuseMore, tuning.inlineCache, tuning.fuseFloats);
        translator.sideExitMin = tuning.sideExitMin;
        translator.inlineMax = tuning.inline ? tuning.inlineMaxOps : 0;
    }

    /** Tier-up on profile counters, with the default {@link Tuning}. */
    public static Jit tiered() {
        return new Jit(false, new Tuning());
    }

    /** Tier-up on profile counters with the given tuning. */
    public static Jit tiered(Tuning tuning) {
        return new Jit(false, tuning);
    }

    /** Translate every function before its first call. */
    public static Jit eager() {
        return new Jit(true, new Tuning());
    }

    /** Eager, with the given tuning (its thresholds are unused). */
    public static Jit eager(Tuning tuning) {
        return new Jit(true, tuning);
    }

    /**
     * A store on {@code board} in tiered mode, tuned as the board's descriptor says
     * ({@link Tuning#of(Board)}): the usual way to run code fast.
     */
    public static Store store(Board board) {
        return new Store(board, tiered(Tuning.of(board)));
    }

    /**
     * The store for a mode name: {@code interp}, {@code tiered} or {@code eager} (tuned as the
     * board's descriptor says).
     *
     * @throws WasmException for any other name
     */
    public static Store store(Board board, String mode) {
        if (mode.equals("interp")) {
            return new Store(board);
        }
        if (mode.equals("tiered")) {
            return new Store(board, tiered(Tuning.of(board)));
        }
        if (mode.equals("eager")) {
            return new Store(board, eager(Tuning.of(board)));
        }
        throw new WasmException(Msg.cat("unknown execution mode \"", mode, "\": interp, tiered or eager"));
    }

    /** Calls the translator inlined so far ({@link Tuning#inline}; for tests and reports). */
    int inlined() {
        return translator.inlined;
    }

    protected int callThreshold() {
        return tuning.threshold;
    }

    protected int loopWeight() {
        return tuning.loopWeight;
    }

    protected int inlineCacheMisses() {
        return tuning.inlineCacheMisses;
    }

    protected int sideExitLimit() {
        return tuning.sideExitLimit;
    }

    protected void reserve(int codeUnits, int maxHeight, int maxTargets) {
        translator.reserve(codeUnits, maxHeight, maxTargets);
    }

    protected int translate(CompileJob job) {
        return translator.translate(job);
    }
}
