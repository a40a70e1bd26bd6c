package io.wasmlet.error;

/**
 * A board descriptor is unusable: a key is missing, not a number, out of its allowed range, or
 * its arenas do not fit its heap; or a packaged board of that name does not exist. The message
 * names the key and what is allowed.
 */
public class BoardException extends WasmException {
    public BoardException(String message) {
        super(message);
    }
}
