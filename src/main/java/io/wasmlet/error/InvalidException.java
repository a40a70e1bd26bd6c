package io.wasmlet.error;

/** The module decoded but does not validate (type or index errors). */
public class InvalidException extends WasmException {
    /** A validation failure described by {@code message}. */
    public InvalidException(String message) {
        super(message);
    }
}
