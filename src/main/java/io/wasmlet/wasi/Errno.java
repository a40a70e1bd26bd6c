package io.wasmlet.wasi;

/**
 * The WASI preview1 error numbers this implementation returns (the full list is in the WASI
 * {@code errno} enumeration; wasi-libc turns each into the POSIX {@code errno} of that name).
 * Every WASI call returns one of these as its i32 result, {@link #SUCCESS} when it worked.
 */
public final class Errno {
    /** No error. */
    public static final int SUCCESS = 0;
    /** Argument list too long. */
    public static final int TOOBIG = 1;
    /** Permission denied (the host refused the access). */
    public static final int ACCES = 2;
    /** Bad file descriptor: not open, or not open for this operation. */
    public static final int BADF = 8;
    /** The file exists (exclusive create, or mkdir over an existing name). */
    public static final int EXIST = 20;
    /** A pointer and length reach outside the linear memory. */
    public static final int FAULT = 21;
    /** File too large. */
    public static final int FBIG = 22;
    /** Illegal byte sequence: a path that is not valid UTF-8. */
    public static final int ILSEQ = 25;
    /** Invalid argument. */
    public static final int INVAL = 28;
    /** An I/O error of the host. */
    public static final int IO = 29;
    /** Is a directory. */
    public static final int ISDIR = 31;
    /** Too many levels of symbolic links. */
    public static final int LOOP = 32;
    /** Too many open files. */
    public static final int MFILE = 33;
    /** File name too long. */
    public static final int NAMETOOLONG = 37;
    /** No such file or directory. */
    public static final int NOENT = 44;
    /** Not enough space. */
    public static final int NOMEM = 48;
    /** No space left on device. */
    public static final int NOSPC = 51;
    /** Function not supported by this host. */
    public static final int NOSYS = 52;
    /** Not a directory. */
    public static final int NOTDIR = 54;
    /** Directory not empty. */
    public static final int NOTEMPTY = 55;
    /** Not supported. */
    public static final int NOTSUP = 58;
    /** Value too large for its data type. */
    public static final int OVERFLOW = 61;
    /** Operation not permitted. */
    public static final int PERM = 63;
    /** Broken pipe: the reader of a stream has gone. */
    public static final int PIPE = 64;
    /** Read-only file system. */
    public static final int ROFS = 69;
    /** Invalid seek: the descriptor is a stream. */
    public static final int SPIPE = 70;
    /** Cross-device link: a rename between two preopened directories. */
    public static final int XDEV = 75;
    /** Capabilities insufficient: a path that leaves its preopened directory. */
    public static final int NOTCAPABLE = 76;

    private Errno() {
    }
}
