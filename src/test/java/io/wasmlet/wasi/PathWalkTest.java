package io.wasmlet.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link PathWalk} over the in-memory storage: which directory and name a path comes to, and
 * that nothing outside the descriptor's directory is ever asked about.
 */
class PathWalkTest {
    final MemoryFiles fs = new MemoryFiles()
            .dir("box").dir("box/a").dir("box/a/b").file("box/a/f.txt", "f").file("box/top.txt", "t")
            .file("secret", "s")
            .link("box/up", "..").link("box/abs", "/box/top.txt").link("box/a/back", "../top.txt")
            .link("box/a/out", "../../secret").link("box/ab", "a/b").link("box/loop", "loop")
            .link("box/self", ".").link("box/dangling", "a/new.txt").link("box/a/b/deep", "../../up/box");
    final Directory base = fs.at("box");
    final PathWalk walk = new PathWalk();

    String walk(String path, boolean follow) throws ErrnoException {
        walk.walk(base, path, follow);
        String where = ((MemoryFiles.Dir) walk.dir).path + " : " + walk.name;
        walk.release();
        return where;
    }

    int refused(String path, boolean follow) {
        return assertThrows(ErrnoException.class, () -> walk.walk(base, path, follow), path).errno;
    }

    @Test
    void componentsAndDots() throws ErrnoException {
        assertEquals("box/a : f.txt", walk("a/f.txt", false));
        assertEquals("box/a : b", walk("a/./b/", false));
        assertTrue(walk.mustBeDirectory, "a trailing slash: it must be a directory");
        assertEquals("box : .", walk("a/..", false));
        assertEquals("box : .", walk(".", false));
        assertEquals("box/a : missing", walk("a/missing", true), "a last component that does not exist");
        assertEquals(Errno.NOENT, refused("missing/x", true));
        assertEquals(Errno.NOTDIR, refused("top.txt/x", true));
        assertEquals(Errno.NOENT, refused("", true));
    }

    @Test
    void linksInsideAreWalkedInPlace() throws ErrnoException {
        assertEquals("box : top.txt", walk("a/back", true));
        assertEquals("box/a : back", walk("a/back", false), "the last link itself when not following");
        assertEquals("box : top.txt", walk("ab/../../top.txt", true), "'..' after the link: ab -> a/b, up twice");
        assertEquals("box : .", walk("self", true));
        assertEquals("box/a : new.txt", walk("dangling", true), "a dangling link names where to create");
        assertEquals("box/a/b : x", walk("ab/x", false));
    }

    @Test
    void escapesAndLoopsAreRefused() {
        for (String p : new String[] {"..", "/box", "up", "up/secret", "abs", "a/out", "a/b/deep", "a/../..", "self/.."}) {
            assertEquals(Errno.NOTCAPABLE, refused(p, true), p);
        }
        assertEquals(Errno.NOTCAPABLE, refused("up/", false), "a trailing slash follows the last link");
        assertEquals(Errno.LOOP, refused("loop", true));
        assertEquals(Errno.LOOP, refused("loop/x", false));
        for (String touched : fs.seen) {
            assertTrue(touched.startsWith("box"), "asked about something outside: " + touched);
        }
    }

    @Test
    void fortyLinksAreFollowedButNotFortyOne() throws ErrnoException {
        MemoryFiles chain = new MemoryFiles().file("end", "e");
        for (int i = 0; i < 41; i++) {
            chain.link("l" + i, i == 0 ? "end" : "l" + (i - 1));
        }
        PathWalk w = new PathWalk();
        w.walk(chain.root(), "l39", true);
        assertEquals("end", w.name);
        w.release();
        assertEquals(Errno.LOOP, assertThrows(ErrnoException.class, () -> w.walk(chain.root(), "l40", true)).errno);
    }
}
