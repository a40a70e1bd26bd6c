package io.wasmlet.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The program's file descriptors and the {@code fd_*} and {@code path_*} calls over them.
 * Descriptors 0, 1 and 2 are the standard streams, the preopened directories follow from 3 in
 * the order they were added (wasi-libc finds them by asking {@code fd_prestat_get} from 3 up
 * until it gets {@link Errno#BADF}), and {@code path_open} takes the lowest free number from 3.
 *
 * <p>Every method returns an {@link Errno} or throws {@link ErrnoException}; guest pointers go
 * through {@link GuestMemory}, whose out-of-bounds fault the caller turns into
 * {@link Errno#FAULT}. Data moves straight between the linear memory and the streams or files.
 */
final class FdTable {
    /** The most descriptors a program may hold open at once. */
    static final int MAX_FDS = 1024;
    /** The longest path accepted, in UTF-8 bytes (longer: {@link Errno#NAMETOOLONG}). */
    static final int MAX_PATH = 4096;

    private static final int OFLAGS_CREAT = 1;
    private static final int OFLAGS_DIRECTORY = 2;
    private static final int OFLAGS_EXCL = 4;
    private static final int OFLAGS_TRUNC = 8;
    private static final int FDFLAGS_APPEND = 1;
    private static final int LOOKUP_SYMLINK_FOLLOW = 1;
    private static final int WHENCE_SET = 0;
    private static final int WHENCE_CUR = 1;
    private static final int WHENCE_END = 2;
    private static final int DIRENT_SIZE = 24;

    private final GuestMemory mem;
    private Fd[] fds = new Fd[8];
    private final FileStat stat = new FileStat();
    private final byte[] dirent = new byte[DIRENT_SIZE];
    /** The lookup of a call's path; {@link #walk2} is the second path of {@code path_rename}. */
    private final PathWalk walk = new PathWalk();
    private final PathWalk walk2 = new PathWalk();

    FdTable(GuestMemory mem) {
        this.mem = mem;
    }

    // ---- the table ---------------------------------------------------------------------

    void setStdin(InputStream in) {
        fds[0] = in == null ? null : Fd.input(in);
    }

    void setStdout(int fd, OutputStream out) {
        fds[fd] = out == null ? null : Fd.output(out);
    }

    /** Adds a preopened directory at the next descriptor after the last preopen. */
    int preopen(String guestPath, Directory root) {
        int fd = 3;
        while (fd < fds.length && fds[fd] != null) {
            fd++;
        }
        put(fd, Fd.directory(root, root, guestPath));
        return fd;
    }

    /** Flushes the output streams (the end of a run). */
    void flush() {
        for (int i = 0; i < fds.length; i++) {
            Fd f = fds[i];
            if (f != null && f.kind == Fd.OUTPUT) {
                try {
                    f.out.flush();
                } catch (IOException e) {
                    // nothing left to report it to
                }
            }
        }
    }

    private void put(int fd, Fd f) {
        if (fd >= fds.length) {
            Fd[] n = new Fd[Math.max(fds.length * 2, fd + 1)];
            System.arraycopy(fds, 0, n, 0, fds.length);
            fds = n;
        }
        fds[fd] = f;
    }

    private int allocate(Fd f) throws ErrnoException {
        int fd = 3;
        while (fd < fds.length && fds[fd] != null) {
            fd++;
        }
        if (fd >= MAX_FDS) {
            throw new ErrnoException(Errno.MFILE);
        }
        put(fd, f);
        return fd;
    }

    private Fd get(int fd) throws ErrnoException {
        if (fd < 0 || fd >= fds.length || fds[fd] == null) {
            throw new ErrnoException(Errno.BADF);
        }
        return fds[fd];
    }

    private Fd file(int fd) throws ErrnoException {
        Fd f = get(fd);
        if (f.kind == Fd.FILE) {
            return f;
        }
        throw new ErrnoException(f.kind == Fd.DIRECTORY ? Errno.ISDIR : Errno.SPIPE);
    }

    private Fd directory(int fd) throws ErrnoException {
        Fd f = get(fd);
        if (f.kind != Fd.DIRECTORY) {
            throw new ErrnoException(Errno.NOTDIR);
        }
        return f;
    }

    // ---- descriptors -------------------------------------------------------------------

    int close(int fd) throws ErrnoException {
        Fd f = get(fd);
        fds[fd] = null;
        if (f.kind == Fd.FILE) {
            f.file.close();
        } else if (f.kind == Fd.DIRECTORY) {
            f.dir.close();
        } else if (f.kind == Fd.OUTPUT) {
            flush(f.out);
        }
        return Errno.SUCCESS;
    }

    int renumber(int from, int to) throws ErrnoException {
        Fd f = get(from);
        get(to);
        if (from != to) {
            close(to);
            fds[to] = f;
            fds[from] = null;
        }
        return Errno.SUCCESS;
    }

    int fdstatGet(int fd, int ptr) throws ErrnoException {
        Fd f = get(fd);
        mem.check(ptr, 24);
        int type;
        long base;
        long inheriting = 0;
        switch (f.kind) {
            case Fd.INPUT:
                type = FileStat.CHARACTER_DEVICE;
                base = Rights.STDIN;
                break;
            case Fd.OUTPUT:
                type = FileStat.CHARACTER_DEVICE;
                base = Rights.STDOUT;
                break;
            case Fd.DIRECTORY:
                type = FileStat.DIRECTORY;
                base = Rights.DIRECTORY;
                inheriting = Rights.INHERITING;
                break;
            default:
                type = FileStat.REGULAR_FILE;
                base = Rights.FILE | (f.read ? Rights.FD_READ : 0) | (f.write ? Rights.FD_WRITE : 0);
                break;
        }
        mem.zero(ptr, 24);
        mem.put8(ptr, type);
        mem.put16(ptr + 2, f.append ? FDFLAGS_APPEND : 0);
        mem.put64(ptr + 8, base);
        mem.put64(ptr + 16, inheriting);
        return Errno.SUCCESS;
    }

    /** Only {@code append} has an effect; the other flags (sync modes, non-blocking) are accepted and ignored. */
    int fdstatSetFlags(int fd, int flags) throws ErrnoException {
        Fd f = get(fd);
        if (f.kind == Fd.FILE) {
            f.append = (flags & FDFLAGS_APPEND) != 0;
        }
        return Errno.SUCCESS;
    }

    int prestatGet(int fd, int ptr) throws ErrnoException {
        Fd f = get(fd);
        if (f.preopen == null) {
            throw new ErrnoException(Errno.BADF);
        }
        mem.check(ptr, 8);
        mem.zero(ptr, 8);
        mem.put32(ptr + 4, GuestMemory.utf8(f.preopen).length);
        return Errno.SUCCESS;
    }

    int prestatDirName(int fd, int ptr, int len) throws ErrnoException {
        Fd f = get(fd);
        if (f.preopen == null) {
            throw new ErrnoException(Errno.BADF);
        }
        byte[] name = GuestMemory.utf8(f.preopen);
        mem.check(ptr, len);
        if ((len & 0xFFFFFFFFL) < name.length) {
            throw new ErrnoException(Errno.NAMETOOLONG);
        }
        mem.put(ptr, name, 0, name.length);
        return Errno.SUCCESS;
    }

    int sync(int fd) throws ErrnoException {
        Fd f = get(fd);
        if (f.kind == Fd.FILE) {
            f.file.sync();
        } else if (f.kind == Fd.OUTPUT) {
            flush(f.out);
        }
        return Errno.SUCCESS;
    }

    int advise(int fd) throws ErrnoException {
        file(fd);
        return Errno.SUCCESS;
    }

    int allocate(int fd, long offset, long len) throws ErrnoException {
        Fd f = file(fd);
        if (offset < 0 || len <= 0 || offset + len < 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        if (!f.write) {
            throw new ErrnoException(Errno.BADF);
        }
        if (f.file.size() < offset + len) {
            f.file.setSize(offset + len);
        }
        return Errno.SUCCESS;
    }

    // ---- reading and writing -----------------------------------------------------------

    int read(int fd, int iovs, int count, int nreadPtr) throws ErrnoException {
        Fd f = get(fd);
        if (f.kind == Fd.DIRECTORY) {
            throw new ErrnoException(Errno.ISDIR);
        }
        if (!f.read) {
            throw new ErrnoException(Errno.BADF);
        }
        mem.check(nreadPtr, 4);
        long n = transfer(f, iovs, count, f.kind == Fd.FILE ? f.position : 0, false);
        if (f.kind == Fd.FILE) {
            f.position += n;
        }
        mem.put32(nreadPtr, (int) n);
        return Errno.SUCCESS;
    }

    int write(int fd, int iovs, int count, int nwrittenPtr) throws ErrnoException {
        Fd f = get(fd);
        if (f.kind == Fd.DIRECTORY) {
            throw new ErrnoException(Errno.ISDIR);
        }
        if (!f.write) {
            throw new ErrnoException(Errno.BADF);
        }
        mem.check(nwrittenPtr, 4);
        if (f.kind == Fd.FILE && f.append) {
            f.position = f.file.size();
        }
        long n = transfer(f, iovs, count, f.position, true);
        if (f.kind == Fd.FILE) {
            f.position += n;
        } else {
            flush(f.out);
        }
        mem.put32(nwrittenPtr, (int) n);
        return Errno.SUCCESS;
    }

    int pread(int fd, int iovs, int count, long offset, int nreadPtr) throws ErrnoException {
        Fd f = file(fd);
        if (!f.read) {
            throw new ErrnoException(Errno.BADF);
        }
        if (offset < 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        mem.check(nreadPtr, 4);
        mem.put32(nreadPtr, (int) transfer(f, iovs, count, offset, false));
        return Errno.SUCCESS;
    }

    int pwrite(int fd, int iovs, int count, long offset, int nwrittenPtr) throws ErrnoException {
        Fd f = file(fd);
        if (!f.write) {
            throw new ErrnoException(Errno.BADF);
        }
        if (offset < 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        mem.check(nwrittenPtr, 4);
        mem.put32(nwrittenPtr, (int) transfer(f, iovs, count, offset, true));
        return Errno.SUCCESS;
    }

    /**
     * Moves data between the iovecs and a stream or file at {@code position}. A read stops at
     * the first short read (it never waits for more than one stream read returns).
     *
     * @return the bytes moved
     */
    private long transfer(Fd f, int iovs, int count, long position, boolean out) throws ErrnoException {
        mem.check(iovs, (int) Math.min((count & 0xFFFFFFFFL) * 8, 0xFFFFFFFFL));
        long total = 0;
        for (int i = 0; i < count; i++) {
            int ptr = mem.i32(iovs + i * 8);
            int len = mem.i32(iovs + i * 8 + 4);
            mem.check(ptr, len);
            if (len == 0) {
                continue;
            }
            byte[] b = mem.bytes;
            try {
                if (out) {
                    if (f.kind == Fd.FILE) {
                        f.file.write(position + total, b, ptr, len);
                    } else {
                        f.out.write(b, ptr, len);
                        checkPrintStream(f.out);
                    }
                    total += len;
                } else {
                    int r;
                    if (f.kind == Fd.FILE) {
                        r = f.file.read(position + total, b, ptr, len);
                    } else {
                        r = f.in.read(b, ptr, len);
                    }
                    if (r <= 0) {
                        break;
                    }
                    total += r;
                    if (r < len) {
                        break;
                    }
                }
            } catch (IOException e) {
                if (total > 0) {
                    break;
                }
                throw new ErrnoException(errno(e));
            }
        }
        return total;
    }

    private static void flush(OutputStream out) throws ErrnoException {
        try {
            out.flush();
            checkPrintStream(out);
        } catch (IOException e) {
            throw new ErrnoException(errno(e));
        }
    }

    /**
     * A {@code PrintStream} never throws: it only remembers that a write failed. Its error is
     * reported as {@link Errno#IO} (the cause is lost), and stays: every later write fails too.
     */
    private static void checkPrintStream(OutputStream out) throws IOException {
        if (out instanceof PrintStream && ((PrintStream) out).checkError()) {
            throw new IOException("write error");
        }
    }

    /**
     * The errno of a failed stream write. CLDC's {@code IOException} has no subclasses that
     * tell why, so the host's message decides: a closed pipe is {@link Errno#PIPE}, a full
     * disk {@link Errno#NOSPC}, anything else {@link Errno#IO}.
     */
    static int errno(IOException e) {
        String m = e.getMessage();
        if (m == null) {
            return Errno.IO;
        }
        if (m.indexOf("Broken pipe") >= 0 || m.indexOf("pipe is being closed") >= 0
                || m.indexOf("pipe has been ended") >= 0) {
            return Errno.PIPE;
        }
        if (m.indexOf("No space left") >= 0 || m.indexOf("not enough space") >= 0) {
            return Errno.NOSPC;
        }
        return Errno.IO;
    }

    int seek(int fd, long offset, int whence, int newOffsetPtr) throws ErrnoException {
        Fd f = file(fd);
        mem.check(newOffsetPtr, 8);
        if (mem.preview0) {
            // preview0 numbers whence cur 0, end 1, set 2
            whence = whence == 0 ? WHENCE_CUR : whence == 1 ? WHENCE_END : whence == 2 ? WHENCE_SET : -1;
        }
        long base;
        switch (whence) {
            case WHENCE_SET:
                base = 0;
                break;
            case WHENCE_CUR:
                base = f.position;
                break;
            case WHENCE_END:
                base = f.file.size();
                break;
            default:
                throw new ErrnoException(Errno.INVAL);
        }
        long p = base + offset;
        if (p < 0 || (offset > 0 && p < base)) {
            throw new ErrnoException(Errno.INVAL);
        }
        f.position = p;
        mem.put64(newOffsetPtr, p);
        return Errno.SUCCESS;
    }

    int tell(int fd, int ptr) throws ErrnoException {
        Fd f = file(fd);
        mem.put64(ptr, f.position);
        return Errno.SUCCESS;
    }

    // ---- attributes --------------------------------------------------------------------

    int filestatGet(int fd, int ptr) throws ErrnoException {
        Fd f = get(fd);
        mem.check(ptr, mem.preview0 ? 56 : 64);
        stat.clear();
        switch (f.kind) {
            case Fd.INPUT:
            case Fd.OUTPUT:
                stat.filetype = FileStat.CHARACTER_DEVICE;
                break;
            case Fd.DIRECTORY:
                f.dir.stat(".", stat);
                break;
            default:
                f.file.stat(stat);
                break;
        }
        putStat(ptr);
        return Errno.SUCCESS;
    }

    int filestatSetSize(int fd, long size) throws ErrnoException {
        Fd f = file(fd);
        if (!f.write) {
            throw new ErrnoException(Errno.BADF);
        }
        if (size < 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        f.file.setSize(size);
        return Errno.SUCCESS;
    }

    int pathFilestatGet(int fd, int flags, int path, int pathLen, int ptr) throws ErrnoException {
        Fd dir = directory(fd);
        String p = guestPath(path, pathLen);
        mem.check(ptr, mem.preview0 ? 56 : 64);
        walk.walk(dir.dir, p, (flags & LOOKUP_SYMLINK_FOLLOW) != 0);
        try {
            stat.clear();
            walk.dir.stat(walk.name, stat);
        } finally {
            walk.release();
        }
        if (walk.mustBeDirectory && stat.filetype != FileStat.DIRECTORY) {
            throw new ErrnoException(Errno.NOTDIR);
        }
        putStat(ptr);
        return Errno.SUCCESS;
    }

    /** A {@code filestat}: 64 bytes; preview0's is 56, its link count a u32 at 20. */
    private void putStat(int ptr) {
        int p = ptr;
        mem.zero(ptr, mem.preview0 ? 56 : 64);
        mem.put64(ptr, stat.device);
        mem.put64(ptr + 8, stat.inode);
        mem.put8(ptr + 16, stat.filetype);
        if (mem.preview0) {
            mem.put32(ptr + 20, (int) Math.min(stat.links, 0xFFFFFFFFL));
            p -= 8;
        } else {
            mem.put64(ptr + 24, stat.links);
        }
        mem.put64(p + 32, stat.size);
        mem.put64(p + 40, stat.accessTime);
        mem.put64(p + 48, stat.modifyTime);
        mem.put64(p + 56, stat.changeTime);
    }

    // ---- directories and paths ---------------------------------------------------------

    int readdir(int fd, int buf, int bufLen, long cookie, int bufUsedPtr) throws ErrnoException {
        Fd d = directory(fd);
        mem.check(buf, bufLen);
        mem.check(bufUsedPtr, 4);
        if (cookie < 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        if (cookie == 0 || d.listing == null) {
            String[] names = d.dir.list();
            String[] all = new String[names.length + 2];
            all[0] = ".";
            all[1] = "..";
            System.arraycopy(names, 0, all, 2, names.length);
            d.listing = all;
        }
        String[] all = d.listing;
        long end = (buf & 0xFFFFFFFFL) + (bufLen & 0xFFFFFFFFL);
        long pos = buf & 0xFFFFFFFFL;
        for (long i = cookie; i < all.length && pos < end; i++) {
            String name = all[(int) i];
            byte[] bytes = GuestMemory.utf8(name);
            stat.clear();
            if (name.equals("..")) {
                // the directory above is not the program's to look at (nor, for a preopen, ours)
                stat.filetype = FileStat.DIRECTORY;
            } else {
                try {
                    d.dir.stat(name, stat);
                } catch (ErrnoException e) {
                    // removed since the listing: report it without a type
                    stat.clear();
                }
            }
            writeLong(dirent, 0, i + 1);
            writeLong(dirent, 8, stat.inode);
            writeLong(dirent, 16, bytes.length & 0xFFFFFFFFL);
            dirent[20] = (byte) stat.filetype;
            int n = (int) Math.min(DIRENT_SIZE, end - pos);
            mem.put((int) pos, dirent, 0, n);
            pos += n;
            n = (int) Math.min(bytes.length, end - pos);
            mem.put((int) pos, bytes, 0, n);
            pos += n;
        }
        mem.put32(bufUsedPtr, (int) (pos - (buf & 0xFFFFFFFFL)));
        return Errno.SUCCESS;
    }

    private static void writeLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    int pathOpen(int fd, int dirflags, int path, int pathLen, int oflags, long rightsBase, int fdflags,
                 int fdPtr) throws ErrnoException {
        Fd dir = directory(fd);
        String p = guestPath(path, pathLen);
        mem.check(fdPtr, 4);
        boolean follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0;
        walk.walk(dir.dir, p, follow);
        Fd opened;
        try {
            opened = open(dir, oflags, rightsBase, fdflags);
        } finally {
            walk.release();
        }
        int n;
        try {
            n = allocate(opened);
        } catch (ErrnoException e) {
            if (opened.file != null) {
                opened.file.close();
            } else {
                opened.dir.close();
            }
            throw e;
        }
        mem.put32(fdPtr, n);
        return Errno.SUCCESS;
    }

    /** {@code path_open} of what {@link #walk} found: a new directory or file descriptor, not yet numbered. */
    private Fd open(Fd dir, int oflags, long rightsBase, int fdflags) throws ErrnoException {
        boolean read = (rightsBase & Rights.FD_READ) != 0;
        boolean write = (rightsBase & Rights.FD_WRITE) != 0;
        boolean exists = true;
        stat.clear();
        try {
            walk.dir.stat(walk.name, stat);
        } catch (ErrnoException e) {
            if (e.errno != Errno.NOENT) {
                throw e;
            }
            exists = false;
        }
        if (exists && (oflags & (OFLAGS_CREAT | OFLAGS_EXCL)) == (OFLAGS_CREAT | OFLAGS_EXCL)) {
            throw new ErrnoException(Errno.EXIST);
        }
        if (exists && stat.filetype == FileStat.SYMBOLIC_LINK) {
            // only left unfollowed without lookupflags.symlink_follow: O_NOFOLLOW
            throw new ErrnoException(Errno.LOOP);
        }
        if (exists && stat.filetype == FileStat.DIRECTORY) {
            if (write || (oflags & OFLAGS_TRUNC) != 0) {
                throw new ErrnoException(Errno.ISDIR);
            }
            return Fd.directory(walk.dir.openDirectory(walk.name), dir.storage, null);
        }
        if ((oflags & OFLAGS_DIRECTORY) != 0 || walk.mustBeDirectory) {
            throw new ErrnoException(exists ? Errno.NOTDIR : Errno.NOENT);
        }
        int flags = ((oflags & OFLAGS_CREAT) != 0 ? Directory.CREATE : 0)
                | ((oflags & OFLAGS_EXCL) != 0 ? Directory.EXCLUSIVE : 0)
                | ((oflags & OFLAGS_TRUNC) != 0 ? Directory.TRUNCATE : 0);
        Fd opened = Fd.file(dir.storage, walk.dir.openFile(walk.name, flags, read, write), read, write);
        opened.append = (fdflags & FDFLAGS_APPEND) != 0;
        return opened;
    }

    int createDirectory(int fd, int path, int pathLen) throws ErrnoException {
        Fd dir = directory(fd);
        walk.walk(dir.dir, guestPath(path, pathLen), false);
        try {
            if (walk.name.equals(".")) {
                throw new ErrnoException(Errno.EXIST);
            }
            walk.dir.createDirectory(walk.name);
        } finally {
            walk.release();
        }
        return Errno.SUCCESS;
    }

    int removeDirectory(int fd, int path, int pathLen) throws ErrnoException {
        Fd dir = directory(fd);
        walk.walk(dir.dir, guestPath(path, pathLen), false);
        try {
            if (walk.name.equals(".")) {
                throw new ErrnoException(Errno.INVAL);
            }
            walk.dir.removeDirectory(walk.name);
        } finally {
            walk.release();
        }
        return Errno.SUCCESS;
    }

    int unlinkFile(int fd, int path, int pathLen) throws ErrnoException {
        Fd dir = directory(fd);
        walk.walk(dir.dir, guestPath(path, pathLen), false);
        try {
            if (walk.name.equals(".")) {
                throw new ErrnoException(Errno.ISDIR);
            }
            if (walk.mustBeDirectory) {
                stat.clear();
                walk.dir.stat(walk.name, stat);
                throw new ErrnoException(stat.filetype == FileStat.DIRECTORY ? Errno.ISDIR : Errno.NOTDIR);
            }
            walk.dir.unlinkFile(walk.name);
        } finally {
            walk.release();
        }
        return Errno.SUCCESS;
    }

    int rename(int fd, int oldPath, int oldLen, int newFd, int newPath, int newLen) throws ErrnoException {
        Fd from = directory(fd);
        Fd to = directory(newFd);
        String p = guestPath(oldPath, oldLen);
        String q = guestPath(newPath, newLen);
        if (from.storage != to.storage) {
            throw new ErrnoException(Errno.XDEV);
        }
        walk.walk(from.dir, p, false);
        try {
            walk2.walk(to.dir, q, false);
            try {
                if (walk.name.equals(".") || walk2.name.equals(".")) {
                    throw new ErrnoException(Errno.INVAL);
                }
                walk.dir.rename(walk.name, walk2.dir, walk2.name);
            } finally {
                walk2.release();
            }
        } finally {
            walk.release();
        }
        return Errno.SUCCESS;
    }

    /**
     * Reads a path argument: at most {@link #MAX_PATH} bytes of UTF-8 without NUL. Where it
     * leads is for {@link PathWalk} to find out.
     */
    private String guestPath(int ptr, int len) throws ErrnoException {
        if ((len & 0xFFFFFFFFL) > MAX_PATH) {
            mem.check(ptr, len);
            throw new ErrnoException(Errno.NAMETOOLONG);
        }
        String guest = mem.string(ptr, len);
        if (guest == null) {
            throw new ErrnoException(Errno.ILSEQ);
        }
        return guest;
    }
}
