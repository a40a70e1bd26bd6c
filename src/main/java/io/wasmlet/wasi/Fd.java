package io.wasmlet.wasi;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One open file descriptor of the program: a standard stream, a directory (preopened, or opened
 * by {@code path_open}) or a regular file. Directories are kept as the {@link Directory} handle
 * their storage returned, files as their {@link FileHandle}, with the offset kept here.
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
    /** The open directory of a {@link #DIRECTORY}. */
    final Directory dir;
    /**
     * The preopened directory a directory or file descends from: two descriptors with different
     * ones are on different storages ({@code path_rename} between them gives {@link Errno#XDEV}).
     */
    final Directory storage;
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

    private Fd(int kind, InputStream in, OutputStream out, Directory dir, Directory storage, String preopen,
               FileHandle file, boolean read, boolean write) {
        this.kind = kind;
        this.in = in;
        this.out = out;
        this.dir = dir;
        this.storage = storage;
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

    static Fd directory(Directory dir, Directory storage, String preopen) {
        return new Fd(DIRECTORY, null, null, dir, storage, preopen, null, false, false);
    }

    static Fd file(Directory storage, FileHandle file, boolean read, boolean write) {
        return new Fd(FILE, null, null, null, storage, null, file, read, write);
    }
}
