package io.wasmlet.desktop;

import io.wasmlet.exec.Backtrace;

/**
 * The text of a trap's backtrace ({@link io.wasmlet.exec.Store#backtrace()}) as wasmtime prints
 * it: one line per frame, innermost first, {@code "    0:   0x1a - name"}. The offset is the
 * instruction's byte offset in the module's file ({@code Loader.DEBUG}), else {@code pc+N} (its
 * position in the function's pre-decoded code, in ints: not a byte offset), the same for a frame
 * in compiled code, or {@code ?} if unknown; the name is the name section's ({@code Loader.NAMES}) or
 * {@code wasm-function[N]}. Frames beyond the buffer end it with {@code "    ... N more frames"}.
 */
public final class Backtraces {
    private Backtraces() {
    }

    /** The lines of {@code bt}, each ending in a newline; empty when it has no frames. */
    public static String format(Backtrace bt) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bt.depth(); i++) {
            int b = bt.offset(i);
            int c = bt.codeOffset(i);
            String offset = b >= 0 ? "0x" + Integer.toHexString(b) : c >= 0 ? "pc+" + c : "?";
            int func = bt.function(i);
            String name = bt.instance(i).module().functionName(func);
            out.append(String.format("%5d: %6s - %s\n", i, offset, name != null ? name : "wasm-function[" + func + "]"));
        }
        if (bt.total() > bt.depth()) {
            out.append("    ... ").append(bt.total() - bt.depth()).append(" more frames\n");
        }
        return out.toString();
    }
}
