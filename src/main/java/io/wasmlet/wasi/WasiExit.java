package io.wasmlet.wasi;

import io.wasmlet.error.Msg;
import io.wasmlet.error.WasmException;

/**
 * Thrown by {@code proc_exit}: the program asked to stop with an exit code. It unwinds the Wasm
 * stack like a trap ({@link io.wasmlet.exec.Store#invoke} restores its stacks on the way out), but
 * it is not a failure: {@link WasiPreview1#start} turns it into the code it returns.
 */
public class WasiExit extends WasmException {
    /** The exit code the program passed to {@code proc_exit} (an unsigned 32-bit value as an int). */
    public final int code;

    /** The program called {@code proc_exit(code)}. */
    public WasiExit(int code) {
        super(Msg.num("exit with code ", code & 0xFFFFFFFFL));
        this.code = code;
    }
}
