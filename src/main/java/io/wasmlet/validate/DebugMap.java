package io.wasmlet.validate;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;

/**
 * Builds {@code Loader.DEBUG}'s map from pre-decoded code back to the module's bytes
 * ({@link ModuleData#debugDelta} and its companions). The function validator marks, before each
 * Wasm operator, the code position and the operator's byte offset ({@link #mark}); after a
 * function, {@link #function} walks the pre-decoded instructions it emitted and gives each the
 * byte offset of the operator whose emission it belongs to (the last marked at or before it).
 */
final class DebugMap {
    /** The current function's marks: pairs of (code position, byte offset). */
    private final IntList marks = new IntList();
    private final IntList base = new IntList();
    private final IntList index = new IntList();
    private final IntList wide = new IntList();
    private byte[] delta = new byte[256];
    private int n;

    /** Before operator at byte {@code at}: the code it emits starts at {@code pc}. */
    void mark(int pc, int at) {
        int k = marks.size();
        if (k > 0 && marks.get(k - 2) == pc) {
            marks.set(k - 1, at); // the operator before emitted nothing
        } else {
            marks.add(pc);
            marks.add(at);
        }
    }

    /** The function whose header is at {@code entry} and whose code ends at {@code end} is done. */
    void function(CodeBuffer out, int entry, int end) {
        int k = 0;
        int nm = marks.size();
        int at = nm > 0 ? marks.get(1) : 0;
        base.add(at);
        index.add(n);
        int prev = at;
        for (int pc = entry + Layout.HEADER_SIZE; pc < end; ) {
            while (k + 2 < nm && marks.get(k + 2) <= pc) {
                k += 2;
            }
            at = marks.get(k + 1);
            int d = at - prev;
            prev = at;
            if (d >= 0xFF) {
                wide.add(n);
                wide.add(d);
                d = 0xFF;
            }
            if (n == delta.length) {
                byte[] b = new byte[n * 2];
                System.arraycopy(delta, 0, b, 0, n);
                delta = b;
            }
            delta[n++] = (byte) d;
            int op = out.get(pc);
            int s = Op.size(op);
            pc += s == Op.VARIABLE ? 2 + (out.get(pc + 1) + 1) * Layout.BR_RECORD : s;
        }
        marks.clear();
    }

    /** Stores the map into {@code m}. */
    void finish(ModuleData m) {
        m.debugBase = toArray(base);
        m.debugIndex = toArray(index);
        m.debugWide = toArray(wide);
        m.debugDelta = new byte[n];
        System.arraycopy(delta, 0, m.debugDelta, 0, n);
    }

    private static int[] toArray(IntList l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
