import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.exec.Footprint;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.validate.Loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JIT tier's numbers, side by side in one process: the ablation (what each translator
 * feature buys, steady state, best of several calls), the translation time per KB of module,
 * and the memory-overhead report (profile counters, code cache used and capacity, translator
 * buffers, against the interpreter-only footprint) per board.
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -cp target/classes tools/jitreport/JitReport.java ablation bench     # HotSpot, bench n
 * java -Xint -cp target/classes tools/jitreport/JitReport.java ablation test # -Xint, test n
 * java -Xint -cp target/classes tools/jitreport/JitReport.java headline test 9 # interp vs tiered, alternating
 * java -cp target/classes tools/jitreport/JitReport.java headline bench 9
 * java -cp target/classes tools/jitreport/JitReport.java compile
 * java -Xint -cp target/classes tools/jitreport/JitReport.java fuel test    # what fuel costs, per tier
 * java -Xint -cp target/classes tools/jitreport/JitReport.java interrupt test  # and Thread.interrupt() polling
 * java -Xint -cp target/classes tools/jitreport/JitReport.java fusion test  # Tuning.fuseMore, paired call by call
 * java -cp target/classes tools/jitreport/JitReport.java overhead
 * </pre>
 */
public final class JitReport {
    record Workload(String name, int n, int sum) {
    }

    static List<Workload> workloads(boolean bench) throws Exception {
        List<Workload> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("tests/workloads/checksums.txt"))) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            out.add(bench ? new Workload(f[0], Integer.parseInt(f[3]), Integer.parseInt(f[4]))
                    : new Workload(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
        return out;
    }

    static byte[] bytes(String name) throws Exception {
        return Files.readAllBytes(Path.of("tests/workloads/" + name + ".wasm"));
    }

    /** The configurations of the ablation, in order: each adds one feature to the previous. */
    static final String[] CONFIGS = {"interp", "templates", "+registers", "+branch fusion", "+address folding",
            "+more fusion", "+inline cache", "+float chains (tiered)", "+side exits", "+inlining", "eager"};

    /** The column whose code is loaded with {@code Loader.PROFILE} (branch profiles, so side exits). */
    static final String PROFILED = "+side exits";
    /** The column that adds inlining of small leaves (Tuning.inline) to all the rest. */
    static final String INLINING = "+inlining";

    /** Columns whose code is loaded with {@code Loader.PROFILE}. */
    static boolean profiled(String config) {
        return config.equals(PROFILED) || config.equals(INLINING);
    }

    static Store store(String config) {
        Board b = Board.desktop();
        Tuning t = new Tuning();
        // float chains from their own column on (the side-exit column adds to all the rest)
        t.fuseFloats = config.equals("+float chains (tiered)") || profiled(config);
        t.inline = config.equals(INLINING);
        switch (config) {
            case "interp":
                return new Store(b);
            case "templates":
                t.registerOperands = false;
                t.fuseBranches = false;
                t.inlineCache = false;
                return new Store(b, Jit.tiered(t));
            case "+registers":
                t.fuseBranches = false;
                t.fuseAddresses = false;
                t.fuseMore = false;
                t.inlineCache = false;
                return new Store(b, Jit.tiered(t));
            case "+branch fusion":
                t.fuseAddresses = false;
                t.fuseMore = false;
                t.inlineCache = false;
                return new Store(b, Jit.tiered(t));
            case "+address folding":
                t.fuseMore = false;
                t.inlineCache = false;
                return new Store(b, Jit.tiered(t));
            case "+more fusion":
                t.inlineCache = false;
                return new Store(b, Jit.tiered(t));
            case "+inline cache":
                return new Store(b, Jit.tiered(t));
            case "eager":
                return new Store(b, Jit.eager());
            default:
                return new Store(b, Jit.tiered(t));
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ablation":
                ablation(args.length > 1 && args[1].equals("bench"), args.length > 2 ? Integer.parseInt(args[2]) : 5);
                break;
            case "compile":
                compile();
                break;
            case "headline":
                headline(args.length > 1 && args[1].equals("bench"), args.length > 2 ? Integer.parseInt(args[2]) : 9,
                        args.length > 3 ? args[3] : "both");
                break;
            case "inline":
                inline(args.length > 1 ? Integer.parseInt(args[1]) : 200000, args.length > 2 ? Integer.parseInt(args[2]) : 7);
                break;
            case "calls":
                calls(args.length > 1 ? Integer.parseInt(args[1]) : 200000, args.length > 2 ? Integer.parseInt(args[2]) : 7);
                break;
            case "fuel":
                fuel(args.length > 1 && args[1].equals("bench"), args.length > 2 ? Integer.parseInt(args[2]) : 5);
                break;
            case "interrupt":
                interrupt(args.length > 1 && args[1].equals("bench"), args.length > 2 ? Integer.parseInt(args[2]) : 5);
                break;
            case "fusion":
                fusion(args.length > 1 && args[1].equals("bench"), args.length > 2 ? Integer.parseInt(args[2]) : 5);
                break;
            default:
                overhead();
        }
    }

    static void ablation(boolean bench, int reps) throws Exception {
        List<Workload> ws = workloads(bench);
        double[] logs = new double[CONFIGS.length];
        double[] firstLogs = new double[CONFIGS.length];
        StringBuilder head = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String c : CONFIGS) {
            head.append(' ').append(c).append(" ms |");
            rule.append("---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        StringBuilder cache = new StringBuilder("| workload | cache ints, " + CONFIGS[CONFIGS.length - 4]
                + " | cache ints, " + PROFILED + " | ratio | side exits taken | translated |\n|---|---:|---:|---:|---:|---:|\n");
        long[] used = new long[2];
        for (Workload w : ws) {
            WasmModule m = Loader.load(bytes(w.name()));
            WasmModule profiled = Loader.load(bytes(w.name()), Loader.PROFILE);
            StringBuilder row = new StringBuilder("| " + w.name() + " |");
            double base = 0;
            double firstBase = 0;
            for (int k = 0; k < CONFIGS.length; k++) {
                Store st = store(CONFIGS[k]);
                Instance inst = st.instantiate(profiled(CONFIGS[k]) ? profiled : m, new Imports());
                Function run = inst.function("run");
                long[] a = {w.n()};
                long[] r = new long[1];
                long t0 = System.nanoTime();
                st.invoke(run, a, r);
                long first = System.nanoTime() - t0;
                check(w, r, CONFIGS[k]);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < reps; i++) {
                    t0 = System.nanoTime();
                    st.invoke(run, a, r);
                    best = Math.min(best, System.nanoTime() - t0);
                    check(w, r, CONFIGS[k]);
                }
                if (k == 0) {
                    base = best;
                    firstBase = first;
                }
                logs[k] += Math.log(base / best);
                firstLogs[k] += Math.log(firstBase / (double) first);
                row.append(String.format(" %.1f |", best / 1e6));
                if (k == CONFIGS.length - 4) {
                    used[0] = st.codeCacheUsed();
                } else if (CONFIGS[k].equals(PROFILED)) {
                    used[1] = st.codeCacheUsed();
                    cache.append(String.format("| %s | %,d | %,d | %.3f | %d | %d |%n", w.name(), used[0], used[1],
                            (double) used[1] / used[0], st.sideExits(), st.functionsTranslated()));
                }
            }
            System.out.println(row);
        }
        StringBuilder g = new StringBuilder("| speed-up vs interp, geometric mean |");
        StringBuilder f = new StringBuilder("| first call, speed-up vs interp |");
        for (int k = 0; k < CONFIGS.length; k++) {
            g.append(String.format(" %.2fx |", Math.exp(logs[k] / ws.size())));
            f.append(String.format(" %.2fx |", Math.exp(firstLogs[k] / ws.size())));
        }
        System.out.println(g);
        System.out.println(f);
        System.out.println();
        System.out.print(cache);
    }

    /**
     * The call-heavy kernel of tests/jit/inline.wasm (a loop calling clamp, get-pixel twice,
     * min, max and abs, the shape -O0/-O1 or cross-module C leaves behind) on {@code n} pixels,
     * per configuration, best of {@code reps} rounds, the configurations taking turns.
     */
    static void inline(int n, int reps) throws Exception {
        WasmModule m = Loader.load(Files.readAllBytes(Path.of("tests/jit/inline.wasm")));
        WasmModule p = Loader.load(Files.readAllBytes(Path.of("tests/jit/inline.wasm")), Loader.PROFILE);
        System.out.println("| kernel (n = " + n + ") | " + String.join(" ms | ", CONFIGS) + " ms |");
        System.out.println("|---|" + "---:|".repeat(CONFIGS.length));
        Store[] st = new Store[CONFIGS.length];
        Function[] f = new Function[CONFIGS.length];
        long[] best = new long[CONFIGS.length];
        for (int k = 0; k < CONFIGS.length; k++) {
            st[k] = store(CONFIGS[k]);
            Instance inst = st[k].instantiate(profiled(CONFIGS[k]) ? p : m, new Imports());
            st[k].invoke(inst.function("fill"), new long[0]);
            f[k] = inst.function("kernel");
            best[k] = Long.MAX_VALUE;
        }
        long[] a = {n};
        long[] r = new long[1];
        long expect = 0;
        for (int rep = 0; rep < reps; rep++) {
            for (int k = 0; k < CONFIGS.length; k++) {
                long t0 = System.nanoTime();
                st[k].invoke(f[k], a, r);
                best[k] = Math.min(best[k], System.nanoTime() - t0);
                if (k == 0) {
                    expect = r[0];
                } else if (r[0] != expect) {
                    throw new AssertionError(CONFIGS[k] + ": " + r[0] + " != " + expect);
                }
            }
        }
        StringBuilder row = new StringBuilder("| inline |");
        for (long b : best) {
            row.append(String.format(" %.1f |", b / 1e6));
        }
        System.out.println(row);
    }

    /**
     * Call-heavy kernels of tests/jit/calls.wasm (none of the C workloads has a call_indirect in
     * a hot loop): a monomorphic call_indirect site ({@code loop}), a two-target one
     * ({@code alternate}) and recursion through the table ({@code rec}), per configuration, best
     * of {@code reps} rounds, the configurations taking turns within each round.
     */
    static void calls(int n, int reps) throws Exception {
        WasmModule m = Loader.load(Files.readAllBytes(Path.of("tests/jit/calls.wasm")));
        String[] kernels = {"loop", "alternate", "rec"};
        System.out.println("| kernel (n = " + n + ") | " + String.join(" ms | ", CONFIGS) + " ms |");
        System.out.println("|---|" + "---:|".repeat(CONFIGS.length));
        for (String kname : kernels) {
            Store[] st = new Store[CONFIGS.length];
            Function[] f = new Function[CONFIGS.length];
            long[] best = new long[CONFIGS.length];
            for (int k = 0; k < CONFIGS.length; k++) {
                st[k] = store(CONFIGS[k]);
                Instance inst = st[k].instantiate(m, new Imports());
                st[k].invoke(inst.function("pointRec"), new long[0]);
                f[k] = inst.function(kname);
                best[k] = Long.MAX_VALUE;
            }
            long[] a = kname.equals("rec") ? new long[] {1000} : kname.equals("loop") ? new long[] {n, 0} : new long[] {n, 0, 1};
            int inner = kname.equals("rec") ? n / 1000 : 1;
            long[] r = new long[1];
            long[] expect = new long[1];
            for (int rep = 0; rep < reps; rep++) {
                for (int k = 0; k < CONFIGS.length; k++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < inner; i++) {
                        st[k].invoke(f[k], a, r);
                    }
                    best[k] = Math.min(best[k], System.nanoTime() - t0);
                    if (k == 0) {
                        expect[0] = r[0];
                    } else if (r[0] != expect[0]) {
                        throw new AssertionError(kname + " " + CONFIGS[k] + ": " + r[0] + " != " + expect[0]);
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + kname + " |");
            for (long b : best) {
                row.append(String.format(" %.1f |", b / 1e6));
            }
            System.out.println(row);
        }
    }

    /**
     * The cost of fuel in each tier: the same workload on plain code and on metered code
     * ({@code Loader.COUNT}) with fuel set, best of {@code reps} calls each, the four stores
     * taking turns so that the machine's load moves all of them alike.
     */
    static void fuel(boolean bench, int reps) throws Exception {
        paired(bench, reps, "fuel", k -> {
            Store st = k < 2 ? new Store(Board.desktop()) : new Store(Board.desktop(), Jit.tiered());
            if (k % 2 == 1) {
                st.setFuel(Long.MAX_VALUE / 4);
            }
            return st;
        }, k -> k % 2 == 1 ? Loader.COUNT : 0);
    }

    /**
     * The cost of honouring {@code Thread.interrupt()} (the command line's
     * {@code io.wasmlet.desktop.ThreadInterrupt}, polled with the store's own flag every
     * {@code loopWeight} back-edges and calls) in each tier, the stores taking turns.
     */
    static void interrupt(boolean bench, int reps) throws Exception {
        paired(bench, reps, "Thread.interrupt()", k -> {
            Store st = k < 2 ? new Store(Board.desktop()) : new Store(Board.desktop(), Jit.tiered());
            if (k % 2 == 1) {
                st.interruptSource(new io.wasmlet.desktop.ThreadInterrupt());
            }
            return st;
        }, k -> 0);
    }

    /**
     * What {@code Tuning.fuseMore} buys, paired call by call (the ablation's columns run one
     * after the other, so a loaded machine moves them apart): stores 0 and 1 both interpret (their
     * difference is the noise), 2 is tiered without the switch, 3 tiered with it.
     */
    static void fusion(boolean bench, int reps) throws Exception {
        paired(bench, reps, "more fusion", k -> {
            if (k < 2) {
                return new Store(Board.desktop());
            }
            Tuning t = new Tuning();
            t.fuseMore = k == 3;
            return new Store(Board.desktop(), Jit.tiered(t));
        }, k -> 0);
    }

    /**
     * Four stores per workload, taking turns: interp, interp with {@code feature}, tiered,
     * tiered with it ({@code stores} makes store k, {@code flags} gives its Loader flags); best
     * of {@code reps} calls each, and the feature's cost in each tier as a geometric mean.
     */
    static void paired(boolean bench, int reps, String feature, java.util.function.IntFunction<Store> stores,
                       java.util.function.IntUnaryOperator flags) throws Exception {
        List<Workload> ws = workloads(bench);
        double[] logs = new double[2];
        System.out.println("| workload | interp ms | interp + " + feature + " ms | tiered ms | tiered + " + feature + " ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Workload w : ws) {
            byte[] b = bytes(w.name());
            Function[] runs = new Function[4];
            Store[] st = new Store[4];
            for (int k = 0; k < 4; k++) {
                st[k] = stores.apply(k);
                runs[k] = st[k].instantiate(Loader.load(b, flags.applyAsInt(k)), new Imports()).function("run");
            }
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            long[] a = {w.n()};
            long[] r = new long[1];
            for (int i = 0; i <= reps; i++) {
                for (int k = 0; k < 4; k++) {
                    long t0 = System.nanoTime();
                    st[k].invoke(runs[k], a, r);
                    long t = System.nanoTime() - t0;
                    check(w, r, "store " + k);
                    if (i > 0) {
                        best[k] = Math.min(best[k], t);
                    }
                }
            }
            logs[0] += Math.log(best[1] / (double) best[0]);
            logs[1] += Math.log(best[3] / (double) best[2]);
            System.out.println(String.format("| %s | %.1f | %.1f | %.1f | %.1f |", w.name(), best[0] / 1e6,
                    best[1] / 1e6, best[2] / 1e6, best[3] / 1e6));
        }
        System.out.println(String.format("| %s's cost, geometric mean | | %+.1f%% | | %+.1f%% |", feature,
                100 * (Math.exp(logs[0] / ws.size()) - 1), 100 * (Math.exp(logs[1] / ws.size()) - 1)));
    }

    /**
     * The issue's measure, steady state: per workload an interpreter-only store and a tiered one
     * (defaults), their first calls, then {@code rounds} rounds alternating one call of each, so
     * both see the same machine; the best and the median of each, their ratios and geometric
     * means. Unlike the ablation, every round times both, so a recompilation of a dispatch loop
     * lands in one pair, not in one column. With {@code interp} or {@code tiered} as the last
     * argument only that side runs (the other's times are 0): tools/jitreport/headline.sh runs
     * each side in its own JVMs, alternating, for a denominator no tiered code has touched.
     */
    static void headline(boolean bench, int rounds, String only) throws Exception {
        boolean doI = !only.equals("tiered");
        boolean doT = !only.equals("interp");
        List<Workload> ws = workloads(bench);
        System.out.println("| workload | interp ms (best) | tiered ms (best) | speed-up (bests) | interp ms (median) | tiered ms (median) | speed-up (medians) | first call, speed-up |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        double lb = 0;
        double lm = 0;
        double lf = 0;
        for (Workload w : ws) {
            WasmModule m = Loader.load(bytes(w.name()));
            Store si = new Store(Board.desktop());
            Store st = new Store(Board.desktop(), Jit.tiered());
            Function fi = si.instantiate(m, new Imports()).function("run");
            Function ft = st.instantiate(m, new Imports()).function("run");
            long[] a = {w.n()};
            long[] r = new long[1];
            long[] ti = new long[rounds + 1];
            long[] tt = new long[rounds + 1];
            for (int k = 0; k <= rounds; k++) {
                long t0 = System.nanoTime();
                if (doI) {
                    si.invoke(fi, a, r);
                    check(w, r, "interp");
                }
                long t1 = System.nanoTime();
                if (doT) {
                    st.invoke(ft, a, r);
                    check(w, r, "tiered");
                }
                long t2 = System.nanoTime();
                ti[k] = t1 - t0;
                tt[k] = t2 - t1;
            }
            double first = (double) ti[0] / tt[0];
            long[] si2 = java.util.Arrays.copyOfRange(ti, 1, rounds + 1);
            long[] st2 = java.util.Arrays.copyOfRange(tt, 1, rounds + 1);
            java.util.Arrays.sort(si2);
            java.util.Arrays.sort(st2);
            double bi = si2[0] / 1e6;
            double bt = st2[0] / 1e6;
            double mi = si2[rounds / 2] / 1e6;
            double mt = st2[rounds / 2] / 1e6;
            lb += Math.log(bi / bt);
            lm += Math.log(mi / mt);
            lf += Math.log(first);
            System.out.printf("| %s | %.1f | %.1f | %.2fx | %.1f | %.1f | %.2fx | %.2fx |%n", w.name(), bi, bt, bi / bt, mi, mt,
                    mi / mt, first);
        }
        int n = ws.size();
        System.out.printf("| geometric mean | | | **%.2fx** | | | **%.2fx** | %.2fx |%n", Math.exp(lb / n), Math.exp(lm / n),
                Math.exp(lf / n));
    }

    static void check(Workload w, long[] r, String config) {
        if ((int) r[0] != w.sum()) {
            throw new IllegalStateException(w.name() + " [" + config + "]: checksum " + r[0] + ", expected " + w.sum());
        }
    }

    /** Eager instantiation minus interpreter instantiation, per KB of module, best of 5 after warm-up. */
    static void compile() throws Exception {
        long bytes = 0;
        double nanos = 0;
        int ints = 0;
        List<String> files = new ArrayList<>();
        for (Workload w : workloads(false)) {
            files.add("tests/workloads/" + w.name() + ".wasm");
        }
        files.add("tests/programs/hello.wasm");
        files.add("tests/programs/files.wasm");
        for (int warm = 0; warm < 2; warm++) {
            bytes = 0;
            nanos = 0;
            ints = 0;
            for (String file : files) {
                byte[] b = Files.readAllBytes(Path.of(file));
                WasmModule m = Loader.load(b);
                long bestJit = Long.MAX_VALUE;
                long bestInterp = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    Store s = new Store(Board.desktop(), Jit.eager());
                    long t0 = System.nanoTime();
                    s.instantiate(m, imports(m));
                    bestJit = Math.min(bestJit, System.nanoTime() - t0);
                    ints = Math.max(ints, s.codeCacheUsed());
                    Store p = new Store(Board.desktop());
                    t0 = System.nanoTime();
                    p.instantiate(m, imports(m));
                    bestInterp = Math.min(bestInterp, System.nanoTime() - t0);
                }
                bytes += b.length;
                nanos += Math.max(0, bestJit - bestInterp);
            }
        }
        System.out.printf("translation: %d modules, %d KB, %.1f ms in all: %.1f us per KB of module%n",
                files.size(), bytes / 1024, nanos / 1e6, nanos / 1e3 / (bytes / 1024.0));
    }

    static Imports imports(WasmModule m) {
        Imports imports = new Imports();
        new io.wasmlet.wasi.WasiPreview1().addTo(imports, m);
        return imports;
    }

    static void overhead() throws Exception {
        String[] boards = {"stm32f746g-disco", "stm32h747i-disco", "imxrt1170-evk", "esp32-s3-devkitc-1-n8r8",
                "nrf52840-dk", "rp2040-pico", "rp2350-pico2"};
        System.out.println("| board | workload | interp total | tiered total | counters | code cache used / capacity (bytes) "
                + "| translator buffers | JIT overhead | translated |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String board : boards) {
            Board b = Board.named(board);
            for (Workload w : workloads(false)) {
                WasmModule m = Loader.load(bytes(w.name()));
                Footprint interp = new Store(b).footprint(m);
                Store st = new Store(b, Jit.tiered());
                Footprint tiered = st.footprint(m);
                if (interp.free() < 0) {
                    System.out.printf("| %s | %s | does not fit (%d short) | | | | | | |%n", board, w.name(), -interp.free());
                    continue;
                }
                Instance inst;
                try {
                    inst = st.instantiate(m, new Imports());
                } catch (io.wasmlet.error.ResourceLimitException e) {
                    System.out.printf("| %s | %s | does not fit: %s | | | | | | |%n", board, w.name(), e.getMessage());
                    continue;
                }
                long[] r = new long[1];
                st.invoke(inst.function("run"), new long[] {w.n()}, r);
                check(w, r, "tiered on " + board);
                if (st.functionsTranslated() == 0 && tiered.bytes(Footprint.TRANSLATOR) == 0) {
                    System.out.printf("| %s | %s | %,d | JIT does not fit: runs interpreted | | | | | 0 |%n", board,
                            w.name(), interp.total());
                    continue;
                }
                long overheadBytes = tiered.total() - interp.total();
                System.out.printf("| %s | %s | %,d | %,d | %,d | %,d / %,d | %,d | %,d (%.1f%%) | %d |%n", board, w.name(),
                        interp.total(), tiered.total(), tiered.bytes(Footprint.COUNTERS), st.codeCacheUsed() * 4L,
                        st.codeCacheCapacity() * 4L, tiered.bytes(Footprint.TRANSLATOR), overheadBytes,
                        100.0 * overheadBytes / interp.total(), st.functionsTranslated());
            }
        }
    }
}
