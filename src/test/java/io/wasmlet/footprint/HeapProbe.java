package io.wasmlet.footprint;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.binary.Import;
import io.wasmlet.exec.Footprint;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.HeapModel;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import io.wasmlet.wasi.WasiPreview1;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import javax.management.ObjectName;

/**
 * Measures, in a JVM of its own ({@code -Xint -XX:+UseSerialGC -XX:-StackTraceInThrowable}, a
 * fixed {@code -Xmx}; without {@code -Xint} the JIT compiler's own allocations make the live heap
 * vary by some 6 KB between two histograms), what loading and instantiating a module really retains on the heap, from two
 * class histograms (each after a full GC): one before, one after, holding the store, the
 * instance and the module. Prints {@code key value} lines for {@link HeapAccountTest}:
 * <ul>
 * <li>{@code retained}: heap held after instantiation, bytes;</li>
 * <li>{@code reported}: the footprint computed for HotSpot's layout, static data excluded;</li>
 * <li>{@code loaded}: heap held by the loaded module alone (before instantiation);</li>
 * <li>{@code allocLoad}, {@code allocInstantiate}: bytes the thread allocated to load from an
 * {@code InputStream} and to instantiate;</li>
 * <li>{@code file}: the module's size;</li>
 * <li>{@code peakLoad}: the highest live heap sampled while loading from a file stream, above
 * the heap before ({@link #peakWhileLoading}).</li>
 * </ul>
 * {@code HeapProbe static} instead measures the heap the runtime core's static initialisers hold.
 * Usage: {@code HeapProbe BOARD_FILE MODULE.wasm} or {@code HeapProbe static}.
 */
public final class HeapProbe {
    /** 64-bit HotSpot with compressed references and class pointers: the JVM the tests run on. */
    public static final HeapModel HOTSPOT = new HeapModel("64-bit HotSpot, compressed oops", 12, 16, 4, 8, true);

    static Object keep1;
    static Object keep2;
    static Object keep3;

    private HeapProbe() {
    }

    /** Live heap in bytes after a full GC, from the class histogram's total. */
    /**
     * Live heap in bytes after a full GC: the median of three histograms' totals, because
     * under load an unrelated ~6.5 KB int[] of the JVM's own now and then comes and goes.
     */
    static long liveHeap() throws Exception {
        long a = total(histogram());
        long b = total(histogram());
        long c = total(histogram());
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    static long total(String h) {
        String[] lines = h.trim().split("\n");
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        if (!f[0].equals("Total")) {
            throw new IllegalStateException("no total in histogram: " + lines[lines.length - 1]);
        }
        return Long.parseLong(f[2]);
    }

    /** Bytes of java.lang.Class objects (class mirrors, with their static fields) in a histogram. */
    static long classes(String h) {
        for (String l : h.split("\n")) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 4 && f[3].equals("java.lang.Class")) {
                return Long.parseLong(f[2]);
            }
        }
        return 0;
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** WASI for the programs, a do-nothing host function for any other function import. */
    private static Imports imports(WasmModule m) {
        Imports imports = new Imports();
        new WasiPreview1().args(new String[] {"probe"}).addTo(imports, m);
        for (int i = 0; i < m.importCount(); i++) {
            Import im = m.importAt(i);
            if (im.kind == WasmModule.KIND_FUNC && !im.module.equals(WasiPreview1.MODULE)) {
                imports.add(im.module, im.name, new Function(m.type(im.index), (caller, stack, base) -> { }));
            }
        }
        return imports;
    }

    static String histogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /** Per class: bytes in {@code after} minus bytes in {@code before} (debugging the account). */
    static void printDiff(String before, String after) {
        java.util.Map<String, Long> b = new java.util.TreeMap<>();
        for (String l : before.split("\n")) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                b.put(f[3], -Long.parseLong(f[2]));
            }
        }
        for (String l : after.split("\n")) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                b.merge(f[3], Long.parseLong(f[2]), Long::sum);
            }
        }
        b.forEach((k, v) -> {
            if (v != 0) {
                System.out.println("class " + k + " " + v);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("static")) {
            for (int i = 0; i < 3; i++) {
                liveHeap();
            }
            String h0 = histogram();
            long before = total(h0) - classes(h0);
            String[] classes = {"io.wasmlet.code.OpTable", "io.wasmlet.code.JopTable", "io.wasmlet.error.Trap", "io.wasmlet.exec.Footprint",
                    "io.wasmlet.exec.HeapModel", "io.wasmlet.binary.ModuleDecoder", "io.wasmlet.validate.FunctionValidator"};
            Class<?>[] keep = new Class<?>[classes.length];
            for (int i = 0; i < classes.length; i++) {
                keep[i] = Class.forName(classes[i], true, HeapProbe.class.getClassLoader());
            }
            // Op's static strings are created when its class is initialised; resolve them as the runtime does
            io.wasmlet.code.OpTable.sigOut(0);
            io.wasmlet.code.JopTable.size(0);
            for (int form = 0; form <= io.wasmlet.code.Jop.FORM_LOADAK; form++) {
                io.wasmlet.code.JopTable.select(form, 0);
            }
            io.wasmlet.code.OpTable.size(0);
            io.wasmlet.code.OpTable.imm(0);
            keep1 = keep;
            String h1 = histogram();
            long after = total(h1) - classes(h1);
            System.out.println("static " + (after - before - h0.length() - 64));
            return;
        }
        Board board;
        try (InputStream in = new FileInputStream(args[0])) {
            board = Board.parse(in);
        }
        byte[] file = Files.readAllBytes(Paths.get(args[1]));
        int flags = args.length > 2 && args[2].equals("profile") ? Loader.PROFILE : 0; // branch counters
        // warm up: every class loaded and initialised, string literals resolved
        WasmModule warm = Loader.load(new ByteArrayInputStream(file));
        new Store(board).instantiate(warm, imports(warm));
        Footprint.of(warm, board, HOTSPOT).toString();
        Imports imports = imports(warm);
        warm = null;
        allocated();
        for (int i = 0; i < 3; i++) {
            liveHeap(); // the management beans are set up by their first uses
        }

        long noise0 = liveHeap();
        keep1 = null;
        long noise = liveHeap() - noise0;
        long base = liveHeap();
        String baseHistogram = System.getProperty("probe.diff") != null ? histogram() : null;
        long a0 = allocated();
        WasmModule m = Loader.load(new ByteArrayInputStream(file), Loader.MAX_INPUT_BYTES, flags);
        long a1 = allocated();
        keep1 = m;
        long loaded = liveHeap() - base;
        long a2 = allocated();
        Store store = new Store(board);
        Instance inst = store.instantiate(m, imports);
        long a3 = allocated();
        keep2 = store;
        keep3 = inst;
        long held = liveHeap();
        Footprint f = Footprint.of(m, board, HOTSPOT);
        long reported = f.total() - f.bytes(Footprint.STATIC_DATA);
        if (baseHistogram != null) {
            printDiff(baseHistogram, histogram());
        }
        System.out.println("file " + file.length);
        System.out.println("noise " + noise);
        System.out.println("retained " + (held - base));
        System.out.println("reported " + reported);
        System.out.println("loaded " + loaded);
        System.out.println("allocLoad " + (a1 - a0));
        System.out.println("allocInstantiate " + (a3 - a2));
        for (int i = 0; i < Footprint.ARENAS; i++) {
            System.out.println("arena." + i + " " + f.bytes(i));
        }
        keep1 = null;
        keep2 = null;
        keep3 = null;
        m = null;
        store = null;
        inst = null;
        imports = null; // bound to that store: it would hold it (interpreted frames keep dead locals)
        System.out.println("peakLoad " + peakWhileLoading(args[1]));
    }

    /**
     * Takes a full GC and returns the heap in use just after it, as the collector itself
     * recorded it (read afterwards, the heap in use would count what other threads allocated
     * in between).
     */
    static long heapAfterFullGc() {
        System.gc();
        for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b.getName().equals("MarkSweepCompact")) { // the serial collector's full GC
                com.sun.management.GcInfo info = ((com.sun.management.GarbageCollectorMXBean) b).getLastGcInfo();
                long used = 0;
                for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                        used += info.getMemoryUsageAfterGc().get(pool.getName()).getUsed();
                    }
                }
                return used;
            }
        }
        throw new IllegalStateException("run with -XX:+UseSerialGC");
    }

    /**
     * The highest live heap seen while loading the module from a file stream ({@code
     * Loader.load(InputStream)}), above the heap before: a second thread takes a full GC and reads
     * the heap in use, again and again, over several loads, and the loading thread takes one more
     * sample once the module is loaded (a sampled peak: a moment shorter than the gap between two
     * samples can be missed; the loads are repeated to make that unlikely). Instantiating adds no
     * peak of its own: it allocates only what the instance keeps ({@code HeapAccountTest} checks
     * that), so the peak of loading and instantiating is the larger of this and the retained heap.
     */
    static long peakWhileLoading(String path) throws Exception {
        long[] rounds = new long[4];
        for (int round = 0; round < rounds.length; round++) {
            // the median of three sampled maxima (after a first round that settles the heap): one
            // sample that raced with the next load, or one round that missed the peak, cannot decide
            // the base is the least of three: an unrelated ~6.5 KB int[] of the JVM's own comes and goes,
            // and a base taken with it made a tiny module's peak come out at 0
            long base = Math.min(heapAfterFullGc(), Math.min(heapAfterFullGc(), heapAfterFullGc()));
            long[] peak = {0};
            boolean[] stop = {false};
            Thread sampler = new Thread(() -> {
                while (!stop[0]) {
                    long now = heapAfterFullGc();
                    synchronized (peak) {
                        peak[0] = Math.max(peak[0], now);
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            for (int r = 0; r < 4; r++) {
                Object[] held = new Object[1];
                try (InputStream in = new FileInputStream(path)) {
                    held[0] = Loader.load(in);
                }
                long all = heapAfterFullGc(); // the module held: sampled here for certain
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], all);
                }
                held[0] = null;
                heapAfterFullGc(); // the last load gone before the next
            }
            stop[0] = true;
            sampler.join();
            rounds[round] = peak[0] - base;
        }
        java.util.Arrays.sort(rounds, 1, 4);
        return Math.max(0, rounds[2]);
    }
}
