package io.wasmlet.spec;

import static org.junit.jupiter.api.Assertions.fail;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ValType;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UninstantiableException;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Global;
import io.wasmlet.exec.HostFunction;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.board.Board;
import io.wasmlet.exec.Table;
import io.wasmlet.validate.Loader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the WebAssembly spec test suite (wast2json output in {@code tests/spec/}).
 *
 * <p>One container per {@code .json} file (sorted by name), one test per command, named
 * {@code file.wast:LINE}. The commands of a file run in order and share one {@link Store}, the
 * current module instance, the named modules and the registered instances.
 *
 * <p>System properties (pass them to Maven with {@code -D...}):
 * <ul>
 *   <li>{@code wasmlet.spec.filter=SUBSTRING}: only files whose name (NAME.json or NAME.wast)
 *       contains it; a comma-separated list matches any of them.</li>
 *   <li>{@code wasmlet.spec.failures.out=PATH}: write the name of every failing test (including
 *       known failures that still fail) to PATH, one per line, so {@code known-failures.txt}
 *       can be regenerated.</li>
 *   <li>{@code wasmlet.mode=interp,count}: the execution modes to run (default: all of
 *       {@link #ALL_MODES}), shown in the container names.</li>
 *   <li>{@code wasmlet.spec.timeout=SECONDS}: per-command time limit (default 60; 0 = none,
 *       commands then run on the JUnit thread). A command that times out fails and the rest
 *       of its file fails fast.</li>
 *   <li>{@code wasmlet.spec.stack=BYTES}: stack size of the thread running the commands
 *       (default 0 = the JVM's default); accepts k/m suffixes.</li>
 * </ul>
 *
 * <p>{@code tests/spec/known-failures.txt} lists tests expected to fail: those are reported as
 * skipped; a listed test that passes fails ("now passes"), so the list only shrinks.
 * A summary table goes to stdout and {@code target/spec-summary-MODE.txt}.
 */
public class SpecTest {

    static final String[] KINDS = {
        "module", "assert_return", "assert_trap", "assert_exhaustion", "assert_invalid",
        "assert_malformed", "assert_unlinkable", "assert_uninstantiable", "register", "action",
    };

    /**
     * The store of a mode. {@code tiered} tiers up after 2 calls or 8 back-edges, on code that
     * also meters fuel, so that translation, on-stack replacement and tier switches happen
     * in the middle of the suite's calls, with a side exit for any branch path that had not run
     * once by then and a second translation once a function took 2; {@code eager} translates every function first;
     * {@code tinycache} is eager with a code cache of 600 ints, so most functions stay
     * interpreted and the fallback paths run.
     */
    static Store newStore(String mode) {
        switch (mode) {
            case "tiered": {
                Tuning t = new Tuning();
                t.threshold = 2;
                t.loopWeight = 8;
                t.sideExitMin = 1; // side exits wherever 2 calls did not go, and retranslation after 2 taken
                t.sideExitLimit = 2;
                return new Store(Board.desktop(), Jit.tiered(t));
            }
            case "eager":
                return new Store(Board.desktop(), Jit.eager());
            case "tinycache":
                return new Store(tinyCacheBoard(), Jit.eager());
            default:
                return new Store(Board.desktop());
        }
    }

    private static Board tinyCacheBoard() {
        try {
            String text = new String(SpecTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).replaceAll("codecache.ints = \\d+", "codecache.ints = 600");
            return Board.parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final Path BASE = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SPEC_DIR = BASE.resolve("tests").resolve("spec");
    /**
     * Execution modes, each runs the whole suite: {@code interp} (the interpreter on plain
     * code) and {@code count} (the interpreter on code loaded with {@code Loader.COUNT}, whose
     * extra counting instructions must not change any result).
     */
    static final List<String> ALL_MODES = List.of("interp", "count", "tiered", "eager", "tinycache");
    private static final List<String> MODES =
            List.of(System.getProperty("wasmlet.mode", String.join(",", ALL_MODES)).split(","));

    @TestFactory
    Stream<DynamicNode> spec() throws IOException {
        for (String mode : MODES) {
            if (!ALL_MODES.contains(mode)) {
                throw new IllegalArgumentException("wasmlet.mode must be a list of " + ALL_MODES + ", not " + mode);
            }
        }
        if (!Files.isDirectory(SPEC_DIR)) {
            throw new IllegalStateException("spec test directory not found: " + SPEC_DIR);
        }
        String filter = System.getProperty("wasmlet.spec.filter", "").trim();
        List<String> filters = new ArrayList<>();
        for (String f : filter.split(",")) {
            if (!f.trim().isEmpty()) {
                filters.add(f.trim());
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(SPEC_DIR)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> filters.isEmpty() || filters.stream().anyMatch(f -> matchesFilter(p, f)))
                    .sorted()
                    .collect(Collectors.toList());
        }
        Set<String> known = loadKnownFailures(SPEC_DIR.resolve("known-failures.txt"));
        return MODES.stream().flatMap(mode -> modeTests(mode, files, known));
    }

    private static Stream<DynamicNode> modeTests(String mode, List<Path> files, Set<String> known) {
        Summary summary = new Summary(known, mode);
        // Streams are consumed lazily by JUnit: a file is read and parsed only when its
        // container is reached, and its state can be dropped when the container is done.
        Stream<DynamicNode> containers = files.stream().map(p -> {
            String base = p.getFileName().toString();
            base = base.substring(0, base.length() - ".json".length());
            String display = base + ".wast [" + mode + "]";
            return DynamicContainer.dynamicContainer(display, p.toUri(),
                    Stream.of(p).flatMap(path -> fileTests(path, summary)));
        });
        DynamicNode last = DynamicTest.dynamicTest("summary [" + mode + "]", summary::finish);
        return Stream.concat(containers, Stream.of(last));
    }

    /** A filter matches a substring of NAME.json or of NAME.wast (so "call.wast" is exact). */
    private static boolean matchesFilter(Path p, String f) {
        String json = p.getFileName().toString();
        String wast = json.substring(0, json.length() - ".json".length()) + ".wast";
        return json.contains(f) || wast.contains(f);
    }

    // ------------------------------------------------------------------------------------
    // Per-file

    @SuppressWarnings("unchecked")
    private static Stream<DynamicNode> fileTests(Path jsonPath, Summary summary) {
        Map<String, Object> root;
        try {
            root = (Map<String, Object>) Json.parse(Files.readString(jsonPath, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            String n = jsonPath.getFileName().toString();
            return Stream.of(DynamicTest.dynamicTest(n, () -> fail("cannot read " + jsonPath + ": " + e, e)));
        }
        String fileName = jsonPath.getFileName().toString();
        String wastName = root.get("source_filename") instanceof String
                ? Paths.get((String) root.get("source_filename")).getFileName().toString()
                : fileName.substring(0, fileName.length() - ".json".length()) + ".wast";
        List<Object> commands = (List<Object>) root.get("commands");
        FileContext ctx = new FileContext(jsonPath.getParent(), wastName, summary, summary.mode);
        List<DynamicNode> tests = new ArrayList<>(commands.size());
        int n = commands.size();
        for (int i = 0; i < n; i++) {
            Map<String, Object> cmd = (Map<String, Object>) commands.get(i);
            String name = wastName + ":" + cmd.get("line");
            boolean isLast = i == n - 1;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    summary.run(ctx, name, cmd);
                } finally {
                    if (isLast) {
                        ctx.close();
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** State shared by the commands of one .json file. */
    static final class FileContext {
        final Path dir;
        final String wastName;
        final Summary summary;
        private Store store;
        private Map<String, Object> spectest;
        /** The most recent module command; null before any. */
        private ModRef current;
        private final Map<String, ModRef> named = new HashMap<>();
        private final Map<String, Instance> registered = new LinkedHashMap<>();
        /** Set when a command timed out: the store may be in use by a runaway thread. */
        String broken;
        long nanos;

        /** Loader flags of this file's mode. */
        final int loadFlags;
        final String mode;

        FileContext(Path dir, String wastName, Summary summary, String mode) {
            this.dir = dir;
            this.wastName = wastName;
            this.summary = summary;
            // the JIT modes run code with branch profiles (Loader.PROFILE), as the command line does
            this.loadFlags = (mode.equals("count") || mode.equals("tiered") ? Loader.COUNT : 0)
                    | (mode.equals("tiered") || mode.equals("eager") || mode.equals("tinycache") ? Loader.PROFILE : 0);
            this.mode = mode;
        }

        void close() {
            store = null;
            spectest = null;
            current = null;
            named.clear();
            registered.clear();
        }

        Store store() {
            if (store == null) {
                store = newStore(mode);
            }
            return store;
        }

        // --------------------------------------------------------------------------------
        // Commands

        @SuppressWarnings("unchecked")
        void execute(Map<String, Object> cmd) {
            String type = (String) cmd.get("type");
            long line = ((Number) cmd.get("line")).longValue();
            if ("text".equals(cmd.get("module_type"))) {
                Assumptions.abort("text module");
            }
            switch (type) {
                case "module":
                    commandModule(cmd, line);
                    break;
                case "register":
                    commandRegister(cmd, line);
                    break;
                case "action":
                    perform((Map<String, Object>) cmd.get("action"), line, "action");
                    break;
                case "assert_return":
                    assertReturn(cmd, line);
                    break;
                case "assert_trap":
                    if (cmd.get("action") == null && cmd.get("filename") != null) {
                        // assert_trap on a module: the start function traps, i.e. uninstantiable.
                        assertInstantiateFails(cmd, UninstantiableException.class, "uninstantiable");
                    } else {
                        assertActionThrows(cmd, line, TrapException.class, "trap");
                    }
                    break;
                case "assert_exhaustion":
                    assertActionThrows(cmd, line, ExhaustionException.class, "exhaustion");
                    break;
                case "assert_malformed":
                    assertLoadFails(cmd, MalformedException.class, "malformed");
                    break;
                case "assert_invalid":
                    assertLoadFails(cmd, InvalidException.class, "invalid");
                    break;
                case "assert_unlinkable":
                    assertInstantiateFails(cmd, UnlinkableException.class, "unlinkable");
                    break;
                case "assert_uninstantiable":
                    assertInstantiateFails(cmd, UninstantiableException.class, "uninstantiable");
                    break;
                default:
                    fail("unknown command type '" + type + "'");
            }
        }

        private void commandModule(Map<String, Object> cmd, long line) {
            String name = (String) cmd.get("name");
            String file = (String) cmd.get("filename");
            // Forget the previous current module first, so a failure here never leaves a stale one.
            ModRef ref = new ModRef(line);
            current = ref;
            if (name != null) {
                named.put(name, ref);
            }
            byte[] bytes = readModule(file);
            WasmModule m;
            try {
                m = Loader.load(bytes, loadFlags);
            } catch (Throwable t) {
                ref.error = "module at line " + line + " (" + file + ") failed to load: " + describe(t);
                throw failure(ref.error, t);
            }
            try {
                ref.instance = store().instantiate(m, imports());
            } catch (Throwable t) {
                ref.error = "module at line " + line + " (" + file + ") failed to instantiate: " + describe(t);
                throw failure(ref.error, t);
            }
        }

        private void commandRegister(Map<String, Object> cmd, long line) {
            String as = (String) cmd.get("as");
            Instance inst = resolve((String) cmd.get("name"), line);
            registered.put(as, inst);
        }

        /** The instance an action or register refers to: a named module or the current one. */
        private Instance resolve(String moduleName, long line) {
            ModRef ref;
            if (moduleName != null) {
                ref = named.get(moduleName);
                if (ref == null) {
                    fail("no module named " + moduleName + " before line " + line);
                }
            } else {
                ref = current;
                if (ref == null) {
                    fail("no module instantiated before line " + line);
                }
            }
            if (ref.error != null) {
                fail(ref.error);
            }
            if (ref.instance == null) {
                fail("module at line " + ref.line + " has no instance");
            }
            return ref.instance;
        }

        private void assertReturn(Map<String, Object> cmd, long line) {
            @SuppressWarnings("unchecked")
            Map<String, Object> action = (Map<String, Object>) cmd.get("action");
            List<Object> expected = list(cmd.get("expected"));
            long[] results = perform(action, line, "assert_return");
            String actionText = describeAction(action);
            if (results == null) {
                fail(actionText + ": returned null instead of a result array");
            }
            if (results.length != expected.size()) {
                fail(actionText + ": expected " + expected.size() + " result(s) " + describeExpected(expected)
                        + ", got " + results.length + ": " + describeResults(expected, results));
            }
            for (int i = 0; i < results.length; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> exp = (Map<String, Object>) expected.get(i);
                if (!matches(exp, results[i])) {
                    fail(actionText + ": result " + i + " expected " + describeValue(exp)
                            + ", got " + formatRaw((String) exp.get("type"), results[i])
                            + (results.length > 1 ? "  (all: " + describeResults(expected, results) + ")" : ""));
                }
            }
        }

        private void assertActionThrows(Map<String, Object> cmd, long line,
                                        Class<? extends WasmException> kind, String what) {
            @SuppressWarnings("unchecked")
            Map<String, Object> action = (Map<String, Object>) cmd.get("action");
            String text = (String) cmd.get("text");
            // Resolve outside the expected-failure block: a missing module is a harness-level failure.
            Instance inst = resolve((String) action.get("module"), line);
            long[] results;
            try {
                results = performOn(inst, action);
            } catch (Throwable t) {
                checkThrown(t, kind, what, text, true);
                return;
            }
            fail(describeAction(action) + ": expected " + what + " \"" + text + "\", but it returned "
                    + describeResults(list(cmd.get("expected")), results));
        }

        private void assertLoadFails(Map<String, Object> cmd, Class<? extends WasmException> kind, String what) {
            String file = (String) cmd.get("filename");
            String text = (String) cmd.get("text");
            byte[] bytes = readModule(file);
            try {
                Loader.load(bytes, loadFlags);
            } catch (Throwable t) {
                checkThrown(t, kind, what, text, false);
                return;
            }
            fail(file + ": expected " + what + " \"" + text + "\", but the module loaded");
        }

        private void assertInstantiateFails(Map<String, Object> cmd, Class<? extends WasmException> kind,
                                            String what) {
            String file = (String) cmd.get("filename");
            String text = (String) cmd.get("text");
            byte[] bytes = readModule(file);
            WasmModule m;
            try {
                m = Loader.load(bytes, loadFlags);
            } catch (Throwable t) {
                throw failure(file + ": expected " + what + " \"" + text + "\" at instantiation, but loading failed: "
                        + describe(t), t);
            }
            try {
                store().instantiate(m, imports());
            } catch (Throwable t) {
                checkThrown(t, kind, what, text, false);
                return;
            }
            fail(file + ": expected " + what + " \"" + text + "\", but the module instantiated");
        }

        /**
         * Checks an exception thrown where {@code kind} was expected. Non-Wasm exceptions are
         * always failures (with their stack trace). Messages must match (equal, or one a prefix
         * of the other) only if {@code compareMessage}.
         */
        private static void checkThrown(Throwable t, Class<? extends WasmException> kind, String what,
                                        String text, boolean compareMessage) {
            if (t instanceof TestAbortedException) {
                throw (TestAbortedException) t;
            }
            if (t instanceof AssertionFailedError) {
                throw (AssertionFailedError) t; // the harness's own (e.g. export is not a function)
            }
            if (!(t instanceof WasmException)) {
                throw failure("expected " + what + " \"" + text + "\", got non-Wasm exception " + describe(t), t);
            }
            if (!kind.isInstance(t)) {
                throw failure("expected " + what + " (" + kind.getSimpleName() + ") \"" + text + "\", got "
                        + t.getClass().getSimpleName() + ": \"" + t.getMessage() + "\"", t);
            }
            if (compareMessage) {
                String msg = t.getMessage();
                if (msg == null || msg.isEmpty()) {
                    fail(what + " without a message; expected \"" + text + "\"");
                }
                if (!(msg.equals(text) || msg.startsWith(text) || text.startsWith(msg))) {
                    fail(what + " message mismatch: expected \"" + text + "\", got \"" + msg + "\"");
                }
            }
        }

        // --------------------------------------------------------------------------------
        // Actions and values

        /** Runs an action (outside an expected-failure block: every exception is a failure). */
        private long[] perform(Map<String, Object> action, long line, String what) {
            Instance inst = resolve((String) action.get("module"), line);
            try {
                return performOn(inst, action);
            } catch (AssertionFailedError | TestAbortedException e) {
                throw e; // the harness's own
            } catch (Throwable t) {
                throw failure(describeAction(action) + ": " + what + " threw " + describe(t), t);
            }
        }

        @SuppressWarnings("unchecked")
        private long[] performOn(Instance inst, Map<String, Object> action) {
            String type = (String) action.get("type");
            String field = (String) action.get("field");
            Object ext = export(inst, field);
            switch (type) {
                case "invoke": {
                    if (!(ext instanceof Function)) {
                        fail("export \"" + field + "\" is not a function: " + ext);
                    }
                    Function f = (Function) ext;
                    List<Object> argList = list(action.get("args"));
                    long[] args = new long[argList.size()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = encodeArg((Map<String, Object>) argList.get(i));
                    }
                    FuncType ft = f.type();
                    if (ft != null && ft.paramCount() != args.length) {
                        fail("export \"" + field + "\" has type " + ft + " but the test passes "
                                + args.length + " argument(s)");
                    }
                    return store().invoke(f, args);
                }
                case "get": {
                    if (!(ext instanceof Global)) {
                        fail("export \"" + field + "\" is not a global: " + ext);
                    }
                    return new long[] {((Global) ext).get()};
                }
                default:
                    fail("unknown action type '" + type + "'");
                    return null;
            }
        }

        byte[] readModule(String file) {
            if (file == null) {
                fail("command has no module file name");
            }
            try {
                return Files.readAllBytes(dir.resolve(file));
            } catch (IOException e) {
                throw failure("cannot read " + file + ": " + e, e);
            }
        }

        // --------------------------------------------------------------------------------
        // Linking

        private Imports imports() {
            Imports im = new Imports();
            for (Map.Entry<String, Object> e : spectest().entrySet()) {
                add(im, "spectest", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Instance> r : registered.entrySet()) {
                Instance inst = r.getValue();
                im.addAll(r.getKey(), inst);
            }
            return im;
        }

        /** The spectest host module, built once per file. */
        private Map<String, Object> spectest() {
            if (spectest == null) {
                Map<String, Object> m = new LinkedHashMap<>();
                HostFunction nop = (caller, stack, base) -> { };
                m.put("print", fn(nop));
                m.put("print_i32", fn(nop, ValType.I32));
                m.put("print_i64", fn(nop, ValType.I64));
                m.put("print_f32", fn(nop, ValType.F32));
                m.put("print_f64", fn(nop, ValType.F64));
                m.put("print_i32_f32", fn(nop, ValType.I32, ValType.F32));
                m.put("print_f64_f64", fn(nop, ValType.F64, ValType.F64));
                m.put("global_i32", new Global(ValType.I32, false, 666L));
                m.put("global_i64", new Global(ValType.I64, false, 666L));
                m.put("global_f32", new Global(ValType.F32, false, Float.floatToRawIntBits(666.6f) & 0xFFFFFFFFL));
                m.put("global_f64", new Global(ValType.F64, false, Double.doubleToRawLongBits(666.6)));
                m.put("table", new Table(ValType.FUNCREF, 10, 20));
                m.put("memory", new Memory(1, 2));
                spectest = m;
            }
            return spectest;
        }

        /** The export {@code name} as its typed object, or null if there is none. */
        private static Object export(Instance inst, String name) {
            if (!inst.hasExport(name)) {
                return null;
            }
            switch (inst.exportKind(name)) {
                case WasmModule.KIND_FUNC: return inst.function(name);
                case WasmModule.KIND_TABLE: return inst.table(name);
                case WasmModule.KIND_MEMORY: return inst.memory(name);
                default: return inst.global(name);
            }
        }

        private static void add(Imports im, String module, String name, Object extern) {
            if (extern instanceof Function) {
                im.add(module, name, (Function) extern);
            } else if (extern instanceof Table) {
                im.add(module, name, (Table) extern);
            } else if (extern instanceof Memory) {
                im.add(module, name, (Memory) extern);
            } else {
                im.add(module, name, (Global) extern);
            }
        }

        private static Function fn(HostFunction impl, byte... params) {
            return new Function(new FuncType(params, new byte[0]), impl);
        }
    }

    /** A module command's outcome: an instance, or the reason there is none. */
    static final class ModRef {
        final long line;
        Instance instance;
        String error;

        ModRef(long line) {
            this.line = line;
        }
    }

    // ----------------------------------------------------------------------------------------
    // Value encoding

    /** Encodes a JSON argument value as a raw long (see the class comment of the runtime API). */
    static long encodeArg(Map<String, Object> v) {
        String type = (String) v.get("type");
        Object value = v.get("value");
        String s = value == null ? null : value.toString();
        switch (type) {
            case "i32":
            case "f32":
                return Long.parseUnsignedLong(s) & 0xFFFFFFFFL;
            case "i64":
            case "f64":
                return Long.parseUnsignedLong(s);
            case "externref":
                if (s == null) {
                    fail("externref argument without a value");
                }
                return s.equals("null") ? 0L : Long.parseUnsignedLong(s) + 1;
            case "funcref":
                if ("null".equals(s)) {
                    return 0L;
                }
                fail("unsupported funcref argument: " + s);
                return 0L;
            default:
                fail("unsupported argument type '" + type + "'");
                return 0L;
        }
    }

    /** Whether raw result {@code r} matches expected JSON value {@code exp}. */
    static boolean matches(Map<String, Object> exp, long r) {
        String type = (String) exp.get("type");
        Object value = exp.get("value");
        String s = value == null ? null : value.toString();
        switch (type) {
            case "i32":
                return (r & 0xFFFFFFFFL) == Long.parseUnsignedLong(s);
            case "i64":
                return r == Long.parseUnsignedLong(s);
            case "f32": {
                int bits = (int) r;
                if ("nan:canonical".equals(s)) {
                    return (bits & 0x7fffffff) == 0x7fc00000;
                }
                if ("nan:arithmetic".equals(s)) {
                    return (bits & 0x7fc00000) == 0x7fc00000;
                }
                return (r & 0xFFFFFFFFL) == Long.parseUnsignedLong(s);
            }
            case "f64":
                if ("nan:canonical".equals(s)) {
                    return (r & 0x7fffffffffffffffL) == 0x7ff8000000000000L;
                }
                if ("nan:arithmetic".equals(s)) {
                    return (r & 0x7ff8000000000000L) == 0x7ff8000000000000L;
                }
                return r == Long.parseUnsignedLong(s);
            case "externref":
                if (s == null) {
                    return r != 0;
                }
                return s.equals("null") ? r == 0 : r == Long.parseUnsignedLong(s) + 1;
            case "funcref":
                if (s == null) {
                    return r != 0;
                }
                if (s.equals("null")) {
                    return r == 0;
                }
                fail("unsupported expected funcref value: " + s);
                return false;
            default:
                fail("unsupported result type '" + type + "'");
                return false;
        }
    }

    static String formatRaw(String type, long r) {
        switch (type) {
            case "i32":
                return "i32:" + (int) r + " (0x" + hex32(r) + ")";
            case "i64":
                return "i64:" + r + " (0x" + Long.toHexString(r) + ")";
            case "f32":
                return "f32:" + Float.intBitsToFloat((int) r) + " (0x" + hex32(r) + ")";
            case "f64":
                return "f64:" + Double.longBitsToDouble(r) + " (0x" + Long.toHexString(r) + ")";
            case "externref":
                return r == 0 ? "ref.null extern" : "ref.extern " + (r - 1);
            case "funcref":
                return r == 0 ? "ref.null func" : "ref.func(raw " + r + ")";
            default:
                return type + ":raw 0x" + Long.toHexString(r);
        }
    }

    private static String hex32(long r) {
        return String.format("%08x", r & 0xFFFFFFFFL);
    }

    static String describeValue(Map<String, Object> v) {
        String type = (String) v.get("type");
        Object value = v.get("value");
        if (value == null) {
            return type + (type.endsWith("ref") ? ":non-null" : "");
        }
        String s = value.toString();
        if (s.startsWith("nan:")) {
            return type + ":" + s;
        }
        if (type.endsWith("ref")) {
            return s.equals("null") ? "ref.null " + type.substring(0, type.length() - 3)
                    : (type.equals("externref") ? "ref.extern " + s : type + ":" + s);
        }
        try {
            return formatRaw(type, Long.parseUnsignedLong(s));
        } catch (NumberFormatException e) {
            return type + ":" + s;
        }
    }

    @SuppressWarnings("unchecked")
    static String describeExpected(List<Object> expected) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < expected.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(describeValue((Map<String, Object>) expected.get(i)));
        }
        return sb.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    static String describeResults(List<Object> expected, long[] results) {
        if (results == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < results.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String type = i < expected.size() ? (String) ((Map<String, Object>) expected.get(i)).get("type") : "?";
            sb.append(formatRaw(type, results[i]));
        }
        return sb.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    static String describeAction(Map<String, Object> action) {
        StringBuilder sb = new StringBuilder();
        sb.append(action.get("type")).append(' ');
        if (action.get("module") != null) {
            sb.append(action.get("module")).append(' ');
        }
        sb.append('"').append(action.get("field")).append('"');
        if ("invoke".equals(action.get("type"))) {
            List<Object> args = list(action.get("args"));
            sb.append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(describeValue((Map<String, Object>) args.get(i)));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? Collections.emptyList() : (List<Object>) o;
    }

    // ----------------------------------------------------------------------------------------
    // Failure helpers

    static String describe(Throwable t) {
        if (t instanceof WasmException) {
            return t.getClass().getSimpleName() + ": \"" + t.getMessage() + "\"";
        }
        // A non-Wasm exception (or error) is a runtime bug: keep its stack trace in the message,
        // since Surefire trims stack traces of failures to the test class.
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String[] lines = sw.toString().replace("\r", "").split("\n");
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < lines.length && shown < 40; ) {
            int j = i + 1;
            while (j < lines.length && lines[j].equals(lines[i])) {
                j++; // collapse runs of identical frames (deep recursion, StackOverflowError)
            }
            sb.append(i == 0 ? "" : "\n").append(lines[i]);
            if (j - i > 1) {
                sb.append("   [x").append(j - i).append(']');
            }
            shown++;
            i = j;
            if (shown == 40 && i < lines.length) {
                sb.append("\n\t... ").append(lines.length - i).append(" more lines");
            }
        }
        return sb.toString();
    }

    static AssertionError failure(String message, Throwable cause) {
        if (cause instanceof AssertionFailedError) {
            return (AssertionFailedError) cause; // the harness's own failure: already explained
        }
        return new AssertionFailedError(message, cause);
    }

    static Set<String> loadKnownFailures(Path p) throws IOException {
        Set<String> s = new HashSet<>();
        if (!Files.exists(p)) {
            return s;
        }
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (!line.isEmpty()) {
                s.add(line);
            }
        }
        return s;
    }

    // ----------------------------------------------------------------------------------------
    // Running, counting, summary
}
