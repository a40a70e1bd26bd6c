package io.wasmlet.wasi;

/**
 * How a {@link Directory} or {@link FileHandle} reports a failure: the WASI {@link Errno} the
 * call returns to the program. Created only on error paths.
 */
public class ErrnoException extends Exception {
    /** One of the {@link Errno} values, never {@link Errno#SUCCESS}. */
    public final int errno;

    /** A failure with WASI error code {@code errno} ({@link Errno}). */
    public ErrnoException(int errno) {
        super();
        this.errno = errno;
    }

    /** A failure with WASI error code {@code errno} and a message for logs. */
    public ErrnoException(int errno, String message) {
        super(message);
        this.errno = errno;
    }
}
