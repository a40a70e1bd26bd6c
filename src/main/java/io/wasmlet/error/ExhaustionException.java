package io.wasmlet.error;

/** A resource budget ran out while running: the call stack or the value stack. */
public class ExhaustionException extends WasmException {
    /** An exhaustion with the spec's wording in {@code message}. */
    public ExhaustionException(String message) {
        super(message);
    }
}
