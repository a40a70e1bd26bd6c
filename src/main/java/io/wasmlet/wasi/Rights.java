package io.wasmlet.wasi;

/**
 * WASI rights bits as {@code fd_fdstat_get} reports them. Rights are reported, not enforced:
 * what a descriptor may do is decided by what it is (a stream, a directory, a file opened for
 * reading or writing). wasi-libc reads them back: a directory's inheriting rights bound what
 * {@code path_open} asks for, and a character device without {@link #FD_SEEK} and
 * {@link #FD_TELL} is what {@code isatty} recognises as a terminal.
 */
final class Rights {
    static final long FD_DATASYNC = 1L << 0;
    static final long FD_READ = 1L << 1;
    static final long FD_SEEK = 1L << 2;
    static final long FD_FDSTAT_SET_FLAGS = 1L << 3;
    static final long FD_SYNC = 1L << 4;
    static final long FD_TELL = 1L << 5;
    static final long FD_WRITE = 1L << 6;
    static final long FD_ADVISE = 1L << 7;
    static final long FD_ALLOCATE = 1L << 8;
    static final long FD_READDIR = 1L << 14;
    static final long FD_FILESTAT_GET = 1L << 21;
    static final long FD_FILESTAT_SET_SIZE = 1L << 22;
    static final long FD_FILESTAT_SET_TIMES = 1L << 23;
    static final long POLL_FD_READWRITE = 1L << 27;
    static final long SOCK_SHUTDOWN = 1L << 28;
    static final long SOCK_ACCEPT = 1L << 29;
    /** Every right preview1 defines. */
    static final long ALL = (1L << 30) - 1;

    /** A regular file, before {@link #FD_READ} / {@link #FD_WRITE} are added as opened. */
    static final long FILE = FD_DATASYNC | FD_SEEK | FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_TELL | FD_ADVISE
            | FD_ALLOCATE | FD_FILESTAT_GET | FD_FILESTAT_SET_SIZE | FD_FILESTAT_SET_TIMES | POLL_FD_READWRITE;
    /** A directory: everything but data access, seeking and sockets. */
    static final long DIRECTORY = ALL & ~(FD_READ | FD_WRITE | FD_SEEK | FD_TELL | FD_ADVISE | FD_ALLOCATE
            | FD_FILESTAT_SET_SIZE | SOCK_SHUTDOWN | SOCK_ACCEPT);
    /** What a directory passes on to what is opened below it. */
    static final long INHERITING = DIRECTORY | FILE | FD_READ | FD_WRITE;
    /** Standard input: a terminal-like character device (no seek or tell). */
    static final long STDIN = FD_READ | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET | POLL_FD_READWRITE;
    /** Standard output and error: a terminal-like character device (no seek or tell). */
    static final long STDOUT = FD_WRITE | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET | POLL_FD_READWRITE;

    private Rights() {
    }
}
