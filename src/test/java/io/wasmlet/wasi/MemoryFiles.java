package io.wasmlet.wasi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A small in-memory storage for the tests, with directories, files and symbolic links: what a
 * board port might do, with real handles (a {@link Directory} is its node, so it survives a
 * rename). Records the node path of every call, so tests can check what the WASI layer touched.
 */
final class MemoryFiles {
    /** A directory ({@link #children}), a file ({@link #data}) or a link ({@link #link}). */
    static final class Node {
        final TreeMap<String, Node> children;
        byte[] data;
        final String link;
        final long inode;

        Node(TreeMap<String, Node> children, byte[] data, String link, long inode) {
            this.children = children;
            this.data = data;
            this.link = link;
            this.inode = inode;
        }
    }

    final Node top = new Node(new TreeMap<>(), null, null, 1);
    /** The node path ("dir/name") of every call, in order. */
    final List<String> seen = new ArrayList<>();
    /** When set, every call throws this (a buggy port). */
    RuntimeException failWith;
    private long inodes = 1;

    MemoryFiles dir(String path) {
        return add(path, new Node(new TreeMap<>(), null, null, ++inodes));
    }

    MemoryFiles file(String path, String content) {
        return add(path, new Node(null, content.getBytes(StandardCharsets.UTF_8), null, ++inodes));
    }

    MemoryFiles link(String path, String target) {
        return add(path, new Node(null, null, target, ++inodes));
    }

    private MemoryFiles add(String path, Node n) {
        int slash = path.lastIndexOf('/');
        node(slash < 0 ? "" : path.substring(0, slash)).children.put(path.substring(slash + 1), n);
        return this;
    }

    /** The node at {@code path} (no links followed), or null. */
    Node node(String path) {
        Node n = top;
        for (String c : path.split("/")) {
            if (c.isEmpty()) {
                continue;
            }
            n = n == null || n.children == null ? null : n.children.get(c);
        }
        return n;
    }

    boolean exists(String path) {
        return node(path) != null;
    }

    String content(String path) {
        return new String(node(path).data, StandardCharsets.UTF_8);
    }

    /** The whole storage as a preopen. */
    Directory root() {
        return new Dir(top, "");
    }

    /** The directory at {@code path} as a preopen (what is beside or above it is outside). */
    Directory at(String path) {
        return new Dir(node(path), path);
    }

    final class Dir implements Directory {
        final Node node;
        /** The node's path when opened (for {@link #seen} only). */
        final String path;

        Dir(Node node, String path) {
            this.node = node;
            this.path = path;
        }

        private Node enter(String name) {
            seen.add(name.equals(".") ? path : path.isEmpty() ? name : path + "/" + name);
            if (failWith != null) {
                throw failWith;
            }
            return name.equals(".") ? node : node.children.get(name);
        }

        private Node existing(String name) throws ErrnoException {
            Node n = enter(name);
            if (n == null) {
                throw new ErrnoException(Errno.NOENT);
            }
            return n;
        }

        @Override
        public void stat(String name, FileStat out) throws ErrnoException {
            Node n = existing(name);
            out.filetype = n.children != null ? FileStat.DIRECTORY
                    : n.link != null ? FileStat.SYMBOLIC_LINK : FileStat.REGULAR_FILE;
            out.size = n.data != null ? n.data.length : n.link != null ? n.link.length() : 0;
            out.inode = n.inode;
        }

        @Override
        public String readLink(String name) throws ErrnoException {
            Node n = existing(name);
            if (n.link == null) {
                throw new ErrnoException(Errno.INVAL);
            }
            return n.link;
        }

        @Override
        public Directory openDirectory(String name) throws ErrnoException {
            Node n = existing(name);
            if (n.link != null) {
                throw new ErrnoException(Errno.LOOP);
            }
            if (n.children == null) {
                throw new ErrnoException(Errno.NOTDIR);
            }
            return new Dir(n, name.equals(".") ? path : path.isEmpty() ? name : path + "/" + name);
        }

        @Override
        public FileHandle openFile(String name, int flags, boolean read, boolean write) throws ErrnoException {
            Node f = enter(name);
            if (f != null && f.children != null) {
                throw new ErrnoException(Errno.ISDIR);
            }
            if (f != null && f.link != null) {
                throw new ErrnoException(Errno.LOOP);
            }
            if (f == null) {
                if ((flags & CREATE) == 0) {
                    throw new ErrnoException(Errno.NOENT);
                }
                f = new Node(null, new byte[0], null, ++inodes);
                node.children.put(name, f);
            } else if ((flags & EXCLUSIVE) != 0) {
                throw new ErrnoException(Errno.EXIST);
            }
            if ((flags & TRUNCATE) != 0) {
                f.data = new byte[0];
            }
            final Node data = f;
            return new FileHandle() {
                @Override
                public int read(long position, byte[] buf, int off, int len) {
                    if (position >= data.data.length) {
                        return 0;
                    }
                    int n = (int) Math.min(len, data.data.length - position);
                    System.arraycopy(data.data, (int) position, buf, off, n);
                    return n;
                }

                @Override
                public void write(long position, byte[] buf, int off, int len) {
                    if (position + len > data.data.length) {
                        setSize(position + len);
                    }
                    System.arraycopy(buf, off, data.data, (int) position, len);
                }

                @Override
                public long size() {
                    return data.data.length;
                }

                @Override
                public void setSize(long size) {
                    data.data = Arrays.copyOf(data.data, (int) size);
                }

                @Override
                public void sync() {
                }

                @Override
                public void stat(FileStat out) {
                    out.filetype = FileStat.REGULAR_FILE;
                    out.size = data.data.length;
                    out.inode = data.inode;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String[] list() {
            enter(".");
            return node.children.keySet().toArray(new String[0]);
        }

        @Override
        public void createDirectory(String name) throws ErrnoException {
            if (enter(name) != null) {
                throw new ErrnoException(Errno.EXIST);
            }
            node.children.put(name, new Node(new TreeMap<>(), null, null, ++inodes));
        }

        @Override
        public void removeDirectory(String name) throws ErrnoException {
            Node n = existing(name);
            if (n.children == null) {
                throw new ErrnoException(Errno.NOTDIR);
            }
            if (!n.children.isEmpty()) {
                throw new ErrnoException(Errno.NOTEMPTY);
            }
            node.children.remove(name);
        }

        @Override
        public void unlinkFile(String name) throws ErrnoException {
            Node n = existing(name);
            if (n.children != null) {
                throw new ErrnoException(Errno.ISDIR);
            }
            node.children.remove(name);
        }

        @Override
        public void rename(String from, Directory target, String to) throws ErrnoException {
            Node n = existing(from);
            if (!(target instanceof Dir)) {
                throw new ErrnoException(Errno.XDEV);
            }
            Dir t = (Dir) target;
            t.enter(to);
            node.children.remove(from);
            t.node.children.put(to, n);
        }

        @Override
        public void close() {
        }
    }
}
