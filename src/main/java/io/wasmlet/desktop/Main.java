package io.wasmlet.desktop;

import io.wasmlet.binary.Export;
import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ValType;
import io.wasmlet.board.Board;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.ResourceLimitException;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UninstantiableException;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Footprint;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.wasi.WasiExit;
import io.wasmlet.wasi.WasiPreview1;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The desktop command line: {@code wasmlet run [OPTIONS] FILE.wasm [ARGS...]}.
 *
 * <p>Runs a WASI command's {@code _start} with {@code ARGS} as its arguments, or with
 * {@code --invoke NAME} calls one exported function with {@code ARGS} as its parameters and
 * prints the results. WASI preview1 is always linked ({@link WasiPreview1}), with the standard
 * streams, {@code --dir} preopened directories ({@link HostDirectory}) and {@code --env}
 * variables.
 *
 * <p>Full JDK allowed here; nothing else in the project imports this package. Every failure is
 * reported as one {@code error: ...} line on stderr, never a stack trace. Exit codes: the
 * program's own ({@code proc_exit}'s code, 0 when {@code _start} or the invoked function returns),
 * 1 error (unreadable file, bad module, unlinkable import, missing export), 2 usage error, 134 a
 * trap or an exhausted stack in the program (128 + SIGABRT, what wasmtime and a native program
 * that aborts give), 141 a write to a closed pipe (128 + SIGPIPE).
 */
public final class Main {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int TRAP = 134;
    /** 128 + SIGPIPE: the program wrote to a pipe whose reader has gone (what a native program dies with). */
    static final int BROKEN_PIPE = 141;
    /** The default of {@code --max-module-size}: 256 MiB. */
    static final long MAX_MODULE_BYTES = io.wasmlet.validate.Loader.MAX_INPUT_BYTES;

    static final String HELP = String.join("\n",
            "usage: wasmlet run [OPTIONS] FILE.wasm [ARGS...]",
            "       wasmlet --help | --version",
            "",
            "Loads, validates and instantiates a WebAssembly 2.0 module with WASI preview1, then",
            "runs its _start function (a WASI command) with ARGS as the program's arguments",
            "(argv[0] is FILE.wasm), or with --invoke calls one exported function.",
            "",
            "  --invoke NAME     call the exported function NAME with ARGS, parsed per its",
            "                    parameter types, and print each result on its own line.",
            "  --dir HOST[:GUEST]  give the program the host directory HOST, which it sees as",
            "                    GUEST (default: HOST as written, e.g. '.'). Paths that leave it,",
            "                    by '..' or by a symbolic link, are refused. Repeatable.",
            "  --env NAME=VALUE  set an environment variable of the program (the host's",
            "                    environment is not passed on). Repeatable.",
            "  --board NAME      size every arena from board descriptor NAME (a file in mcu-boards/,",
            "                    e.g. stm32f746g-disco) or from a .board file path; default: desktop.",
            "                    A module that does not fit the board is refused before allocation.",
            "  --footprint       print the bytes the runtime would hold per arena on the board,",
            "                    the total and what stays free, then exit without running (status 1,",
            "                    and what does not fit by how much, when the module does not fit).",
            "  --max-module-size BYTES  refuse a module file larger than BYTES (a number, or with",
            "                    a K, M or G suffix for KiB, MiB, GiB; default 256M).",
            "  --unknown-imports-trap     link every function import that nothing provides to",
            "                    a stub that traps when called (default: refuse the module).",
            "  --unknown-imports-default  link such imports to stubs that return zeros (an",
            "                    unknown WASI function whose only result is an i32: ENOSYS).",
            "  --mode MODE       interp (the interpreter only), tiered (the default: hot functions",
            "                    are translated into the JIT tier's code cache) or eager (every",
            "                    function translated before it first runs).",
            "  --fuel N          stop the program with a trap after N Wasm instructions (the code",
            "                    then carries fuel counters: a little slower).",
            "  --timeout SECONDS stop the program with a trap after SECONDS of wall time.",
            "  --stats           after the run, print to stderr the Wasm instructions executed,",
            "                    the calls made, the run time and the footprint on the board",
            "                    (the code then carries counters: a little slower).",
            "  --help, -h        show this help",
            "  --version, -V     print the version",
            "  --                end of options: the next argument is FILE.wasm, even if it",
            "                    starts with -.",
            "",
            "Options go before FILE.wasm: everything after it goes to the program as it is,",
            "options (--verbose, -v) and -- included.",
            "The program gets stdin, stdout and stderr, the wall and monotonic clocks and a secure",
            "random source; it may import only WASI functions (wasi_snapshot_preview1, or the",
            "older wasi_unstable). A reactor (a module exporting _initialize) has _initialize",
            "called once before the --invoke'd function.",
            "",
            "--invoke arguments: i32/i64 as decimal (signed or unsigned) or 0x hex, optionally",
            "negative; f32/f64 as decimal (1.5, -2e10), hex float (0x1p-3), nan, inf or -inf;",
            "funcref/externref only as null.",
            "Results: i32/i64 as signed decimal, f32/f64 as Java's Float/Double.toString,",
            "references as ref.null, ref.func or ref.extern N.",
            "",
            "Exit status: the program's exit code (proc_exit's, 0 when it returns), 1 error,",
            "2 usage error, 134 trap (or call stack exhausted) in the program, 141 the program",
            "wrote to a pipe that was closed (as a native program killed by SIGPIPE).");

    private Main() {
    }

    /** The {@code wasmlet} command: runs {@link #run} and exits with its code. */
    public static void main(String[] args) {
        // The program writes to the descriptors themselves, not through System.out: a
        // PrintStream would swallow every write error (a closed pipe, a full disk).
        int code = run(args, System.in, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with an empty standard input; returns the exit code. Never throws,
     * never exits the JVM.
     */
    public static int run(String[] args, OutputStream out, OutputStream err) {
        return run(args, new ByteArrayInputStream(new byte[0]), out, err);
    }

    /**
     * Runs the command line; returns the exit code. Never throws, never exits the JVM. The
     * program's writes go to {@code out} and {@code err} as they are; when one fails because
     * the reader of a pipe has gone, the program is stopped with {@link #BROKEN_PIPE}, as
     * SIGPIPE stops a native program, and other write errors reach it as WASI errnos.
     */
    public static int run(String[] args, InputStream in, OutputStream rawOut, OutputStream rawErr) {
        PrintStream out = printStream(rawOut);
        PrintStream err = printStream(rawErr);
        try {
            return dispatch(args, in, out, err, new ProgramOutput(rawOut), new ProgramOutput(rawErr));
        } catch (Failure f) {
            out.flush();
            err.println("error: " + f.getMessage());
            return f.exitCode;
        } catch (RuntimeException | Error e) {
            // A bug in the runtime, or the JVM itself gave out (StackOverflowError, OOM).
            out.flush();
            err.println("error: internal error: " + oneLine(e));
            return ERROR;
        }
    }

    private static PrintStream printStream(OutputStream s) {
        return s instanceof PrintStream ? (PrintStream) s : new PrintStream(s, true);
    }

    private static int dispatch(String[] args, InputStream in, PrintStream out, PrintStream err,
                                OutputStream programOut, OutputStream programErr) {
        if (args.length == 0) {
            throw usage("no command given; try --help");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            out.println(HELP);
            return OK;
        }
        if (command.equals("--version") || command.equals("-V") || command.equals("version")) {
            out.println(versionLine());
            return OK;
        }
        if (!command.equals("run")) {
            throw usage("unknown command '" + command + "'; try --help");
        }

        String invoke = null;
        String boardName = null;
        boolean footprint = false;
        boolean stats = false;
        String mode = "tiered";
        long fuel = -1;
        double timeout = 0;
        long maxModule = MAX_MODULE_BYTES;
        int unknownImports = WasiPreview1.UNKNOWN_IMPORTS_REFUSE;
        List<String> dirs = new ArrayList<>();
        List<String> env = new ArrayList<>();
        // Runner options stand before the file; the first argument that is not an option (or the
        // one after "--") is the file, and everything after it goes to the program (wasmtime's rule).
        int i = 1;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            switch (a) {
                case "--help":
                case "-h":
                    out.println(HELP);
                    return OK;
                case "--version":
                case "-V":
                    out.println(versionLine());
                    return OK;
                case "--board":
                    boardName = optionValue(args, i++, "a board name; see mcu-boards/");
                    break;
                case "--footprint":
                    footprint = true;
                    break;
                case "--stats":
                    stats = true;
                    break;
                case "--mode":
                    mode = optionValue(args, i++, "interp, tiered or eager");
                    if (!List.of("interp", "tiered", "eager").contains(mode)) {
                        throw usage("--mode must be interp, tiered or eager, not '" + mode + "'");
                    }
                    break;
                case "--fuel":
                    fuel = parseCount(optionValue(args, i++, "a number of instructions"), "--fuel");
                    break;
                case "--timeout":
                    timeout = parseSeconds(optionValue(args, i++, "a number of seconds"));
                    break;
                case "--max-module-size":
                    maxModule = parseSize(optionValue(args, i++, "a size in bytes, e.g. 64M"));
                    break;
                case "--unknown-imports-trap":
                    unknownImports = WasiPreview1.UNKNOWN_IMPORTS_TRAP;
                    break;
                case "--unknown-imports-default":
                    unknownImports = WasiPreview1.UNKNOWN_IMPORTS_DEFAULT;
                    break;
                case "--invoke":
                    if (invoke != null) {
                        throw usage("--invoke given twice");
                    }
                    invoke = optionValue(args, i++, "a function name");
                    break;
                case "--dir":
                    dirs.add(optionValue(args, i++, "a directory, HOST or HOST:GUEST"));
                    break;
                case "--env": {
                    String kv = optionValue(args, i++, "NAME=VALUE");
                    if (kv.indexOf('=') <= 0) {
                        throw usage("--env needs NAME=VALUE, got '" + kv + "'");
                    }
                    env.add(kv);
                    break;
                }
                default:
                    throw usage("unknown option '" + a + "'; try --help (the program's own options go after FILE.wasm)");
            }
        }
        if (i >= args.length) {
            throw usage("run needs a FILE.wasm; try --help");
        }
        String file = args[i];
        List<String> values = new ArrayList<>(List.of(args).subList(i + 1, args.length));

        Board board = boardName == null ? Board.desktop() : Boards.load(boardName);
        boolean metered = stats || fuel >= 0;
        // names and byte offsets for backtraces, except where the run models a board's heap
        // (--board, --footprint): the map would count against the budget that a board's own
        // load, without it, does not spend
        int flags = (metered ? io.wasmlet.validate.Loader.COUNT : 0)
                | (boardName == null && !footprint ? io.wasmlet.validate.Loader.DEBUG : 0)
                // branch profiles for tiered mode's side exits, except on a board (8 bytes a branch)
                | (mode.equals("tiered") && boardName == null && !footprint ? io.wasmlet.validate.Loader.PROFILE : 0);
        WasmModule module = load(file, flags, maxModule);
        Store store = io.wasmlet.jit.Jit.store(board, mode);
        store.interruptSource(new ThreadInterrupt());
        if (fuel >= 0) {
            store.setFuel(fuel);
        }
        if (footprint) {
            Footprint f = store.footprint(module);
            out.print(f);
            String problem = f.problem(module);
            if (problem != null) {
                throw new Failure(file + " does not fit on board " + board.name + ": " + problem, ERROR);
            }
            return OK;
        }

        List<String> argv = new ArrayList<>();
        argv.add(file);
        if (invoke == null) {
            argv.addAll(values);
        }
        WasiPreview1 wasi = DesktopWasi.create(argv.toArray(new String[0]))
                .env(env.toArray(new String[0]))
                .stdin(in)
                .stdout(programOut)
                .stderr(programErr)
                .unknownImports(unknownImports);
        for (String d : dirs) {
            preopen(wasi, d);
        }
        checkImports(file, module, unknownImports);
        long startNanos = System.nanoTime();
        Thread timer = timeout > 0 ? startTimer(store, timeout) : null;
        try {
            return invoke == null ? runStart(store, file, module, wasi) : invoke(store, file, module, wasi, invoke, values, out);
        } catch (WasiExit e) {
            return e.code;
        } catch (TrapException e) {
            throw new Failure("trap: " + e.getMessage() + backtrace(store), TRAP);
        } catch (ExhaustionException e) {
            throw new Failure("exhausted: " + e.getMessage() + backtrace(store), TRAP);
        } finally {
            try {
                wasi.flush();
            } catch (WasiExit e) {
                // the pipe closed after the program's last write: the run's result stands
            }
            if (timer != null) {
                timer.interrupt();
            }
            if (stats) {
                printStats(err, store, module, System.nanoTime() - startNanos);
            }
        }
    }

    /** {@code --timeout}: a daemon thread that interrupts the store when the time is up. */
    private static Thread startTimer(Store store, double seconds) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep((long) (seconds * 1000));
                store.interrupt();
            } catch (InterruptedException e) {
                // the run ended first
            }
        }, "wasmlet-timeout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long parseCount(String v, String option) {
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw usage(option + " needs a number of at least 0, not '" + v + "'");
    }

    private static double parseSeconds(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d < 1e9) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw usage("--timeout needs a positive number of seconds, not '" + v + "'");
    }

    /** What {@code --version} prints: {@code wasmlet VERSION}. */
    static String versionLine() {
        return "wasmlet " + io.wasmlet.Version.VERSION;
    }

    /** {@code --stats}: counters from code loaded with {@code Loader.COUNT}, then the footprint. */
    private static void printStats(PrintStream err, Store store, WasmModule module, long nanos) {
        err.printf("stats: %d Wasm instructions executed, %d calls, %.3f s%n",
                store.instructionsExecuted(), store.callsExecuted(), nanos / 1e9);
        if (store.mode() != Store.MODE_INTERP) {
            err.printf("stats: JIT (%s): %d functions translated, %d refused (cache full), code cache %d of %d ints used%n",
                    store.mode() == Store.MODE_EAGER ? "eager" : "tiered", store.functionsTranslated(),
                    store.translationsRefused(), store.codeCacheUsed(), store.codeCacheCapacity());
            err.printf("stats: JIT: %d side exits taken%n", store.sideExits());
        }
        err.print(store.footprint(module));
    }

    /** {@code --max-module-size}: bytes, or KiB, MiB, GiB with a K, M or G suffix. */
    static long parseSize(String text) {
        String s = text.trim().toUpperCase();
        int shift = 0;
        if (s.endsWith("K") || s.endsWith("M") || s.endsWith("G")) {
            shift = s.endsWith("K") ? 10 : s.endsWith("M") ? 20 : 30;
            s = s.substring(0, s.length() - 1);
        }
        try {
            long v = Long.parseLong(s);
            if (v < 0 || v > (Integer.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return v << shift;
        } catch (NumberFormatException e) {
            throw usage("--max-module-size needs a size from 0 to 2047M, e.g. 64M, got '" + text + "'");
        }
    }

    private static String optionValue(String[] args, int i, String what) {
        if (i + 1 >= args.length) {
            throw usage(args[i] + " needs " + what);
        }
        return args[i + 1];
    }

    /** {@code --dir HOST[:GUEST]}: the first ':' separates the guest path. */
    private static void preopen(WasiPreview1 wasi, String spec) {
        int colon = spec.indexOf(':');
        String host = colon < 0 ? spec : spec.substring(0, colon);
        String guest = colon < 0 ? spec : spec.substring(colon + 1);
        if (host.isEmpty() || guest.isEmpty()) {
            throw usage("--dir needs HOST or HOST:GUEST, got '" + spec + "'");
        }
        Path p = path(host);
        if (!Files.isDirectory(p)) {
            throw error("--dir " + host + ": " + (Files.exists(p) ? "not a directory" : "no such directory"));
        }
        try {
            wasi.preopen(guest, HostDirectory.open(p));
        } catch (IOException e) {
            throw error("--dir " + host + ": " + oneLine(e));
        }
    }

    /** The exported function {@code name} (which exists), or a clear error for another kind. */
    private static Function function(Instance instance, String name) {
        int kind = instance.exportKind(name);
        if (kind != WasmModule.KIND_FUNC) {
            throw error("export '" + name + "' is a " + WasmModule.kindName(kind) + ", not a function");
        }
        if (instance.hasExport("_start") && instance.hasExport("_initialize")) {
            throw error("the module exports both _start and _initialize: a WASI module is a command or a reactor, not both");
        }
        return instance.function(name);
    }

    private static int runStart(Store store, String file, WasmModule module, WasiPreview1 wasi) {
        Instance instance = instantiate(store, file, module, wasi);
        if (!instance.hasExport("_start")) {
            throw error("no --invoke given and no _start export" + exportList(module)
                    + (instance.hasExport("_initialize") ? "; it is a reactor (it exports _initialize): use --invoke" : ""));
        }
        Function start = function(instance, "_start");
        FuncType type = start.type();
        if (type.paramCount() != 0 || type.resultCount() != 0) {
            throw error("_start has type " + type + "; a WASI command's _start takes and returns nothing");
        }
        return wasi.start(instance);
    }

    private static int invoke(Store store, String file, WasmModule module, WasiPreview1 wasi, String name,
                              List<String> values, PrintStream out) {
        Instance instance = instantiate(store, file, module, wasi);
        if (!instance.hasExport(name)) {
            throw error(file + " has no export named '" + name + "'" + exportList(module));
        }
        Function function = function(instance, name);
        FuncType type = function.type();
        checkSupported(name, type);
        long[] raw = parseArgs(name, type, values);
        long[] results;
        try {
            if (!name.equals("_initialize")) {
                wasi.initialize(instance); // a reactor's constructors, once
            }
            results = store.invoke(function, raw);
        } catch (WasiExit | TrapException | ExhaustionException e) {
            throw e;
        } catch (WasmException e) {
            throw error(e.getMessage());
        }
        wasi.flush();
        for (int i = 0; i < type.resultCount(); i++) {
            out.println(format(type.result(i), results[i]));
        }
        return OK;
    }

    // ---- loading and linking -----------------------------------------------------------

    private static WasmModule load(String file, int flags, long maxBytes) {
        Path p = path(file);
        try {
            if (Files.isRegularFile(p) && Files.size(p) > maxBytes) {
                throw error("cannot load " + file + ": " + Files.size(p) + " bytes, larger than the limit of "
                        + maxBytes + " bytes (--max-module-size)");
            }
            try (InputStream in = Files.newInputStream(p)) {
                return io.wasmlet.validate.Loader.load(in, (int) maxBytes, flags);
            }
        } catch (NoSuchFileException e) {
            throw error("file not found: " + file);
        } catch (AccessDeniedException e) {
            throw error("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw error("cannot read " + file + ": " + oneLine(e));
        } catch (ResourceLimitException e) {
            throw error("cannot load " + file + ": " + e.getMessage() + " (--max-module-size)");
        } catch (MalformedException e) {
            throw error("malformed module " + file + ": " + e.getMessage());
        } catch (InvalidException e) {
            throw error("invalid module " + file + ": " + e.getMessage());
        } catch (WasmException e) {
            throw error("cannot load " + file + ": " + e.getMessage());
        }
    }

    /** Refuses, before anything runs, an import this runner cannot provide. */
    private static void checkImports(String file, WasmModule module, int unknownImports) {
        for (int ii = 0; ii < module.importCount(); ii++) {
            Import im = module.importAt(ii);
            boolean wasiModule = im.module.equals(WasiPreview1.MODULE) || im.module.equals(WasiPreview1.MODULE_PREVIEW0);
            if (im.kind != WasmModule.KIND_FUNC
                    || !wasiModule && unknownImports == WasiPreview1.UNKNOWN_IMPORTS_REFUSE) {
                throw error(file + " imports " + im.module + "." + im.name + " (" + WasmModule.kindName(im.kind)
                        + "), which this runner does not provide: it provides only WASI functions ("
                        + WasiPreview1.MODULE + ", " + WasiPreview1.MODULE_PREVIEW0 + ")"
                        + (im.kind == WasmModule.KIND_FUNC ? "; --unknown-imports-trap or --unknown-imports-default"
                        + " links it to a stub" : ""));
            }
        }
    }

    private static Instance instantiate(Store store, String file, WasmModule module, WasiPreview1 wasi) {
        Imports imports = new Imports();
        wasi.addTo(imports, module);
        try {
            return store.instantiate(module, imports);
        } catch (UnlinkableException e) {
            throw error("cannot link " + file + ": " + e.getMessage());
        } catch (UninstantiableException e) {
            throw error("cannot instantiate " + file + ": " + e.getMessage());
        } catch (WasiExit | TrapException | ExhaustionException e) {
            throw e;
        } catch (WasmException e) {
            throw error("cannot instantiate " + file + ": " + e.getMessage());
        }
    }

    private static Path path(String file) {
        try {
            return Paths.get(file);
        } catch (RuntimeException e) {
            throw error("bad file name: " + file);
        }
    }

    // ---- arguments and results ---------------------------------------------------------

    private static void checkSupported(String name, FuncType type) {
        for (int i = 0; i < type.paramCount(); i++) {
            if (type.param(i) == ValType.V128) {
                throw error("'" + name + "' takes a v128 parameter, which the command line cannot pass");
            }
        }
        for (int i = 0; i < type.resultCount(); i++) {
            if (type.result(i) == ValType.V128) {
                throw error("'" + name + "' returns a v128, which the command line cannot print");
            }
        }
    }

    static long[] parseArgs(String name, FuncType type, List<String> values) {
        int n = type.paramCount();
        if (values.size() != n) {
            throw usage("'" + name + "' takes " + n + " argument" + (n == 1 ? "" : "s")
                    + " " + type + ", got " + values.size());
        }
        long[] raw = new long[n];
        for (int i = 0; i < n; i++) {
            raw[i] = parseValue(type.param(i), values.get(i), i + 1);
        }
        return raw;
    }

    static long parseValue(byte type, String text, int position) {
        String s = text.trim();
        try {
            switch (type) {
                case ValType.I32: {
                    long v = parseInteger(s);
                    if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
                        throw new NumberFormatException();
                    }
                    return v & 0xFFFF_FFFFL;
                }
                case ValType.I64:
                    return parseLong(s);
                case ValType.F32:
                    return Float.floatToRawIntBits(parseFloat(s)) & 0xFFFF_FFFFL;
                case ValType.F64:
                    return Double.doubleToRawLongBits(parseDouble(s));
                case ValType.FUNCREF:
                case ValType.EXTERNREF:
                    if (s.equals("null") || s.equals("ref.null")) {
                        return 0;
                    }
                    throw usage("argument " + position + ": only null can be passed as a "
                            + ValType.name(type));
                default:
                    throw usage("argument " + position + ": unsupported type " + ValType.name(type));
            }
        } catch (NumberFormatException e) {
            throw usage("argument " + position + ": '" + text + "' is not a valid " + ValType.name(type));
        }
    }

    /** An i32 candidate: decimal or 0x hex, optional sign, range checked by the caller. */
    private static long parseInteger(String s) {
        boolean neg = s.startsWith("-");
        String body = neg || s.startsWith("+") ? s.substring(1) : s;
        if (body.isEmpty() || body.startsWith("-") || body.startsWith("+")) {
            throw new NumberFormatException();
        }
        long v;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            String hex = body.substring(2);
            if (hex.isEmpty() || hex.length() > 8) {
                throw new NumberFormatException();
            }
            v = Long.parseLong(hex, 16);
        } else {
            v = Long.parseLong(body);
        }
        return neg ? -v : v;
    }

    /** An i64: decimal (signed, or unsigned up to 2^64-1) or 0x hex up to 16 digits, optional sign. */
    private static long parseLong(String s) {
        boolean neg = s.startsWith("-");
        String body = neg || s.startsWith("+") ? s.substring(1) : s;
        if (body.isEmpty() || body.startsWith("-") || body.startsWith("+")) {
            throw new NumberFormatException();
        }
        long v;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            String hex = body.substring(2);
            if (hex.isEmpty() || hex.length() > 16) {
                throw new NumberFormatException();
            }
            v = Long.parseUnsignedLong(hex, 16);
            if (neg && Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
                throw new NumberFormatException();
            }
            return neg ? -v : v;
        }
        if (neg) {
            return Long.parseLong(s);
        }
        return Long.parseUnsignedLong(body);
    }

    private static float parseFloat(String s) {
        String l = s.toLowerCase();
        switch (l) {
            case "nan": case "+nan": return Float.NaN;
            case "-nan": return Float.intBitsToFloat(0xFFC0_0000);
            case "inf": case "+inf": case "infinity": case "+infinity": return Float.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Float.NEGATIVE_INFINITY;
            default:
                checkDecimal(l);
                return Float.parseFloat(s);
        }
    }

    private static double parseDouble(String s) {
        String l = s.toLowerCase();
        switch (l) {
            case "nan": case "+nan": return Double.NaN;
            case "-nan": return Double.longBitsToDouble(0xFFF8_0000_0000_0000L);
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default:
                checkDecimal(l);
                return Double.parseDouble(s);
        }
    }

    /** Rejects what Java's parser accepts but a user did not mean: "1.5f", "2d", "NaN" spelled oddly. */
    private static void checkDecimal(String lower) {
        if (lower.isEmpty() || lower.endsWith("f") || lower.endsWith("d") || lower.contains("n")) {
            throw new NumberFormatException();
        }
    }

    static String format(byte type, long raw) {
        switch (type) {
            case ValType.I32: return Integer.toString((int) raw);
            case ValType.I64: return Long.toString(raw);
            case ValType.F32: return Float.toString(Float.intBitsToFloat((int) raw));
            case ValType.F64: return Double.toString(Double.longBitsToDouble(raw));
            case ValType.FUNCREF: return raw == 0 ? "ref.null" : "ref.func";
            case ValType.EXTERNREF: return raw == 0 ? "ref.null" : "ref.extern " + raw;
            default: return "0x" + Long.toHexString(raw) + " (" + ValType.name(type) + ")";
        }
    }

    // ---- messages ----------------------------------------------------------------------

    private static String exportList(WasmModule module) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < module.exportCount(); i++) {
            Export e = module.exportAt(i);
            if (e.kind == WasmModule.KIND_FUNC) {
                sb.append(sb.length() == 0 ? " (function exports: " : ", ").append(e.name);
            }
        }
        return sb.length() == 0 ? " (it exports no functions)" : sb.append(')').toString();
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        String s = m == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + m;
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** The store's backtrace after a trap, as wasmtime prints it (with its first newline), or "". */
    private static String backtrace(Store store) {
        String text = Backtraces.format(store.backtrace());
        // the caller's println ends the last line
        return text.isEmpty() ? "" : "\nwasm backtrace:\n" + text.substring(0, text.length() - 1);
    }

    private static Failure usage(String message) {
        return new Failure(message, USAGE);
    }

    static Failure error(String message) {
        return new Failure(message, ERROR);
    }

    /** A failure already worded for the user; carries its exit code. */
    static final class Failure extends RuntimeException {
        final int exitCode;

        Failure(String message, int exitCode) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
