package io.wasmlet.wasi;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ValType;
import io.wasmlet.error.Msg;
import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) as host functions, over CLDC streams and a
 * {@link FileSystem} per preopened directory. One instance serves one program run:
 *
 * <pre>
 * WasiPreview1 wasi = new WasiPreview1()
 *         .args(new String[] {"prog.wasm", "hello"})
 *         .stdout(out).stderr(err)
 *         .preopen("/data", fs);
 * Imports imports = new Imports();
 * wasi.addTo(imports, module);
 * Instance instance = store.instantiate(module, imports);
 * int exitCode = wasi.start(instance);
 * </pre>
 *
 * <p>All 46 preview1 functions are provided, so anything wasi-libc or Rust's standard library
 * imports links. Implemented: args, environment, clocks, {@code random_get},
 * {@code proc_exit}, {@code sched_yield}, {@code poll_oneoff} (clock subscriptions sleep;
 * descriptor subscriptions report ready at once), and the descriptor and path calls of
 * {@link FdTable}. Return {@link Errno#NOSYS}: {@code fd_fdstat_set_rights},
 * {@code fd_filestat_set_times}, {@code path_filestat_set_times}, {@code path_link},
 * {@code path_readlink}, {@code path_symlink}, {@code proc_raise} and the four {@code sock_*}
 * calls. An import of {@code wasi_snapshot_preview1} under a name preview1 does not have still
 * links through {@link #addTo(Imports, WasmModule)}: it returns {@link Errno#NOSYS} when its only
 * result is an i32, and traps otherwise.
 *
 * <p>No call lets a Java exception escape: a pointer outside the linear memory gives
 * {@link Errno#FAULT}, an I/O failure {@link Errno#IO}, and a {@link RuntimeException} from an
 * embedder's stream or file system {@link Errno#IO} as well. Only {@link WasiExit} (from
 * {@code proc_exit}) and {@link TrapException} leave a call.
 *
 * <p>Defaults: no arguments, no environment, every standard stream closed (reads and writes
 * give {@link Errno#BADF}), {@link MillisClock}, and random bytes from a
 * {@code java.util.Random} seeded from the wall clock: not cryptographic. An embedder with an
 * entropy source passes its own {@code Random} subclass (e.g. {@code java.security.SecureRandom}
 * on a desktop).
 */
public final class WasiPreview1 {
    /** The import module name. */
    public static final String MODULE = "wasi_snapshot_preview1";

    static final int ARGS_GET = 0;
    static final int ARGS_SIZES_GET = 1;
    static final int ENVIRON_GET = 2;
    static final int ENVIRON_SIZES_GET = 3;
    static final int CLOCK_RES_GET = 4;
    static final int CLOCK_TIME_GET = 5;
    static final int FD_ADVISE = 6;
    static final int FD_ALLOCATE = 7;
    static final int FD_CLOSE = 8;
    static final int FD_DATASYNC = 9;
    static final int FD_FDSTAT_GET = 10;
    static final int FD_FDSTAT_SET_FLAGS = 11;
    static final int FD_FDSTAT_SET_RIGHTS = 12;
    static final int FD_FILESTAT_GET = 13;
    static final int FD_FILESTAT_SET_SIZE = 14;
    static final int FD_FILESTAT_SET_TIMES = 15;
    static final int FD_PREAD = 16;
    static final int FD_PRESTAT_GET = 17;
    static final int FD_PRESTAT_DIR_NAME = 18;
    static final int FD_PWRITE = 19;
    static final int FD_READ = 20;
    static final int FD_READDIR = 21;
    static final int FD_RENUMBER = 22;
    static final int FD_SEEK = 23;
    static final int FD_SYNC = 24;
    static final int FD_TELL = 25;
    static final int FD_WRITE = 26;
    static final int PATH_CREATE_DIRECTORY = 27;
    static final int PATH_FILESTAT_GET = 28;
    static final int PATH_FILESTAT_SET_TIMES = 29;
    static final int PATH_LINK = 30;
    static final int PATH_OPEN = 31;
    static final int PATH_READLINK = 32;
    static final int PATH_REMOVE_DIRECTORY = 33;
    static final int PATH_RENAME = 34;
    static final int PATH_SYMLINK = 35;
    static final int PATH_UNLINK_FILE = 36;
    static final int POLL_ONEOFF = 37;
    static final int PROC_EXIT = 38;
    static final int PROC_RAISE = 39;
    static final int SCHED_YIELD = 40;
    static final int RANDOM_GET = 41;
    static final int SOCK_ACCEPT = 42;
    static final int SOCK_RECV = 43;
    static final int SOCK_SEND = 44;
    static final int SOCK_SHUTDOWN = 45;
    /** A stub for an import preview1 does not define. */
    static final int UNKNOWN = -1;

    /** Function names by id. */
    static final String[] NAMES = {
        "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
        "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
        "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
        "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
        "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get",
        "path_filestat_set_times", "path_link", "path_open", "path_readlink", "path_remove_directory",
        "path_rename", "path_symlink", "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise",
        "sched_yield", "random_get", "sock_accept", "sock_recv", "sock_send", "sock_shutdown",
    };

    /**
     * Parameter types by id, one letter each: {@code i} for i32, {@code l} for i64. Every
     * function returns an i32 errno, except {@code proc_exit}, which returns nothing.
     */
    static final String[] PARAMS = {
        "ii", "ii", "ii", "ii", "ii", "ili",
        "illi", "ill", "i", "i", "ii", "ii",
        "ill", "ii", "il", "illi", "iiili",
        "ii", "iii", "iiili", "iiii", "iiili", "ii", "ilii",
        "i", "ii", "iiii", "iii", "iiiii",
        "iiiilli", "iiiiiii", "iiiiillii", "iiiiii", "iii",
        "iiiiii", "iiiii", "iii", "iiii", "i", "i",
        "", "ii", "iii", "iiiiii", "iiiii", "ii",
    };

    private static final int EVENTTYPE_CLOCK = 0;
    private static final int EVENTTYPE_FD_READ = 1;
    private static final int EVENTTYPE_FD_WRITE = 2;
    private static final int SUBCLOCK_ABSTIME = 1;
    private static final long M = 0xFFFFFFFFL;

    private final GuestMemory mem = new GuestMemory();
    private final FdTable fds = new FdTable(mem);
    private byte[][] args = new byte[0][];
    private byte[][] env = new byte[0][];
    private Clock clock = new MillisClock();
    private Random random = new Random(System.currentTimeMillis() ^ 0x5DEECE66DL);

    /** A WASI context with the defaults described above. */
    public WasiPreview1() {
    }

    // ---- configuration -----------------------------------------------------------------

    /** The program's arguments, {@code argv[0]} (conventionally the program name) first. */
    public WasiPreview1 args(String[] argv) {
        args = encode(argv);
        return this;
    }

    /** The program's environment, each entry {@code NAME=value}. */
    public WasiPreview1 env(String[] entries) {
        env = encode(entries);
        return this;
    }

    /** Standard input (descriptor 0); null closes it. End of stream reads as end of file. */
    public WasiPreview1 stdin(InputStream in) {
        fds.setStdin(in);
        return this;
    }

    /** Standard output (descriptor 1); null closes it. Flushed after every {@code fd_write}. */
    public WasiPreview1 stdout(OutputStream out) {
        fds.setStdout(1, out);
        return this;
    }

    /** Standard error (descriptor 2); null closes it. Flushed after every {@code fd_write}. */
    public WasiPreview1 stderr(OutputStream err) {
        fds.setStdout(2, err);
        return this;
    }

    /**
     * Grants the program a directory: {@code fs}'s root, which the program sees as
     * {@code guestPath} (e.g. {@code "/data"} or {@code "."}). Preopens take descriptors 3, 4, ...
     * in the order they are added.
     *
     * @return the descriptor number
     */
    public int preopen(String guestPath, FileSystem fs) {
        return fds.preopen(guestPath, fs);
    }

    /** The time source (default {@link MillisClock}). */
    public WasiPreview1 clock(Clock c) {
        clock = c;
        return this;
    }

    /**
     * The source of {@code random_get}'s bytes, read through {@link Random#nextInt()}. Pass a
     * subclass backed by real entropy where the board or JVM has one.
     */
    public WasiPreview1 random(Random r) {
        random = r;
        return this;
    }

    // ---- linking and running -----------------------------------------------------------

    /** Whether preview1 defines a function of this name. */
    public static boolean defines(String name) {
        return id(name) >= 0;
    }

    /** Adds every preview1 function to {@code imports} under {@link #MODULE}. */
    public void addTo(Imports imports) {
        for (int id = 0; id < NAMES.length; id++) {
            imports.add(MODULE, NAMES[id], new Function(type(id), new WasiFunction(this, id, NAMES[id], 0)));
        }
    }

    /**
     * Adds every preview1 function, and for each function {@code module} imports from
     * {@link #MODULE} under a name preview1 does not define, a stub of the declared type that
     * returns {@link Errno#NOSYS} (or traps, if its results are not a single i32), so that the
     * module links.
     */
    public void addTo(Imports imports, WasmModule module) {
        addTo(imports);
        for (int i = 0; i < module.importCount(); i++) {
            Import im = module.importAt(i);
            if (im.kind == WasmModule.KIND_FUNC && im.module.equals(MODULE) && id(im.name) < 0) {
                FuncType t = module.type(im.index);
                WasiFunction stub = new WasiFunction(this, UNKNOWN, im.name, t.results.length);
                imports.add(MODULE, im.name, new Function(t, stub));
            }
        }
    }

    /** Gives the calls the program's linear memory: its export named {@code memory}. */
    public void bind(Instance instance) {
        Object m = instance.export("memory");
        bind(m instanceof Memory ? (Memory) m : null);
    }

    /**
     * Gives the calls this linear memory. Until a memory is bound, every call that reads or
     * writes memory returns {@link Errno#FAULT}.
     */
    public void bind(Memory memory) {
        mem.bind(memory);
    }

    /**
     * Runs a command: binds {@code instance}'s memory, calls its {@code _start} export and
     * returns the exit code, 0 when {@code _start} returns and {@code proc_exit}'s code when it
     * exits. Traps and other failures propagate as {@link WasmException}s. The standard output
     * streams are flushed either way.
     *
     * @throws WasmException if there is no {@code _start} function export
     */
    public int start(Instance instance) {
        Function f = instance.function("_start");
        if (f == null) {
            throw new WasmException("no _start function export");
        }
        bind(instance);
        try {
            instance.store().invoke(f, new long[0], new long[0]);
            return 0;
        } catch (WasiExit e) {
            return e.code;
        } finally {
            fds.flush();
        }
    }

    /** Flushes the standard output streams. */
    public void flush() {
        fds.flush();
    }

    // ---- dispatch ----------------------------------------------------------------------

    private static int id(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static FuncType type(int id) {
        String p = PARAMS[id];
        byte[] params = new byte[p.length()];
        for (int i = 0; i < params.length; i++) {
            params[i] = p.charAt(i) == 'l' ? ValType.I64 : ValType.I32;
        }
        byte[] results = id == PROC_EXIT ? new byte[0] : new byte[] {ValType.I32};
        return new FuncType(params, results);
    }

    void dispatch(WasiFunction f, int id, long[] s, int b) {
        if (id == PROC_EXIT) {
            throw new WasiExit((int) s[b]);
        }
        if (id == UNKNOWN) {
            stub(f, s, b);
            return;
        }
        mem.refresh();
        int r;
        try {
            r = call(id, s, b);
        } catch (ErrnoException e) {
            r = e.errno;
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bad pointer, or a failure inside an embedder's stream or file system
            r = e == GuestMemory.FAULT ? Errno.FAULT : Errno.IO;
        }
        s[b] = r & M;
    }

    private static void stub(WasiFunction f, long[] s, int b) {
        if (f.results != 1) {
            throw new TrapException(Trap.HOST, Msg.cat("unsupported WASI function ", f.name));
        }
        s[b] = Errno.NOSYS;
    }

    private int call(int id, long[] s, int b) throws ErrnoException {
        int a0 = (int) s[b];
        int a1 = (int) s[b + 1];
        switch (id) {
            case ARGS_GET:
                return strings(args, a0, a1);
            case ARGS_SIZES_GET:
                return sizes(args, a0, a1);
            case ENVIRON_GET:
                return strings(env, a0, a1);
            case ENVIRON_SIZES_GET:
                return sizes(env, a0, a1);
            case CLOCK_RES_GET:
                return clockRes(a0, a1);
            case CLOCK_TIME_GET:
                return clockTime(a0, (int) s[b + 2]);
            case FD_ADVISE:
                return fds.advise(a0);
            case FD_ALLOCATE:
                return fds.allocate(a0, s[b + 1], s[b + 2]);
            case FD_CLOSE:
                return fds.close(a0);
            case FD_DATASYNC:
            case FD_SYNC:
                return fds.sync(a0);
            case FD_FDSTAT_GET:
                return fds.fdstatGet(a0, a1);
            case FD_FDSTAT_SET_FLAGS:
                return fds.fdstatSetFlags(a0, a1);
            case FD_FILESTAT_GET:
                return fds.filestatGet(a0, a1);
            case FD_FILESTAT_SET_SIZE:
                return fds.filestatSetSize(a0, s[b + 1]);
            case FD_PREAD:
                return fds.pread(a0, a1, (int) s[b + 2], s[b + 3], (int) s[b + 4]);
            case FD_PRESTAT_GET:
                return fds.prestatGet(a0, a1);
            case FD_PRESTAT_DIR_NAME:
                return fds.prestatDirName(a0, a1, (int) s[b + 2]);
            case FD_PWRITE:
                return fds.pwrite(a0, a1, (int) s[b + 2], s[b + 3], (int) s[b + 4]);
            case FD_READ:
                return fds.read(a0, a1, (int) s[b + 2], (int) s[b + 3]);
            case FD_READDIR:
                return fds.readdir(a0, a1, (int) s[b + 2], s[b + 3], (int) s[b + 4]);
            case FD_RENUMBER:
                return fds.renumber(a0, a1);
            case FD_SEEK:
                return fds.seek(a0, s[b + 1], (int) s[b + 2], (int) s[b + 3]);
            case FD_TELL:
                return fds.tell(a0, a1);
            case FD_WRITE:
                return fds.write(a0, a1, (int) s[b + 2], (int) s[b + 3]);
            case PATH_CREATE_DIRECTORY:
                return fds.createDirectory(a0, a1, (int) s[b + 2]);
            case PATH_FILESTAT_GET:
                return fds.pathFilestatGet(a0, a1, (int) s[b + 2], (int) s[b + 3], (int) s[b + 4]);
            case PATH_OPEN:
                return fds.pathOpen(a0, a1, (int) s[b + 2], (int) s[b + 3], (int) s[b + 4], s[b + 5],
                        (int) s[b + 7], (int) s[b + 8]);
            case PATH_REMOVE_DIRECTORY:
                return fds.removeDirectory(a0, a1, (int) s[b + 2]);
            case PATH_RENAME:
                return fds.rename(a0, a1, (int) s[b + 2], (int) s[b + 3], (int) s[b + 4], (int) s[b + 5]);
            case PATH_UNLINK_FILE:
                return fds.unlinkFile(a0, a1, (int) s[b + 2]);
            case POLL_ONEOFF:
                return poll(a0, a1, (int) s[b + 2], (int) s[b + 3]);
            case SCHED_YIELD:
                Thread.yield();
                return Errno.SUCCESS;
            case RANDOM_GET:
                return randomGet(a0, a1);
            default:
                // fd_fdstat_set_rights, fd_filestat_set_times, path_filestat_set_times, path_link,
                // path_readlink, path_symlink, proc_raise, sock_*
                return Errno.NOSYS;
        }
    }

    // ---- arguments and environment -----------------------------------------------------

    private static byte[][] encode(String[] strings) {
        byte[][] r = new byte[strings == null ? 0 : strings.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = GuestMemory.utf8(strings[i]);
        }
        return r;
    }

    private int sizes(byte[][] strings, int countPtr, int sizePtr) {
        long size = 0;
        for (int i = 0; i < strings.length; i++) {
            size += strings[i].length + 1;
        }
        mem.check(countPtr, 4);
        mem.check(sizePtr, 4);
        mem.put32(countPtr, strings.length);
        mem.put32(sizePtr, (int) size);
        return Errno.SUCCESS;
    }

    /** Writes the pointer array at {@code ptrs} and the NUL-terminated strings at {@code buf}. */
    private int strings(byte[][] strings, int ptrs, int buf) {
        mem.check(ptrs, strings.length * 4);
        int p = buf;
        for (int i = 0; i < strings.length; i++) {
            byte[] s = strings[i];
            mem.check(p, s.length + 1);
            mem.put32(ptrs + i * 4, p);
            mem.put(p, s, 0, s.length);
            mem.put8(p + s.length, 0);
            p += s.length + 1;
        }
        return Errno.SUCCESS;
    }

    // ---- time and randomness -----------------------------------------------------------

    private int clockRes(int id, int ptr) {
        long r = clock.resolution(id);
        if (r < 0) {
            return Errno.INVAL;
        }
        mem.put64(ptr, r);
        return Errno.SUCCESS;
    }

    private int clockTime(int id, int ptr) {
        mem.check(ptr, 8);
        long t = clock.time(id);
        if (t < 0) {
            return Errno.INVAL;
        }
        mem.put64(ptr, t);
        return Errno.SUCCESS;
    }

    private int randomGet(int buf, int len) {
        int a = mem.check(buf, len);
        byte[] b = mem.bytes;
        int i = 0;
        while (i < len) {
            int r = random.nextInt();
            for (int k = 0; k < 4 && i < len; k++, i++) {
                b[a + i] = (byte) (r >> (8 * k));
            }
        }
        return Errno.SUCCESS;
    }

    /**
     * {@code poll_oneoff}: 48-byte subscriptions in, 32-byte events out. Descriptor
     * subscriptions are reported ready at once (stdio and files never block here: a read may
     * still wait in the stream); without any, the call sleeps until the earliest clock
     * subscription is due and reports the clocks that are.
     */
    private int poll(int in, int out, int n, int neventsPtr) {
        if (n == 0) {
            return Errno.INVAL;
        }
        long count = n & M;
        mem.check(in, (int) Math.min(count * 48, M));
        mem.check(out, (int) Math.min(count * 32, M));
        mem.check(neventsPtr, 4);
        boolean anyFd = false;
        long wait = Long.MAX_VALUE;
        for (long i = 0; i < count; i++) {
            int sub = in + (int) (i * 48);
            int tag = mem.u8(sub + 8);
            if (tag == EVENTTYPE_CLOCK) {
                wait = Math.min(wait, clockWait(sub));
            } else if (tag == EVENTTYPE_FD_READ || tag == EVENTTYPE_FD_WRITE) {
                anyFd = true;
            } else {
                return Errno.INVAL;
            }
        }
        if (!anyFd && wait > 0 && wait != Long.MAX_VALUE) {
            sleep(wait);
        }
        int events = 0;
        for (long i = 0; i < count; i++) {
            int sub = in + (int) (i * 48);
            int tag = mem.u8(sub + 8);
            int error = Errno.SUCCESS;
            if (tag == EVENTTYPE_CLOCK) {
                long w = clockWait(sub);
                if (w == Long.MAX_VALUE) {
                    error = Errno.INVAL;
                } else if (w > 0 && (anyFd || w > wait)) {
                    continue;
                }
            }
            int ev = out + events * 32;
            mem.zero(ev, 32);
            mem.put64(ev, mem.i64(sub));
            mem.put16(ev + 8, error);
            mem.put8(ev + 10, tag);
            events++;
        }
        mem.put32(neventsPtr, events);
        return Errno.SUCCESS;
    }

    /** Nanoseconds until a clock subscription is due (≤ 0: due), or MAX_VALUE for an unknown clock. */
    private long clockWait(int sub) {
        int id = mem.i32(sub + 16);
        long timeout = mem.i64(sub + 24);
        int flags = mem.u16(sub + 40);
        long now = clock.time(id);
        if (now < 0) {
            return Long.MAX_VALUE;
        }
        if ((flags & SUBCLOCK_ABSTIME) != 0) {
            return timeout - now;
        }
        return timeout < 0 ? Long.MAX_VALUE - 1 : timeout;
    }

    private static void sleep(long nanos) {
        long ms = nanos / 1000000L + (nanos % 1000000L == 0 ? 0 : 1);
        long end = System.currentTimeMillis() + ms;
        while (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                // keep sleeping until the time is up
            }
            ms = end - System.currentTimeMillis();
        }
    }
}
