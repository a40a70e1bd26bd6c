package io.wasmlet.wasi;

/**
 * What a {@link Directory} reports about a file or directory: the fields of WASI's
 * {@code filestat}. The WASI layer owns one instance and lets the file system fill it in, so a
 * stat allocates nothing. Times are nanoseconds since 1970-01-01 UTC, 0 when unknown.
 */
public final class FileStat {
    /** File type unknown (e.g. a device the file system does not describe). */
    public static final int UNKNOWN = 0;
    /** File type: a character device (the standard streams). */
    public static final int CHARACTER_DEVICE = 2;
    /** File type: a directory. */
    public static final int DIRECTORY = 3;
    /** File type: a regular file. */
    public static final int REGULAR_FILE = 4;
    /** File type: a symbolic link. */
    public static final int SYMBOLIC_LINK = 7;

    /** Device id. */
    public long device;
    /** File serial number (inode). */
    public long inode;
    /** One of the type constants above. */
    public int filetype;
    /** Number of hard links. */
    public long links;
    /** Size in bytes. */
    public long size;
    /** Last access, nanoseconds since the epoch. */
    public long accessTime;
    /** Last data modification, nanoseconds since the epoch. */
    public long modifyTime;
    /** Last status change, nanoseconds since the epoch. */
    public long changeTime;

    /** Resets every field to 0 (type {@link #UNKNOWN}, one link). */
    public void clear() {
        device = 0;
        inode = 0;
        filetype = UNKNOWN;
        links = 1;
        size = 0;
        accessTime = 0;
        modifyTime = 0;
        changeTime = 0;
    }
}
