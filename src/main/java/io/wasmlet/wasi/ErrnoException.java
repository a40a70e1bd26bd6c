package io.wasmlet.wasi;

/**
 * How a {@link Directory} or {@link FileHandle} reports a failure: the WASI {@link Errno} the
 * call returns to the program. Created only on error paths.
 */
public class ErrnoException extends Exception {
    /** One of the {@link Errno} values, never {@link Errno#SUCCESS}. */
    public final int errno;

    public ErrnoException(int errno) {
        super();
        this.errno = errno;
    }

    public ErrnoException(int errno, String message) {
        super(message);
        this.errno = errno;
    }
}
