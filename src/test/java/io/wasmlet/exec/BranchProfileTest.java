package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.Trap;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.validate.Loader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * Branch-direction profiles ({@code Loader.PROFILE}) and the side exits the translator makes of
 * them ({@code tests/jit/sideexit.wat}): exact counts, identical results, traps, fuel and
 * backtraces in every tier, the second translation after too many side exits, no allocation.
 */
class BranchProfileTest {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static WasmModule load(int flags) throws Exception {
        return Loader.load(Files.readAllBytes(Paths.get("tests/jit/sideexit.wasm")), flags);
    }

    static long f(Store st, Instance inst, long x) {
        return st.invoke(inst.function("f"), new long[] {x})[0];
    }

    /** Tier-up after 20 calls, side exits at paths that did not run in 5 or more executions, retranslation after 3. */
    static Store sideExitStore(boolean fuse) {
        Tuning t = new Tuning();
        t.threshold = 20;
        t.sideExitMin = 5;
        t.sideExitLimit = 3;
        t.fuseBranches = fuse;
        return new Store(Board.desktop(), Jit.tiered(t));
    }

    @Test
    void theCountsAreExactInTheInterpreterAndCostNothingWithoutTheFlag() throws Exception {
        Store st = new Store(Board.desktop());
        Instance inst = st.instantiate(load(Loader.PROFILE), new Imports());
        for (int i = 0; i < 10; i++) {
            assertEquals(2, f(st, inst, 1));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(300, f(st, inst, 150));
        }
        // per site: taken (an if: to its else arm or end), fell through
        assertArrayEquals(new int[] {10, 3, 3, 0, 13, 0}, inst.branches);
        Instance plain = new Store(Board.desktop()).instantiate(load(0), new Imports());
        assertNull(plain.branches, "no counters without Loader.PROFILE");
        assertEquals(0, plain.data.branchSites);
        assertEquals(3, inst.data.branchSites);
    }

    @Test
    void untakenPathsBecomeSideExitsWithTheSameResults() throws Exception {
        for (boolean fuse : new boolean[] {true, false}) {
            Store st = sideExitStore(fuse);
            Instance inst = st.instantiate(load(Loader.PROFILE), new Imports());
            for (int i = 0; i < 25; i++) {
                assertEquals(2, f(st, inst, 1));
            }
            assertEquals(1, st.functionsTranslated());
            int used = st.codeCacheUsed();
            assertEquals(0, st.sideExits());
            assertEquals(300, f(st, inst, 150)); // the then arm: a side exit
            assertEquals(1, st.sideExits());
            assertEquals(2007, f(st, inst, 1000)); // then arm and the code after the br_if: one exit, then interpreted
            assertEquals(2, st.sideExits());
            assertEquals(2, f(st, inst, 1));
            assertEquals(2, st.sideExits(), "the profiled path stays in compiled code");
            assertEquals(302, f(st, inst, 151)); // the third: translated again, without side exits
            assertEquals(3, st.sideExits());
            assertEquals(2, st.functionsTranslated());
            assertTrue(st.codeCacheUsed() > used);
            for (int i = 0; i < 5; i++) {
                assertEquals(300, f(st, inst, 150));
                assertEquals(2007, f(st, inst, 1000));
                assertEquals(2, f(st, inst, 1));
            }
            assertEquals(3, st.sideExits(), "no side exits after the second translation");
            assertEquals(2, st.functionsTranslated(), "translated twice at most");
        }
    }

    @Test
    void theSecondTranslationNeedsNoSpareRoomToBeCorrect() throws Exception {
        // a cache with room for one translation only: the function keeps its code with side exits
        Store first = sideExitStore(true);
        Instance probe = first.instantiate(load(Loader.PROFILE), new Imports());
        for (int i = 0; i < 25; i++) {
            f(first, probe, 1);
        }
        // the translator's buffers are reserved only for functions no longer than the cache (in
        // pre-decoded units, 66 here): so the cache holds those units, more than the code with
        // side exits (31 ints), less than that plus the code without (the second translation)
        int units = probe.code.length - probe.data.funcEntry[0];
        assertTrue(first.codeCacheUsed() < units);
        int need = units + 1;
        String text = new String(BranchProfileTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("codecache.ints = \\d+", "codecache.ints = " + need);
        Board tiny = Board.parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Tuning t = new Tuning();
        t.threshold = 20;
        t.sideExitMin = 5;
        t.sideExitLimit = 3;
        Store st = new Store(tiny, Jit.tiered(t));
        Instance inst = st.instantiate(load(Loader.PROFILE), new Imports());
        for (int i = 0; i < 25; i++) {
            assertEquals(2, f(st, inst, 1));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(300, f(st, inst, 150));
        }
        assertEquals(1, st.functionsTranslated());
        assertEquals(1, st.translationsRefused());
        assertEquals(10, st.sideExits(), "each call takes the side exit, nothing else happens");
    }

    @Test
    void aTrapPastASideExitHasTheInterpretersBacktraceAndFuelCount() throws Exception {
        String interp = null;
        long interpCount = -1;
        for (String mode : new String[] {"interp", "tiered"}) {
            Store st = mode.equals("interp") ? new Store(Board.desktop()) : sideExitStore(true);
            Instance inst = st.instantiate(load(Loader.PROFILE | Loader.COUNT | Loader.DEBUG), new Imports());
            for (int i = 0; i < 25; i++) {
                assertEquals(2, f(st, inst, 1));
            }
            assertEquals(300, f(st, inst, 150));
            RuntimeException e = assertThrows(RuntimeException.class, () -> f(st, inst, 200));
            assertSame(Trap.divByZero, e);
            assertEquals(1, st.backtrace().depth());
            assertEquals(0x3a, st.backtrace().offset(0), mode); // the i32.div_u
            assertEquals(mode.equals("interp") ? 0 : 2, st.sideExits(), mode);
            // fuel: the same count runs out at the same instruction
            st.setFuel(10);
            assertThrows(RuntimeException.class, () -> f(st, inst, 1000));
            String frames = st.backtrace().function(0) + " " + st.backtrace().offset(0);
            long count = st.instructionsExecuted();
            if (interp == null) {
                interp = frames;
                interpCount = count;
            } else {
                assertEquals(interp, frames, mode + ": as interpreted");
                assertEquals(interpCount, count, mode);
            }
        }
    }

    @Test
    void sideExitsAndTheSecondTranslationAllocateNothing() throws Exception {
        Store st = sideExitStore(true);
        Instance inst = st.instantiate(load(Loader.PROFILE), new Imports());
        long[] args = {0};
        long[] out = new long[1];
        Function fn = inst.function("f");
        // warm the Java code up on another instance of the same store
        Instance warm = st.instantiate(load(Loader.PROFILE), new Imports());
        for (int i = 0; i < 2000; i++) {
            args[0] = i % 3 == 0 ? 150 : 1;
            st.invoke(warm.function("f"), args, out);
        }
        int exits = st.sideExits();
        long before = BEAN.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 25; i++) {
            args[0] = 1;
            st.invoke(fn, args, out);
        }
        for (int i = 0; i < 10; i++) {
            args[0] = 150;
            st.invoke(fn, args, out);
        }
        long bytes = BEAN.getCurrentThreadAllocatedBytes() - before;
        assertEquals(3, st.sideExits() - exits, "3 side exits, then the second translation");
        assertEquals(0, bytes, "bytes allocated by tier-up, side exits and the second translation");
    }
}
