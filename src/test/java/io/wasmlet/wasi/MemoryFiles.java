package io.wasmlet.wasi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A small in-memory {@link FileSystem} for the tests: what a board port without storage
 * might do. Records every path it is handed, so tests can check what the WASI layer resolved.
 */
final class MemoryFiles implements FileSystem {
    /** Directories (value null) and files (their bytes), by normalised path; "" is the root. */
    final TreeMap<String, byte[][]> nodes = new TreeMap<>();
    /** Every path handed to this file system, in order. */
    final List<String> seen = new ArrayList<>();
    /** When set, every call throws this (a buggy port). */
    RuntimeException failWith;

    MemoryFiles() {
        nodes.put("", null);
    }

    MemoryFiles dir(String path) {
        nodes.put(path, null);
        return this;
    }

    MemoryFiles file(String path, String content) {
        nodes.put(path, new byte[][] {content.getBytes(java.nio.charset.StandardCharsets.UTF_8)});
        return this;
    }

    private void enter(String path) {
        seen.add(path);
        if (failWith != null) {
            throw failWith;
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private void checkParent(String path) throws ErrnoException {
        String p = parent(path);
        if (!nodes.containsKey(p)) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (nodes.get(p) != null) {
            throw new ErrnoException(Errno.NOTDIR);
        }
    }

    @Override
    public void stat(String path, boolean follow, FileStat out) throws ErrnoException {
        enter(path);
        if (!nodes.containsKey(path)) {
            checkParent(path);
            throw new ErrnoException(Errno.NOENT);
        }
        byte[][] f = nodes.get(path);
        out.filetype = f == null ? FileStat.DIRECTORY : FileStat.REGULAR_FILE;
        out.size = f == null ? 0 : f[0].length;
        out.inode = nodes.headMap(path).size() + 1;
    }

    @Override
    public FileHandle open(String path, int flags, boolean read, boolean write) throws ErrnoException {
        enter(path);
        checkParent(path);
        byte[][] f = nodes.get(path);
        if (nodes.containsKey(path) && f == null) {
            throw new ErrnoException(Errno.ISDIR);
        }
        if (f == null) {
            if ((flags & CREATE) == 0) {
                throw new ErrnoException(Errno.NOENT);
            }
            f = new byte[][] {new byte[0]};
            nodes.put(path, f);
        } else if ((flags & EXCLUSIVE) != 0) {
            throw new ErrnoException(Errno.EXIST);
        }
        if ((flags & TRUNCATE) != 0) {
            f[0] = new byte[0];
        }
        final byte[][] data = f;
        return new FileHandle() {
            @Override
            public int read(long position, byte[] buf, int off, int len) {
                if (position >= data[0].length) {
                    return 0;
                }
                int n = (int) Math.min(len, data[0].length - position);
                System.arraycopy(data[0], (int) position, buf, off, n);
                return n;
            }

            @Override
            public void write(long position, byte[] buf, int off, int len) {
                if (position + len > data[0].length) {
                    setSize(position + len);
                }
                System.arraycopy(buf, off, data[0], (int) position, len);
            }

            @Override
            public long size() {
                return data[0].length;
            }

            @Override
            public void setSize(long size) {
                data[0] = java.util.Arrays.copyOf(data[0], (int) size);
            }

            @Override
            public void sync() {
            }

            @Override
            public void stat(FileStat out) {
                out.filetype = FileStat.REGULAR_FILE;
                out.size = data[0].length;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String[] list(String path) throws ErrnoException {
        enter(path);
        if (!nodes.containsKey(path)) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (nodes.get(path) != null) {
            throw new ErrnoException(Errno.NOTDIR);
        }
        List<String> names = new ArrayList<>();
        for (String p : nodes.keySet()) {
            if (!p.isEmpty() && !p.equals(path) && parent(p).equals(path)) {
                names.add(p.substring(path.isEmpty() ? 0 : path.length() + 1));
            }
        }
        return names.toArray(new String[0]);
    }

    @Override
    public void createDirectory(String path) throws ErrnoException {
        enter(path);
        checkParent(path);
        if (nodes.containsKey(path)) {
            throw new ErrnoException(Errno.EXIST);
        }
        nodes.put(path, null);
    }

    @Override
    public void removeDirectory(String path) throws ErrnoException {
        enter(path);
        if (!nodes.containsKey(path)) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (nodes.get(path) != null) {
            throw new ErrnoException(Errno.NOTDIR);
        }
        if (list(path).length > 0) {
            throw new ErrnoException(Errno.NOTEMPTY);
        }
        nodes.remove(path);
    }

    @Override
    public void unlinkFile(String path) throws ErrnoException {
        enter(path);
        if (!nodes.containsKey(path)) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (nodes.get(path) == null) {
            throw new ErrnoException(Errno.ISDIR);
        }
        nodes.remove(path);
    }

    @Override
    public void rename(String from, String to) throws ErrnoException {
        enter(from);
        enter(to);
        if (!nodes.containsKey(from)) {
            throw new ErrnoException(Errno.NOENT);
        }
        checkParent(to);
        nodes.put(to, nodes.remove(from));
    }
}
