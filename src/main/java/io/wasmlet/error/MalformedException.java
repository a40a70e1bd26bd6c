package io.wasmlet.error;

/** The binary is not a well-formed WebAssembly module (decoding failed). */
public class MalformedException extends WasmException {
    /** A decoding failure described by {@code message}. */
    public MalformedException(String message) {
        super(message);
    }
}
