import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.fuzz.ExportCalls;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.validate.Loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The long fuzzing campaign (the short, deterministic one is {@code TierFuzzTest} in the test
 * suite). Inputs: the spec corpus, the C workloads and programs, and their mutants (byte flips,
 * random bytes, truncation, LEB128 continuation edits, splices of a run of bytes from another
 * input, and section-aware edits: sections replaced, inserted, dropped or duplicated, function bodies
 * swapped between modules; see src/test/java/io/wasmlet/fuzz/Mutator.java). Each input is decoded and validated with fuel metering; an import-free one is
 * instantiated and every export called twice in each execution mode (interp, tiered with a
 * threshold of 2, eager) under the same fuel. Failures: an exception that is not one of the
 * runtime's typed errors, an input that takes more than 20 s (a hang: the watchdog interrupts
 * the store), or a disagreement between the tiers on results, traps, fuel left or memory. Each
 * failing input is written to tests/fuzz/regressions/ with a .txt saying what failed.
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * java -cp target/classes:target/test-classes tools/fuzz/TierFuzz.java 1000000 [seed [generated]]
 * </pre>
 * With {@code generated} &gt; 0, that many valid modules from {@code wasm-opt -ttf} (Debian's
 * binaryen) join the corpus first; their logging imports are stubs that record each call's
 * arguments in the log the tiers are compared on.
 */
public final class TierFuzz {
    static final long FUEL = 100_000;
    static volatile Store running;
    static volatile long started;

    long inputs, decoded, valid, instantiated, calls, traps, outOfFuel, untyped, hangs, disagreements;

    public static void main(String[] a) throws Exception {
        long n = Long.parseLong(a[0]);
        long seed = a.length > 1 ? Long.parseLong(a[1]) : 20261201L;
        int generated = a.length > 2 ? Integer.parseInt(a[2]) : 0;
        List<byte[]> corpus = new ArrayList<>();
        corpus.addAll(generate(generated, seed));
        for (String dir : new String[] {"tests/spec", "tests/workloads", "tests/programs", "tests/jit", "tests/alloc"}) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".wasm")).sorted().collect(Collectors.toList())) {
                    corpus.add(Files.readAllBytes(p));
                }
            }
        }
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Store s = running;
                if (s != null && System.nanoTime() - started > 20_000_000_000L) {
                    s.interrupt();
                }
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        TierFuzz f = new TierFuzz();
        Random rnd = new Random(seed);
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            byte[] b = i < corpus.size() ? corpus.get((int) i) : mutate(corpus, rnd);
            f.one(b, i);
            if ((i + 1) % 100_000 == 0) {
                System.out.println(f.summary(i + 1, System.nanoTime() - t0));
            }
        }
        System.out.println("final: " + f.summary(n, System.nanoTime() - t0));
        System.exit(f.untyped + f.hangs + f.disagreements == 0 ? 0 : 1);
    }

    /**
     * Valid modules that run, from binaryen's {@code wasm-opt -ttf} (random bytes in, a valid
     * MVP module out; it imports logging functions, which the fuzzer links to recording stubs).
     */
    static List<byte[]> generate(int count, long seed) throws Exception {
        List<byte[]> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        Path dir = Files.createTempDirectory("ttf");
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            byte[] noise = new byte[1000 + r.nextInt(8000)];
            r.nextBytes(noise);
            Path in = dir.resolve("in.bin");
            Path wasm = dir.resolve("out.wasm");
            Files.write(in, noise);
            Process p = new ProcessBuilder("wasm-opt", "-ttf", in.toString(), "--mvp-features", "-o", wasm.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() == 0 && Files.exists(wasm)) {
                out.add(Files.readAllBytes(wasm));
            }
        }
        System.out.println("generated " + out.size() + " modules with wasm-opt -ttf");
        return out;
    }

    String summary(long done, long nanos) {
        return String.format("%,d inputs (%,.0f/s): %,d decoded and valid, %,d instantiated, %,d export calls per mode,"
                        + " %,d traps, %,d out of fuel; untyped exceptions %d, hangs %d, tier disagreements %d",
                done, done / (nanos / 1e9), valid, instantiated, calls, traps, outOfFuel, untyped, hangs, disagreements);
    }

    static byte[] mutate(List<byte[]> corpus, Random rnd) {
        return io.wasmlet.fuzz.Mutator.mutate(corpus, rnd);
    }

    void one(byte[] b, long index) {
        inputs++;
        WasmModule m;
        try {
            m = Loader.load(b, Loader.COUNT);
            valid++;
        } catch (WasmException expected) {
            return;
        } catch (Throwable t) {
            fail(b, index, "load: " + t);
            untyped++;
            return;
        }
        for (int i = 0; i < m.importCount(); i++) {
            if (m.importAt(i).kind != WasmModule.KIND_FUNC) {
                return; // only function imports can be stubbed
            }
        }
        String[] modes = {"interp", "tiered", "eager"};
        List<List<String>> logs = new ArrayList<>();
        for (String mode : modes) {
            List<String> log = new ArrayList<>();
            started = System.nanoTime();
            try {
                run(m, mode, log);
            } catch (Throwable t) {
                fail(b, index, mode + ": " + t);
                untyped++;
                return;
            } finally {
                running = null;
            }
            if (System.nanoTime() - started > 20_000_000_000L) {
                fail(b, index, mode + ": took " + (System.nanoTime() - started) / 1_000_000 + " ms");
                hangs++;
                return;
            }
            logs.add(log);
        }
        if (!logs.get(0).isEmpty() && !logs.get(0).get(0).startsWith("instantiate:")) {
            instantiated++;
        }
        for (String e : logs.get(0)) {
            if (e.startsWith("call")) {
                calls++;
                if (e.contains("all fuel consumed")) {
                    outOfFuel++;
                } else if (e.contains("-> trap")) {
                    traps++;
                }
            }
        }
        for (int k = 1; k < modes.length; k++) {
            if (!logs.get(0).equals(logs.get(k))) {
                fail(b, index, modes[k] + " disagrees with interp:\ninterp " + logs.get(0) + "\n" + modes[k] + " " + logs.get(k));
                disagreements++;
                return;
            }
        }
    }

    static void fail(byte[] b, long index, String what) {
        try {
            Path dir = Path.of("tests/fuzz/regressions");
            Files.createDirectories(dir);
            Files.write(dir.resolve("input-" + index + ".wasm"), b);
            Files.writeString(dir.resolve("input-" + index + ".txt"), what + "\n");
        } catch (Exception e) {
            System.err.println("cannot save input " + index + ": " + e);
        }
        System.out.println("FAILURE on input " + index + ": " + what);
    }

    static Store store(String mode) {
        if (mode.equals("tiered")) {
            Tuning t = new Tuning();
            t.threshold = 2;
            t.loopWeight = 8;
            return new Store(Board.desktop(), Jit.tiered(t));
        }
        return Jit.store(Board.desktop(), mode);
    }

    static void run(WasmModule m, String mode, List<String> log) {
        Store store = store(mode);
        running = store;
        Instance inst;
        Imports imports = new Imports();
        for (int i = 0; i < m.importCount(); i++) {
            io.wasmlet.binary.Import im = m.importAt(i);
            FuncType t = m.type(im.index);
            String label = im.module + "." + im.name;
            imports.add(im.module, im.name, new Function(t, (caller, stack, base) -> {
                StringBuilder sb = new StringBuilder("host ").append(label);
                for (int k = 0; k < t.paramCount(); k++) {
                    sb.append(' ').append(stack[base + k]);
                }
                log.add(sb.toString());
                for (int k = 0; k < t.resultCount(); k++) {
                    stack[base + k] = 0;
                }
            }));
        }
        try {
            store.setFuel(FUEL);
            inst = store.instantiate(m, imports);
        } catch (WasmException e) {
            log.add("instantiate: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return;
        }
        ExportCalls.run(store, inst, FUEL, log);
    }
}
