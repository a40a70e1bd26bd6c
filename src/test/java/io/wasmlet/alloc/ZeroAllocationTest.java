package io.wasmlet.alloc;

import io.wasmlet.board.Board;
import io.wasmlet.exec.Store;
import io.wasmlet.jit.Jit;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof (a) of allocation-free execution: on HotSpot, the current thread's allocated-bytes
 * counter does not move across thousands of export calls after warm-up.
 */
class ZeroAllocationTest {
    /** Looked up once: getThreadMXBean() itself allocates on every call. */
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }

    @Test
    void exportCallsAllocateNothing() throws Exception {
        Kernels k = new Kernels("tests/alloc/kernels.wasm", Board.named("stm32h747i-disco"));
        // results are what they should be (so a broken kernel cannot pass as "no allocation")
        long first = k.round(1);
        // sumsq(101) = sum i^2, i<101 = 338350; fib(10) = 55; memsum(256) = 7712 + 0x05060708;
        // dispatch(1, 7, 5) = 7 - 5 = 2; grow = 1 (old size); traps, by reason code:
        // div (1) + oob (4) + uninitialized element (7, table slot 3 is null)
        assertEquals(338350 + 55 + (7712 + 0x05060708) + 2 + 1 + 1 + 4 + 7, first);
        // HotSpot noise, measured and explained: when C2 has compiled the interpreter before a
        // constant-pool class entry was resolved, it plants an "unloaded" uncommon trap; hitting
        // it deoptimizes and resolves the entry through the class loader, which allocates a
        // String or two (72 to 152 bytes) on the running thread. That is the JVM's, once per
        // such deoptimization, and never happens under -Xint (interpretedCallsAllocateNothing)
        // or C1. So: warm up, then measure windows of 40,000 calls; the runtime allocating
        // anything per call would show in every window, the JVM's one-off in at most a few.
        for (int i = 0; i < 10000; i++) {
            k.round(i);
        }
        long[] windows = new long[6];
        int calls = 0;
        long sum = 0;
        boolean clean = false;
        for (int w = 0; w < windows.length && !clean; w++) {
            calls = 0;
            long before = allocated();
            for (int i = 0; i < 5000; i++) {
                sum += k.round(i);
                calls += (i & 63) == 0 ? 9 : 8;
            }
            windows[w] = allocated() - before;
            clean = windows[w] == 0;
        }
        assertTrue(sum > 0);
        System.out.println("zero-allocation: windows of " + calls + " export calls allocated "
                + java.util.Arrays.toString(windows) + " bytes");
        assertTrue(clean, "every window of " + calls + " export calls allocated: " + java.util.Arrays.toString(windows));
    }

    /**
     * Tiered mode, tier-up included: two instances of the kernels share a tiered store. The
     * first is warmed up until its functions run translated (so the translator's code paths are
     * compiled by HotSpot too); the second instance's functions are then translated, and entered
     * by on-stack replacement, inside the measured windows: translation, OSR, compiled code and
     * tier switches allocate nothing.
     */
    @Test
    void tieredCallsAndTierUpAllocateNothing() throws Exception {
        Board board = Board.named("stm32h747i-disco");
        Store store = new Store(board, Jit.tiered());
        Kernels warm = new Kernels("tests/alloc/kernels.wasm", store);
        Kernels[] cold = new Kernels[6];
        for (int w = 0; w < cold.length; w++) {
            cold[w] = new Kernels("tests/alloc/kernels.wasm", store);
        }
        Kernels reference = new Kernels("tests/alloc/kernels.wasm", new Store(board));
        long expected = 0;
        for (int i = 0; i < 5000; i++) {
            expected += reference.round(i); // what a fresh instance computes in 5000 rounds, interpreted
        }
        for (int i = 0; i < 10000; i++) {
            warm.round(i);
        }
        int translatedWarm = store.functionsTranslated();
        assertTrue(translatedWarm >= 4, "the warm instance's hot functions were translated: " + translatedWarm);
        // each window runs a fresh instance, so each includes its tier-up (translations, OSR)
        long[] windows = new long[cold.length];
        int[] translations = new int[cold.length];
        boolean clean = false;
        for (int w = 0; w < windows.length && !clean; w++) {
            int before = store.functionsTranslated();
            long sum = 0;
            long bytes = allocated();
            for (int i = 0; i < 5000; i++) {
                sum += cold[w].round(i);
            }
            windows[w] = allocated() - bytes;
            translations[w] = store.functionsTranslated() - before;
            assertEquals(expected, sum, "tiered rounds compute what interpreted rounds compute");
            clean = windows[w] == 0 && translations[w] == translatedWarm;
        }
        System.out.println("zero-allocation (tiered, tier-up in each window): windows of 5000 rounds allocated "
                + java.util.Arrays.toString(windows) + " bytes, translating " + java.util.Arrays.toString(translations)
                + " functions; cache ints used: " + store.codeCacheUsed());
        assertTrue(clean, "a window with tier-up allocated: " + java.util.Arrays.toString(windows)
                + ", translations " + java.util.Arrays.toString(translations));
    }

    /**
     * Tiered mode with call_indirect inline-cache hits (tests/jit/calls.wasm: a loop whose
     * call_indirect always finds the same function; the kernels' dispatch cycles through three
     * and gives its cache up): each window runs fresh instances, so it includes their
     * translation, the cache's first miss binding it, and then its hits.
     */
    @Test
    void tieredInlineCacheHitsAllocateNothing() throws Exception {
        Store store = new Store(Board.named("stm32h747i-disco"), Jit.tiered());
        io.wasmlet.binary.WasmModule m = io.wasmlet.validate.Loader.load(
                java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("tests/jit/calls.wasm")));
        io.wasmlet.exec.Instance warm = store.instantiate(m, new io.wasmlet.exec.Imports());
        long[] a = {200, 0};
        long[] r = new long[1];
        for (int i = 0; i < 3000; i++) {
            store.invoke(warm.function("loop"), a, r);
        }
        int perInstance = store.functionsTranslated();
        assertEquals(2, perInstance, "loop and inc");
        io.wasmlet.exec.Function[] cold = new io.wasmlet.exec.Function[6];
        for (int w = 0; w < cold.length; w++) {
            cold[w] = store.instantiate(m, new io.wasmlet.exec.Imports()).function("loop");
        }
        long[] windows = new long[cold.length];
        boolean clean = false;
        for (int w = 0; w < windows.length && !clean; w++) {
            int before = store.functionsTranslated();
            long bytes = allocated();
            for (int i = 0; i < 3000; i++) {
                store.invoke(cold[w], a, r);
            }
            windows[w] = allocated() - bytes;
            assertEquals(199 * 200 / 2 + 200, r[0]);
            clean = windows[w] == 0 && store.functionsTranslated() - before == perInstance;
        }
        System.out.println("zero-allocation (tiered, call_indirect inline cache): windows of 3000 calls allocated "
                + java.util.Arrays.toString(windows) + " bytes");
        assertTrue(clean, "a window with inline-cache hits allocated: " + java.util.Arrays.toString(windows));
    }

    /**
     * A host function that reads a UTF-8 string from the calling instance's memory (through
     * {@code caller.memory()} and the allocation-free {@code readUtf8} into a reused char[])
     * and returns its length: 0 bytes per call, in windows of 100,000 calls after warm-up.
     */
    @Test
    void hostFunctionsReadingTheCallersMemoryAllocateNothing() throws Exception {
        io.wasmlet.exec.Imports imports = new io.wasmlet.exec.Imports();
        byte i32 = io.wasmlet.binary.ValType.I32;
        char[] chars = new char[64];
        imports.add("env", "length", new io.wasmlet.exec.Function(
                new io.wasmlet.binary.FuncType(new byte[] {i32, i32}, new byte[] {i32}), new io.wasmlet.exec.HostFunction() {
                    public void call(io.wasmlet.exec.Instance caller, long[] stack, int base) {
                        stack[base] = caller.memory().readUtf8((int) stack[base], (int) stack[base + 1], chars, 0);
                    }
                }));
        io.wasmlet.exec.Store store = new io.wasmlet.exec.Store(Board.named("stm32h747i-disco"));
        io.wasmlet.exec.Function run = store.instantiate(io.wasmlet.validate.Loader.load(
                java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("tests/host/strlen.wasm"))), imports).function("run");
        long[] in = {1000};
        long[] out = new long[1];
        for (int i = 0; i < 200; i++) {
            store.invoke(run, in, out);
            assertEquals(14000, out[0]);
        }
        long[] windows = new long[6];
        boolean clean = false;
        for (int w = 0; w < windows.length && !clean; w++) {
            long before = allocated();
            for (int i = 0; i < 100; i++) {
                store.invoke(run, in, out);
            }
            windows[w] = allocated() - before;
            clean = windows[w] == 0;
        }
        assertEquals(14000, out[0]);
        System.out.println("zero-allocation (host reads guest string): windows of 100,000 host calls allocated "
                + java.util.Arrays.toString(windows) + " bytes");
        assertTrue(clean, "every window allocated: " + java.util.Arrays.toString(windows));
    }

    /**
     * The same kernels on {@code java -Xint} (the stand-in for an interpreting MCU JVM), in a
     * child process: after 100 warm-up rounds, 2,000 rounds allocate 0 bytes.
     */
    @Test
    void interpretedCallsAllocateNothing() throws Exception {
        String javaBin = java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xint", "-cp", "target/classes" + java.io.File.pathSeparator
                + "target/test-classes", "io.wasmlet.alloc.AllocationProbe", "100", "2000")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.exitValue(), out);
        System.out.println("zero-allocation under -Xint: " + out);
        assertTrue(out.matches("\\d+ export calls, 0 bytes allocated"), out);
    }

    /** The C workloads of tests/workloads (real firmware-style kernels), on a preallocating board. */
    @Test
    void cWorkloadsAllocateNothing() throws Exception {
        Board board = Board.named("stm32h747i-disco");
        java.util.List<io.wasmlet.exec.Store> stores = new java.util.ArrayList<>();
        java.util.List<io.wasmlet.exec.Function> runs = new java.util.ArrayList<>();
        java.util.List<long[]> args = new java.util.ArrayList<>();
        java.util.List<Long> sums = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("tests/workloads/checksums.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (line.startsWith("#") || f.length < 3) {
                continue;
            }
            io.wasmlet.exec.Store store = new io.wasmlet.exec.Store(board);
            io.wasmlet.exec.Instance inst = store.instantiate(io.wasmlet.validate.Loader.load(
                    java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("tests/workloads", f[0] + ".wasm"))),
                    new io.wasmlet.exec.Imports());
            stores.add(store);
            runs.add(inst.function("run"));
            args.add(new long[] {Integer.parseInt(f[1])});
            sums.add(Long.parseLong(f[2]));
        }
        assertTrue(runs.size() >= 10, "workloads: " + runs.size());
        long[] r = new long[1];
        for (int round = 0; round < 8; round++) { // warm-up, checking every result
            for (int w = 0; w < runs.size(); w++) {
                stores.get(w).invoke(runs.get(w), args.get(w), r);
                assertEquals((long) sums.get(w), (int) r[0], "workload " + w);
            }
        }
        allocated();
        long before = allocated();
        int calls = 0;
        long check = 0;
        for (int round = 0; round < 4; round++) {
            for (int w = 0; w < runs.size(); w++) {
                stores.get(w).invoke(runs.get(w), args.get(w), r);
                check += (int) r[0];
                calls++;
            }
        }
        long bytes = allocated() - before;
        long expected = 0;
        for (long v : sums) {
            expected += 4 * v;
        }
        assertEquals(expected, check);
        System.out.println("zero-allocation (C workloads): " + calls + " calls of " + runs.size()
                + " workloads, " + bytes + " bytes allocated");
        assertEquals(0, bytes, "bytes allocated across " + calls + " workload calls");
    }
    /**
     * Traps caught and re-entered with their backtrace read (a trap three calls deep through
     * call and call_indirect, and call-stack exhaustion, in a module loaded with
     * {@code Loader.DEBUG}): recording the frames into the store's buffer and reading them back
     * through the accessors allocate nothing, interpreted or compiled.
     */
    @Test
    void trapsWithTheirBacktracesAllocateNothing() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("tests/backtrace/deep.wasm"));
        for (String mode : new String[] {"interp", "tiered", "eager"}) {
            Store store = Jit.store(Board.named("stm32h747i-disco"), mode);
            io.wasmlet.exec.Instance inst = store.instantiate(
                    io.wasmlet.validate.Loader.load(bytes, io.wasmlet.validate.Loader.DEBUG), new io.wasmlet.exec.Imports());
            io.wasmlet.exec.Function run = inst.function("run");
            io.wasmlet.exec.Function indirect = inst.function("indirect");
            io.wasmlet.exec.Function recurse = inst.function("recurse");
            long[] zero = {0};
            long[] one = {1};
            long[] out = new long[1];
            long[] windows = new long[6];
            boolean clean = false;
            long check = 0;
            for (int w = -2; w < windows.length && !clean; w++) { // two warm-up rounds
                long before = allocated();
                long sum = 0;
                for (int i = 0; i < 2000; i++) {
                    store.invoke(run, one, out);
                    sum += out[0];
                    io.wasmlet.exec.Function f = (i & 1) == 0 ? run : indirect;
                    try {
                        store.invoke((i & 255) == 0 ? recurse : f, zero, out);
                    } catch (io.wasmlet.error.WasmException e) {
                        for (int d = 0; d < store.backtrace().depth(); d++) {
                            sum += store.backtrace().function(d) + store.backtrace().offset(d) + store.backtrace().codeOffset(d);
                        }
                        sum += store.backtrace().total();
                    }
                }
                if (w >= 0) {
                    windows[w] = allocated() - before;
                    clean = windows[w] == 0;
                    assertEquals(check, sum, mode + ": every round reads the same backtraces");
                }
                check = sum;
            }
            System.out.println("zero-allocation (" + mode + ", traps with backtraces): windows allocated "
                    + java.util.Arrays.toString(windows) + " bytes");
            assertTrue(clean, mode + ": every window allocated: " + java.util.Arrays.toString(windows));
        }
    }
}
