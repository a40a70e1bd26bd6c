package io.wasmlet.desktop;

import io.wasmlet.wasi.Directory;
import io.wasmlet.wasi.Errno;
import io.wasmlet.wasi.ErrnoException;
import io.wasmlet.wasi.FileHandle;
import io.wasmlet.wasi.FileStat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A host directory as a WASI {@link Directory} ({@code --dir}): a {@link SecureDirectoryStream},
 * which is an open directory descriptor, so every operation is {@code openat}-style relative to
 * it and with {@link LinkOption#NOFOLLOW_LINKS}. Renaming the directory, or putting a link where
 * it was, does not change what the handle reaches, and no operation here follows a link (the
 * WASI layer's {@code PathWalk} decides which links to follow, and only within the preopen).
 *
 * <p>Java's handle lacks two calls, {@code mkdirat} and {@code readlinkat}. For those this class
 * uses the path {@code /proc/self/fd/N} of its own descriptor (found by matching the device and
 * inode, and checked again before each use), which the kernel resolves through the descriptor
 * itself; without {@code /proc} (not Linux) it uses the path the directory was opened at, after
 * checking that the path still leads to the same directory. Hard links are reported as 1 link
 * and the change time as the modification time: the handle's attribute view has no more.
 */
public final class HostDirectory implements Directory {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final SecureDirectoryStream<Path> ds;
    /** The device and inode of this directory (what {@code fileKey()} compares). */
    private final Object key;
    /** Where the directory was when it was opened, as a host path. */
    private final Path where;
    /** {@code /proc/self/fd/N} of a descriptor of this directory, once found. */
    private Path proc;

    private HostDirectory(SecureDirectoryStream<Path> ds, Path where) throws IOException {
        this.ds = ds;
        this.where = where;
        Object k = ds.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        this.key = k == null ? new Object() : k;
    }

    /**
     * Opens the host directory {@code dir} (links in {@code dir} itself are followed: it is the
     * user's choice of directory).
     *
     * @throws IOException if it cannot be opened, or the platform has no directory handles
     */
    public static HostDirectory open(Path dir) throws IOException {
        Path real = dir.toRealPath();
        DirectoryStream<Path> s = Files.newDirectoryStream(real);
        if (!(s instanceof SecureDirectoryStream)) {
            s.close();
            throw new IOException("this platform gives no directory handles (SecureDirectoryStream), "
                    + "so a directory cannot be granted safely");
        }
        try {
            return new HostDirectory((SecureDirectoryStream<Path>) s, real);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The host path the directory was opened at (it may have moved since). */
    Path where() {
        return where;
    }

    private Path rel(String name) throws ErrnoException {
        try {
            return where.getFileSystem().getPath(name);
        } catch (InvalidPathException e) {
            throw new ErrnoException(Errno.INVAL);
        }
    }

    @Override
    public void stat(String name, FileStat out) throws ErrnoException {
        try {
            BasicFileAttributeView v = name.equals(".")
                    ? ds.getFileAttributeView(BasicFileAttributeView.class)
                    : ds.getFileAttributeView(rel(name), BasicFileAttributeView.class, NOFOLLOW);
            fill(v.readAttributes(), out);
        } catch (IOException e) {
            throw errno(e);
        }
    }

    static void fill(BasicFileAttributes a, FileStat out) {
        out.filetype = a.isDirectory() ? FileStat.DIRECTORY
                : a.isRegularFile() ? FileStat.REGULAR_FILE
                : a.isSymbolicLink() ? FileStat.SYMBOLIC_LINK
                : FileStat.UNKNOWN;
        out.size = a.size();
        out.accessTime = nanos(a.lastAccessTime());
        out.modifyTime = nanos(a.lastModifiedTime());
        out.changeTime = out.modifyTime;
        out.links = 1;
        Object k = a.fileKey();
        out.device = 0;
        out.inode = k == null ? 0 : k.hashCode() & 0x7FFFFFFFL;
        if (k != null) {
            // Unix: "(dev=HEX,ino=DECIMAL)"
            String s = k.toString();
            int d = s.indexOf("dev=");
            int i = s.indexOf(",ino=");
            int e = s.indexOf(')');
            if (d >= 0 && i > d && e > i) {
                try {
                    out.device = Long.parseUnsignedLong(s.substring(d + 4, i), 16);
                    out.inode = Long.parseUnsignedLong(s.substring(i + 5, e));
                } catch (NumberFormatException x) {
                    // keep the hash
                }
            }
        }
    }

    private static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    /**
     * A host path that reaches this very directory, for the two calls the handle lacks; see the
     * class comment.
     */
    private Path hostPath() throws ErrnoException {
        if (proc != null && key.equals(keyOf(proc))) {
            return proc;
        }
        proc = null;
        Path fds = where.getFileSystem().getPath("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
                for (Path p : s) {
                    if (key.equals(keyOf(p))) {
                        proc = p;
                        return p;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall back to the path
            }
        }
        if (key.equals(keyOf(where))) {
            return where;
        }
        throw new ErrnoException(Errno.NOENT, "the directory has moved");
    }

    private static Object keyOf(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String readLink(String name) throws ErrnoException {
        Path p = hostPath().resolve(rel(name));
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (NotLinkException e) {
            throw new ErrnoException(Errno.INVAL);
        } catch (IOException e) {
            throw errno(e);
        } catch (UnsupportedOperationException e) {
            throw new ErrnoException(Errno.INVAL);
        }
    }

    @Override
    public Directory openDirectory(String name) throws ErrnoException {
        SecureDirectoryStream<Path> s;
        try {
            s = ds.newDirectoryStream(rel(name), NOFOLLOW);
        } catch (IOException e) {
            throw errno(e);
        }
        try {
            return new HostDirectory(s, name.equals(".") ? where : where.resolve(name));
        } catch (IOException e) {
            close(s);
            throw errno(e);
        }
    }

    private static void close(DirectoryStream<Path> s) {
        try {
            s.close();
        } catch (IOException e) {
            // already failing
        }
    }

    @Override
    public FileHandle openFile(String name, int flags, boolean read, boolean write) throws ErrnoException {
        Path p = rel(name);
        Set<OpenOption> opts = new HashSet<>();
        opts.add(LinkOption.NOFOLLOW_LINKS);
        if (write) {
            opts.add(StandardOpenOption.WRITE);
        }
        if (read || !write) {
            opts.add(StandardOpenOption.READ);
        }
        if ((flags & CREATE) != 0) {
            opts.add((flags & EXCLUSIVE) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        FileStat st = new FileStat();
        st.clear();
        try {
            stat(name, st);
            if (st.filetype == FileStat.DIRECTORY) {
                throw new ErrnoException(Errno.ISDIR);
            }
        } catch (ErrnoException e) {
            if (e.errno != Errno.NOENT) {
                throw e;
            }
        }
        FileChannel ch = null;
        try {
            if ((flags & TRUNCATE) != 0 && !write) {
                Set<OpenOption> w = new HashSet<>(opts);
                w.remove(StandardOpenOption.READ);
                w.add(StandardOpenOption.WRITE);
                w.add(StandardOpenOption.TRUNCATE_EXISTING);
                channel(ds.newByteChannel(p, w)).close();
                opts.remove(StandardOpenOption.CREATE);
                opts.remove(StandardOpenOption.CREATE_NEW);
            } else if ((flags & TRUNCATE) != 0) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            ch = channel(ds.newByteChannel(p, opts));
            BasicFileAttributes a = ds.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
            if (a.isDirectory()) {
                throw new ErrnoException(Errno.ISDIR);
            }
            return new Handle(where.resolve(p), a, ch);
        } catch (IOException e) {
            closeQuietly(ch);
            throw errno(e);
        } catch (ErrnoException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static FileChannel channel(SeekableByteChannel c) throws IOException {
        if (c instanceof FileChannel) {
            return (FileChannel) c;
        }
        c.close();
        throw new IOException("no positioned file channel on this platform");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    @Override
    public String[] list() throws ErrnoException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = ds.newDirectoryStream(rel("."), NOFOLLOW)) {
            for (Path e : s) {
                names.add(e.getFileName().toString());
            }
        } catch (IOException e) {
            throw errno(e);
        }
        Collections.sort(names);
        return names.toArray(new String[0]);
    }

    @Override
    public void createDirectory(String name) throws ErrnoException {
        try {
            Files.createDirectory(hostPath().resolve(rel(name)));
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void removeDirectory(String name) throws ErrnoException {
        try {
            ds.deleteDirectory(rel(name));
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void unlinkFile(String name) throws ErrnoException {
        try {
            ds.deleteFile(rel(name));
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void rename(String from, Directory target, String to) throws ErrnoException {
        if (!(target instanceof HostDirectory)) {
            throw new ErrnoException(Errno.XDEV);
        }
        try {
            ds.move(rel(from), ((HostDirectory) target).ds, rel(to));
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void close() throws ErrnoException {
        try {
            ds.close();
        } catch (IOException e) {
            throw errno(e);
        }
    }

    /** The WASI errno for a host I/O failure. */
    static ErrnoException errno(IOException e) {
        int n;
        if (e instanceof NoSuchFileException) {
            n = Errno.NOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            n = Errno.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            n = Errno.NOTEMPTY;
        } else if (e instanceof NotDirectoryException) {
            n = Errno.NOTDIR;
        } else if (e instanceof AccessDeniedException) {
            n = Errno.ACCES;
        } else if (e instanceof FileSystemLoopException) {
            n = Errno.LOOP;
        } else {
            // FileSystemException carries the OS's reason; the channel calls give a bare
            // IOException ("Too many levels of symbolic links (NOFOLLOW_LINKS specified)")
            String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
            if (reason == null) {
                n = Errno.IO;
            } else if (reason.contains("Is a directory")) {
                n = Errno.ISDIR;
            } else if (reason.contains("Not a directory")) {
                n = Errno.NOTDIR;
            } else if (reason.contains("Too many levels of symbolic links")) {
                n = Errno.LOOP;
            } else if (reason.contains("Directory not empty")) {
                n = Errno.NOTEMPTY;
            } else if (reason.contains("File name too long")) {
                n = Errno.NAMETOOLONG;
            } else if (reason.contains("No space left")) {
                n = Errno.NOSPC;
            } else if (reason.contains("Read-only file system")) {
                n = Errno.ROFS;
            } else if (reason.contains("Invalid cross-device link")) {
                n = Errno.XDEV;
            } else {
                n = Errno.IO;
            }
        }
        return new ErrnoException(n, e.getMessage());
    }

    /**
     * An open host file. Its attributes are those it had when opened, with the size read from
     * the channel and the times read again from the path it was opened at, but only while that
     * path still leads to this very file (same device and inode, the last component not a link).
     */
    static final class Handle implements FileHandle {
        private final Path path;
        private final BasicFileAttributes opened;
        private final FileChannel ch;

        Handle(Path path, BasicFileAttributes opened, FileChannel ch) {
            this.path = path;
            this.opened = opened;
            this.ch = ch;
        }

        @Override
        public int read(long position, byte[] buf, int off, int len) throws ErrnoException {
            try {
                int n = ch.read(ByteBuffer.wrap(buf, off, len), position);
                return Math.max(n, 0);
            } catch (IOException e) {
                throw errno(e);
            }
        }

        @Override
        public void write(long position, byte[] buf, int off, int len) throws ErrnoException {
            try {
                ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
                long p = position;
                while (bb.hasRemaining()) {
                    p += ch.write(bb, p);
                }
            } catch (IOException e) {
                throw errno(e);
            }
        }

        @Override
        public long size() throws ErrnoException {
            try {
                return ch.size();
            } catch (IOException e) {
                throw errno(e);
            }
        }

        @Override
        public void setSize(long size) throws ErrnoException {
            try {
                long now = ch.size();
                if (size < now) {
                    ch.truncate(size);
                } else if (size > now) {
                    ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
                }
            } catch (IOException e) {
                throw errno(e);
            }
        }

        @Override
        public void sync() throws ErrnoException {
            try {
                ch.force(true);
            } catch (IOException e) {
                throw errno(e);
            }
        }

        @Override
        public void stat(FileStat out) throws ErrnoException {
            BasicFileAttributes a = opened;
            try {
                BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
                if (now.fileKey() != null && now.fileKey().equals(opened.fileKey())) {
                    a = now;
                }
            } catch (IOException | RuntimeException e) {
                // moved or removed: what it was when opened
            }
            fill(a, out);
            try {
                out.size = ch.size();
            } catch (IOException e) {
                throw errno(e);
            }
        }

        @Override
        public void close() throws ErrnoException {
            try {
                ch.close();
            } catch (IOException e) {
                throw errno(e);
            }
        }
    }
}
