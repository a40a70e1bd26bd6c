package io.wasmlet.bench;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;

/** wasmlet through its public API, as an embedder would call it. */
final class WasmletEngine implements Engine {
    private Store store;
    private Function run;
    private final long[] args = new long[1];

    @Override
    public void instantiate(byte[] wasm) {
        WasmModule module = Loader.load(wasm);
        store = new Store();
        Instance instance = store.instantiate(module, new Imports());
        run = instance.function("run");
        if (run == null) {
            throw new IllegalStateException("the module exports no function 'run'");
        }
    }

    @Override
    public int run(int n) {
        args[0] = n;
        return (int) store.invoke(run, args)[0];
    }
}
