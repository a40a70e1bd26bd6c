package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.ValType;
import io.wasmlet.board.Board;
import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Memories and tables on boards without preallocation (the desktop) grow their arrays
 * geometrically, and a Java heap that cannot hold the new array makes the grow fail with -1
 * instead of ending the run (issue 10: 4,096 one-page grows took 75 s and 1.5 GB; an exhausted
 * heap was an {@code internal error: OutOfMemoryError}).
 */
class GrowthTest {
    @Test
    void memoryGrowsPageByPageInLinearTime() throws Exception {
        Store store = new Store();
        Instance inst = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/limits/grow.wasm"))),
                new Imports());
        Function grow = inst.function("grow");
        Memory mem = inst.memory("memory");
        int pages = 2048; // 128 MiB: copying the whole array on every step took about 19 s
        long[] one = {1};
        long[] result = new long[1];
        long t0 = System.nanoTime();
        for (int i = 0; i < pages; i++) {
            store.invoke(grow, one, result);
            assertEquals(i, result[0]);
            mem.bytes()[i * Memory.PAGE + 77] = (byte) i; // survives later reallocations
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, pages + " one-page grows took " + ms + " ms");
        assertEquals(pages, mem.pages());
        assertEquals(pages * Memory.PAGE, mem.byteSize());
        assertTrue(mem.bytes().length <= 2L * mem.byteSize(), "capacity " + mem.bytes().length);
        for (int i = 0; i < pages; i++) {
            assertEquals((byte) i, mem.bytes()[i * Memory.PAGE + 77]);
        }
        // a declared maximum caps the spare capacity
        Memory capped = new Memory(1, 3);
        assertEquals(1, capped.grow(1));
        assertEquals(2, capped.grow(1));
        assertEquals(3 * Memory.PAGE, capped.bytes().length);
        assertEquals(-1, capped.grow(1));
    }

    @Test
    void tableGrowsEntryByEntryInLinearTime() {
        Table t = new Table(ValType.FUNCREF, 0, -1);
        int n = 300_000; // reallocating on every step copied 180 GB
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertEquals(i, t.grow(1, i + 1));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, n + " one-entry grows took " + ms + " ms");
        assertEquals(n, t.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i + 1, t.get(i));
        }
    }

    /** Run in a JVM with a 32 MiB heap, on a board whose budgets claim far more. */
    public static void main(String[] args) throws Exception {
        String desc = "name = liar\nvendor = x\ncpu = x\njvm = x\nclock.mhz = 0\nram.kb = 0\nflash.kb = 0\n"
                + "external.ram.kb = 0\nheap.kb = 4194304\nstack.slots = 1024\nframes = 64\n"
                + "memory.bytes = 2000000000\nmemory.prealloc = false\ntable.entries = 10000000\ncounters = 0\n"
                + "codecache.ints = 0\n";
        Store store = new Store(Board.parse(new ByteArrayInputStream(desc.getBytes(StandardCharsets.US_ASCII))));
        Instance inst = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/limits/grow.wasm"))),
                new Imports());
        Function grow = inst.function("grow");
        long big = store.invoke(grow, new long[] {4096})[0]; // 256 MiB
        long small = store.invoke(grow, new long[] {1})[0];
        Memory host = new Memory(0, -1);
        int hostBig = host.grow(8192);
        int hostSmall = host.grow(1);
        Table t = new Table(ValType.FUNCREF, 0, -1);
        int tableBig = t.grow(100_000_000, 0);
        int tableSmall = t.grow(10, 0);
        System.out.println("wasm " + big + " " + small + " host " + hostBig + " " + hostSmall + " table " + tableBig
                + " " + tableSmall);
    }

    @Test
    void anExhaustedHeapMakesGrowFailInsteadOfEndingTheRun() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = "target/classes" + File.pathSeparator + "target/test-classes";
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", cp, "io.wasmlet.exec.GrowthTest"))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        assertEquals("wasm -1 0 host -1 0 table -1 0", out);
    }
}
