package io.wasmlet.desktop;

import io.wasmlet.wasi.Errno;
import io.wasmlet.wasi.ErrnoException;
import io.wasmlet.wasi.FileHandle;
import io.wasmlet.wasi.FileStat;
import io.wasmlet.wasi.FileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A host directory as a WASI {@link FileSystem} ({@code --dir}), with {@code java.nio}.
 *
 * <p>The WASI layer already refuses paths that climb out of the directory with {@code ..}; this
 * class also refuses to follow a symbolic link out of it: every path is resolved to its real
 * location (the links in its parent directories followed, and the last component too when the
 * call follows links), and anything that does not lie under the directory's real path gives
 * {@link Errno#NOTCAPABLE}.
 */
public final class HostFileSystem implements FileSystem {
    private final Path root;

    /**
     * @param root an existing directory
     * @throws IOException if it does not exist or its real path cannot be read
     */
    public HostFileSystem(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /**
     * The host path of {@code path}, checked to lie inside the root. Links in the parent
     * directories are always followed; the last component only when {@code followLast}.
     */
    Path resolve(String path, boolean followLast) throws ErrnoException {
        if (path.isEmpty()) {
            return root;
        }
        Path p;
        try {
            p = root.resolve(path);
        } catch (InvalidPathException e) {
            throw new ErrnoException(Errno.INVAL);
        }
        Path parent = p.getParent();
        Path realParent;
        try {
            realParent = parent.toRealPath();
        } catch (IOException e) {
            throw errno(e);
        }
        if (!realParent.startsWith(root)) {
            throw new ErrnoException(Errno.NOTCAPABLE);
        }
        Path q = realParent.resolve(p.getFileName());
        if (followLast && Files.isSymbolicLink(q)) {
            try {
                Path real = q.toRealPath();
                if (!real.startsWith(root)) {
                    throw new ErrnoException(Errno.NOTCAPABLE);
                }
                return real;
            } catch (NoSuchFileException e) {
                // a dangling link: where it points may not exist yet (e.g. a create)
                Path target = linkTarget(q);
                if (target == null || !target.startsWith(root)) {
                    throw new ErrnoException(Errno.NOTCAPABLE);
                }
                return target;
            } catch (IOException e) {
                throw errno(e);
            }
        }
        return q;
    }

    private static Path linkTarget(Path link) {
        try {
            Path t = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            Path parent = t.getParent();
            return parent == null ? null : parent.toRealPath().resolve(t.getFileName());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void stat(String path, boolean follow, FileStat out) throws ErrnoException {
        stat(resolve(path, follow), follow, out);
    }

    static void stat(Path p, boolean follow, FileStat out) throws ErrnoException {
        try {
            LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, opts);
            out.filetype = a.isDirectory() ? FileStat.DIRECTORY
                    : a.isRegularFile() ? FileStat.REGULAR_FILE
                    : a.isSymbolicLink() ? FileStat.SYMBOLIC_LINK
                    : FileStat.UNKNOWN;
            out.size = a.size();
            out.accessTime = nanos(a.lastAccessTime());
            out.modifyTime = nanos(a.lastModifiedTime());
            out.changeTime = out.modifyTime;
            out.links = 1;
            try {
                Map<String, Object> unix = Files.readAttributes(p, "unix:dev,ino,nlink,ctime", opts);
                out.device = ((Number) unix.get("dev")).longValue();
                out.inode = ((Number) unix.get("ino")).longValue();
                out.links = ((Number) unix.get("nlink")).longValue();
                out.changeTime = nanos((FileTime) unix.get("ctime"));
            } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
                // not a Unix file system: keep what the basic view gave
                Object key = a.fileKey();
                out.inode = key == null ? p.hashCode() & 0x7FFFFFFFL : key.hashCode() & 0x7FFFFFFFL;
            }
        } catch (IOException e) {
            throw errno(e);
        }
    }

    private static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    @Override
    public FileHandle open(String path, int flags, boolean read, boolean write) throws ErrnoException {
        Path p = resolve(path, true);
        Set<OpenOption> opts = new HashSet<>();
        if (write) {
            opts.add(StandardOpenOption.WRITE);
        }
        if (read || !write) {
            opts.add(StandardOpenOption.READ);
        }
        try {
            if (Files.isDirectory(p)) {
                throw new ErrnoException(Errno.ISDIR);
            }
            if ((flags & CREATE) != 0) {
                if ((flags & EXCLUSIVE) != 0) {
                    Files.createFile(p);
                } else if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createFile(p);
                    } catch (FileAlreadyExistsException e) {
                        // created meanwhile: open it as it is
                    }
                }
            }
            FileChannel ch = FileChannel.open(p, opts);
            if ((flags & TRUNCATE) != 0) {
                if (!write) {
                    ch.close();
                    try (FileChannel w = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        w.truncate(0);
                    }
                    ch = FileChannel.open(p, opts);
                } else {
                    ch.truncate(0);
                }
            }
            return new Handle(p, ch);
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public String[] list(String path) throws ErrnoException {
        Path p = resolve(path, true);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path e : ds) {
                names.add(e.getFileName().toString());
            }
        } catch (IOException e) {
            throw errno(e);
        }
        Collections.sort(names);
        return names.toArray(new String[0]);
    }

    @Override
    public void createDirectory(String path) throws ErrnoException {
        try {
            Files.createDirectory(resolve(path, false));
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void removeDirectory(String path) throws ErrnoException {
        Path p = resolve(path, false);
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new ErrnoException(Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Errno.NOTDIR : Errno.NOENT);
        }
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void unlinkFile(String path) throws ErrnoException {
        Path p = resolve(path, false);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new ErrnoException(Errno.ISDIR);
        }
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw errno(e);
        }
    }

    @Override
    public void rename(String from, String to) throws ErrnoException {
        Path a = resolve(from, false);
        Path b = resolve(to, false);
        try {
            if (Files.isDirectory(b, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)) {
                throw new ErrnoException(Errno.ISDIR);
            }
            Files.move(a, b, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
        } else if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
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
        } else {
            n = Errno.IO;
        }
        return new ErrnoException(n, e.getMessage());
    }

    /** An open host file. */
    static final class Handle implements FileHandle {
        private final Path path;
        private final FileChannel ch;

        Handle(Path path, FileChannel ch) {
            this.path = path;
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
            HostFileSystem.stat(path, true, out);
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
