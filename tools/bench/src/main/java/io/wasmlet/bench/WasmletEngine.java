package io.wasmlet.bench;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.board.Board;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;

/** wasmlet through its public API, as an embedder would call it, in one execution mode. */
final class WasmletEngine implements Engine {
    private final String mode;
    private Store store;
    private Function run;
    private final long[] args = new long[1];
    private final long[] results = new long[1];

    /** {@code interp}, {@code tiered} or {@code eager} ({@link Jit#store(Board, String)}). */
    WasmletEngine(String mode) {
        this.mode = mode;
    }

    @Override
    public void instantiate(byte[] wasm) {
        WasmModule module = Loader.load(wasm);
        store = Jit.store(Board.desktop(), mode);
        Instance instance = store.instantiate(module, new Imports());
        run = instance.function("run");
        if (run == null) {
            throw new IllegalStateException("the module exports no function 'run'");
        }
    }

    @Override
    public int run(int n) {
        args[0] = n;
        store.invoke(run, args, results);
        return (int) results[0];
    }
}
