package io.wasmlet.exec;

/**
 * Dispatch counters for the counting build of tools/jopcount/run.sh only (never part of the
 * runtime: the script copies the sources, patches CompiledLoop.run's and Interpreter.run's
 * switches to call {@link #hit} and {@link #interp}, and compiles the copy elsewhere).
 */
public final class JopCounter {
    public static boolean on;
    public static final long[] single = new long[256];
    public static final long[] pairs = new long[256 * 256];
    public static final int[] triples = new int[1 << 24];
    public static long interpDispatches;
    /** Interpreter dispatches per pre-decoded opcode (Interpreter.run's switch). */
    public static final long[] interpOps = new long[1024];
    private static int p1;
    private static int p2;

    private JopCounter() {
    }

    public static int hit(int op) {
        if (on) {
            single[op]++;
            pairs[p1 << 8 | op]++;
            triples[p2 << 16 | p1 << 8 | op]++;
            p2 = p1;
            p1 = op;
        }
        return op;
    }

    public static int interp(int op) {
        if (on) {
            interpDispatches++;
            interpOps[op & 1023]++;
            p1 = 255; // an interpreter stretch breaks the chain
            p2 = 255;
        }
        return op;
    }

    public static void reset() {
        java.util.Arrays.fill(single, 0);
        java.util.Arrays.fill(pairs, 0);
        java.util.Arrays.fill(triples, 0);
        interpDispatches = 0;
        java.util.Arrays.fill(interpOps, 0);
        p1 = 255;
        p2 = 255;
    }
}
