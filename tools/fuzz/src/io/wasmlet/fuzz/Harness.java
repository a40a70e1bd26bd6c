package io.wasmlet.fuzz;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.GlobalType;
import io.wasmlet.binary.Import;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.TableType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Global;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import io.wasmlet.exec.Table;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.validate.Loader;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;

/**
 * Runs one input through decoding, validation, instantiation (stub imports) and a call of every
 * exported function, with fuel, in each execution mode (interpreter, tiered with low
 * thresholds, eager), and compares the modes: results as raw bits, which trap, fuel used, final
 * memory and exported globals. Counts outcomes. A call runs on a worker thread so that a hang
 * (a call that {@link Store#interrupt()} does not stop within {@link #graceMillis}) is detected
 * and the worker replaced.
 */
public final class Harness {
    public static final String[] MODES = {"interp", "tiered", "eager"};
    /** Trap kinds, indexed by TrapException.reason. */
    public static final String[] TRAPS = {"unreachable", "div-by-zero", "int-overflow", "invalid-conversion",
        "memory-oob", "table-oob", "undefined-element", "uninitialized-element", "indirect-type-mismatch",
        "null-reference", "host", "out-of-fuel", "interrupted"};

    public long fuel = 100000;
    public long callMillis = 3000;
    public long graceMillis = 5000;

    // counters
    public long inputs, decoded, valid, instantiated, calls, untyped, hangs, disagreements, nanOnly, slow, skipped;
    public long exhaustion, otherErrors;
    /** Functions the JIT translated, in the tiered and the eager store (summed over inputs). */
    public long translatedTiered, translatedEager;
    public final long[] traps = new long[TRAPS.length];

    private final Board board;
    private ExecutorService worker = newWorker();
    private volatile Store current;
    private volatile long deadline;

    public Harness() {
        String props = "name = fuzz\nvendor = fuzz\ncpu = any\njvm = any\nclock.mhz = 0\nram.kb = 65536\n"
                + "flash.kb = 0\nexternal.ram.kb = 0\nheap.kb = 65536\nstack.slots = 16384\nframes = 400\n"
                + "memory.bytes = 1048576\nmemory.prealloc = false\ntable.entries = 10000\ncounters = 4096\n"
                + "codecache.ints = 131072\n";
        try {
            board = Board.parse(new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-worker", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /** What went wrong with an input, or null. */
    public static final class Failure {
        public final String kind;   // untyped, hang, disagreement, nan-payload
        public final String detail;

        Failure(String kind, String detail) {
            this.kind = kind;
            this.detail = detail;
        }

        public String toString() {
            return kind + ": " + detail;
        }
    }

    /** Runs one input; returns the failure (untyped exception, hang, tier disagreement) or null. */
    public Failure run(byte[] bytes) {
        inputs++;
        Future<Object> f = worker.submit(() -> runAll(bytes));
        long hardStop = 0;
        while (true) {
            try {
                Object o = f.get(50, TimeUnit.MILLISECONDS);
                return (Failure) o;
            } catch (TimeoutException e) {
                long now = System.currentTimeMillis();
                Store s = current;
                if (s != null && deadline != 0 && now > deadline) {
                    s.interrupt();
                    if (hardStop == 0) {
                        hardStop = now + graceMillis;
                    }
                }
                if (hardStop != 0 && now > hardStop) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    hangs++;
                    return new Failure("hang", "a call did not stop within " + graceMillis
                            + " ms of Store.interrupt()");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failure("untyped", "fuzzer interrupted");
            } catch (ExecutionException e) {
                untyped++;
                return new Failure("untyped", "harness: " + trace(e.getCause()));
            }
        }
    }

    private Object runAll(byte[] bytes) {
        WasmModule m;
        try {
            m = Loader.load(bytes, Loader.COUNT);
        } catch (MalformedException e) {
            return null;
        } catch (InvalidException e) {
            decoded++;
            return null;
        } catch (WasmException e) {
            decoded++;
            otherErrors++;
            return null;
        } catch (Throwable t) {
            untyped++;
            return new Failure("untyped", "load: " + trace(t));
        }
        decoded++;
        valid++;
        if (!importsFit(m)) {
            skipped++;
            return null;
        }
        String[] exact = new String[MODES.length];
        String[] canon = new String[MODES.length];
        boolean interrupted = false;
        for (int i = 0; i < MODES.length; i++) {
            StringBuilder ex = new StringBuilder();
            StringBuilder cn = new StringBuilder();
            Failure fail = runMode(m, MODES[i], ex, cn);
            if (fail != null) {
                untyped++;
                return new Failure(fail.kind, MODES[i] + ": " + fail.detail);
            }
            exact[i] = ex.toString();
            canon[i] = cn.toString();
            interrupted |= exact[i].contains("trap interrupted");
        }
        if (interrupted) {
            slow++;
            return null;
        }
        for (int i = 1; i < MODES.length; i++) {
            if (!exact[i].equals(exact[0])) {
                String what = MODES[0] + ":\n" + exact[0] + "\n" + MODES[i] + ":\n" + exact[i];
                if (canon[i].equals(canon[0])) {
                    nanOnly++;
                    return new Failure("nan-payload", what);
                }
                disagreements++;
                return new Failure("disagreement", what);
            }
        }
        return null;
    }

    private static boolean importsFit(WasmModule m) {
        ModuleData d = ModuleData.of(m);
        for (int i = 0; i < d.imports.length; i++) {
            Import im = d.imports[i];
            if (im.kind == WasmModule.KIND_MEMORY && d.memories[im.index].min > 16) {
                return false;
            }
            if (im.kind == WasmModule.KIND_TABLE && d.tables[im.index].min > 10000) {
                return false;
            }
        }
        return true;
    }

    private Store store(String mode) {
        if (mode.equals("tiered")) {
            Tuning t = new Tuning();
            t.threshold = 2;
            t.loopWeight = 8;
            return new Store(board, Jit.tiered(t));
        }
        return Jit.store(board, mode);
    }

    private static Imports stubs(WasmModule m) {
        ModuleData d = ModuleData.of(m);
        Imports im = new Imports();
        for (int i = 0; i < d.imports.length; i++) {
            Import x = d.imports[i];
            switch (x.kind) {
                case WasmModule.KIND_FUNC: {
                    FuncType t = d.types[x.index];
                    final int nr = t.resultCount();
                    im.add(x.module, x.name, new Function(t, (caller, stack, base) -> {
                        for (int k = 0; k < nr; k++) {
                            stack[base + k] = 0;
                        }
                    }));
                    break;
                }
                case WasmModule.KIND_MEMORY: {
                    TableType t = d.memories[x.index];
                    im.add(x.module, x.name, new Memory((int) t.min, t.max < 0 ? -1 : (int) Math.min(t.max, 16)));
                    break;
                }
                case WasmModule.KIND_TABLE: {
                    TableType t = d.tables[x.index];
                    im.add(x.module, x.name, new Table(t.elemType, (int) t.min,
                            t.max < 0 ? -1 : (int) Math.min(t.max, 10000)));
                    break;
                }
                default: {
                    GlobalType g = d.globals[x.index];
                    im.add(x.module, x.name, new Global(g.type, g.mutable, 0));
                    break;
                }
            }
        }
        return im;
    }

    /** Deterministic arguments: a few interesting values per type, varied by position. */
    static long arg(byte type, int i, int call) {
        int k = (i * 7 + call * 3) % 5;
        switch (type) {
            case 0x7F: { long[] v = {0, 1, 0xFFFFFFFFL, 17, 0x80000000L}; return v[k]; }
            case 0x7E: { long[] v = {0, 1, -1, 1L << 40, Long.MIN_VALUE}; return v[k]; }
            case 0x7D: { long[] v = {0, 0x3F800000L, 0xBFC00000L, 0x7FC00000L, 0x4F800000L}; return v[k]; }
            case 0x7C: { long[] v = {0, 0x3FF0000000000000L, 0xC00C000000000000L, 0x7FF8000000000000L,
                    0x43E0000000000000L}; return v[k]; }
            default: return 0;
        }
    }

    /** One mode: fills exact (bit-exact trace) and canon (NaN results canonicalised). */
    private Failure runMode(WasmModule m, String mode, StringBuilder exact, StringBuilder canon) {
        Store s = store(mode);
        Instance inst;
        try {
            s.setFuel(fuel);
            inst = s.instantiate(m, stubs(m));
        } catch (WasmException e) {
            String w = "instantiate: " + describe(e) + " fuel " + (fuel - s.fuel()) + "\n";
            exact.append(w);
            canon.append(w);
            return null;
        } catch (Throwable t) {
            return new Failure("untyped", "instantiate: " + trace(t));
        }
        if (mode.equals("interp")) {
            instantiated++;
        }
        String[] names = inst.exportNames();
        int callNo = 0;
        for (String name : names) {
            if (inst.exportKind(name) != WasmModule.KIND_FUNC) {
                continue;
            }
            Function fn = inst.function(name);
            FuncType t = fn.type();
            long[] args = new long[t.paramCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = arg(t.param(i), i, callNo);
            }
            long[] res = new long[t.resultCount()];
            callNo++;
            exact.append(name).append(": ");
            canon.append(name).append(": ");
            s.setFuel(fuel);
            current = s;
            deadline = System.currentTimeMillis() + callMillis;
            try {
                s.invoke(fn, args, res);
                for (int i = 0; i < res.length; i++) {
                    exact.append(Long.toHexString(res[i])).append(' ');
                    canon.append(Long.toHexString(canonical(t.result(i), res[i]))).append(' ');
                }
            } catch (WasmException e) {
                String w = describe(e);
                exact.append(w);
                canon.append(w);
                if (mode.equals("interp")) {
                    count(e);
                }
            } catch (Throwable th) {
                deadline = 0;
                current = null;
                return new Failure("untyped", "call " + name + ": " + trace(th));
            } finally {
                deadline = 0;
                current = null;
            }
            if (mode.equals("interp")) {
                calls++;
            }
            String f = " fuel " + (fuel - s.fuel()) + "\n";
            exact.append(f);
            canon.append(f);
        }
        if (mode.equals("tiered")) {
            translatedTiered += s.functionsTranslated();
        } else if (mode.equals("eager")) {
            translatedEager += s.functionsTranslated();
        }
        StringBuilder st = new StringBuilder();
        if (inst.hasMemory()) {
            Memory mem = inst.memory();
            CRC32 crc = new CRC32();
            crc.update(mem.bytes(), 0, Math.min(mem.byteSize(), mem.bytes().length));
            st.append("memory ").append(mem.pages()).append(" pages crc ").append(Long.toHexString(crc.getValue()));
        }
        for (String name : names) {
            if (inst.exportKind(name) == WasmModule.KIND_GLOBAL) {
                Global g = inst.global(name);
                st.append(" ").append(name).append('=').append(Long.toHexString(g.get()));
            }
        }
        exact.append(st).append('\n');
        canon.append(st).append('\n');
        return null;
    }

    private static long canonical(byte type, long bits) {
        if (type == 0x7D && Float.isNaN(Float.intBitsToFloat((int) bits))) {
            return 0x7FC00000L;
        }
        if (type == 0x7C && Double.isNaN(Double.longBitsToDouble(bits))) {
            return 0x7FF8000000000000L;
        }
        return bits;
    }

    private void count(WasmException e) {
        if (e instanceof TrapException) {
            int r = ((TrapException) e).reason;
            if (r >= 0 && r < traps.length) {
                traps[r]++;
            }
        } else if (e instanceof io.wasmlet.error.ExhaustionException) {
            exhaustion++;
        } else {
            otherErrors++;
        }
    }

    private static String describe(WasmException e) {
        if (e instanceof TrapException) {
            int r = ((TrapException) e).reason;
            return "trap " + (r >= 0 && r < TRAPS.length ? TRAPS[r] : String.valueOf(r));
        }
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }

    static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    /** The counters as a report. */
    public String summary(double seconds) {
        StringBuilder b = new StringBuilder();
        b.append("inputs ").append(inputs).append(", decoded ").append(decoded).append(", valid ").append(valid)
                .append(", instantiated ").append(instantiated).append(", skipped (big imports) ").append(skipped)
                .append(", export calls ").append(calls).append('\n');
        b.append("traps:");
        for (int i = 0; i < TRAPS.length; i++) {
            if (traps[i] != 0) {
                b.append(' ').append(TRAPS[i]).append('=').append(traps[i]);
            }
        }
        b.append(", exhaustion ").append(exhaustion).append(", other typed errors ").append(otherErrors).append('\n');
        b.append("functions translated: tiered ").append(translatedTiered).append(", eager ")
                .append(translatedEager).append('\n');
        b.append("out-of-fuel ").append(traps[11]).append(", interrupted by the watchdog ").append(slow).append('\n');
        b.append("untyped exceptions ").append(untyped).append(", hangs ").append(hangs)
                .append(", disagreements ").append(disagreements).append(", NaN-payload-only differences ")
                .append(nanOnly).append('\n');
        b.append(String.format("%.1f s, %.0f inputs/s", seconds, inputs / Math.max(seconds, 1e-9)));
        return b.toString();
    }
}
