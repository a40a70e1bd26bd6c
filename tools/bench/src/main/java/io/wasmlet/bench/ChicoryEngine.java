package io.wasmlet.bench;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Chicory with its default machine, the interpreter ({@code InterpreterMachine}). */
final class ChicoryEngine implements Engine {
    private ExportFunction run;

    @Override
    public void instantiate(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Instance instance = Instance.builder(module).build();
        run = instance.export("run");
    }

    @Override
    public int run(int n) {
        return (int) run.apply(n)[0];
    }
}
