package io.wasmlet.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Chicory with its runtime compiler ({@code com.dylibso.chicory:compiler}): every function is
 * translated to JVM bytecode when the instance is built (so "instantiate" includes that), then
 * HotSpot compiles the bytecode like any other Java code.
 */
final class ChicoryCompilerEngine implements Engine {
    private ExportFunction run;

    @Override
    public void instantiate(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Instance instance = Instance.builder(module).withMachineFactory(MachineFactoryCompiler::compile).build();
        run = instance.export("run");
    }

    @Override
    public int run(int n) {
        return (int) run.apply(n)[0];
    }
}
