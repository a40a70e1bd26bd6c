package io.wasmlet.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import io.wasmlet.wasi.Errno;
import io.wasmlet.wasi.FileStat;
import io.wasmlet.wasi.WasiPreview1;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program given {@code --dir D} gets at nothing outside {@code D} through the symbolic links
 * already in {@code D}: the WASI calls one by one over a real host directory.
 */
class HostSandboxTest {
    static final long RW = 2 | 64; // fd_read | fd_write
    static final int FOLLOW = 1;
    static final int O_CREAT = 1;
    static final int O_DIRECTORY = 2;
    static final int O_TRUNC = 8;

    @TempDir
    Path tmp;
    Path root;
    Path outside;
    Store store;
    Memory memory;
    Imports imports;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(outside.resolve("sub"));
        Files.writeString(root.resolve("file.txt"), "hello");
        Files.createDirectories(root.resolve("dir/deeper"));
        Files.writeString(root.resolve("dir/inner.txt"), "inner");
        link("passwd", "/etc/passwd");
        link("out", outside.toString());
        link("rel-out", "../outside");
        link("secret", "../outside/secret.txt");
        link("up", "..");
        link("upup", "dir/../..");
        link("chain1", "chain2");
        link("chain2", "chain3");
        link("chain3", "../outside/secret.txt");
        link("loop1", "loop2");
        link("loop2", "loop1");
        link("abs-in", root.toRealPath().resolve("file.txt").toString());
        link("dangling-out", "../outside/created.txt");
        link("dangling-chain", "dir/dangle");
        link("dir/dangle", "../../outside/created.txt");
        link("in", "dir");
        link("in-chain", "in");
        link("dir/back", "../file.txt");
        link("dir/esc", "../../outside/secret.txt");
        link("dir/deeper/esc2", "../../up/outside");
        store = new Store();
        memory = new Memory(1, -1);
        imports = new Imports();
        WasiPreview1 wasi = new WasiPreview1();
        wasi.addTo(imports);
        wasi.bind(memory);
        assertEquals(3, wasi.preopen("/data", HostDirectory.open(root)));
    }

    void link(String name, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(name), Paths.get(target));
    }

    int call(String name, long... args) {
        Function f = imports.function(WasiPreview1.MODULE, name);
        assertNotNull(f, name);
        return (int) store.invoke(f, args)[0];
    }

    /** Writes a path at 1000 and returns its length. */
    int path(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, memory.bytes(), 1000, b.length);
        return b.length;
    }

    int open(int dir, int lookup, String p, int oflags, long rights) {
        return call("path_open", dir, lookup, 1000, path(p), oflags, rights, rights, 0, 8);
    }

    int openedFd() {
        return memory.i32Load(8, 0);
    }

    /** Reads up to 100 bytes of descriptor {@code fd}. */
    String read(int fd) {
        memory.i32Store(16, 0, 2000);
        memory.i32Store(20, 0, 100);
        assertEquals(Errno.SUCCESS, call("fd_read", fd, 16, 1, 24));
        return new String(memory.bytes(), 2000, memory.i32Load(24, 0), StandardCharsets.UTF_8);
    }

    int filetype(int lookup, String p) {
        assertEquals(Errno.SUCCESS, call("path_filestat_get", 3, lookup, 1000, path(p), 100), p);
        return memory.bytes()[116];
    }

    static final String[] ESCAPES = {
        "passwd", "out", "out/secret.txt", "rel-out/secret.txt", "secret", "up", "up/outside/secret.txt",
        "upup", "chain1", "abs-in", "in/esc", "dir/esc", "in/../up/root/file.txt", "out/..", "out/../root/file.txt",
        "rel-out/../outside/secret.txt", "dir/deeper/esc2/secret.txt", "dir/../../outside/secret.txt",
    };

    @Test
    void linksLeadingOutAreRefusedWithEnotcapable() throws IOException {
        for (String p : ESCAPES) {
            assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, p, 0, RW), "open " + p);
            assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, p, O_TRUNC, RW), "truncate " + p);
            assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, p, O_DIRECTORY, 0), "opendir " + p);
            assertEquals(Errno.NOTCAPABLE, call("path_filestat_get", 3, FOLLOW, 1000, path(p), 100), "stat " + p);
            assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, p + "/", O_DIRECTORY, 0), "opendir " + p + "/");
        }
        for (String p : new String[] {"out/secret.txt", "rel-out/secret.txt", "up/outside/secret.txt", "in/esc/x",
            "out/sub", "out/new"}) {
            assertEquals(Errno.NOTCAPABLE, call("path_unlink_file", 3, 1000, path(p)), "unlink " + p);
            assertEquals(Errno.NOTCAPABLE, call("path_remove_directory", 3, 1000, path(p)), "rmdir " + p);
            assertEquals(Errno.NOTCAPABLE, call("path_create_directory", 3, 1000, path(p)), "mkdir " + p);
            assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, p, O_CREAT, RW), "create " + p);
            byte[] b = "stolen".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, memory.bytes(), 1200, b.length);
            assertEquals(Errno.NOTCAPABLE, call("path_rename", 3, 1000, path(p), 3, 1200, b.length), "rename " + p);
            assertEquals(Errno.NOTCAPABLE, call("path_rename", 3, 1200, b.length, 3, 1000, path(p)),
                    "rename to " + p);
        }
        assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, "dangling-out", O_CREAT, RW), "create through a dangling link");
        assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, "dangling-chain", O_CREAT, RW), "through a link to one");
        assertEquals(Errno.NOTCAPABLE, open(3, FOLLOW, "dangling-chain", O_CREAT | O_TRUNC, RW));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")), "nothing outside was truncated");
        assertTrue(Files.isDirectory(outside.resolve("sub")), "nor removed");
        assertFalse(Files.exists(outside.resolve("new")), "nor created");
        assertFalse(Files.exists(outside.resolve("created.txt")), "nor created through the dangling link");
        assertFalse(Files.exists(root.resolve("stolen")), "nor moved in");
    }

    @Test
    void linksThatStayInsideAreFollowed() {
        assertEquals(Errno.SUCCESS, open(3, FOLLOW, "in/inner.txt", 0, RW));
        assertEquals("inner", read(openedFd()));
        assertEquals(Errno.SUCCESS, open(3, FOLLOW, "dir/back", 0, RW));
        assertEquals("hello", read(openedFd()), "a link climbing to its preopen's level");
        assertEquals(Errno.SUCCESS, open(3, FOLLOW, "in-chain/../file.txt", 0, RW));
        assertEquals("hello", read(openedFd()), "'..' applies after the links: in-chain -> in -> dir, then up");
        assertEquals(FileStat.DIRECTORY, filetype(FOLLOW, "in-chain"));
        assertEquals(Errno.SUCCESS, open(3, FOLLOW, "in", O_DIRECTORY, 0));
        int in = openedFd();
        assertEquals(Errno.SUCCESS, open(in, FOLLOW, "inner.txt", 0, RW));
        assertEquals("inner", read(openedFd()));
        assertEquals(Errno.NOTCAPABLE, open(in, FOLLOW, "back", 0, RW), "a link above a descriptor (cap-std's rule)");
        assertEquals(Errno.NOTCAPABLE, open(in, FOLLOW, "../file.txt", 0, RW), "'..' above a descriptor");
        assertEquals(Errno.NOTCAPABLE, open(in, FOLLOW, "back/../file.txt", 0, RW));
    }

    @Test
    void loopsAndNofollow() {
        assertEquals(Errno.LOOP, open(3, FOLLOW, "loop1", 0, RW));
        assertEquals(Errno.LOOP, call("path_filestat_get", 3, FOLLOW, 1000, path("loop1"), 100));
        assertEquals(FileStat.SYMBOLIC_LINK, filetype(0, "loop1"), "not followed, the link itself is fine");
        assertEquals(FileStat.SYMBOLIC_LINK, filetype(0, "passwd"));
        assertEquals(FileStat.SYMBOLIC_LINK, filetype(0, "in"));
        assertEquals(Errno.LOOP, open(3, 0, "in", 0, RW), "O_NOFOLLOW on a link");
        assertEquals(Errno.LOOP, open(3, 0, "in", O_DIRECTORY, 0));
        assertEquals(Errno.LOOP, open(3, 0, "passwd", 0, RW));
        assertEquals(Errno.SUCCESS, open(3, 0, "in/inner.txt", 0, RW), "links before the last one are followed");
        assertEquals(FileStat.DIRECTORY, filetype(0, "in/"), "a trailing slash follows");
    }

    @Test
    void unlinkAndRenameActOnTheLinkItself() throws IOException {
        assertEquals(Errno.SUCCESS, call("path_unlink_file", 3, 1000, path("passwd")));
        assertFalse(Files.exists(root.resolve("passwd"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(Paths.get("/etc/passwd")));
        byte[] b = "moved".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, memory.bytes(), 1200, b.length);
        assertEquals(Errno.SUCCESS, call("path_rename", 3, 1000, path("out"), 3, 1200, b.length));
        assertTrue(Files.isSymbolicLink(root.resolve("moved")));
        assertTrue(Files.exists(outside.resolve("secret.txt")));
    }

    @Test
    void aDirectoryDescriptorFollowsItsDirectoryWhenRenamed() throws IOException {
        Files.writeString(root.resolve("dir/deeper/f.txt"), "original");
        assertEquals(Errno.SUCCESS, open(3, FOLLOW, "dir/deeper", O_DIRECTORY, 0));
        int fd = openedFd();
        // renamed on the host, and something else put where it was
        Files.move(root.resolve("dir/deeper"), root.resolve("renamed"));
        Files.createDirectories(root.resolve("dir/deeper"));
        Files.writeString(root.resolve("dir/deeper/f.txt"), "impostor");
        assertEquals(Errno.SUCCESS, open(fd, FOLLOW, "f.txt", 0, RW));
        assertEquals("original", read(openedFd()));
        // renamed through WASI, and a link to the outside put where it was
        byte[] b = "again".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, memory.bytes(), 1200, b.length);
        assertEquals(Errno.SUCCESS, call("path_rename", 3, 1000, path("renamed"), 3, 1200, b.length));
        Files.createSymbolicLink(root.resolve("renamed"), outside);
        assertEquals(Errno.SUCCESS, open(fd, FOLLOW, "f.txt", 0, RW));
        assertEquals("original", read(openedFd()));
        assertEquals(Errno.SUCCESS, call("path_create_directory", fd, 1000, path("made")));
        assertTrue(Files.isDirectory(root.resolve("again/made")), "mkdir reaches the moved directory");
        assertEquals(Errno.SUCCESS, open(fd, FOLLOW, "new.txt", O_CREAT, RW));
        assertTrue(Files.exists(root.resolve("again/new.txt")));
        assertFalse(Files.exists(outside.resolve("new.txt")));
    }
}
