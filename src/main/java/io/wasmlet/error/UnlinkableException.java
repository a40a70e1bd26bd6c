package io.wasmlet.error;

/** An import could not be resolved or does not match its declared type. */
public class UnlinkableException extends WasmException {
    /** A link failure described by {@code message}. */
    public UnlinkableException(String message) {
        super(message);
    }
}
