package io.wasmlet.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.board.Board;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.CompileJob;
import io.wasmlet.exec.HeapModel;
import io.wasmlet.exec.Footprint;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.TrapException;
import io.wasmlet.exec.Backtrace;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inlining of small leaves ({@link Tuning#inline}, tests/jit/inline.wat: one caller per callee
 * shape) against the interpreter: results, traps inside the inlined code with their backtraces
 * frame by frame, the store before a trap, frame exhaustion at the same depth in a recursion
 * whose leaf is inlined, fuel running out at every instruction count around each call, and
 * 0 bytes per call; in tiered (translated after the first call), eager, eager without the
 * switch, and eager with plain templates (no register operands).
 */
class JitInlineTest {
    static final String[] CONFIGS = {"interp", "tiered", "eager", "eager, inline off", "eager, plain templates"};

    static final String[] NAMES = {
        "c_min", "c_min", "c_min", "c_max", "c_max", "c_abs", "c_abs", "c_abs",
        "c_clamp", "c_clamp", "c_clamp",
        "c_pix", "c_pix", "c_pix",
        "c_quot", "c_quot", "c_quot",
        "c_never", "c_never", "c_k", "c_nothing", "c_swap", "c_consts",
        "c_locals", "c_locals", "c_tee", "c_tee",
        "c_store", "peek", "c_store", "peek", "peek",
        "c_four", "c_four", "rec", "c_merge", "c_merge", "max", "max",
        "c_absif", "c_absif", "c_absif", "c_early", "c_early", "c_early",
        "c_sel", "c_sel", "c_sel", "c_sel", "c_sel", "c_sel",
        "c_onearm", "c_onearm", "c_paramarm", "c_paramarm", "c_brval", "c_brval", "c_pair", "c_pair", "c_pair",
    };

    static final long[][] ARGS = {
        {3, 9}, {9, 3}, {-5, 0x7fffffff}, {2, 0}, {7, 100}, {-8}, {8}, {0x80000000L},
        {-11}, {50}, {101},
        {1, 0}, {63, 63}, {0, 1008},
        {7, 2}, {7, 0}, {0x80000000L, -1},
        {1}, {0}, {5}, {6}, {3, 4}, {100},
        {3, 5}, {-1, 0x40000000}, {7}, {-3},
        {64, 11}, {64}, {65528, 21}, {65528}, {64},
        {5}, {-9}, {40}, {1, 0}, {1, 1}, {3, 9}, {-3, -9},
        {-7}, {7}, {0x80000000L}, {0, 5}, {3, 10}, {1, 10},
        {0}, {1}, {2}, {3}, {9}, {-1},
        {0, 5}, {1, 5}, {0, 5}, {1, 5}, {0}, {1}, {0}, {3}, {70000},
    };

    static final int QUOT = 5;
    static final int C_QUOT = 34;

    static Jit jit(int config) {
        Tuning t = new Tuning();
        switch (config) {
            case 1:
                t.threshold = 1;
                return Jit.tiered(t);
            case 2:
                return Jit.eager(t);
            case 4:
                t.registerOperands = false;
                t.fuseBranches = false;
                return Jit.eager(t);
            default:
                t.inline = false;
                return Jit.eager(t);
        }
    }

    static Store store(int config, Board b) {
        return config == 0 ? new Store(b) : new Store(b, jit(config));
    }

    static Instance instance(Store st, int flags) throws Exception {
        return st.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/jit/inline.wasm")), flags), new Imports());
    }

    /** The result, or the trap and every frame of its backtrace (function, offset). */
    static String outcome(Store st, Instance in, String name, long[] args) {
        try {
            return name + " = " + (int) st.invoke(in.function(name), args)[0];
        } catch (TrapException | ExhaustionException e) {
            Backtrace bt = st.backtrace();
            StringBuilder sb = new StringBuilder(name + ": " + e.getMessage() + ", " + bt.total() + " frames:");
            for (int i = 0; i < Math.min(bt.depth(), 4); i++) {
                sb.append(' ').append(bt.function(i)).append('@').append(bt.codeOffset(i));
            }
            return sb.toString();
        }
    }

    static List<String> run(int config) throws Exception {
        Store st = store(config, Board.desktop());
        Instance in = instance(st, 0);
        return Sweeps.rounds(st, in, NAMES, ARGS, JitInlineTest::outcome, CONFIGS[config]);
    }

    @Test
    void everyCalleeShapeMatchesTheInterpreter() throws Exception {
        List<String> interp = run(0);
        for (int k = 1; k < CONFIGS.length; k++) {
            assertEquals(interp, run(k), CONFIGS[k]);
        }
        // the interpreter's own answers are the Wasm ones
        assertEquals("c_min = 1003", interp.get(0));
        assertEquals("c_min = 995", interp.get(2));
        assertEquals("c_abs = -2147483648", interp.get(7));
        assertEquals("c_clamp = -10", interp.get(8));
        assertEquals("c_clamp = 100", interp.get(10));
        assertEquals("c_swap = 47", interp.get(21), "(4 + 1) * 10 - 3");
        assertEquals("c_consts = " + (0x23456789 - 1 + 100), interp.get(22), "7 dropped, then -1 + (i32) 0x123456789 + 100");
        assertEquals("c_locals = " + (5 ^ 18), interp.get(23), "b = 0 + 15, u = 3 + 15, + 0");
        assertEquals("c_tee = -42", interp.get(25), "7 - 49");
        assertEquals("c_store = 11", interp.get(27));
        assertEquals("peek = 22", interp.get(28), "11 + the global 11");
        assertEquals("peek = 32", interp.get(30), "the first store of the trapping call stayed; the global did not change");
        assertEquals("c_four = 18", interp.get(32), "(5 - 2) + 3 * 5");
        assertEquals("rec = 117", interp.get(34), "0 + 1 + 2 + 3 * 38");
        assertEquals("c_merge = 101", interp.get(35), "min(1, 3) + 100");
        assertEquals("c_merge = 105", interp.get(36), "the branch's 5 + 100");
        assertEquals("max = 9", interp.get(37), "an inlined callee called as an export");
        assertEquals("max = -3", interp.get(38));
        // callees with forward branches
        assertEquals("c_absif = 8", interp.get(39));
        assertEquals("c_early = 4", interp.get(42), "the early return: 5 + 1 - 2");
        assertEquals("c_early = 3", interp.get(43), "10 / 2 - 2");
        assertTrue(interp.get(44).startsWith("c_early: integer divide by zero, 2 frames: 16@"), interp.get(44));
        assertEquals("[c_sel = 10, c_sel = 21, c_sel = 32, c_sel = 43, c_sel = 49, c_sel = 39]",
                interp.subList(45, 51).toString(), "br_table, its default last");
        assertEquals("c_onearm = 5", interp.get(51), "the local not written in the arm not taken: 0");
        assertEquals("c_onearm = 10", interp.get(52));
        assertEquals("c_paramarm = 10", interp.get(53));
        assertEquals("c_paramarm = 14", interp.get(54));
        assertEquals("c_brval = 21", interp.get(55));
        assertEquals("c_brval = 11", interp.get(56));
        assertEquals("c_pair = 395", interp.get(57), "4 * 100 - 5");
        assertEquals("c_pair = 296", interp.get(58), "3 * 100 - byte 3 (4)");
        assertTrue(interp.get(59).startsWith("c_pair: out of bounds memory access, 2 frames: 21@"), interp.get(59));
        // traps inside the inlined callee: its frame, then the caller's at the call
        String quot = interp.get(15);
        assertTrue(quot.startsWith("c_quot: integer divide by zero, 2 frames: " + QUOT + "@"), quot);
        assertTrue(quot.contains(" " + C_QUOT + "@"), quot);
        assertTrue(interp.get(16).startsWith("c_quot: integer overflow, 2 frames: " + QUOT + "@"), interp.get(16));
        assertTrue(interp.get(13).startsWith("c_pix: out of bounds memory access, 2 frames: 4@"), interp.get(13));
        assertTrue(interp.get(17).startsWith("c_never: unreachable, 2 frames: 6@0 "), interp.get(17));
        assertTrue(interp.get(29).startsWith("c_store: out of bounds memory access, 2 frames: 13@"), interp.get(29));
    }

    @Test
    void theSwitchInlinesAndItsBoardKeysSetIt() throws Exception {
        Jit on = jit(2);
        Store st = new Store(Board.desktop(), on);
        instance(st, 0);
        // min from c_min and twice from rec, max, abs, clamp, pix, quot, never, k, nothing, swap,
        // consts, locals, tee, store2, four, min in c_merge, the seven with branches; and in the kernel clamp, pix twice, min, max, abs
        assertEquals(18 + 6 + 7, on.inlined());
        Jit off = jit(3);
        Store st2 = new Store(Board.desktop(), off);
        instance(st2, 0);
        assertEquals(0, off.inlined());
        Tuning small = new Tuning();
        small.inlineMaxOps = 3;
        Jit few = Jit.eager(small);
        instance(new Store(Board.desktop(), few), 0);
        // at most 3 operators: quot, never, k, nothing, swap, consts
        assertEquals(6, few.inlined());
        String text = new String(JitInlineTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(true, Tuning.of(Board.desktop()).inline);
        Board b = Board.parse(new ByteArrayInputStream((text + "\njit.inline = false\njit.inline.max = 7\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, Tuning.of(b).inline);
        assertEquals(7, Tuning.of(b).inlineMaxOps);
        // with inlining off by the board, the translator reserves no room for a callee and the
        // footprint counts none: 160 units of 5 bytes, 32 fixups of 4, 48 slots of 12
        WasmModule m = Loader.load(Files.readAllBytes(Paths.get("tests/jit/inline.wasm")));
        long with = Footprint.of(m, Board.desktop(), HeapModel.TARGET, true).bytes(Footprint.TRANSLATOR);
        long without = Footprint.of(m, b, HeapModel.TARGET, true).bytes(Footprint.TRANSLATOR);
        assertEquals(CompileJob.INLINE_UNITS * 5 + 2 * CompileJob.INLINE_FIXUPS * 4 + CompileJob.INLINE_SLOTS * 12,
                with - without);
    }

    /**
     * A callee's branch profile (code loaded with Loader.PROFILE) says its then arm never ran,
     * which makes a side exit in its own translation; inlined, the arm is translated: the
     * first call that takes it gives the right result in compiled code.
     */
    @Test
    void noSideExitInsideAnInlinedBody() throws Exception {
        Store st = new Store(Board.desktop(), Jit.tiered());
        Instance in = instance(st, Loader.PROFILE);
        for (int i = 0; i < 3000; i++) {
            assertEquals("c_absif = 8", outcome(st, in, "c_absif", new long[] {7}));
        }
        int translated = st.functionsTranslated();
        assertEquals("c_absif = 8", outcome(st, in, "c_absif", new long[] {-7}));
        assertEquals(0, st.sideExits(), "the then arm ran in compiled code");
        assertEquals(translated, st.functionsTranslated());
    }

    /** The frames run out at the same depth, with the same backtrace, in every configuration. */
    @Test
    void exhaustionHappensAtTheSameDepth() throws Exception {
        Board b = Board.named("stm32h747i-disco");
        Store st = store(0, b);
        Instance in = instance(st, 0);
        int lo = 1;
        int hi = 1 << 20;
        while (lo < hi) { // the deepest recursion the interpreter completes
            int mid = (lo + hi + 1) >>> 1;
            if (outcome(st, in, "rec", new long[] {mid}).startsWith("rec = ")) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        assertTrue(lo > 10 && lo < 1 << 20, "depth " + lo);
        for (int k = 0; k < CONFIGS.length; k++) {
            Store s = store(k, b);
            Instance i = instance(s, 0);
            for (int rep = 0; rep < 2; rep++) {
                assertEquals("rec = " + (3 * lo - 3), outcome(s, i, "rec", new long[] {lo}), CONFIGS[k]);
                String o = outcome(s, i, "rec", new long[] {lo + 1});
                assertEquals(outcome(st, in, "rec", new long[] {lo + 1}), o, CONFIGS[k]);
                assertTrue(o.contains("exhausted"), o);
            }
        }
    }

    /**
     * Fuel running out at every point of each call (each fuel level from 0 to what the call
     * needs, and one more) ends the same way, with the same fuel left, in every configuration.
     */
    @Test
    void fuelRunsOutAtTheSameInstructionInEveryTier() throws Exception {
        String[] names = {"c_min", "c_clamp", "c_pix", "c_quot", "c_never", "c_nothing", "c_swap", "c_locals", "c_store", "c_four", "rec", "kernel",
            "c_early", "c_early", "c_sel", "c_onearm", "c_pair"};
        long[][] args = {{3, 9}, {50}, {0, 1008}, {7, 0}, {1}, {3}, {3, 4}, {3, 5}, {65528, 21}, {5}, {4}, {3},
            {0, 5}, {1, 10}, {2}, {1, 5}, {70000}};
        List<List<String>> seen = new ArrayList<>();
        for (int k = 0; k < CONFIGS.length; k++) {
            Store st = store(k, Board.desktop());
            Instance in = instance(st, Loader.COUNT);
            seen.add(Sweeps.fuel(st, in, names, args, JitInlineTest::outcome));
        }
        Sweeps.sameInEvery(seen, CONFIGS);
    }

    /**
     * An interruption noticed at the k-th poll, for every k through a call: polling at every
     * call and back-edge (loop weight 1), an inlined call polls where the call did, with the
     * same trap and backtrace as with inlining off.
     */
    @Test
    void interruptionsArePolledWhereTheCallsPolled() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        for (int k = 2; k <= 3; k++) {
            Tuning t = new Tuning();
            t.loopWeight = 1;
            t.inline = k == 2;
            Store st = new Store(Board.desktop(), Jit.eager(t));
            Instance in = instance(st, 0);
            final int[] left = new int[1];
            st.interruptSource(new io.wasmlet.exec.InterruptSource() {
                public boolean interrupted() {
                    return --left[0] == 0;
                }
            });
            List<String> log = new ArrayList<>();
            for (int p = 1; p <= 40; p++) {
                left[0] = p;
                log.add(p + ": " + outcome(st, in, "kernel", new long[] {3}));
                left[0] = p;
                log.add(p + ": " + outcome(st, in, "rec", new long[] {6}));
                left[0] = p;
                log.add(p + ": " + outcome(st, in, "c_sel", new long[] {2}));
            }
            seen.add(log);
        }
        assertTrue(seen.get(0).toString().contains("interrupted, 2 frames"), seen.get(0).toString());
        assertTrue(seen.get(0).toString().contains("kernel = 0"), seen.get(0).toString());
        assertEquals(seen.get(1), seen.get(0));
    }

    /** The kernel matches the interpreter, and its calls (and traps inside inlined code) allocate nothing. */
    @Test
    void inlinedCallsAllocateNothing() throws Exception {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] expect = new long[1];
        for (int k = 0; k < 3; k++) {
            Store st = store(k, Board.named("stm32h747i-disco"));
            Instance in = instance(st, 0);
            st.invoke(in.function("fill"), new long[0]);
            long[] r = new long[1];
            long[] a = {5000};
            st.invoke(in.function("kernel"), a, r);
            if (k == 0) {
                expect[0] = r[0];
                continue;
            }
            assertEquals(expect[0], r[0], CONFIGS[k]);
            long[] q = {7, 0};
            io.wasmlet.exec.Function kernel = in.function("kernel");
            io.wasmlet.exec.Function quot = in.function("c_quot");
            a[0] = 200;
            for (int i = 0; i < 3000; i++) {
                st.invoke(kernel, a, r);
            }
            long[] windows = new long[6];
            boolean clean = false;
            for (int w = 0; w < windows.length && !clean; w++) {
                long before = bean.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 3000; i++) {
                    st.invoke(kernel, a, r);
                    if ((i & 63) == 0) {
                        try {
                            st.invoke(quot, q, r);
                        } catch (TrapException e) {
                            // expected: in the inlined callee
                        }
                    }
                }
                windows[w] = bean.getCurrentThreadAllocatedBytes() - before;
                clean = windows[w] == 0;
            }
            assertTrue(clean, CONFIGS[k] + ": a window allocated: " + Arrays.toString(windows));
        }
        assertTrue(expect[0] != 0);
    }
}
