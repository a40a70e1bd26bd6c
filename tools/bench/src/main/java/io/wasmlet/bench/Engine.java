package io.wasmlet.bench;

/**
 * One WebAssembly runtime that runs inside the benchmark's child JVM ({@link Runner}). An engine
 * holds at most one instance: {@link #instantiate} then any number of {@link #run} calls.
 */
interface Engine {
    /** Decodes, validates and instantiates {@code wasm} (everything "instantiate" times). */
    void instantiate(byte[] wasm);

    /** Calls the module's export {@code run(n)} and returns its i32 result. */
    int run(int n);
}
