package io.wasmlet.error;

/**
 * The module does not fit the board: instantiation would need more memory, table entries,
 * value stack or heap than the board descriptor allows. Raised before anything is allocated;
 * the message names what the module needs and what the board allows. Also raised by
 * {@code Loader.load(InputStream, int, int)} when the module's bytes exceed the given limit.
 */
public class ResourceLimitException extends UninstantiableException {
    /** A board budget exceeded, described by {@code message}. */
    public ResourceLimitException(String message) {
        super(message);
    }
}
