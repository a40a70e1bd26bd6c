package io.wasmlet.error;

/** The binary is not a well-formed WebAssembly module (decoding failed). */
public class MalformedException extends WasmException {
    public MalformedException(String message) {
        super(message);
    }
}
