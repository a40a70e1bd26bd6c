package io.wasmlet.jit;

import io.wasmlet.board.Board;

/**
 * The JIT's knobs, in one place (Wizard's {@code Tuning}): thresholds and feature switches that
 * change speed and memory, never results. A board descriptor may set them
 * ({@code jit.threshold}, {@code jit.loop.weight}, {@code jit.fuse}, {@code jit.registers},
 * {@code jit.fuse.addresses}, {@code jit.fuse.more}, {@code jit.inline.cache}, {@code jit.side.exits}, {@code jit.fuse.floats},
 * {@code jit.inline}, {@code jit.inline.max}):
 * {@link #of(Board)} reads them, and {@link Jit#store(Board)} uses that;
 * {@link Jit#tiered(Tuning)} takes any tuning.
 */
public final class Tuning {
    /** Calls plus weighted back-edges before a function is translated. */
    public int threshold = 1000;
    /** Back-edges between two polls; each poll charges this much to the function's trigger. */
    public int loopWeight = 1024;
    /** Fuse compares with the branch that follows them. */
    public boolean fuseBranches = true;
    /** Register-style operands: locals and constants read in place, results written in place. */
    public boolean registerOperands = true;
    /** Fold an {@code i32.add} of a constant that computes a load's address into the load (with register operands). */
    public boolean fuseAddresses = true;
    /**
     * The superinstructions chosen from dispatch counts (tools/jopcount; with register operands):
     * loads whose address is a slot plus a slot, a shift plus a constant or a mask plus a
     * constant, and an add of a constant fused with the compare-and-branch on its result.
     */
    public boolean fuseMore = true;
    /**
     * A guarded monomorphic inline cache at each call_indirect: while the table slot holds the
     * function it last called, compiled code calls its compiled entry directly.
     */
    public boolean inlineCache = true;
    /**
     * Chains of f32 / f64 arithmetic, each operator consuming the one before, in one template
     * that keeps the intermediate values as Java doubles (with register operands).
     */
    public boolean fuseFloats = true;
    /** Target changes after which a call_indirect site's inline cache gives up for good. */
    public int inlineCacheMisses = 8;
    /**
     * Side exits from the branch profile (code loaded with {@code Loader.PROFILE}): an
     * {@code if}'s then arm or the code after a {@code br_if} whose branch went the other way
     * at least this many times and never this way before translation is not translated but
     * left for the interpreter; 0: off.
     */
    public int sideExitMin = 64;
    /** Side exits a function may take before it is translated again without any. */
    public int sideExitLimit = 16;
    /**
     * Inline small leaves: a direct call of a function of the same module with no calls, no
     * loops (forward branches only) and no memory.grow, of at most {@link #inlineMaxOps}
     * operators, is translated as the callee's code on the callee's frame (its arguments'
     * slots), without the frame push and return (the call's checks, poll, fuel and backtrace
     * stay as they were).
     */
    public boolean inline = true;
    /** The most Wasm operators (the return not counted) of a callee {@link #inline} inlines. */
    public int inlineMaxOps = 24;

    /** The defaults. */
    public Tuning() {
    }

    /** The defaults, with what {@code board}'s descriptor sets ({@code jit.*} keys) in their place. */
    public static Tuning of(Board board) {
        Tuning t = new Tuning();
        if (board.jitThreshold >= 0) {
            t.threshold = board.jitThreshold;
        }
        if (board.jitLoopWeight >= 0) {
            t.loopWeight = board.jitLoopWeight;
        }
        if (board.jitFuse >= 0) {
            t.fuseBranches = board.jitFuse == 1;
        }
        if (board.jitRegisters >= 0) {
            t.registerOperands = board.jitRegisters == 1;
        }
        if (board.jitFuseAddresses >= 0) {
            t.fuseAddresses = board.jitFuseAddresses == 1;
        }
        if (board.jitFuseMore >= 0) {
            t.fuseMore = board.jitFuseMore == 1;
        }
        if (board.jitInlineCache >= 0) {
            t.inlineCache = board.jitInlineCache == 1;
        }
        if (board.jitSideExits >= 0) {
            t.sideExitMin = board.jitSideExits;
        }
        if (board.jitFuseFloats >= 0) {
            t.fuseFloats = board.jitFuseFloats == 1;
        }
        if (board.jitInline >= 0) {
            t.inline = board.jitInline == 1;
        }
        if (board.jitInlineMax >= 0) {
            t.inlineMaxOps = board.jitInlineMax;
        }
        return t;
    }
}
