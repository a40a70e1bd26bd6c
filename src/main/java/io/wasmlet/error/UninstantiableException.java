package io.wasmlet.error;

/** Instantiation failed after linking: a segment did not fit or the start function trapped. */
public class UninstantiableException extends WasmException {
    /** An instantiation failure described by {@code message}. */
    public UninstantiableException(String message) {
        super(message);
    }
}
