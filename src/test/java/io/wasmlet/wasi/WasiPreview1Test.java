package io.wasmlet.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WASI calls one at a time, on a bare one-page memory: the errno paths (bad descriptors,
 * pointers outside the memory, paths leaving their directory, unsupported calls) and the data
 * each call writes.
 */
class WasiPreview1Test {
    static final int PAGE = 65536;

    Store store;
    Memory memory;
    Imports imports;
    ByteArrayOutputStream out;
    WasiPreview1 wasi;

    @BeforeEach
    void setUp() {
        store = new Store();
        memory = new Memory(1, -1);
        imports = new Imports();
        out = new ByteArrayOutputStream();
        wasi = new WasiPreview1().stdout(out).args(new String[] {"prog", "héllo"}).env(new String[] {"A=1"});
        wasi.addTo(imports);
        wasi.bind(memory);
    }

    /** Calls a WASI function by name with raw arguments; returns its errno. */
    int call(String name, long... args) {
        Function f = imports.function(WasiPreview1.MODULE, name);
        assertNotNull(f, name);
        return (int) store.invoke(f, args)[0];
    }

    byte[] mem() {
        return memory.bytes();
    }

    void poke(int addr, byte[] b) {
        System.arraycopy(b, 0, mem(), addr, b.length);
    }

    void poke(int addr, String s) {
        poke(addr, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a path at 1000 and returns its length. */
    int path(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        poke(1000, b);
        return b.length;
    }

    int i32(int addr) {
        return memory.i32Load(addr, 0);
    }

    long i64(int addr) {
        return memory.i64Load(addr, 0);
    }

    /** One iovec at {@code at}: {@code len} bytes at {@code buf}. */
    void iovec(int at, int buf, int len) {
        memory.i32Store(at, 0, buf);
        memory.i32Store(at, 4, len);
    }

    // ---- the function table ------------------------------------------------------------

    @Test
    void everyPreview1FunctionIsThere() {
        assertEquals(46, WasiPreview1.NAMES.length);
        assertEquals(WasiPreview1.NAMES.length, WasiPreview1.PARAMS.length);
        for (String name : WasiPreview1.NAMES) {
            assertTrue(WasiPreview1.defines(name), name);
            assertTrue(imports.has(WasiPreview1.MODULE, name), name);
        }
        assertEquals("[i32 i64 i32 i32] -> [i32]", WasiPreview1.type(WasiPreview1.FD_SEEK).toString());
        assertEquals("[i32 i32 i32 i32 i32 i64 i64 i32 i32] -> [i32]",
                WasiPreview1.type(WasiPreview1.PATH_OPEN).toString());
        assertEquals("[i32] -> []", WasiPreview1.type(WasiPreview1.PROC_EXIT).toString());
        assertEquals("[] -> [i32]", WasiPreview1.type(WasiPreview1.SCHED_YIELD).toString());
    }

    @Test
    void unsupportedFunctionsReturnEnosys() {
        assertEquals(Errno.NOSYS, call("sock_accept", 3, 0, 16));
        assertEquals(Errno.NOSYS, call("sock_recv", 3, 0, 0, 0, 16, 20));
        assertEquals(Errno.NOSYS, call("sock_send", 3, 0, 0, 0, 16));
        assertEquals(Errno.NOSYS, call("sock_shutdown", 3, 0));
        assertEquals(Errno.NOSYS, call("proc_raise", 6));
        assertEquals(Errno.NOSYS, call("path_symlink", 0, 1, 3, 0, 1));
        assertEquals(Errno.NOSYS, call("path_link", 3, 0, 0, 1, 3, 0, 1));
        assertEquals(Errno.NOSYS, call("path_readlink", 3, 0, 1, 0, 10, 16));
        assertEquals(Errno.NOSYS, call("fd_fdstat_set_rights", 1, 0, 0));
        assertEquals(Errno.NOSYS, call("fd_filestat_set_times", 1, 0, 0, 0));
        assertEquals(Errno.SUCCESS, call("sched_yield"));
    }

    // ---- bad descriptors ---------------------------------------------------------------

    @Test
    void badDescriptorsGiveEbadf() {
        iovec(16, 100, 1);
        assertEquals(Errno.BADF, call("fd_write", 99, 16, 1, 8));
        assertEquals(Errno.BADF, call("fd_write", -1, 16, 1, 8));
        assertEquals(Errno.BADF, call("fd_write", 0, 16, 1, 8), "stdin is not writable");
        assertEquals(Errno.BADF, call("fd_read", 1, 16, 1, 8), "stdout is not readable");
        assertEquals(Errno.BADF, call("fd_read", 0, 16, 1, 8), "no stdin was given");
        assertEquals(Errno.BADF, call("fd_write", 2, 16, 1, 8), "no stderr was given");
        assertEquals(Errno.BADF, call("fd_close", 77));
        assertEquals(Errno.BADF, call("fd_fdstat_get", 5, 32));
        assertEquals(Errno.BADF, call("fd_filestat_get", 5, 32));
        assertEquals(Errno.BADF, call("fd_prestat_get", 3, 32), "no preopens: the end of the scan");
        assertEquals(Errno.BADF, call("fd_prestat_get", 1, 32), "stdout is no preopen");
        assertEquals(Errno.BADF, call("fd_readdir", 9, 100, 100, 0, 8));
        assertEquals(Errno.BADF, call("fd_renumber", 9, 1));
        assertEquals(Errno.BADF, call("path_open", 9, 0, 1000, path("x"), 0, -1, -1, 0, 8));
        assertEquals(Errno.NOTDIR, call("path_open", 1, 0, 1000, path("x"), 0, -1, -1, 0, 8));
        assertEquals(Errno.SPIPE, call("fd_seek", 1, 0, 0, 8));
        assertEquals(Errno.SPIPE, call("fd_tell", 1, 8));
        assertEquals(Errno.SPIPE, call("fd_pwrite", 1, 16, 1, 0, 8));
        // a closed descriptor stays closed
        assertEquals(Errno.SUCCESS, call("fd_close", 1));
        assertEquals(Errno.BADF, call("fd_write", 1, 16, 1, 8));
        assertEquals(Errno.BADF, call("fd_close", 1));
    }

    // ---- pointers outside the memory ---------------------------------------------------

    @Test
    void outOfBoundsPointersGiveEfault() {
        poke(100, "hi");
        iovec(16, 100, 2);
        assertEquals(Errno.FAULT, call("fd_write", 1, PAGE - 4, 1, 8), "iovec array straddles the end");
        assertEquals(Errno.FAULT, call("fd_write", 1, 16, 0x2000_0000, 8), "iovec count reaches past the end");
        assertEquals(Errno.FAULT, call("fd_write", 1, 16, 1, PAGE - 2), "nwritten pointer");
        assertEquals(Errno.FAULT, call("fd_write", 1, 16, 1, 0xFFFF_FFFFL), "nwritten at 2^32-1");
        iovec(16, PAGE - 1, 2);
        assertEquals(Errno.FAULT, call("fd_write", 1, 16, 1, 8), "buffer straddles the end");
        iovec(16, 0xFFFF_FFF0, 0x20);
        assertEquals(Errno.FAULT, call("fd_write", 1, 16, 1, 8), "buffer wraps around 2^32");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing was written");
        assertEquals(Errno.FAULT, call("args_sizes_get", PAGE - 2, 0));
        assertEquals(Errno.FAULT, call("args_get", PAGE - 4, 0));
        assertEquals(Errno.FAULT, call("args_get", 0, PAGE - 3), "the strings do not fit");
        assertEquals(Errno.FAULT, call("environ_sizes_get", 0, PAGE));
        assertEquals(Errno.FAULT, call("random_get", PAGE - 10, 11));
        assertEquals(Errno.FAULT, call("random_get", 0, -1));
        assertEquals(Errno.FAULT, call("clock_time_get", 0, 0, PAGE - 7));
        assertEquals(Errno.FAULT, call("clock_res_get", 1, -8));
        assertEquals(Errno.FAULT, call("fd_fdstat_get", 1, PAGE - 23));
        assertEquals(Errno.FAULT, call("fd_filestat_get", 1, PAGE - 63));
        assertEquals(Errno.FAULT, call("poll_oneoff", PAGE - 47, 0, 1, 8));
        wasi.preopen("/sandbox", new MemoryFiles().root());
        assertEquals(Errno.FAULT, call("fd_prestat_dir_name", 3, PAGE - 4, 8));
        assertEquals(Errno.FAULT, call("path_open", 3, 0, PAGE - 2, 4, 0, -1, -1, 0, 8));
        assertEquals(Errno.FAULT, call("path_filestat_get", 3, 0, 1000, path("."), PAGE - 8));
        assertEquals(Errno.FAULT, call("fd_readdir", 3, PAGE - 8, 16, 0, 8));
    }

    @Test
    void withoutABoundMemoryEveryPointerFaults() {
        WasiPreview1 unbound = new WasiPreview1();
        Imports im = new Imports();
        unbound.addTo(im);
        Function f = im.function(WasiPreview1.MODULE, "args_sizes_get");
        assertEquals(Errno.FAULT, (int) store.invoke(f, new long[] {0, 4})[0]);
    }

    // ---- arguments, environment, clocks, randomness ------------------------------------

    @Test
    void argumentsAndEnvironment() {
        assertEquals(Errno.SUCCESS, call("args_sizes_get", 0, 4));
        assertEquals(2, i32(0));
        assertEquals("prog\0héllo\0".getBytes(StandardCharsets.UTF_8).length, i32(4));
        assertEquals(Errno.SUCCESS, call("args_get", 16, 200));
        assertEquals(200, i32(16));
        assertEquals(205, i32(20));
        assertEquals("prog\0héllo\0", new String(mem(), 200, 12, StandardCharsets.UTF_8));
        assertEquals(Errno.SUCCESS, call("environ_sizes_get", 0, 4));
        assertEquals(1, i32(0));
        assertEquals(4, i32(4));
        assertEquals(Errno.SUCCESS, call("environ_get", 16, 300));
        assertEquals(300, i32(16));
        assertEquals("A=1\0", new String(mem(), 300, 4, StandardCharsets.UTF_8));
    }

    @Test
    void clocks() {
        long before = System.currentTimeMillis();
        assertEquals(Errno.SUCCESS, call("clock_time_get", Clock.REALTIME, 0, 8));
        long after = System.currentTimeMillis();
        assertTrue(i64(8) >= before * 1_000_000L && i64(8) <= after * 1_000_000L, "realtime in ns");
        assertEquals(Errno.SUCCESS, call("clock_time_get", Clock.MONOTONIC, 0, 8));
        long m1 = i64(8);
        assertEquals(Errno.SUCCESS, call("clock_time_get", Clock.MONOTONIC, 0, 8));
        assertTrue(i64(8) >= m1, "monotonic");
        assertEquals(Errno.SUCCESS, call("clock_res_get", Clock.MONOTONIC, 8));
        assertEquals(1_000_000L, i64(8), "MillisClock: 1 ms resolution");
        assertEquals(Errno.SUCCESS, call("clock_time_get", Clock.PROCESS_CPUTIME, 0, 8));
        assertEquals(Errno.INVAL, call("clock_time_get", 9, 0, 8));
        assertEquals(Errno.INVAL, call("clock_res_get", 9, 8));
    }

    @Test
    void randomBytesComeFromTheGivenSource() {
        wasi.random(new Random(7));
        assertEquals(Errno.SUCCESS, call("random_get", 100, 10));
        Random r = new Random(7);
        byte[] want = new byte[12];
        for (int i = 0; i < 12; i += 4) {
            int v = r.nextInt();
            for (int k = 0; k < 4; k++) {
                want[i + k] = (byte) (v >> (8 * k));
            }
        }
        byte[] got = new byte[10];
        System.arraycopy(mem(), 100, got, 0, 10);
        assertArrayEquals(java.util.Arrays.copyOf(want, 10), got);
        assertEquals(0, mem()[110], "nothing past the buffer");
        assertEquals(Errno.SUCCESS, call("random_get", PAGE, 0), "an empty buffer at the end is fine");
    }

    @Test
    void pollSleepsForAClockSubscription() {
        // one relative clock subscription of 20 ms, userdata 0x1234
        memory.i64Store(100, 0, 0x1234);
        memory.i32Store8(108, 0, 0);
        memory.i32Store(116, 0, Clock.MONOTONIC);
        memory.i64Store(124, 0, 20_000_000L);
        long t0 = System.nanoTime();
        assertEquals(Errno.SUCCESS, call("poll_oneoff", 100, 200, 1, 8));
        assertTrue(System.nanoTime() - t0 >= 19_000_000L, "slept");
        assertEquals(1, i32(8));
        assertEquals(0x1234, i64(200));
        assertEquals(0, memory.i32Load16U(208, 0), "no error");
        assertEquals(Errno.INVAL, call("poll_oneoff", 100, 200, 0, 8), "no subscriptions");
    }

    // ---- standard streams --------------------------------------------------------------

    @Test
    void writesAndReadsTheStandardStreams() {
        poke(100, "hello, ");
        poke(120, "world\n");
        iovec(16, 100, 7);
        iovec(24, 120, 6);
        iovec(32, 0, 0);
        assertEquals(Errno.SUCCESS, call("fd_write", 1, 16, 3, 8));
        assertEquals(13, i32(8));
        assertEquals("hello, world\n", out.toString(StandardCharsets.UTF_8));

        wasi.stdin(new ByteArrayInputStream("input".getBytes(StandardCharsets.UTF_8)));
        iovec(16, 300, 3);
        iovec(24, 310, 10);
        assertEquals(Errno.SUCCESS, call("fd_read", 0, 16, 2, 8));
        int n = i32(8);
        assertTrue(n >= 3 && n <= 5, "read at least the first iovec");
        assertEquals(Errno.SUCCESS, call("fd_read", 0, 16, 2, 8));
        if (n == 5) {
            assertEquals(0, i32(8), "end of input");
        }
        assertEquals("inp", new String(mem(), 300, 3, StandardCharsets.UTF_8));

        // a terminal-like character device: no seek or tell rights
        assertEquals(Errno.SUCCESS, call("fd_fdstat_get", 1, 400));
        assertEquals(FileStat.CHARACTER_DEVICE, mem()[400]);
        assertEquals(0, i64(408) & (Rights.FD_SEEK | Rights.FD_TELL));
        assertEquals(Rights.FD_WRITE, i64(408) & Rights.FD_WRITE);
    }

    /** A stream whose every write fails with {@code message}. */
    static java.io.OutputStream failing(String message) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void writeErrorsReachTheProgram() {
        poke(100, "y\n");
        iovec(16, 100, 2);
        wasi.stdout(failing("Broken pipe"));
        assertEquals(Errno.PIPE, call("fd_write", 1, 16, 1, 8), "the reader of the pipe has gone");
        wasi.stderr(failing("No space left on device"));
        assertEquals(Errno.NOSPC, call("fd_write", 2, 16, 1, 8), "a full disk");
        wasi.stdout(failing("Input/output error"));
        assertEquals(Errno.IO, call("fd_write", 1, 16, 1, 8));
        java.io.PrintStream swallowing = new java.io.PrintStream(failing("Broken pipe"));
        wasi.stdout(swallowing);
        assertEquals(Errno.IO, call("fd_write", 1, 16, 1, 8), "a PrintStream hides the error, but not from us");
        assertEquals(Errno.IO, call("fd_write", 1, 16, 1, 8), "and it stays");
    }

    // ---- preopened directories and paths -----------------------------------------------

    MemoryFiles sandbox() {
        MemoryFiles fs = new MemoryFiles().dir("a").dir("a/b").file("a/f.txt", "text").file("top.txt", "0123456789");
        assertEquals(3, wasi.preopen("/sandbox", fs.root()));
        return fs;
    }

    @Test
    void preopensAreFoundFromDescriptor3() {
        sandbox();
        assertEquals(4, wasi.preopen(".", new MemoryFiles().root()));
        assertEquals(Errno.SUCCESS, call("fd_prestat_get", 3, 16));
        assertEquals(0, mem()[16], "tag: directory");
        assertEquals(8, i32(20));
        assertEquals(Errno.SUCCESS, call("fd_prestat_dir_name", 3, 100, 8));
        assertEquals("/sandbox", new String(mem(), 100, 8, StandardCharsets.UTF_8));
        assertEquals(Errno.NAMETOOLONG, call("fd_prestat_dir_name", 3, 100, 7));
        assertEquals(Errno.SUCCESS, call("fd_prestat_get", 4, 16));
        assertEquals(1, i32(20));
        assertEquals(Errno.BADF, call("fd_prestat_get", 5, 16));
        assertEquals(Errno.SUCCESS, call("fd_fdstat_get", 3, 400));
        assertEquals(FileStat.DIRECTORY, mem()[400]);
        assertEquals(Rights.INHERITING, i64(416), "what path_open may ask for below it");
    }

    @Test
    void pathsThatLeaveTheDirectoryAreRefused() {
        MemoryFiles fs = sandbox();
        MemoryFiles outer = new MemoryFiles().dir("box").dir("box/a").dir("box/a/b").file("secret", "s").file("x", "x");
        assertEquals(4, wasi.preopen("/box", outer.at("box")));
        String[] escapes = {"..", "../secret", "../box/a", "/etc/passwd", "a/../../x", "a/b/../../..", "./..",
            "a/b/../../../secret"};
        for (String p : escapes) {
            for (int fd = 3; fd <= 4; fd++) {
                assertEquals(Errno.NOTCAPABLE, call("path_open", fd, 1, 1000, path(p), 0, -1, -1, 0, 8), p);
                assertEquals(Errno.NOTCAPABLE, call("path_filestat_get", fd, 1, 1000, path(p), 100), p);
                assertEquals(Errno.NOTCAPABLE, call("path_create_directory", fd, 1000, path(p)), p);
                assertEquals(Errno.NOTCAPABLE, call("path_unlink_file", fd, 1000, path(p)), p);
                assertEquals(Errno.NOTCAPABLE, call("path_remove_directory", fd, 1000, path(p)), p);
            }
        }
        for (String touched : outer.seen) {
            assertTrue(touched.startsWith("box"), "only what is beneath the preopen was touched: " + touched);
        }
        assertTrue(outer.exists("secret") && outer.exists("x"));

        // a directory opened below the preopen is a capability of its own
        assertEquals(Errno.SUCCESS, call("path_open", 3, 1, 1000, path("a"), 2, Rights.FD_READDIR, -1, 0, 8));
        int a = i32(8);
        assertEquals(Errno.NOTCAPABLE, call("path_filestat_get", a, 1, 1000, path("../top.txt"), 100));
        assertEquals(Errno.SUCCESS, call("path_filestat_get", a, 1, 1000, path("b/../f.txt"), 100));
        assertEquals("a/f.txt", fs.seen.get(fs.seen.size() - 1), "normalised below the directory");
        assertEquals(Errno.SUCCESS, call("path_filestat_get", 3, 1, 1000, path("./a//b/."), 100));
        assertEquals("a/b", fs.seen.get(fs.seen.size() - 1));
        assertEquals(FileStat.DIRECTORY, mem()[116]);
    }

    @Test
    void badPathsGiveTheirErrno() {
        sandbox();
        assertEquals(Errno.NOENT, call("path_open", 3, 1, 1000, 0, 0, -1, -1, 0, 8), "empty path");
        poke(1000, new byte[] {'a', (byte) 0xFF});
        assertEquals(Errno.ILSEQ, call("path_open", 3, 1, 1000, 2, 0, -1, -1, 0, 8), "not UTF-8");
        poke(1000, new byte[] {'a', 0, 'b'});
        assertEquals(Errno.ILSEQ, call("path_open", 3, 1, 1000, 3, 0, -1, -1, 0, 8), "a NUL byte");
        assertEquals(Errno.NAMETOOLONG, call("path_open", 3, 1, 1000, 5000, 0, -1, -1, 0, 8));
        assertEquals(Errno.NOENT, call("path_open", 3, 1, 1000, path("missing"), 0, -1, -1, 0, 8));
        assertEquals(Errno.NOTDIR, call("path_open", 3, 1, 1000, path("top.txt"), 2, -1, -1, 0, 8),
                "O_DIRECTORY on a file");
        assertEquals(Errno.NOTDIR, call("path_open", 3, 1, 1000, path("top.txt/"), 0, -1, -1, 0, 8),
                "a trailing slash on a file");
        assertEquals(Errno.EXIST, call("path_open", 3, 1, 1000, path("top.txt"), 1 | 4, -1, -1, 0, 8),
                "O_CREAT|O_EXCL on a file that exists");
        assertEquals(Errno.ISDIR, call("path_open", 3, 1, 1000, path("a"), 0, Rights.FD_WRITE, 0, 0, 8),
                "a directory opened for writing");
        assertEquals(Errno.EXIST, call("path_create_directory", 3, 1000, path("a")));
        assertEquals(Errno.NOTEMPTY, call("path_remove_directory", 3, 1000, path("a")));
        assertEquals(Errno.ISDIR, call("path_unlink_file", 3, 1000, path("a")));
        assertEquals(Errno.INVAL, call("path_remove_directory", 3, 1000, path(".")));
        MemoryFiles other = new MemoryFiles();
        assertEquals(4, wasi.preopen("/other", other.root()));
        poke(1100, "x.txt");
        assertEquals(Errno.XDEV, call("path_rename", 3, 1000, path("top.txt"), 4, 1100, 5));
    }

    @Test
    void filesReadWriteSeek() {
        MemoryFiles fs = sandbox();
        long rw = Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK | Rights.FD_TELL;
        assertEquals(Errno.SUCCESS, call("path_open", 3, 1, 1000, path("top.txt"), 0, rw, 0, 0, 8));
        int fd = i32(8);
        assertEquals(4, fd);
        iovec(16, 100, 4);
        assertEquals(Errno.SUCCESS, call("fd_read", fd, 16, 1, 8));
        assertEquals(4, i32(8));
        assertEquals("0123", new String(mem(), 100, 4, StandardCharsets.US_ASCII));
        assertEquals(Errno.SUCCESS, call("fd_tell", fd, 24));
        assertEquals(4, i64(24));
        assertEquals(Errno.SUCCESS, call("fd_seek", fd, -2, 2, 24));
        assertEquals(8, i64(24));
        poke(200, "XY!");
        iovec(16, 200, 3);
        assertEquals(Errno.SUCCESS, call("fd_write", fd, 16, 1, 8));
        assertEquals("01234567XY!", fs.content("top.txt"));
        assertEquals(Errno.INVAL, call("fd_seek", fd, -100, 1, 24));
        assertEquals(Errno.INVAL, call("fd_seek", fd, 0, 7, 24));
        assertEquals(Errno.SUCCESS, call("fd_filestat_get", fd, 300));
        assertEquals(FileStat.REGULAR_FILE, mem()[316]);
        assertEquals(11, i64(332));
        iovec(16, 400, 5);
        assertEquals(Errno.SUCCESS, call("fd_pread", fd, 16, 1, 1, 8));
        assertEquals("12345", new String(mem(), 400, 5, StandardCharsets.US_ASCII));
        assertEquals(Errno.SUCCESS, call("fd_filestat_set_size", fd, 3));
        assertEquals(Errno.SUCCESS, call("fd_close", fd));
        assertEquals("012", fs.content("top.txt"));

        // read-only descriptors refuse writes; write-only ones refuse reads
        assertEquals(Errno.SUCCESS, call("path_open", 3, 1, 1000, path("top.txt"), 0, Rights.FD_READ, 0, 0, 8));
        assertEquals(Errno.BADF, call("fd_write", i32(8), 16, 1, 8));
        assertEquals(Errno.SUCCESS, call("path_open", 3, 1, 1000, path("new.txt"), 1, Rights.FD_WRITE, 0, 0, 8));
        assertEquals(Errno.BADF, call("fd_read", i32(8), 16, 1, 8));
        assertTrue(fs.exists("new.txt"), "O_CREAT created it");
    }

    @Test
    void readdirFillsTheBufferAndResumesAtACookie() {
        sandbox();
        assertEquals(Errno.SUCCESS, call("fd_readdir", 3, 100, 30, 0, 8));
        assertEquals(30, i32(8), "a full buffer: the program grows it and asks again");
        assertEquals(1, i64(100), "d_next of the first entry");
        assertEquals(1, i32(116), "d_namlen");
        assertEquals(FileStat.DIRECTORY, mem()[120]);
        assertEquals('.', mem()[124]);

        assertEquals(Errno.SUCCESS, call("fd_readdir", 3, 1000, 4000, 1, 8));
        int used = i32(8);
        String[] names = new String[4];
        int[] types = new int[4];
        int p = 1000;
        int k = 0;
        while (p < 1000 + used) {
            int len = i32(p + 16);
            types[k] = mem()[p + 20];
            names[k++] = new String(mem(), p + 24, len, StandardCharsets.UTF_8);
            p += 24 + len;
        }
        assertEquals(3, k);
        assertArrayEquals(new String[] {"..", "a", "top.txt", null}, names);
        assertEquals(FileStat.DIRECTORY, types[1]);
        assertEquals(FileStat.REGULAR_FILE, types[2]);
        assertEquals(Errno.SUCCESS, call("fd_readdir", 3, 1000, 4000, 99, 8));
        assertEquals(0, i32(8), "past the end");
    }

    @Test
    void aFailingFileSystemGivesEioNotAJavaException() {
        MemoryFiles fs = sandbox();
        fs.failWith = new IllegalStateException("flash controller on fire");
        assertEquals(Errno.IO, call("path_filestat_get", 3, 1, 1000, path("top.txt"), 100));
        assertEquals(Errno.IO, call("fd_readdir", 3, 100, 100, 0, 8));
    }

    // ---- linking and exiting, with a module ---------------------------------------------

    static WasmModule stubsModule() throws IOException {
        return Loader.load(Files.readAllBytes(Paths.get("tests", "programs", "wasi-stubs.wasm")));
    }

    @Test
    void unknownImportsAreRefusedLikeWasmtime() throws IOException {
        WasmModule m = stubsModule();
        Imports im = new Imports();
        new WasiPreview1().addTo(im, m);
        UnlinkableException e = assertThrows(UnlinkableException.class, () -> new Store().instantiate(m, im));
        assertEquals("unknown import (function): \"wasi_snapshot_preview1\" \"frobnicate\"", e.getMessage());
    }

    @Test
    void unknownImportsAsDefaultValues() throws IOException {
        WasmModule m = stubsModule();
        Store s = new Store();
        WasiPreview1 w = new WasiPreview1().unknownImports(WasiPreview1.UNKNOWN_IMPORTS_DEFAULT);
        Imports im = new Imports();
        w.addTo(im, m);
        Instance inst = s.instantiate(m, im);
        assertEquals(Errno.NOSYS, (int) s.invoke(inst.function("frobnicate"), new long[0])[0]);
        assertEquals(Errno.NOSYS, (int) s.invoke(inst.function("sock_accept"), new long[0])[0]);
        assertEquals(0, s.invoke(inst.function("no_result"), new long[0]).length);
    }

    @Test
    void unknownImportsAsTraps() throws IOException {
        WasmModule m = stubsModule();
        Store s = new Store();
        WasiPreview1 w = new WasiPreview1().unknownImports(WasiPreview1.UNKNOWN_IMPORTS_TRAP);
        Imports im = new Imports();
        w.addTo(im, m);
        Instance inst = s.instantiate(m, im);
        TrapException t = assertThrows(TrapException.class, () -> s.invoke(inst.function("frobnicate"), new long[0]));
        assertEquals("unknown import wasi_snapshot_preview1.frobnicate called", t.getMessage());
        assertEquals(Errno.NOSYS, (int) s.invoke(inst.function("sock_accept"), new long[0])[0],
                "a preview1 function is never a stub");
        assertThrows(WasmException.class, () -> w.unknownImports(3));
    }

    @Test
    void procExitUnwindsTheStackCleanly() throws IOException {
        WasmModule m = stubsModule();
        Store s = new Store();
        WasiPreview1 w = new WasiPreview1().unknownImports(WasiPreview1.UNKNOWN_IMPORTS_DEFAULT);
        Imports im = new Imports();
        w.addTo(im, m);
        Instance inst = s.instantiate(m, im);
        for (int round = 0; round < 3; round++) {
            WasiExit e = assertThrows(WasiExit.class, () -> s.invoke(inst.function("deep"), new long[] {5000}));
            assertEquals(42, e.code);
            assertEquals(5L, s.invoke(inst.function("add"), new long[] {2, 3})[0], "the store still works");
        }
        // 5000 frames deep again: the frames of the exited calls were released
        assertThrows(WasiExit.class, () -> s.invoke(inst.function("deep"), new long[] {5000}));
    }

    @Test
    void startReturnsTheExitCode() throws IOException {
        WasmModule m = Loader.load(Files.readAllBytes(Paths.get("tests", "programs", "exitcode.wasm")));
        Store s = new Store();
        for (String arg : new String[] {"3", "return", "0"}) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            WasiPreview1 w = new WasiPreview1().args(new String[] {"exitcode", arg}).stdout(o);
            Imports im = new Imports();
            w.addTo(im, m);
            int code = w.start(s.instantiate(m, im));
            assertEquals(arg.equals("return") ? 7 : Integer.parseInt(arg), code, arg);
            assertEquals("leaving with " + arg + "\n", o.toString(StandardCharsets.UTF_8));
        }
    }

    // ---- the caller's memory, the start function, reactors -----------------------------

    static WasmModule program(String name) throws IOException {
        return Loader.load(Files.readAllBytes(Paths.get("tests", "programs", name)));
    }

    @Test
    void aStartFunctionsWasiCallsUseItsInstancesMemory() throws IOException {
        WasmModule m = program("wasi-start.wasm");
        Store s = new Store();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        WasiPreview1 w = new WasiPreview1().stdout(o);
        Imports im = new Imports();
        w.addTo(im, m);
        Instance inst = s.instantiate(m, im); // runs the start function, nothing bound
        assertEquals("hello from the start function\n", o.toString(StandardCharsets.UTF_8));
        assertEquals(Errno.SUCCESS, (int) s.invoke(inst.function("errno"), new long[0])[0]);
        assertEquals(0, w.start(inst));
    }

    @Test
    void withoutARandomSourceRandomGetFailsRatherThanGuess() {
        mem()[100] = 55;
        assertEquals(Errno.NOSYS, call("random_get", 100, 10));
        assertEquals(55, mem()[100], "nothing written");
    }

    @Test
    void aReactorsInitializeRunsItsConstructorsOnce() throws IOException {
        WasmModule m = program("reactor.wasm"); // clang -mexec-model=reactor, see reactor.c
        Store s = new Store();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        WasiPreview1 w = new WasiPreview1().stdout(o);
        Imports im = new Imports();
        w.addTo(im, m);
        Instance inst = s.instantiate(m, im);
        assertEquals(-1, (int) s.invoke(inst.function("square"), new long[] {5})[0], "constructors not run yet");
        assertTrue(w.initialize(inst));
        assertFalse(w.initialize(inst), "once");
        assertEquals(25, (int) s.invoke(inst.function("square"), new long[] {5})[0]);
        assertEquals("reactor initialised\n", o.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aModuleIsACommandOrAReactorNotBoth() throws IOException {
        // _start and _initialize both exported: refused by start and initialize
        WasmModule m = program("wasi-both.wasm");
        Store s = new Store();
        Instance inst = s.instantiate(m, new Imports());
        WasiPreview1 w = new WasiPreview1();
        assertThrows(WasmException.class, () -> w.start(inst));
        assertThrows(WasmException.class, () -> w.initialize(inst));
        Instance plain = s.instantiate(program("wasi-start.wasm"), imports);
        assertFalse(w.initialize(plain), "a command has nothing to initialise");
    }

    // ---- preview0 (wasi_unstable) ------------------------------------------------------

    @Test
    void preview0ModulesLinkAndRun() throws IOException {
        WasmModule m = program("wasi-preview0.wasm");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        WasiPreview1 w = new WasiPreview1().stdout(o);
        Imports im = new Imports();
        w.addTo(im, m);
        assertFalse(im.has(WasiPreview1.MODULE_PREVIEW0, "sock_accept"), "preview0 has no sock_accept");
        assertEquals(0, w.start(new Store().instantiate(m, im)));
        assertEquals("preview0 says hi\n", o.toString(StandardCharsets.UTF_8));
    }

    /** Calls a preview0 function of {@code im} on the test memory. */
    int call0(Imports im, String name, long... args) {
        return (int) store.invoke(im.function(WasiPreview1.MODULE_PREVIEW0, name), args)[0];
    }

    @Test
    void preview0LayoutsAndWhence() throws IOException {
        Imports im = new Imports();
        wasi.addTo(im, program("wasi-preview0.wasm"));
        sandbox();
        long rw = Rights.FD_READ | Rights.FD_SEEK | Rights.FD_TELL;
        assertEquals(Errno.SUCCESS, call0(im, "path_open", 3, 1, 1000, path("top.txt"), 0, rw, 0, 0, 8));
        int fd = i32(8);
        // preview0 whence: cur 0, end 1, set 2
        assertEquals(Errno.SUCCESS, call0(im, "fd_seek", fd, 3, 2, 24));
        assertEquals(3, i64(24));
        assertEquals(Errno.SUCCESS, call0(im, "fd_seek", fd, 1, 0, 24));
        assertEquals(4, i64(24));
        assertEquals(Errno.SUCCESS, call0(im, "fd_seek", fd, -1, 1, 24));
        assertEquals(9, i64(24));
        assertEquals(Errno.INVAL, call0(im, "fd_seek", fd, 0, 3, 24));
        // preview0 filestat: 56 bytes, nlink a u32 at 20, size at 24
        java.util.Arrays.fill(mem(), 300, 400, (byte) 0x77);
        assertEquals(Errno.SUCCESS, call0(im, "fd_filestat_get", fd, 300));
        assertEquals(FileStat.REGULAR_FILE, mem()[316]);
        assertEquals(10, i64(324));
        assertEquals(0x77, mem()[356], "nothing past the 56 bytes");
        assertEquals(Errno.SUCCESS, call0(im, "path_filestat_get", 3, 1, 1000, path("top.txt"), 500));
        assertEquals(10, i64(524));
        assertEquals(Errno.FAULT, call0(im, "fd_filestat_get", fd, PAGE - 56 + 1));
        assertEquals(Errno.SUCCESS, call0(im, "fd_filestat_get", fd, PAGE - 56));
        // the preview1 functions keep their layout alongside
        assertEquals(Errno.SUCCESS, call("fd_filestat_get", fd, 300));
        assertEquals(10, i64(332));
    }

    @Test
    void preview0PollReadsTheClockSubscriptionAfterItsIdentifier() {
        Imports im = new Imports();
        try {
            wasi.addTo(im, program("wasi-preview0.wasm"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // one 56-byte subscription: a relative clock of 1 ms; preview1 would read the
        // identifier as the clock id (an unknown clock: an error event)
        memory.i64Store(100, 0, 0x50);             // userdata
        memory.i32Store8(108, 0, 0);               // clock
        memory.i64Store(116, 0, 0xABCDEF);         // identifier (preview0 only)
        memory.i32Store(124, 0, Clock.MONOTONIC);  // id
        memory.i64Store(132, 0, 1_000_000L);       // timeout
        assertEquals(Errno.SUCCESS, call0(im, "poll_oneoff", 100, 300, 1, 8));
        assertEquals(1, i32(8));
        assertEquals(0x50, i64(300));
        assertEquals(0, memory.i32Load16U(308, 0), "no error: the clock id was read at 24");
    }
}
