package io.wasmlet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedding APIs side by side on one task: a host function that reads a UTF-8 string from
 * the guest's memory and returns its length, called N times by the guest
 * (tests/host/strlen.wasm: run(n) makes n calls and returns 14 * n). Prints, per runtime, the
 * bytes the thread allocated per host call after warm-up and the time per call. The code
 * between the "task" markers is what the README counts as the lines each API needs.
 *
 * <pre>
 * tools/bench/run.sh builds the harness; then:
 * java -cp tools/bench/target/classes:target/wasmlet.jar:tools/bench/target/lib/* \
 *     io.wasmlet.bench.HostCallComparison tests/host/strlen.wasm 1000000
 * </pre>
 */
public final class HostCallComparison {
    private HostCallComparison() {
    }

    interface Runner {
        long run(int n);
    }

    public static void main(String[] args) throws Exception {
        byte[] wasm = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "tests/host/strlen.wasm"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        report("wasmlet", wasmlet(wasm), n);
        report("chicory", chicory(wasm), n);
    }

    static void report(String name, Runner r, int n) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) {
            check(r.run(n / 10), n / 10); // warm-up
        }
        long bytes0 = bean.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        check(r.run(n), n);
        long nanos = System.nanoTime() - t0;
        long bytes = bean.getCurrentThreadAllocatedBytes() - bytes0;
        System.out.printf("%-8s %,d host calls: %.1f bytes allocated per call, %.1f ns per call%n",
                name, n, bytes / (double) n, nanos / (double) n);
    }

    static void check(long got, int n) {
        if (got != 14L * n) {
            throw new AssertionError("expected " + 14L * n + ", got " + got);
        }
    }

    static Runner wasmlet(byte[] wasm) {
        // ---- task: wasmlet ----
        io.wasmlet.binary.WasmModule module = io.wasmlet.validate.Loader.load(wasm);
        io.wasmlet.exec.Imports imports = new io.wasmlet.exec.Imports();
        byte i32 = io.wasmlet.binary.ValType.I32;
        char[] chars = new char[256];
        imports.add("env", "length", new io.wasmlet.exec.Function(
                new io.wasmlet.binary.FuncType(new byte[] {i32, i32}, new byte[] {i32}),
                (caller, stack, base) -> stack[base] =
                        caller.memory().readUtf8((int) stack[base], (int) stack[base + 1], chars, 0)));
        io.wasmlet.exec.Store store = new io.wasmlet.exec.Store();
        io.wasmlet.exec.Function run = store.instantiate(module, imports).function("run");
        long[] in = new long[1];
        long[] out = new long[1];
        // ---- end ----
        return count -> {
            in[0] = count;
            store.invoke(run, in, out);
            return (int) out[0];
        };
    }

    static Runner chicory(byte[] wasm) {
        // ---- task: chicory ----
        var length = new com.dylibso.chicory.runtime.HostFunction("env", "length",
                com.dylibso.chicory.wasm.types.FunctionType.of(
                        List.of(com.dylibso.chicory.wasm.types.ValType.I32, com.dylibso.chicory.wasm.types.ValType.I32),
                        List.of(com.dylibso.chicory.wasm.types.ValType.I32)),
                (instance, a) -> new long[] {instance.memory().readString((int) a[0], (int) a[1]).length()});
        var instance = com.dylibso.chicory.runtime.Instance.builder(com.dylibso.chicory.wasm.Parser.parse(wasm))
                .withImportValues(com.dylibso.chicory.runtime.ImportValues.builder().addFunction(length).build())
                .build();
        var run = instance.export("run");
        // ---- end ----
        return count -> (int) run.apply(count)[0];
    }
}
