package io.wasmlet.error;

/**
 * A WebAssembly trap. The runtime throws only the preallocated instances in {@link Trap}, so a
 * trap allocates nothing; the message is the specification's wording for the reason.
 */
public class TrapException extends WasmException {
    /** One of the {@link Trap} reason codes. */
    public final int reason;

    public TrapException(int reason, String message) {
        super(message);
        this.reason = reason;
    }
}
