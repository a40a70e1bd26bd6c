package io.wasmlet.wasi;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One open file descriptor of the program: a standard stream, a directory (preopened, or opened
 * by {@code path_open}) or a regular file. Directories are kept by path; files by the
 * {@link FileHandle} their {@link FileSystem} returned, with the offset kept here.
 */
final class Fd {
    static final int INPUT = 0;
    static final int OUTPUT = 1;
    static final int DIRECTORY = 2;
    static final int FILE = 3;

    final int kind;
    /** The stream of an {@link #INPUT} descriptor. */
    final InputStream in;
    /** The stream of an {@link #OUTPUT} descriptor. */
    final OutputStream out;
    /** The file system of a directory or file. */
    final FileSystem fs;
    /** Normalised path in {@link #fs} of a directory or file ("" for the root). */
    final String path;
    /** The guest path of a preopened directory ({@code fd_prestat_dir_name}), else null. */
    final String preopen;
    /** The open file of a {@link #FILE}. */
    final FileHandle file;
    final boolean read;
    final boolean write;
    /** Whether every write goes to the end of the file ({@code fdflags.append}). */
    boolean append;
    /** Current offset of a {@link #FILE}. */
    long position;
    /** A directory's entries as of the last {@code fd_readdir} at cookie 0 ("." and ".." first). */
    String[] listing;

    private Fd(int kind, InputStream in, OutputStream out, FileSystem fs, String path, String preopen,
               FileHandle file, boolean read, boolean write) {
        this.kind = kind;
        this.in = in;
        this.out = out;
        this.fs = fs;
        this.path = path;
        this.preopen = preopen;
        this.file = file;
        this.read = read;
        this.write = write;
    }

    static Fd input(InputStream in) {
        return new Fd(INPUT, in, null, null, null, null, null, true, false);
    }

    static Fd output(OutputStream out) {
        return new Fd(OUTPUT, null, out, null, null, null, null, false, true);
    }

    static Fd directory(FileSystem fs, String path, String preopen) {
        return new Fd(DIRECTORY, null, null, fs, path, preopen, null, false, false);
    }

    static Fd file(FileSystem fs, String path, FileHandle file, boolean read, boolean write) {
        return new Fd(FILE, null, null, fs, path, null, file, read, write);
    }
}
