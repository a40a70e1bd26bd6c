package io.wasmlet.jit;

/**
 * The JIT's knobs, in one place (Wizard's {@code Tuning}): thresholds and feature switches that
 * change speed and memory, never results. A board descriptor may set them
 * ({@code jit.threshold}, {@code jit.loop.weight}, {@code jit.fuse}, {@code jit.registers});
 * {@link Jit#tiered(Tuning)} takes them.
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

    /** The defaults. */
    public Tuning() {
    }
}
