package io.wasmlet.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmlet.wasi.Errno;
import io.wasmlet.wasi.ErrnoException;
import io.wasmlet.wasi.FileHandle;
import io.wasmlet.wasi.FileStat;
import io.wasmlet.wasi.FileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's WASI file system: errno mapping, and no way out of the directory by a symbolic link. */
class HostFileSystemTest {
    @TempDir
    Path tmp;
    Path root;
    HostFileSystem fs;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(root.resolve("file.txt"), "hello");
        Files.createDirectories(root.resolve("dir"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("secret-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling-out"), tmp.resolve("nowhere.txt"));
        Files.createSymbolicLink(root.resolve("in"), root.resolve("dir"));
        fs = new HostFileSystem(root);
    }

    static int errno(ThrowingCall c) {
        return assertThrows(ErrnoException.class, c::run).errno;
    }

    interface ThrowingCall {
        void run() throws ErrnoException;
    }

    @Test
    void symbolicLinksOutOfTheDirectoryAreRefused() {
        FileStat st = new FileStat();
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.stat("out/secret.txt", true, st)));
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.open("out/secret.txt", 0, true, false)));
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.open("secret-link", 0, true, false)));
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.open("dangling-out", FileSystem.CREATE, false, true)));
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.list("out")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.createDirectory("out/new")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> fs.unlinkFile("out/secret.txt")));
        assertEquals(false, Files.exists(tmp.resolve("nowhere.txt")), "nothing was created outside");
    }

    @Test
    void linksThemselvesAndLinksInsideAreFine() throws ErrnoException {
        FileStat st = new FileStat();
        fs.stat("secret-link", false, st);
        assertEquals(FileStat.SYMBOLIC_LINK, st.filetype, "the link itself, not followed");
        st.clear();
        fs.stat("in", true, st);
        assertEquals(FileStat.DIRECTORY, st.filetype);
        fs.open("in/x.txt", FileSystem.CREATE, false, true).close();
        assertEquals(true, Files.exists(root.resolve("dir/x.txt")));
        assertArrayEquals(new String[] {"dangling-out", "dir", "file.txt", "in", "out", "secret-link"}, fs.list(""));
    }

    @Test
    void errnoMapping() throws ErrnoException {
        FileStat st = new FileStat();
        assertEquals(Errno.NOENT, errno(() -> fs.stat("missing", true, st)));
        assertEquals(Errno.NOENT, errno(() -> fs.open("missing/x", FileSystem.CREATE, false, true)));
        assertEquals(Errno.EXIST, errno(() -> fs.open("file.txt", FileSystem.CREATE | FileSystem.EXCLUSIVE, false, true)));
        assertEquals(Errno.ISDIR, errno(() -> fs.open("dir", 0, true, false)));
        assertEquals(Errno.EXIST, errno(() -> fs.createDirectory("dir")));
        assertEquals(Errno.NOTDIR, errno(() -> fs.removeDirectory("file.txt")));
        assertEquals(Errno.ISDIR, errno(() -> fs.unlinkFile("dir")));
        assertEquals(Errno.NOTDIR, errno(() -> fs.list("file.txt")));
        fs.open("dir/inner.txt", FileSystem.CREATE, false, true).close();
        assertEquals(Errno.NOTEMPTY, errno(() -> fs.removeDirectory("dir")));
        assertEquals(Errno.NOTDIR, errno(() -> fs.stat("file.txt/x", true, st)));
    }

    @Test
    void positionedReadsAndWrites() throws ErrnoException, IOException {
        FileHandle h = fs.open("new.txt", FileSystem.CREATE | FileSystem.TRUNCATE, true, true);
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
        h.close();
        assertEquals("abc", Files.readString(root.resolve("new.txt")));
        FileHandle ro = fs.open("file.txt", FileSystem.TRUNCATE, true, false);
        ro.close();
        assertEquals("", Files.readString(root.resolve("file.txt")), "O_TRUNC without write access still truncates");
    }
}
