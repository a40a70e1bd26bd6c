package io.wasmlet.wasi;

/**
 * The storage behind one preopened directory: what a board port implements over its own flash
 * or SD card, and what the desktop implements with {@code java.nio}.
 *
 * <p>Paths handed to these methods are already checked and normalised by the WASI layer: they are
 * relative to this file system's root, use {@code /} as separator, contain no empty, {@code .}
 * or {@code ..} components, and are the empty string for the root itself. A path that would
 * leave the root never gets here (the program receives {@link Errno#NOTCAPABLE}). An
 * implementation whose storage has symbolic links must itself make sure that following them
 * does not leave the root either.
 *
 * <p>Failures are reported as {@link ErrnoException} carrying the WASI error number, e.g.
 * {@link Errno#NOENT}, {@link Errno#EXIST}, {@link Errno#NOTDIR}, {@link Errno#ISDIR},
 * {@link Errno#NOTEMPTY}, {@link Errno#ACCES} or {@link Errno#IO}.
 */
public interface FileSystem {
    /** {@link #open} flag: create the file if it does not exist. */
    int CREATE = 1;
    /** {@link #open} flag, with {@link #CREATE}: fail with {@link Errno#EXIST} if it exists. */
    int EXCLUSIVE = 4;
    /** {@link #open} flag: truncate the file to 0 bytes. */
    int TRUNCATE = 8;

    /**
     * Fills {@code out} (cleared first by the caller) with what is at {@code path}.
     *
     * @param follow whether a symbolic link as the last component is followed
     */
    void stat(String path, boolean follow, FileStat out) throws ErrnoException;

    /**
     * Opens the regular file at {@code path}. Directories are never opened through here (the WASI
     * layer handles them by path); a directory at {@code path} gives {@link Errno#ISDIR}.
     *
     * @param flags a combination of {@link #CREATE}, {@link #EXCLUSIVE} and {@link #TRUNCATE};
     *              they apply whatever the access ({@code open(name, O_CREAT | O_RDONLY)} creates)
     * @param read  whether the descriptor may read (with neither read nor write, open for reading)
     * @param write whether the descriptor may write
     */
    FileHandle open(String path, int flags, boolean read, boolean write) throws ErrnoException;

    /**
     * The names in the directory at {@code path}, without {@code .} and {@code ..}, in a stable
     * order (the order a program's {@code readdir} sees).
     */
    String[] list(String path) throws ErrnoException;

    /** Creates the directory {@code path}; its parent must exist. */
    void createDirectory(String path) throws ErrnoException;

    /** Removes an empty directory. */
    void removeDirectory(String path) throws ErrnoException;

    /** Removes a file (not a directory: {@link Errno#ISDIR}). */
    void unlinkFile(String path) throws ErrnoException;

    /** Renames {@code from} to {@code to}, replacing a file at {@code to}. */
    void rename(String from, String to) throws ErrnoException;
}
