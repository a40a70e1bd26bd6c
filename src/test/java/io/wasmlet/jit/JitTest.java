package io.wasmlet.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Tier switches of tests/jit/tiers.wat, in every mode: on-stack replacement in a single long
 * call, tier-up on calls, exits to the interpreter and re-entry at a loop header, traps from
 * compiled code, a code cache too small for anything, fuel and interruption in both tiers.
 */
class JitTest {
    static final String[] MODES = {"interp", "tiered", "eager"};

    static WasmModule module(int flags) throws Exception {
        return Loader.load(Files.readAllBytes(Paths.get("tests/jit/tiers.wasm")), flags);
    }

    static Instance instance(Store store, int flags) throws Exception {
        return store.instantiate(module(flags), new Imports());
    }

    static long call(Store store, Instance inst, String name, long... args) {
        return store.invoke(inst.function(name), args)[0];
    }

    @Test
    void aLongLoopInOneCallMovesToCompiledCodeAtItsHeader() throws Exception {
        Store store = Jit.store(Board.desktop());
        Instance inst = instance(store, 0);
        assertEquals(0, store.functionsTranslated());
        assertEquals(4999950000L, call(store, inst, "sum", 100000));
        // one call, no other function ran: only on-stack replacement can have translated it
        assertEquals(1, store.functionsTranslated(), "sum was translated during its only call");
        assertEquals(4999950000L, call(store, inst, "sum", 100000), "and the next call enters it compiled");
    }

    @Test
    void everyModeComputesTheSame() throws Exception {
        for (String mode : MODES) {
            Store store = Jit.store(Board.desktop(), mode);
            Instance inst = instance(store, 0);
            assertEquals(832040, call(store, inst, "fib", 30), mode);
            assertEquals(5000, call(store, inst, "nulls", 10000), mode + ": exits at table.get and back");
            assertEquals(49995000, call(store, inst, "indirect", 10000), mode + ": call_indirect from compiled code");
            assertEquals(4999950000L, call(store, inst, "sum", 100000), mode);
            if (!mode.equals("interp")) {
                assertTrue(store.functionsTranslated() >= 4, mode + ": " + store.functionsTranslated());
            }
        }
        assertEquals(Store.MODE_EAGER, Jit.store(Board.desktop(), "eager").mode());
        assertEquals(Store.MODE_TIERED, Jit.store(Board.desktop()).mode());
        assertEquals(Store.MODE_INTERP, new Store(Board.desktop()).mode());
    }

    @Test
    void eagerTranslatesEveryFunctionAtInstantiation() throws Exception {
        Store store = new Store(Board.desktop(), Jit.eager());
        instance(store, 0);
        assertEquals(module(0).numFuncs(), store.functionsTranslated());
        assertTrue(store.codeCacheUsed() > 0 && store.codeCacheUsed() <= store.codeCacheCapacity());
    }

    @Test
    void aTrapInCompiledCodeIsTheInterpretersTrapAndTheStoreStaysUsable() throws Exception {
        for (String mode : MODES) {
            Store store = Jit.store(Board.desktop(), mode);
            Instance inst = instance(store, 0);
            // 16,384 words fit in the one page; the store at word 16,384 is out of bounds
            TrapException t = assertThrows(TrapException.class, () -> call(store, inst, "walk", 16384), mode);
            assertSame(Trap.memoryOutOfBounds, t, mode);
            assertEquals(134209536, call(store, inst, "walk", 16383), mode + ": usable after the trap");
        }
    }

    @Test
    void aFullCodeCacheLeavesFunctionsInterpretedAndResultsUnchanged() throws Exception {
        Store store = new Store(boardWithCodeCache(40), Jit.eager());
        Instance inst = instance(store, 0);
        assertTrue(store.translationsRefused() > 0, "most functions do not fit 40 ints");
        assertEquals(832040, call(store, inst, "fib", 30));
        assertEquals(5000, call(store, inst, "nulls", 10000));
        assertEquals(4999950000L, call(store, inst, "sum", 100000));
        assertTrue(store.codeCacheUsed() <= 40);
        Store none = new Store(boardWithCodeCache(0), Jit.tiered());
        Instance i2 = instance(none, 0);
        assertEquals(832040, call(none, i2, "fib", 30), "no cache at all: a call never fails for want of it");
        assertEquals(0, none.functionsTranslated());
    }

    @Test
    void fuelStopsARunawayLoopInEveryTier() throws Exception {
        for (String mode : MODES) {
            Store store = Jit.store(Board.desktop(), mode);
            Instance inst = instance(store, Loader.COUNT);
            store.setFuel(1_000_000);
            TrapException t = assertThrows(TrapException.class, () -> store.invoke(inst.function("spin"), new long[0]));
            assertSame(Trap.outOfFuel, t, mode);
            assertEquals(0, store.fuel(), mode);
            store.setFuel(10_000_000);
            assertEquals(49995000, call(store, inst, "indirect", 10000), mode);
            long left = store.fuel();
            assertTrue(left > 0 && left < 10_000_000, mode + ": fuel was charged: " + left);
        }
    }

    @Test
    void fuelIsChargedTheSameInEveryTier() throws Exception {
        long[] used = new long[MODES.length];
        for (int m = 0; m < MODES.length; m++) {
            Store store = Jit.store(Board.desktop(), MODES[m]);
            Instance inst = instance(store, Loader.COUNT);
            store.setFuel(Long.MAX_VALUE / 2);
            call(store, inst, "fib", 20);
            call(store, inst, "sum", 5000);
            used[m] = Long.MAX_VALUE / 2 - store.fuel();
        }
        assertEquals(used[0], used[1], "tiered charges what the interpreter charges");
        assertEquals(used[0], used[2], "eager charges what the interpreter charges");
    }

    /**
     * The compiled loop keeps the fuel in a local: host calls made from compiled code must see
     * it, spend it through nested Wasm calls, set it, and run out of it with every tier agreeing
     * on what was charged (tests/jit/hostfuel.wat).
     */
    @Test
    void fuelIsExactAcrossHostCallsThatReadSpendAndSetIt() throws Exception {
        long[][] seen = new long[MODES.length][];
        for (int m = 0; m < MODES.length; m++) {
            String mode = MODES[m];
            Store store = Jit.store(Board.desktop(), mode);
            long[] log = new long[2048];
            int[] at = {0};
            Instance[] self = new Instance[1];
            Imports imports = new Imports();
            byte[] i32 = {io.wasmlet.binary.ValType.I32};
            imports.add("env", "cb", new Function(new io.wasmlet.binary.FuncType(i32, i32),
                    new io.wasmlet.exec.HostFunction() {
                        public void call(Instance caller, long[] stack, int base) {
                            int i = (int) stack[base];
                            log[at[0]++] = store.fuel();
                            long r = store.invoke(self[0].function("inner"), new long[] {100 + i})[0];
                            log[at[0]++] = store.fuel();
                            if (i == 7) {
                                store.setFuel(50_000); // the rest of the call runs on this
                            }
                            stack[base] = r;
                        }
                    }));
            self[0] = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/jit/hostfuel.wasm")),
                    Loader.COUNT), imports);
            for (int warm = 0; warm < 3; warm++) {
                store.setFuel(Long.MAX_VALUE / 2); // tier up outer and inner (tiered mode)
                call(store, self[0], "outer", 20);
                at[0] = 0;
            }
            store.setFuel(1_000_000);
            assertEquals(sumInner(20), call(store, self[0], "outer", 20), mode);
            long left = store.fuel();
            at[0] = 0;
            store.setFuel(1_000_000);
            // runs out inside a nested call after the host set 50,000: the trap passes through the host
            TrapException t = assertThrows(TrapException.class, () -> call(store, self[0], "outer", 400), mode);
            assertSame(Trap.outOfFuel, t, mode);
            assertEquals(0, store.fuel(), mode);
            long[] r = java.util.Arrays.copyOf(log, at[0] + 1);
            r[at[0]] = left;
            seen[m] = r;
            assertTrue(r[0] < 1_000_000 && r[1] < r[0], mode + ": the host sees the fuel compiled code spent");
        }
        assertEquals(java.util.Arrays.toString(seen[0]), java.util.Arrays.toString(seen[1]), "tiered agrees");
        assertEquals(java.util.Arrays.toString(seen[0]), java.util.Arrays.toString(seen[2]), "eager agrees");
    }

    /** What outer(n) returns: the sum over i < n of inner(100 + i) = (100 + i)(99 + i) / 2. */
    static long sumInner(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) (100 + i) * (99 + i) / 2;
        }
        return s;
    }

    @Test
    void fuelNeedsMeteredCode() throws Exception {
        Store store = Jit.store(Board.desktop());
        Instance inst = instance(store, 0);
        store.setFuel(100);
        assertThrows(WasmException.class, () -> call(store, inst, "fib", 3));
    }

    @Test
    void interruptionStopsRunawayLoopsAndCallTreesInEveryTier() throws Exception {
        for (String mode : MODES) {
            for (String runaway : new String[] {"spin", "calls"}) {
                Store store = Jit.store(Board.desktop(), mode);
                Instance inst = instance(store, 0);
                Function f = inst.function(runaway);
                Thread stopper = new Thread(() -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    store.interrupt();
                });
                stopper.start();
                long t0 = System.nanoTime();
                TrapException t = assertThrows(TrapException.class, () -> store.invoke(f, new long[0]));
                assertSame(Trap.interrupted, t, mode + " " + runaway);
                assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "stopped in bounded time");
                stopper.join();
                assertEquals(832040, call(store, inst, "fib", 30), mode + ": usable after the interruption");
            }
        }
    }

    /**
     * An i32.add of a constant folded into the load it addresses keeps the add's wrap-around
     * and the offset's lack of it, traps where the separate instructions trap, and leaves the
     * add in place when its value is used again (tests/jit/address.wat).
     */
    @Test
    void foldedAddressesWrapAndTrapAsTheSeparateInstructions() throws Exception {
        java.util.Set<Integer> trapOffsets = new java.util.HashSet<>();
        for (String mode : MODES) {
            Store store = Jit.store(Board.desktop(), mode);
            Instance in = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/jit/address.wasm"))),
                    new Imports());
            assertEquals(0x100f0e0dL, call(store, in, "w32", 0), mode + ": bytes 12..15");
            assertEquals(0x08070605L, call(store, in, "w32", -8), mode + ": -8 + 8 = 0, + 4");
            assertEquals(0x100f0e0dL, call(store, in, "w32", 0xfffffff8 + 8), mode + ": wraps at 2^32 to 0, then + 12");
            assertSame(Trap.memoryOutOfBounds, assertThrows(TrapException.class, () -> call(store, in, "w32", 65524)),
                    mode + ": 65,536: out of bounds");
            trapOffsets.add(store.backtrace().codeOffset(0)); // the load's, in every tier
            assertEquals(2, call(store, in, "u8", 16), mode + ": 16 - 16 + 1 = byte 1");
            assertEquals(2, call(store, in, "u8", 16 + 65536 * 65536), mode);
            assertSame(Trap.memoryOutOfBounds, assertThrows(TrapException.class, () -> call(store, in, "u8", 0)),
                    mode + ": 0 - 16 wraps to 2^32 - 16: out of bounds");
            assertEquals(0x0201, call(store, in, "s16", 0x80000001L), mode + ": 0x7fffffff + 0x80000001 wraps to 0");
            assertSame(Trap.memoryOutOfBounds, assertThrows(TrapException.class, () -> call(store, in, "s16", 1)),
                    mode + ": 2^31 is out of bounds");
            assertEquals(6 + 5, call(store, in, "tee", 2), mode + ": byte 5 (6) plus the kept address 5");
            assertEquals(12500 * (9 + 10 + 11 + 12 + 13 + 14 + 15 + 16), call(store, in, "sum", 100000), mode);
        }
        assertEquals(1, trapOffsets.size(), "the trap's offset: " + trapOffsets);
        assertTrue(trapOffsets.iterator().next() > 0, "the load, not the function's first instruction");
    }

    /** A descriptor's jit.* keys tune the stores Jit.store makes for that board. */
    @Test
    void theBoardDescriptorTunesTheJit() throws Exception {
        Store plain = Jit.store(Board.desktop());
        Instance a = instance(plain, 0);
        call(plain, a, "fib", 5); // 15 calls: far below the default threshold of 1,000
        assertEquals(0, plain.functionsTranslated());
        String text = new String(JitTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                StandardCharsets.UTF_8) + "\njit.threshold = 3\njit.loop.weight = 16\njit.fuse = false\njit.registers = true\n";
        Board tuned = Board.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Tuning t = Tuning.of(tuned);
        assertEquals(3, t.threshold);
        assertEquals(16, t.loopWeight);
        assertEquals(false, t.fuseBranches);
        assertEquals(true, t.registerOperands);
        Tuning d = Tuning.of(Board.desktop());
        assertEquals(new Tuning().threshold, d.threshold, "absent keys keep the defaults");
        Store store = Jit.store(tuned, "tiered");
        Instance b = instance(store, 0);
        assertEquals(5, call(store, b, "fib", 5));
        assertEquals(1, store.functionsTranslated(), "fib translated after 3 calls");
        assertEquals(Store.MODE_EAGER, Jit.store(tuned, "eager").mode());
        WasmException e = assertThrows(WasmException.class, () -> Jit.store(tuned, "fast"));
        assertEquals("unknown execution mode \"fast\": interp, tiered or eager", e.getMessage());
        String bad = text + "jit.loop.weight = 0\n";
        assertThrows(io.wasmlet.error.BoardException.class,
                () -> Board.parse(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
    }

    static Board boardWithCodeCache(int ints) throws Exception {
        String text = new String(JitTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                StandardCharsets.UTF_8).replaceAll("codecache.ints = \\d+", "codecache.ints = " + ints);
        return Board.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
