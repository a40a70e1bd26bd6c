package io.wasmlet.bench;

import java.util.List;
import java.util.function.Supplier;

/**
 * Every runtime the benchmark compares, one row each. To add one (say a new wasmlet tier), add
 * a row to {@link #ALL}: an in-JVM runtime needs an {@link Engine}; the driver, the report and
 * the chart pick it up from here. Subjects are the runtimes under test: the report gives the
 * ratio of each subject to each reference.
 */
final class Runtimes {
    private Runtimes() {
    }

    /** How a runtime's child process is started. */
    enum Kind {
        /** a JVM running {@link Runner} with this runtime's {@link Engine} (gets -Xint in that mode) */
        JVM,
        /** the gcc -O2 binary of the workload, target/workloads/native/NAME */
        NATIVE,
        /** node running src/main/js/runner.mjs (V8; the same n as the JVMs) */
        NODE
    }

    /** Whether the report divides by a runtime (REFERENCE) or divides it by the others (SUBJECT). */
    enum Role {
        SUBJECT,
        REFERENCE
    }

    /** One runtime: name (also the column and file label), how to run it, what it is. */
    record Runtime(String name, Kind kind, Role role, Supplier<Engine> engine, String description) {
    }

    static final List<Runtime> ALL = List.of(
            new Runtime("wasmlet", Kind.JVM, Role.SUBJECT, () -> new WasmletEngine("interp"),
                    "wasmlet interpreter only (--mode interp)"),
            new Runtime("wasmlet-tiered", Kind.JVM, Role.SUBJECT, () -> new WasmletEngine("tiered"),
                    "wasmlet tiered: interpreter, then hot functions in the JIT tier's code cache (the default)"),
            new Runtime("wasmlet-eager", Kind.JVM, Role.SUBJECT, () -> new WasmletEngine("eager"),
                    "wasmlet eager: every function translated at instantiation"),
            new Runtime("chicory", Kind.JVM, Role.REFERENCE, ChicoryEngine::new,
                    "Chicory 1.7.5 interpreter (com.dylibso.chicory:runtime)"),
            new Runtime("chicory-compiler", Kind.JVM, Role.REFERENCE, ChicoryCompilerEngine::new,
                    "Chicory 1.7.5 runtime compiler, Wasm to JVM bytecode at instantiation (com.dylibso.chicory:compiler)"),
            new Runtime("native", Kind.NATIVE, Role.REFERENCE, null, "gcc -O2, x86-64 native code"),
            new Runtime("node", Kind.NODE, Role.REFERENCE, null, "Node.js (V8: Liftoff, then TurboFan)"));

    static Runtime byName(String name) {
        for (Runtime r : ALL) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + name + "'; known: "
                + ALL.stream().map(Runtime::name).toList());
    }
}
