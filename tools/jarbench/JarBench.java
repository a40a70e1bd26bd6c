import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shrunk compact jar against the unshrunk one (target/cldc-plain), paired in one JVM: each
 * jar behind its own class loader, every workload of tests/workloads (its test n) called in
 * both, the order alternated by round; per call a fresh store, one untimed call, then one call
 * timed by thread CPU time. Prints per workload the medians and bests and the geometric means
 * of shrunk over unshrunk.
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -Xint tools/jarbench/JarBench.java target/cldc-plain/wasmlet-compact.jar target/wasmlet-compact.jar 21 interp
 * java -Xint tools/jarbench/JarBench.java target/cldc-plain/wasmlet-compact.jar target/wasmlet-compact.jar 21 tiered
 * </pre>
 *
 * It reaches the runtime by reflection only, through the embedding API's names, which both jars
 * keep; the reflective calls are outside the timed call, which is one Store.invoke either way.
 */
public final class JarBench {
    /** The embedding API of one jar, by reflection. */
    static final class Api {
        final Method desktop;
        final Method load;
        final Method tiered;
        final Class<?> board;
        final Class<?> compiler;
        final Class<?> store;
        final Class<?> imports;
        final Method instantiate;
        final Method function;
        final Method invoke;

        Api(String jar) throws Exception {
            ClassLoader l = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            board = l.loadClass("io.wasmlet.board.Board");
            desktop = board.getMethod("desktop");
            load = l.loadClass("io.wasmlet.validate.Loader").getMethod("load", java.io.InputStream.class);
            tiered = l.loadClass("io.wasmlet.jit.Jit").getMethod("tiered");
            compiler = l.loadClass("io.wasmlet.exec.Compiler");
            store = l.loadClass("io.wasmlet.exec.Store");
            imports = l.loadClass("io.wasmlet.exec.Imports");
            Class<?> module = l.loadClass("io.wasmlet.binary.WasmModule");
            instantiate = store.getMethod("instantiate", module, imports);
            function = l.loadClass("io.wasmlet.exec.Instance").getMethod("function", String.class);
            invoke = store.getMethod("invoke", l.loadClass("io.wasmlet.exec.Function"), long[].class, long[].class);
        }

        /** CPU nanoseconds of the second call of run(n) on a fresh store. */
        long time(byte[] wasm, int n, int sum, boolean jit) throws Exception {
            Object b = desktop.invoke(null);
            Object s = jit ? store.getConstructor(board, compiler).newInstance(b, tiered.invoke(null))
                    : store.getConstructor(board).newInstance(b);
            Object m = load.invoke(null, new java.io.ByteArrayInputStream(wasm));
            Object inst = instantiate.invoke(s, m, imports.getConstructor().newInstance());
            Object run = function.invoke(inst, "run");
            long[] args = {n};
            long[] r = new long[1];
            invoke.invoke(s, run, args, r);
            long t0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            invoke.invoke(s, run, args, r);
            long t = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0;
            if ((int) r[0] != sum) {
                throw new AssertionError("run(" + n + ") = " + r[0] + ", expected " + sum);
            }
            return t;
        }
    }

    public static void main(String[] a) throws Exception {
        Api[] jars = {new Api(a[0]), new Api(a[1])};
        int rounds = Integer.parseInt(a[2]);
        boolean jit = a[3].equals("tiered");
        List<String[]> ws = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("tests/workloads/checksums.txt"))) {
            line = line.trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                ws.add(line.split("\\s+"));
            }
        }
        double medians = 0;
        double bests = 0;
        for (String[] w : ws) {
            byte[] wasm = Files.readAllBytes(Path.of("tests/workloads/" + w[0] + ".wasm"));
            List<List<Long>> t = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    int j = (r + k) % 2;
                    t.get(j).add(jars[j].time(wasm, Integer.parseInt(w[1]), Integer.parseInt(w[2]), jit));
                }
            }
            Collections.sort(t.get(0));
            Collections.sort(t.get(1));
            double mp = t.get(0).get(rounds / 2) / 1e6;
            double ms = t.get(1).get(rounds / 2) / 1e6;
            double bp = t.get(0).get(0) / 1e6;
            double bs = t.get(1).get(0) / 1e6;
            System.out.printf("%-10s median %8.1f ms / %8.1f ms (%.3f)  best %8.1f ms / %8.1f ms (%.3f)%n",
                    w[0], mp, ms, ms / mp, bp, bs, bs / bp);
            medians += Math.log(ms / mp);
            bests += Math.log(bs / bp);
        }
        System.out.printf("geomean second jar over first (%s, %d rounds): medians %.3f, bests %.3f%n",
                a[3], rounds, Math.exp(medians / ws.size()), Math.exp(bests / ws.size()));
    }
}
