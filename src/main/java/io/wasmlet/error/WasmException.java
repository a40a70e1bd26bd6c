package io.wasmlet.error;

/**
 * Base of every failure the runtime reports. Each subclass is one failure kind of the
 * WebAssembly specification, so an embedder (and the spec harness) can tell them apart by type.
 */
public class WasmException extends RuntimeException {
    /** A failure described by {@code message}. */
    public WasmException(String message) {
        super(message);
    }
}
