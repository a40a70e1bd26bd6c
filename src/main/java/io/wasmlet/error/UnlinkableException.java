package io.wasmlet.error;

/** An import could not be resolved or does not match its declared type. */
public class UnlinkableException extends WasmException {
    public UnlinkableException(String message) {
        super(message);
    }
}
