package io.wasmlet.wasi;

/**
 * An open regular file of a {@link Directory}. Reads and writes are positioned: the WASI layer
 * keeps each descriptor's offset itself, so {@code fd_seek}, {@code fd_tell}, {@code fd_pread}
 * and {@code fd_pwrite} need nothing more from the implementation. The byte arrays passed in
 * are usually the module's linear memory itself, so data moves without an intermediate copy.
 */
public interface FileHandle {
    /**
     * Reads up to {@code len} bytes at {@code position} into {@code buf[off..]}.
     *
     * @return the bytes read; 0 at or past the end of the file
     */
    int read(long position, byte[] buf, int off, int len) throws ErrnoException;

    /** Writes all {@code len} bytes of {@code buf[off..]} at {@code position}, growing the file as needed. */
    void write(long position, byte[] buf, int off, int len) throws ErrnoException;

    /** The current size in bytes. */
    long size() throws ErrnoException;

    /** Truncates or extends (with zeros) the file to {@code size} bytes. */
    void setSize(long size) throws ErrnoException;

    /** Forces written data to storage. */
    void sync() throws ErrnoException;

    /** Fills {@code out} (cleared first by the caller) with the file's attributes. */
    void stat(FileStat out) throws ErrnoException;

    /** Releases the file; the handle is not used afterwards. */
    void close() throws ErrnoException;
}
