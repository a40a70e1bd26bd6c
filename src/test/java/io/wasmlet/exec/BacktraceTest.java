package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.ValType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The backtrace a trap or exhaustion leaves in its store (tests/backtrace/*.wat), in every
 * execution mode: the same functions in each, byte offsets (those of {@code wasm-objdump -d})
 * for interpreted frames of a module loaded with {@code Loader.DEBUG}, pre-decoded offsets
 * without it, unknown offsets for compiled frames.
 */
class BacktraceTest {
    static final String[] MODES = {"interp", "tiered", "eager"};
    // function indices of deep.wat
    static final int DIV = 0;
    static final int MIDDLE = 1;
    static final int RUN = 2;
    static final int MIDDLE_INDIRECT = 3;
    static final int INDIRECT = 4;
    static final int RECURSE = 5;

    static WasmModule load(String name, int flags) throws Exception {
        return Loader.load(Files.readAllBytes(Paths.get("tests/backtrace/" + name)), flags);
    }

    static int[] functions(Store st) {
        int[] f = new int[st.backtrace().depth()];
        for (int i = 0; i < f.length; i++) {
            f[i] = st.backtrace().function(i);
        }
        return f;
    }

    static int[] offsets(Store st) {
        int[] f = new int[st.backtrace().depth()];
        for (int i = 0; i < f.length; i++) {
            f[i] = st.backtrace().offset(i);
        }
        return f;
    }

    static String text(Store st) {
        return io.wasmlet.desktop.Backtraces.format(st.backtrace());
    }

    /** Calls {@code name}(arg), expecting {@code trap}. */
    static void expectTrap(Store st, Instance inst, String name, long arg, Object trap) {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> st.invoke(inst.function(name), new long[] {arg}, new long[1]));
        assertSame(trap, e);
    }

    /**
     * Calls {@code name}(0), expecting the store's preallocated exhaustion error (the same object
     * each time, naming the board's budgets).
     */
    static void expectExhaustion(Store st, Instance inst, String name) {
        io.wasmlet.error.ExhaustionException e = assertThrows(io.wasmlet.error.ExhaustionException.class,
                () -> st.invoke(inst.function(name), new long[] {0}, new long[1]));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("call stack exhausted: stack.slots = "),
                e.getMessage());
        io.wasmlet.error.ExhaustionException again = assertThrows(io.wasmlet.error.ExhaustionException.class,
                () -> st.invoke(inst.function(name), new long[] {0}, new long[1]));
        assertSame(e, again, "preallocated");
    }

    @Test
    void aTrapThreeCallsDeepListsEveryFrameWithItsByteOffset() throws Exception {
        Store st = new Store();
        Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
        assertEquals(0, st.backtrace().depth());
        expectTrap(st, inst, "run", 0, Trap.divByZero);
        assertArrayEquals(new int[] {DIV, MIDDLE, RUN}, functions(st));
        // wasm-objdump -d: i32.div_s at 0x58, call 0 at 0x5e, call 1 at 0x68
        assertArrayEquals(new int[] {0x58, 0x5e, 0x68}, offsets(st));
        assertEquals(3, st.backtrace().total());
        assertSame(inst, st.backtrace().instance(2));
        assertEquals(4, st.backtrace().codeOffset(0));
        assertEquals("    0:   0x58 - div\n    1:   0x5e - middle\n    2:   0x68 - run\n", text(st));
    }

    @Test
    void withoutDebugTheOffsetsAreInThePreDecodedCodeAndTheNamesAreIndices() throws Exception {
        Store st = new Store();
        Instance inst = st.instantiate(load("deep.wasm", 0), new Imports());
        expectTrap(st, inst, "run", 0, Trap.divByZero);
        assertArrayEquals(new int[] {DIV, MIDDLE, RUN}, functions(st));
        assertArrayEquals(new int[] {-1, -1, -1}, offsets(st));
        // div: i32.const 100, local.get 0 (2 ints each), then i32.div_s at 4; the calls follow one local.get
        assertEquals(4, st.backtrace().codeOffset(0));
        assertEquals(2, st.backtrace().codeOffset(1));
        assertEquals(2, st.backtrace().codeOffset(2));
        assertEquals("    0:   pc+4 - wasm-function[0]\n    1:   pc+2 - wasm-function[1]\n"
                + "    2:   pc+2 - wasm-function[2]\n", text(st));
    }

    @Test
    void namesWithoutDebugGiveNamesAndPreDecodedOffsets() throws Exception {
        Store st = new Store();
        Instance inst = st.instantiate(load("deep.wasm", Loader.NAMES), new Imports());
        expectTrap(st, inst, "run", 0, Trap.divByZero);
        assertEquals("    0:   pc+4 - div\n    1:   pc+2 - middle\n    2:   pc+2 - run\n", text(st));
    }

    @Test
    void everyModeGivesTheSameFunctionsDirectAndIndirect() throws Exception {
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
            long[] r = new long[1];
            for (int i = 0; i < 20000; i++) { // warm: tiered mode translates all of them
                st.invoke(inst.function("run"), new long[] {1}, r);
                st.invoke(inst.function("indirect"), new long[] {1}, r);
            }
            assertEquals(0, st.backtrace().depth(), mode + ": a call that returns leaves no backtrace");
            expectTrap(st, inst, "run", 0, Trap.divByZero);
            assertArrayEquals(new int[] {DIV, MIDDLE, RUN}, functions(st), mode);
            assertCompiled(st, mode, new int[] {0x58, 0x5e, 0x68});
            expectTrap(st, inst, "indirect", 0, Trap.divByZero);
            assertArrayEquals(new int[] {DIV, MIDDLE_INDIRECT, INDIRECT}, functions(st), mode);
            assertCompiled(st, mode, new int[] {0x58, 0x71, 0x79});
        }
    }

    /** Interpreted: the byte offsets; compiled (all of them, after the warm-up): unknown. */
    private static void assertCompiled(Store st, String mode, int[] interpOffsets) {
        boolean compiled = !mode.equals("interp");
        for (int i = 0; i < st.backtrace().depth(); i++) {
            assertEquals(compiled, st.backtrace().codeOffset(i) < 0, mode + " frame " + i);
            assertEquals(compiled ? -1 : interpOffsets[i], st.backtrace().offset(i), mode + " frame " + i);
            assertEquals(compiled ? -1 : st.backtrace().codeOffset(i), st.backtrace().codeOffset(i));
        }
        if (compiled) {
            assertTrue(text(st).startsWith("    0:      ? - div\n"), text(st));
        }
    }

    @Test
    void exhaustionIsTruncatedToTheInnermostFramesAndCountsThemAll() throws Exception {
        for (String mode : MODES) {
            Board board = Board.named("stm32f746g-disco"); // 128 frames
            Store st = Jit.store(board, mode);
            Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
            expectExhaustion(st, inst, "recurse");
            assertEquals(Backtrace.MAX_FRAMES, st.backtrace().depth(), mode);
            // the entry frame and one per frame record: the whole budget
            assertEquals(board.frames + 1, st.backtrace().total(), mode);
            for (int i = 0; i < st.backtrace().depth(); i++) {
                assertEquals(RECURSE, st.backtrace().function(i), mode);
            }
            if (mode.equals("interp")) {
                assertEquals(0x83, st.backtrace().offset(0), "the call that found no frame left");
                assertEquals(0x83, st.backtrace().offset(63));
            }
            String t = text(st);
            assertTrue(t.endsWith(" - recurse\n    ... " + (board.frames + 1 - 64) + " more frames\n"), mode + ": " + t);
            if (!mode.equals("tiered")) { // tiered: interpreted until recurse's trigger fires, then compiled
                assertTrue(t.contains("   63:   " + (mode.equals("interp") ? "0x83" : "   ?") + " - recurse\n"), t);
            }
        }
    }

    @Test
    void aSmallFrameBudgetKeepsEveryFrame() throws Exception {
        Board board = board(1048576, 10);
        Store st = new Store(board);
        Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
        expectExhaustion(st, inst, "recurse");
        assertEquals(11, st.backtrace().depth());
        assertEquals(11, st.backtrace().total());
        assertFalse(text(st).contains("more frames"));
    }

    @Test
    void valueStackExhaustionReportsTheCallSiteOnce() throws Exception {
        int[] totals = new int[MODES.length];
        for (int m = 0; m < MODES.length; m++) {
            String mode = MODES[m];
            Store st = Jit.store(board(64, 20000), mode);
            Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
            expectExhaustion(st, inst, "recurse");
            totals[m] = st.backtrace().total();
            assertEquals(totals[m], st.backtrace().depth(), mode);
            for (int i = 0; i < st.backtrace().depth(); i++) {
                assertEquals(RECURSE, st.backtrace().function(i), mode);
                if (mode.equals("interp")) {
                    assertEquals(0x83, st.backtrace().offset(i), "frame " + i);
                }
            }
        }
        // a frame of recurse advances the stack by one slot: its argument becomes the callee's parameter
        assertTrue(totals[0] > 50 && totals[0] < 64, "depth " + totals[0]);
        assertEquals(totals[0], totals[1], "tiered: no duplicated call site");
        assertEquals(totals[0], totals[2], "eager: no duplicated call site");
    }

    /** The desktop board with another value-stack and frame budget. */
    static Board board(int stackSlots, int frames) throws Exception {
        String text = new String(Files.readAllBytes(Paths.get("mcu-boards/desktop.board")), "UTF-8")
                .replaceAll("stack.slots = \\d+", "stack.slots = " + stackSlots)
                .replaceAll("(?m)^frames = \\d+", "frames = " + frames);
        return Board.parse(new java.io.ByteArrayInputStream(text.getBytes("UTF-8")));
    }

    @Test
    void aTrapInAHostCallbackListsTheInnerFramesThenTheOuterOnes() throws Exception {
        for (String mode : MODES) {
            final Store st = Jit.store(Board.desktop(), mode);
            Imports imports = new Imports();
            FuncType ii = new FuncType(new byte[] {ValType.I32}, new byte[] {ValType.I32});
            final long[] r = new long[1];
            imports.add("host", "reenter", new Function(ii, new HostFunction() {
                public void call(Instance caller, long[] stack, int base) {
                    st.invoke(caller.function("inner"), new long[] {stack[base]}, r);
                    stack[base] = r[0];
                }
            }));
            imports.add("host", "fail", new Function(ii, new HostFunction() {
                public void call(Instance caller, long[] stack, int base) {
                    throw Trap.unreachable;
                }
            }));
            Instance inst = st.instantiate(load("reenter.wasm", Loader.DEBUG), imports);
            for (int i = 0; i < 20000; i++) {
                st.invoke(inst.function("outer"), new long[] {2}, r);
            }
            expectTrap(st, inst, "outer", 0, Trap.divByZero);
            // indices: 0 reenter, 1 fail (imports), 2 div, 3 inner, 4 outer, 5 host_trap, 6 after
            assertArrayEquals(new int[] {2, 3, 4}, functions(st), mode);
            if (mode.equals("interp")) {
                // wasm-objdump -d: i32.rem_u at 0x66, call 2 <div> at 0x6c, call 0 <reenter> at 0x73
                assertEquals("    0:   0x66 - div\n    1:   0x6c - inner\n    2:   0x73 - outer\n", text(st));
            }
            expectTrap(st, inst, "after", 0, Trap.unreachable);
            assertArrayEquals(new int[] {5, 6}, functions(st), mode + ": the host call is the innermost frame");
        }
    }

    @Test
    void aHostFunctionThatCatchesTheInnerTrapLeavesItsFramesOnlyUntilTheNextCall() throws Exception {
        final Store st = new Store();
        Imports imports = new Imports();
        FuncType ii = new FuncType(new byte[] {ValType.I32}, new byte[] {ValType.I32});
        final long[] r = new long[1];
        imports.add("host", "reenter", new Function(ii, new HostFunction() {
            public void call(Instance caller, long[] stack, int base) {
                try {
                    st.invoke(caller.function("inner"), new long[] {0}, r);
                } catch (TrapException e) {
                    stack[base] = 0; // swallowed: the outer call goes on
                }
            }
        }));
        imports.add("host", "fail", new Function(ii, new HostFunction() {
            public void call(Instance caller, long[] stack, int base) {
                throw Trap.divByZero;
            }
        }));
        Instance inst = st.instantiate(load("reenter.wasm", Loader.DEBUG), imports);
        assertEquals(0, st.invoke(inst.function("outer"), new long[] {0})[0]);
        assertArrayEquals(new int[] {2, 3}, functions(st), "the last trap: the one the host function caught");
        expectTrap(st, inst, "after", 0, Trap.divByZero);
        assertArrayEquals(new int[] {5, 6}, functions(st));
    }

    @Test
    void theNextCallResetsTheBacktrace() throws Exception {
        Store st = new Store();
        Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
        expectTrap(st, inst, "run", 0, Trap.divByZero);
        assertEquals(3, st.backtrace().depth());
        assertEquals(101, st.invoke(inst.function("run"), new long[] {1})[0]);
        assertEquals(0, st.backtrace().depth());
        assertEquals(0, st.backtrace().total());
        assertEquals("", text(st));
        assertThrows(io.wasmlet.error.WasmException.class, () -> st.backtrace().function(0));
    }

    @Test
    void anInterruptedLoopNamesItsFunction() throws Exception {
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(load("deep.wasm", Loader.DEBUG), new Imports());
            st.interrupt();
            expectTrap(st, inst, "spin", 0, Trap.interrupted);
            assertArrayEquals(new int[] {6}, functions(st), mode);
        }
    }
}
