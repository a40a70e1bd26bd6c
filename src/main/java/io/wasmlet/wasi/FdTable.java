package io.wasmlet.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

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
    /** Set by {@link #resolve}: the guest path ended in '/', so it must name a directory. */
    private boolean trailingSlash;

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
    int preopen(String guestPath, FileSystem fs) {
        int fd = 3;
        while (fd < fds.length && fds[fd] != null) {
            fd++;
        }
        put(fd, Fd.directory(fs, "", guestPath));
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
                throw new ErrnoException(Errno.IO);
            }
        }
        return total;
    }

    private static void flush(OutputStream out) throws ErrnoException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new ErrnoException(Errno.IO);
        }
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
                f.fs.stat(f.path, true, stat);
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
        String p = resolve(dir, path, pathLen);
        mem.check(ptr, mem.preview0 ? 56 : 64);
        stat.clear();
        dir.fs.stat(p, (flags & LOOKUP_SYMLINK_FOLLOW) != 0, stat);
        if (trailingSlash && stat.filetype != FileStat.DIRECTORY) {
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
            String[] names = d.fs.list(d.path);
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
            try {
                d.fs.stat(entryPath(d.path, name), false, stat);
            } catch (ErrnoException e) {
                // removed since the listing: report it without a type
                stat.clear();
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

    /** The path of directory entry {@code name} of directory {@code dir} ("." and ".." included). */
    private static String entryPath(String dir, String name) {
        if (name.equals(".")) {
            return dir;
        }
        if (name.equals("..")) {
            int slash = dir.lastIndexOf('/');
            return slash < 0 ? "" : dir.substring(0, slash);
        }
        return join(dir, name);
    }

    private static void writeLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    int pathOpen(int fd, int dirflags, int path, int pathLen, int oflags, long rightsBase, int fdflags,
                 int fdPtr) throws ErrnoException {
        Fd dir = directory(fd);
        String p = resolve(dir, path, pathLen);
        mem.check(fdPtr, 4);
        boolean follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0;
        boolean read = (rightsBase & Rights.FD_READ) != 0;
        boolean write = (rightsBase & Rights.FD_WRITE) != 0;
        boolean exists = true;
        stat.clear();
        try {
            dir.fs.stat(p, follow, stat);
        } catch (ErrnoException e) {
            if (e.errno != Errno.NOENT) {
                throw e;
            }
            exists = false;
        }
        if (exists && (oflags & (OFLAGS_CREAT | OFLAGS_EXCL)) == (OFLAGS_CREAT | OFLAGS_EXCL)) {
            throw new ErrnoException(Errno.EXIST);
        }
        if (exists && stat.filetype == FileStat.SYMBOLIC_LINK && !follow) {
            throw new ErrnoException(Errno.LOOP);
        }
        Fd opened;
        if (exists && stat.filetype == FileStat.DIRECTORY) {
            if (write || (oflags & OFLAGS_TRUNC) != 0) {
                throw new ErrnoException(Errno.ISDIR);
            }
            opened = Fd.directory(dir.fs, p, null);
        } else {
            if ((oflags & OFLAGS_DIRECTORY) != 0 || trailingSlash) {
                throw new ErrnoException(exists ? Errno.NOTDIR : Errno.NOENT);
            }
            int flags = ((oflags & OFLAGS_CREAT) != 0 ? FileSystem.CREATE : 0)
                    | ((oflags & OFLAGS_EXCL) != 0 ? FileSystem.EXCLUSIVE : 0)
                    | ((oflags & OFLAGS_TRUNC) != 0 ? FileSystem.TRUNCATE : 0);
            FileHandle h = dir.fs.open(p, flags, read, write);
            opened = Fd.file(dir.fs, p, h, read, write);
            opened.append = (fdflags & FDFLAGS_APPEND) != 0;
        }
        int n;
        try {
            n = allocate(opened);
        } catch (ErrnoException e) {
            if (opened.file != null) {
                opened.file.close();
            }
            throw e;
        }
        mem.put32(fdPtr, n);
        return Errno.SUCCESS;
    }

    int createDirectory(int fd, int path, int pathLen) throws ErrnoException {
        Fd dir = directory(fd);
        String p = resolve(dir, path, pathLen);
        if (p.equals(dir.path)) {
            throw new ErrnoException(Errno.EXIST);
        }
        dir.fs.createDirectory(p);
        return Errno.SUCCESS;
    }

    int removeDirectory(int fd, int path, int pathLen) throws ErrnoException {
        Fd dir = directory(fd);
        String p = resolve(dir, path, pathLen);
        if (p.equals(dir.path)) {
            throw new ErrnoException(Errno.INVAL);
        }
        dir.fs.removeDirectory(p);
        return Errno.SUCCESS;
    }

    int unlinkFile(int fd, int path, int pathLen) throws ErrnoException {
        Fd dir = directory(fd);
        String p = resolve(dir, path, pathLen);
        if (trailingSlash || p.equals(dir.path)) {
            throw new ErrnoException(p.equals(dir.path) ? Errno.ISDIR : Errno.NOTDIR);
        }
        dir.fs.unlinkFile(p);
        return Errno.SUCCESS;
    }

    int rename(int fd, int oldPath, int oldLen, int newFd, int newPath, int newLen) throws ErrnoException {
        Fd from = directory(fd);
        Fd to = directory(newFd);
        String p = resolve(from, oldPath, oldLen);
        String q = resolve(to, newPath, newLen);
        if (from.fs != to.fs) {
            throw new ErrnoException(Errno.XDEV);
        }
        if (p.equals(from.path) || q.equals(to.path)) {
            throw new ErrnoException(Errno.INVAL);
        }
        from.fs.rename(p, q);
        return Errno.SUCCESS;
    }

    /**
     * Reads a guest path relative to directory {@code dir} and normalises it to a path of the
     * directory's file system. Absolute paths, and {@code ..} that climbs above {@code dir}, are
     * refused with {@link Errno#NOTCAPABLE}: a descriptor grants its directory and what is
     * below, nothing else. Sets {@link #trailingSlash}.
     */
    String resolve(Fd dir, int ptr, int len) throws ErrnoException {
        if ((len & 0xFFFFFFFFL) > MAX_PATH) {
            mem.check(ptr, len);
            throw new ErrnoException(Errno.NAMETOOLONG);
        }
        String guest = mem.string(ptr, len);
        if (guest == null) {
            throw new ErrnoException(Errno.ILSEQ);
        }
        return normalise(dir.path, guest);
    }

    String normalise(String base, String guest) throws ErrnoException {
        if (guest.length() == 0) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (guest.charAt(0) == '/') {
            throw new ErrnoException(Errno.NOTCAPABLE);
        }
        trailingSlash = guest.charAt(guest.length() - 1) == '/';
        String[] parts = new String[guest.length() / 2 + 1];
        int depth = 0;
        int start = 0;
        int n = guest.length();
        while (start <= n) {
            int slash = guest.indexOf('/', start);
            if (slash < 0) {
                slash = n;
            }
            String part = guest.substring(start, slash);
            start = slash + 1;
            if (part.length() == 0 || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (depth == 0) {
                    throw new ErrnoException(Errno.NOTCAPABLE);
                }
                depth--;
                continue;
            }
            parts[depth++] = part;
        }
        StringBuffer sb = new StringBuffer(base.length() + n);
        sb.append(base);
        for (int i = 0; i < depth; i++) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    private static String join(String dir, String name) {
        if (dir.length() == 0) {
            return name;
        }
        StringBuffer sb = new StringBuffer(dir.length() + 1 + name.length());
        return sb.append(dir).append('/').append(name).toString();
    }
}
