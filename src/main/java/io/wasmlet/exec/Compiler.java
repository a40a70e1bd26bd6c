package io.wasmlet.exec;

/**
 * The hook through which a JIT tier plugs into execution (Wizard's {@code ExecutionStrategy}):
 * {@code exec} counts, decides when a trigger fires, runs translated code and switches tiers;
 * the implementation ({@code io.wasmlet.jit.Jit}) only translates, from the interpreter's
 * pre-decoded code into the store's code cache. {@code exec} never depends on the JIT package.
 *
 * <p>Implementations must not allocate in {@link #translate}: its work buffers are sized by
 * {@link #reserve} at instantiation.
 */
public abstract class Compiler {
    /** Translate every function at instantiation, before its first call. */
    final boolean eager;

    protected Compiler(boolean eager) {
        this.eager = eager;
    }

    /** The start value of a function's tier-up trigger: calls plus weighted loop back-edges. */
    protected abstract int callThreshold();

    /**
     * Back-edges between two polls; each poll charges this much to the looping function's
     * trigger (and checks for interruption).
     */
    protected abstract int loopWeight();

    /**
     * Target changes after which a call_indirect site's inline cache gives up (the site then
     * always takes the generic call); the JIT's {@code Tuning.inlineCacheMisses}.
     */
    protected int inlineCacheMisses() {
        return 0;
    }

    /** Side exits a translated function may take before it is translated again without side exits. */
    protected int sideExitLimit() {
        return Integer.MAX_VALUE;
    }

    /**
     * Grows the translator's work buffers for functions of up to {@code codeUnits} pre-decoded
     * units, {@code maxHeight} value-stack slots and {@code maxTargets} branch targets.
     */
    protected abstract void reserve(int codeUnits, int maxHeight, int maxTargets);

    /**
     * Translates {@code job}'s function into the cache from {@link CompileJob#top} up to
     * {@link CompileJob#limit}; sets {@link CompileJob#top} past what it wrote and returns the
     * entry pc, or returns -1 (nothing written: the function stays interpreted).
     */
    protected abstract int translate(CompileJob job);
}
