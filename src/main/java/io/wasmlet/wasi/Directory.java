package io.wasmlet.wasi;

/**
 * An open directory of the storage behind a preopen: what a board port implements over its own
 * flash or SD card, and what the desktop implements with {@code java.nio}'s
 * {@code SecureDirectoryStream} (an {@code openat}-style handle).
 *
 * <p>A directory is a handle, not a path: once opened it stays the same directory even if it is
 * renamed or its path is replaced. Every name handed to these methods is one path component
 * (never empty, never containing {@code /}, never {@code ..}); {@code "."} names this directory
 * itself where a method says so. The WASI layer walks a program's path one component at a
 * time from the descriptor's directory ({@link PathWalk}): it applies {@code ..} itself, reads
 * symbolic links with {@link #readLink} and follows them only while they stay beneath the
 * descriptor. So no method here ever follows a symbolic link: a link as {@code name} is the
 * link itself. A storage without links never reports {@link FileStat#SYMBOLIC_LINK}.
 *
 * <p>A storage that can only address files by path (no handles) implements this with the
 * directory's path kept in the object; it then loses only the rename guarantee above.
 *
 * <p>Failures are reported as {@link ErrnoException} carrying the WASI error number, e.g.
 * {@link Errno#NOENT}, {@link Errno#EXIST}, {@link Errno#NOTDIR}, {@link Errno#ISDIR},
 * {@link Errno#LOOP} (a link where none may be), {@link Errno#NOTEMPTY}, {@link Errno#ACCES}
 * or {@link Errno#IO}.
 */
public interface Directory {
    /** {@link #openFile} flag: create the file if it does not exist. */
    int CREATE = 1;
    /** {@link #openFile} flag, with {@link #CREATE}: fail with {@link Errno#EXIST} if it exists. */
    int EXCLUSIVE = 4;
    /** {@link #openFile} flag: truncate the file to 0 bytes. */
    int TRUNCATE = 8;

    /**
     * Fills {@code out} (cleared first by the caller) with what entry {@code name} is, or this
     * directory itself for {@code "."}. A symbolic link is reported as one, not followed.
     */
    void stat(String name, FileStat out) throws ErrnoException;

    /**
     * The text of the symbolic link {@code name} (its target as stored, not resolved);
     * {@link Errno#INVAL} if {@code name} is not a link.
     */
    String readLink(String name) throws ErrnoException;

    /**
     * Opens the subdirectory {@code name} as a new handle, or this directory again for
     * {@code "."}; the caller closes it. A symbolic link gives {@link Errno#LOOP} or
     * {@link Errno#NOTDIR}, a file {@link Errno#NOTDIR}.
     */
    Directory openDirectory(String name) throws ErrnoException;

    /**
     * Opens the regular file {@code name}, never following a symbolic link ({@link Errno#LOOP}).
     * A directory gives {@link Errno#ISDIR}.
     *
     * @param flags a combination of {@link #CREATE}, {@link #EXCLUSIVE} and {@link #TRUNCATE};
     *              they apply whatever the access ({@code open(name, O_CREAT | O_RDONLY)} creates)
     * @param read  whether the descriptor may read (with neither read nor write, open for reading)
     * @param write whether the descriptor may write
     */
    FileHandle openFile(String name, int flags, boolean read, boolean write) throws ErrnoException;

    /**
     * The names in this directory, without {@code .} and {@code ..}, in a stable order (the
     * order a program's {@code readdir} sees).
     */
    String[] list() throws ErrnoException;

    void createDirectory(String name) throws ErrnoException;

    /** Removes the empty directory {@code name} (a link or a file: {@link Errno#NOTDIR}). */
    void removeDirectory(String name) throws ErrnoException;

    /** Removes the file or link {@code name} (not a directory: {@link Errno#ISDIR}). */
    void unlinkFile(String name) throws ErrnoException;

    /**
     * Renames entry {@code from} of this directory to {@code to} in directory {@code target},
     * replacing what is there as POSIX {@code renameat} does. A target of another storage gives
     * {@link Errno#XDEV}.
     */
    void rename(String from, Directory target, String to) throws ErrnoException;

    /** Releases the handle; it is not used afterwards. */
    void close() throws ErrnoException;
}
