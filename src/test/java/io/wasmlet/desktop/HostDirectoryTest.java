package io.wasmlet.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmlet.wasi.Directory;
import io.wasmlet.wasi.Errno;
import io.wasmlet.wasi.ErrnoException;
import io.wasmlet.wasi.FileHandle;
import io.wasmlet.wasi.FileStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's WASI directory handle: errno mapping, never following a link, positioned I/O. */
class HostDirectoryTest {
    @TempDir
    Path tmp;
    Path root;
    HostDirectory dir;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(root.resolve("file.txt"), "hello");
        Files.createDirectories(root.resolve("dir"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("secret-link"), outside.resolve("secret.txt"));
        dir = HostDirectory.open(root);
    }

    @AfterEach
    void tearDown() throws ErrnoException {
        dir.close();
    }

    static int errno(ThrowingCall c) {
        return assertThrows(ErrnoException.class, c::run).errno;
    }

    interface ThrowingCall {
        void run() throws ErrnoException;
    }

    @Test
    void noCallFollowsALink() throws ErrnoException {
        FileStat st = new FileStat();
        dir.stat("secret-link", st);
        assertEquals(FileStat.SYMBOLIC_LINK, st.filetype, "the link itself");
        assertEquals(tmp.resolve("outside/secret.txt").toString(), dir.readLink("secret-link"));
        assertEquals(Errno.INVAL, errno(() -> dir.readLink("file.txt")));
        assertEquals(Errno.LOOP, errno(() -> dir.openFile("secret-link", 0, true, false)));
        assertEquals(Errno.LOOP, errno(() -> dir.openFile("secret-link", Directory.TRUNCATE, false, true)));
        assertEquals(Errno.LOOP, errno(() -> dir.openDirectory("out")));
        assertEquals(Errno.NOTDIR, errno(() -> dir.removeDirectory("out")));
        assertEquals("secret", readString(tmp.resolve("outside/secret.txt")), "nothing was truncated");
        dir.unlinkFile("out");
        assertEquals(false, Files.exists(root.resolve("out"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(true, Files.exists(tmp.resolve("outside/secret.txt")), "only the link went");
    }

    static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHandleStaysWithItsDirectory() throws ErrnoException, IOException {
        Directory sub = dir.openDirectory("dir");
        Files.move(root.resolve("dir"), root.resolve("moved"));
        Files.createDirectories(root.resolve("dir"));
        sub.openFile("x.txt", Directory.CREATE, false, true).close();
        sub.createDirectory("made");
        assertEquals(true, Files.exists(root.resolve("moved/x.txt")), "created in the renamed directory");
        assertEquals(true, Files.isDirectory(root.resolve("moved/made")), "mkdir too");
        assertArrayEquals(new String[] {"made", "x.txt"}, sub.list());
        assertArrayEquals(new String[0], dir.openDirectory("dir").list());
        sub.close();
    }

    @Test
    void errnoMapping() throws ErrnoException {
        FileStat st = new FileStat();
        assertEquals(Errno.NOENT, errno(() -> dir.stat("missing", st)));
        assertEquals(Errno.NOENT, errno(() -> dir.openDirectory("missing")));
        assertEquals(Errno.EXIST, errno(() -> dir.openFile("file.txt", Directory.CREATE | Directory.EXCLUSIVE, false, true)));
        assertEquals(Errno.ISDIR, errno(() -> dir.openFile("dir", 0, true, false)));
        assertEquals(Errno.EXIST, errno(() -> dir.createDirectory("dir")));
        assertEquals(Errno.NOTDIR, errno(() -> dir.removeDirectory("file.txt")));
        assertEquals(Errno.ISDIR, errno(() -> dir.unlinkFile("dir")));
        assertEquals(Errno.NOTDIR, errno(() -> dir.openDirectory("file.txt")));
        Directory d = dir.openDirectory("dir");
        d.openFile("inner.txt", Directory.CREATE, false, true).close();
        d.close();
        assertEquals(Errno.NOTEMPTY, errno(() -> dir.removeDirectory("dir")));
        assertEquals(Errno.ISDIR, errno(() -> dir.rename("file.txt", dir, "dir")));
        dir.stat(".", st);
        assertEquals(FileStat.DIRECTORY, st.filetype);
        assertArrayEquals(new String[] {"dir", "file.txt", "out", "secret-link"}, dir.list());
    }

    @Test
    void positionedReadsAndWrites() throws ErrnoException, IOException {
        FileHandle h = dir.openFile("new.txt", Directory.CREATE | Directory.TRUNCATE, true, true);
        byte[] b = "abcdef".getBytes(StandardCharsets.US_ASCII);
        h.write(0, b, 0, 6);
        h.write(10, b, 0, 2);
        assertEquals(12, h.size());
        byte[] r = new byte[4];
        assertEquals(4, h.read(2, r, 0, 4));
        assertArrayEquals("cdef".getBytes(StandardCharsets.US_ASCII), r);
        assertEquals(0, h.read(100, r, 0, 4), "past the end");
        h.setSize(3);
        FileStat st = new FileStat();
        h.stat(st);
        assertEquals(3, st.size);
        assertEquals(FileStat.REGULAR_FILE, st.filetype);
        FileStat byName = new FileStat();
        dir.stat("new.txt", byName);
        assertEquals(byName.inode, st.inode, "the same inode by handle and by name");
        h.close();
        assertEquals("abc", Files.readString(root.resolve("new.txt")));
        FileHandle ro = dir.openFile("file.txt", Directory.TRUNCATE, true, false);
        ro.close();
        assertEquals("", Files.readString(root.resolve("file.txt")), "O_TRUNC without write access still truncates");
    }
}
