package io.wasmlet.wasi;

import java.util.Vector;

/**
 * One path lookup beneath a directory descriptor, one component at a time, with the rules of
 * Linux's {@code openat2(RESOLVE_BENEATH)} and of cap-std:
 * <ul>
 *   <li>an absolute path, and a {@code ..} at the descriptor's own directory, give
 *       {@link Errno#NOTCAPABLE};</li>
 *   <li>{@code ..} goes back to the directory the walk came from, so it applies after links:
 *       {@code link/..} with {@code link -> a/b} is {@code a};</li>
 *   <li>a symbolic link on the way (and the last one when the call follows links) is read and
 *       its target walked in its place, relative to the directory holding it; a target that is
 *       absolute or climbs above the descriptor gives {@link Errno#NOTCAPABLE}; more than
 *       {@link #MAX_LINKS} links in one lookup give {@link Errno#LOOP};</li>
 *   <li>every directory on the way is opened as a handle ({@link Directory#openDirectory}),
 *       which never follows a link, and closed by {@link #release}.</li>
 * </ul>
 * The result is the directory holding the last component ({@link #dir}) and that component
 * ({@link #name}), which the call then operates on without following anything.
 */
final class PathWalk {
    /** The most symbolic links one lookup follows (Linux's limit is 40 as well). */
    static final int MAX_LINKS = 40;

    /** After {@link #walk}: the directory holding the last component. */
    Directory dir;
    /**
     * After {@link #walk}: the last component, one name of {@link #dir}, or {@code "."} when
     * the path names {@link #dir} itself (such as {@code "."} or {@code "a/.."}). It may not exist.
     */
    String name;
    /** After {@link #walk}: the path ended in {@code /} or {@code /.}, so it must name a directory. */
    boolean mustBeDirectory;

    /** The directories this walk opened, innermost last; the base is not among them. */
    private final Vector opened = new Vector();
    /** Components still to walk, next first. */
    private final Vector pending = new Vector();
    private final FileStat stat = new FileStat();

    /**
     * Walks {@code path} from {@code base}. On success the caller uses {@link #dir} and
     * {@link #name}, then calls {@link #release}; on failure everything is released already.
     *
     * @param followLast whether a symbolic link as the last component is followed (always, when
     *                   the path ends in {@code /})
     */
    void walk(Directory base, String path, boolean followLast) throws ErrnoException {
        release();
        int n = path.length();
        if (n == 0) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (path.charAt(0) == '/') {
            throw new ErrnoException(Errno.NOTCAPABLE);
        }
        mustBeDirectory = path.charAt(n - 1) == '/' || path.endsWith("/.");
        boolean follow = followLast || mustBeDirectory;
        pending.removeAllElements();
        push(path);
        dir = base;
        int links = 0;
        try {
            while (pending.size() > 0) {
                String c = (String) pending.elementAt(0);
                pending.removeElementAt(0);
                if (c.equals("..")) {
                    int depth = opened.size();
                    if (depth == 0) {
                        throw new ErrnoException(Errno.NOTCAPABLE);
                    }
                    Directory up = (Directory) opened.elementAt(depth - 1);
                    opened.removeElementAt(depth - 1);
                    dir = depth == 1 ? base : (Directory) opened.elementAt(depth - 2);
                    up.close();
                    continue;
                }
                boolean last = pending.size() == 0;
                if (last && !follow) {
                    name = c;
                    return;
                }
                stat.clear();
                try {
                    dir.stat(c, stat);
                } catch (ErrnoException e) {
                    if (last && e.errno == Errno.NOENT) {
                        name = c;
                        return;
                    }
                    throw e;
                }
                if (stat.filetype == FileStat.SYMBOLIC_LINK) {
                    if (++links > MAX_LINKS) {
                        throw new ErrnoException(Errno.LOOP);
                    }
                    String target = dir.readLink(c);
                    if (target.length() == 0) {
                        throw new ErrnoException(Errno.NOENT);
                    }
                    if (target.charAt(0) == '/') {
                        throw new ErrnoException(Errno.NOTCAPABLE);
                    }
                    push(target);
                    continue;
                }
                if (last) {
                    name = c;
                    return;
                }
                if (stat.filetype != FileStat.DIRECTORY) {
                    throw new ErrnoException(Errno.NOTDIR);
                }
                Directory d = dir.openDirectory(c);
                opened.addElement(d);
                dir = d;
            }
            name = ".";
        } catch (ErrnoException e) {
            release();
            throw e;
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Puts the components of {@code path} in front of the pending ones, dropping empty ones and {@code .}. */
    private void push(String path) {
        int at = 0;
        int start = 0;
        int n = path.length();
        while (start <= n) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                slash = n;
            }
            if (slash > start && !(slash == start + 1 && path.charAt(start) == '.')) {
                pending.insertElementAt(path.substring(start, slash), at++);
            }
            start = slash + 1;
        }
    }

    /** Closes the directories the last walk opened; {@link #dir} is unusable afterwards. */
    void release() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                ((Directory) opened.elementAt(i)).close();
            } catch (ErrnoException e) {
                // nothing to report it to: the call's own result stands
            } catch (RuntimeException e) {
                // the same, from a faulty port
            }
        }
        opened.removeAllElements();
        dir = null;
        name = null;
    }
}
