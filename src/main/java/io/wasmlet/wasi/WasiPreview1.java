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
 * {@link Directory} per preopened directory. One instance serves one program run:
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
 * calls.
 *
 * <p>Linking is wasmtime's: a module that imports a function nobody provides (a name preview1
 * does not define, or another module's function) is refused at instantiation with an
 * {@link io.wasmlet.error.UnlinkableException} naming it, unless {@link #unknownImports} asks
 * {@link #addTo(Imports, WasmModule)} to link such imports to stubs that trap
 * ({@link #UNKNOWN_IMPORTS_TRAP}) or return default values ({@link #UNKNOWN_IMPORTS_DEFAULT}).
 *
 * <p>Modules of the older {@code wasi_unstable} (preview0) link too, through
 * {@link #addTo(Imports, WasmModule)}: the same functions (less {@code sock_accept}, which
 * preview0 lacks) with preview0's layouts where they differ: {@code filestat} (56 bytes, a
 * 32-bit link count) for {@code fd_filestat_get} and {@code path_filestat_get},
 * {@code fd_seek}'s whence values (cur 0, end 1, set 2), and {@code poll_oneoff}'s 56-byte
 * subscriptions (a clock subscription starts with an identifier). Everything else is laid out
 * alike in both.
 *
 * <p>The memory the calls read and write is the calling instance's (the one whose code made
 * the call), so a start function, a reactor's {@code _initialize} and any export may call WASI;
 * {@link #bind(Memory)} overrides it with a fixed memory.
 *
 * <p>No call lets a Java exception escape: a pointer outside the linear memory gives
 * {@link Errno#FAULT}, an I/O failure {@link Errno#IO}, and a {@link RuntimeException} from an
 * embedder's stream or file system {@link Errno#IO} as well; a failed write to a stream gives
 * {@link Errno#PIPE} when its reader has gone and {@link Errno#NOSPC} when the disk is full.
 * Only {@link WasiExit} (from {@code proc_exit}) and {@link TrapException} leave a call.
 *
 * <p>Defaults: no arguments, no environment, every standard stream closed (reads and writes
 * give {@link Errno#BADF}), {@link MillisClock}, and no random source: {@code random_get}
 * returns {@link Errno#NOSYS} until {@link #random} gives one, so that no program silently
 * gets predictable "random" bytes (CLDC has no entropy source to default to). On a desktop,
 * {@code io.wasmlet.desktop.DesktopWasi} wires {@code java.security.SecureRandom}, the system
 * clocks and the standard streams in one call.
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
    /** A stub for an import nobody provides. */
    static final int UNKNOWN = -1;
    /** The preview0 import module name. */
    public static final String MODULE_PREVIEW0 = "wasi_unstable";

    /** Unknown imports are not linked: instantiation refuses the module (the default). */
    public static final int UNKNOWN_IMPORTS_REFUSE = 0;
    /** Unknown function imports are linked to stubs that trap when called. */
    public static final int UNKNOWN_IMPORTS_TRAP = 1;
    /**
     * Unknown function imports are linked to stubs that return default values: zeros, except
     * that a WASI function whose only result is an i32 returns {@link Errno#NOSYS} (wasmtime
     * returns 0, which a program would read as success).
     */
    public static final int UNKNOWN_IMPORTS_DEFAULT = 2;
    static final int STUB_TRAP = 0;
    static final int STUB_ZERO = 1;
    static final int STUB_NOSYS = 2;

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
    private Random random;
    private int unknownImports = UNKNOWN_IMPORTS_REFUSE;
    /** The instance whose {@code _initialize} ran, so that it runs once. */
    private Instance initialized;

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
     * Grants the program a directory, which it sees as {@code guestPath} (e.g. {@code "/data"}
     * or {@code "."}), and everything beneath it, but nothing else: paths are walked from it
     * with the rules of {@link PathWalk}. Preopens take descriptors 3, 4, ... in the order they
     * are added; the program's {@code fd_close} closes the handle.
     *
     * @return the descriptor number
     */
    public int preopen(String guestPath, Directory dir) {
        return fds.preopen(guestPath, dir);
    }

    /** The time source (default {@link MillisClock}). */
    public WasiPreview1 clock(Clock c) {
        clock = c;
        return this;
    }

    /**
     * The source of {@code random_get}'s bytes, read through {@link Random#nextInt()}. Pass a
     * subclass backed by real entropy where the board or JVM has one. Without one,
     * {@code random_get} returns {@link Errno#NOSYS}.
     */
    public WasiPreview1 random(Random r) {
        random = r;
        return this;
    }

    /**
     * What {@link #addTo(Imports, WasmModule)} does with a function import that neither WASI
     * nor the imports already given provide: {@link #UNKNOWN_IMPORTS_REFUSE} (the default),
     * {@link #UNKNOWN_IMPORTS_TRAP} or {@link #UNKNOWN_IMPORTS_DEFAULT}.
     */
    public WasiPreview1 unknownImports(int policy) {
        if (policy < UNKNOWN_IMPORTS_REFUSE || policy > UNKNOWN_IMPORTS_DEFAULT) {
            throw new WasmException(Msg.num("unknown-imports policy ", policy));
        }
        unknownImports = policy;
        return this;
    }

    // ---- linking and running -----------------------------------------------------------

    /** Whether preview1 defines a function of this name. */
    public static boolean defines(String name) {
        return id(name) >= 0;
    }

    /** Adds every preview1 function to {@code imports} under {@link #MODULE}. */
    public void addTo(Imports imports) {
        addAll(imports, MODULE, false);
    }

    private void addAll(Imports imports, String module, boolean preview0) {
        for (int id = 0; id < NAMES.length; id++) {
            if (!preview0 || id != SOCK_ACCEPT) {
                imports.add(module, NAMES[id], new Function(type(id), new WasiFunction(this, id, preview0, NAMES[id], 0, 0)));
            }
        }
    }

    /**
     * Adds what {@code module} needs: every preview1 function, every preview0 function if it
     * imports from {@link #MODULE_PREVIEW0}, and, under the {@link #unknownImports} policy, a
     * stub for each function it imports that {@code imports} still lacks (the embedder's own
     * host functions are added first, so they are not stubbed).
     */
    public void addTo(Imports imports, WasmModule module) {
        addTo(imports);
        boolean preview0 = false;
        for (int i = 0; i < module.importCount(); i++) {
            preview0 |= module.importAt(i).module.equals(MODULE_PREVIEW0);
        }
        if (preview0) {
            addAll(imports, MODULE_PREVIEW0, true);
        }
        if (unknownImports == UNKNOWN_IMPORTS_REFUSE) {
            return;
        }
        for (int i = 0; i < module.importCount(); i++) {
            Import im = module.importAt(i);
            if (im.kind == WasmModule.KIND_FUNC && !imports.has(im.module, im.name)) {
                FuncType t = module.type(im.index);
                boolean wasi = im.module.equals(MODULE) || im.module.equals(MODULE_PREVIEW0);
                int stub = unknownImports == UNKNOWN_IMPORTS_TRAP ? STUB_TRAP
                        : wasi && t.resultCount() == 1 && t.result(0) == ValType.I32 ? STUB_NOSYS : STUB_ZERO;
                imports.add(im.module, im.name, new Function(t, new WasiFunction(this, UNKNOWN,
                        im.module.equals(MODULE_PREVIEW0), Msg.cat(im.module, ".", im.name), t.resultCount(), stub)));
            }
        }
    }

    /**
     * Makes every call use {@code instance}'s export named {@code memory}, whichever instance
     * calls (an override: by default each call uses its caller's memory).
     */
    public void bind(Instance instance) {
        bind(instance.memory("memory"));
    }

    /**
     * Makes every call use this linear memory, whichever instance calls; null goes back to the
     * default, the calling instance's memory. A call made with no memory (directly through
     * {@code Store.invoke}, with none bound) that reads or writes memory returns
     * {@link Errno#FAULT}.
     */
    public void bind(Memory memory) {
        mem.bind(memory);
    }

    /**
     * Runs a command: calls its {@code _start} export and returns the exit code, 0 when
     * {@code _start} returns and {@code proc_exit}'s code when it exits. Traps and other
     * failures propagate as {@link WasmException}s. The standard output streams are flushed
     * either way.
     *
     * @throws WasmException if there is no {@code _start} function export, or the module also
     *         exports {@code _initialize} (it would be both a command and a reactor)
     */
    public int start(Instance instance) {
        Function f = instance.function("_start");
        checkModel(instance);
        try {
            instance.store().invoke(f, new long[0], new long[0]);
            return 0;
        } catch (WasiExit e) {
            return e.code;
        } finally {
            fds.flush();
        }
    }

    /**
     * Initialises a reactor: calls its {@code _initialize} export (which runs the C
     * constructors, for {@code clang -mexec-model=reactor}) the first time it is given this
     * instance, before any other export is called. Does nothing for a module without one.
     *
     * @return whether {@code _initialize} ran now
     * @throws WasmException if the module also exports {@code _start}
     */
    public boolean initialize(Instance instance) {
        if (!instance.hasExport("_initialize") || initialized == instance) {
            return false;
        }
        checkModel(instance);
        Function f = instance.function("_initialize");
        initialized = instance;
        try {
            instance.store().invoke(f, new long[0], new long[0]);
        } finally {
            fds.flush();
        }
        return true;
    }

    private static void checkModel(Instance instance) {
        if (instance.hasExport("_start") && instance.hasExport("_initialize")) {
            throw new WasmException("module exports both _start and _initialize: a WASI module is a command or a reactor, not both");
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

    void dispatch(WasiFunction f, int id, Instance caller, long[] s, int b) {
        if (id == PROC_EXIT) {
            throw new WasiExit((int) s[b]);
        }
        if (id == UNKNOWN) {
            stub(f, s, b);
            return;
        }
        mem.use(caller, f.preview0);
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
        if (f.stub == STUB_TRAP) {
            throw new TrapException(Trap.HOST, Msg.cat("unknown import ", f.name, " called"));
        }
        for (int i = 0; i < f.results; i++) {
            s[b + i] = 0;
        }
        if (f.stub == STUB_NOSYS) {
            s[b] = Errno.NOSYS;
        }
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
        if (random == null) {
            return Errno.NOSYS;
        }
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
     * {@code poll_oneoff}: 48-byte subscriptions (56 in preview0) in, 32-byte events out. Descriptor
     * subscriptions are reported ready at once (stdio and files never block here: a read may
     * still wait in the stream); without any, the call sleeps until the earliest clock
     * subscription is due and reports the clocks that are.
     */
    private int poll(int in, int out, int n, int neventsPtr) {
        if (n == 0) {
            return Errno.INVAL;
        }
        long count = n & M;
        int subSize = mem.preview0 ? 56 : 48;
        mem.check(in, (int) Math.min(count * subSize, M));
        mem.check(out, (int) Math.min(count * 32, M));
        mem.check(neventsPtr, 4);
        boolean anyFd = false;
        long wait = Long.MAX_VALUE;
        for (long i = 0; i < count; i++) {
            int sub = in + (int) (i * subSize);
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
            int sub = in + (int) (i * subSize);
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
        int c = mem.preview0 ? sub + 8 : sub; // preview0's clock subscription starts with an identifier
        int id = mem.i32(c + 16);
        long timeout = mem.i64(c + 24);
        int flags = mem.u16(c + 40);
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
