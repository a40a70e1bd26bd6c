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
 * execution mode: the same frames in each (function, pre-decoded offset and byte offset, compiled
 * frames mapped back through the translator's trap-site map), byte offsets (those of
 * {@code wasm-objdump -d}) for a module loaded with {@code Loader.DEBUG}, pre-decoded offsets
 * without it.
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

    /** Every frame as "function codeOffset offset", one a line: what must not depend on the tier. */
    static String frames(Store st) {
        StringBuilder b = new StringBuilder();
        Backtrace bt = st.backtrace();
        for (int i = 0; i < bt.depth(); i++) {
            b.append(bt.function(i)).append(' ').append(bt.codeOffset(i)).append(" 0x")
                    .append(Integer.toHexString(bt.offset(i))).append('\n');
        }
        return b.toString();
    }

    /** True when every frame's function is translated (after a warm-up, its frames ran compiled). */
    static boolean allCompiled(Store st) {
        Backtrace bt = st.backtrace();
        for (int i = 0; i < bt.depth(); i++) {
            Instance in = bt.instance(i);
            if (in.compiled == null || in.compiled.length == 0
                    || in.compiled[bt.function(i) - in.firstDefined] < 0 && !bt.inlined(i)) { // or run in line in compiled code
                return false;
            }
        }
        return bt.depth() > 0;
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

    /** Every mode (compiled frames too, all of them after the warm-up) gives the byte offsets. */
    private static void assertCompiled(Store st, String mode, int[] offsets) {
        assertEquals(!mode.equals("interp"), allCompiled(st), mode);
        assertArrayEquals(offsets, offsets(st), mode);
        assertTrue(text(st).startsWith("    0:   0x58 - div\n"), text(st));
    }

    /**
     * The traps of traps.wat: export, the argument that traps, the trap, and (wasm-objdump -d)
     * the byte offset of the trapping instruction; the export's call of it is at
     * {@code 0x114 + 7 * f}, f the trapping function's index.
     */
    static final Object[][] TRAPS = {
        {"load", 1 << 16, Trap.memoryOutOfBounds, 0xa2}, // local.get; i32.load; local.set: one template
        {"store", 65533, Trap.memoryOutOfBounds, 0xc4},
        {"unreachable", 0, Trap.unreachable, 0xcf},
        {"mismatch", 0, Trap.indirectTypeMismatch, 0xd5},
        {"undefined", 3, Trap.uninitializedElement, 0xe1},
        {"undefined", 9, Trap.undefinedElement, 0xe1},
        {"trunc", 0x7fc00000, Trap.invalidConversion, 0xea},
        {"trunc", 0x4f000000, Trap.intOverflow, 0xea},
        {"div64", 0, Trap.divByZero, 0xf3},
        {"overflow", -1, Trap.intOverflow, 0x100},
        {"fill", 65530, Trap.memoryOutOfBounds, 0x10a},
    };

    @Test
    void compiledFramesGiveTheInterpretersOffsetsForEveryKindOfTrap() throws Exception {
        String[] interp = new String[TRAPS.length];
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(load("traps.wasm", Loader.DEBUG), new Imports());
            for (int t = 0; t < TRAPS.length; t++) {
                Object[] trap = TRAPS[t];
                String name = (String) trap[0];
                long arg = (Integer) trap[1];
                for (int i = mode.equals("tiered") ? 1100 : 0; i > 0; i--) { // past the threshold of 1000 calls
                    expectTrap(st, inst, name, arg, trap[2]);
                }
                expectTrap(st, inst, name, arg, trap[2]);
                String where = mode + " " + name + "(" + arg + ")";
                assertEquals(!mode.equals("interp"), allCompiled(st), where);
                int f = st.backtrace().function(0);
                assertEquals(f + 9, st.backtrace().function(1), where);
                assertArrayEquals(new int[] {(Integer) trap[3], 0x114 + 7 * f}, offsets(st), where);
                if (mode.equals("interp")) {
                    interp[t] = frames(st);
                } else {
                    assertEquals(interp[t], frames(st), where + ": as interpreted");
                }
            }
        }
    }

    /**
     * The leaves of traps.wat without a loop, a call or a slow operator are inlined in their
     * callers' compiled code (Tuning.inline): a trap in one gives the callee's frame, marked
     * inlined, then the caller's at the call, with the interpreter's offsets (checked frame by
     * frame above); with inlining off, the callee has a compiled frame of its own.
     */
    @Test
    void aTrapInAnInlinedCalleeGivesTheCalleesFrameThenTheCallers() throws Exception {
        String[] leaves = {"store", "unreachable", "trunc", "div64", "overflow"};
        String[] calls = {"load", "mismatch", "undefined", "fill"}; // a loop, call_indirect, memory.fill
        io.wasmlet.jit.Tuning off = new io.wasmlet.jit.Tuning();
        off.inline = false;
        Store[] stores = {Jit.store(Board.desktop(), "interp"), Jit.store(Board.desktop(), "tiered"),
            Jit.store(Board.desktop(), "eager"), new Store(Board.desktop(), Jit.eager(off))};
        String[] interp = new String[leaves.length + calls.length];
        for (int k = 0; k < stores.length; k++) {
            Store st = stores[k];
            Instance inst = st.instantiate(load("traps.wasm", Loader.DEBUG), new Imports());
            for (int t = 0; t < leaves.length + calls.length; t++) {
                Object[] trap = null;
                String name = t < leaves.length ? leaves[t] : calls[t - leaves.length];
                for (Object[] x : TRAPS) {
                    if (x[0].equals(name)) {
                        trap = x;
                    }
                }
                long arg = (Integer) trap[1];
                for (int i = k == 1 ? 1100 : 0; i > 0; i--) {
                    expectTrap(st, inst, name, arg, trap[2]);
                }
                expectTrap(st, inst, name, arg, trap[2]);
                Backtrace bt = st.backtrace();
                assertEquals(2, bt.depth(), name);
                assertEquals((k == 1 || k == 2) && t < leaves.length, bt.inlined(0), k + " " + name);
                assertFalse(bt.inlined(1), name);
                assertEquals(bt.function(0) + 9, bt.function(1), name);
                if (k == 0) {
                    interp[t] = frames(st);
                } else {
                    assertEquals(interp[t], frames(st), k + " " + name);
                }
            }
        }
    }

    @Test
    void outOfFuelStopsAtTheSameCountInEveryMode() throws Exception {
        String interp = null;
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(load("traps.wasm", Loader.DEBUG | Loader.COUNT), new Imports());
            for (int i = mode.equals("tiered") ? 1100 : 0; i > 0; i--) {
                st.invoke(inst.function("load"), new long[] {16}, new long[1]);
            }
            st.setFuel(5001);
            expectTrap(st, inst, "load", 1 << 16, Trap.outOfFuel);
            assertEquals(!mode.equals("interp"), allCompiled(st), mode);
            assertEquals(0x114, st.backtrace().offset(1), mode);
            if (interp == null) {
                interp = frames(st);
            } else {
                assertEquals(interp, frames(st), mode + ": as interpreted");
            }
        }
    }

    @Test
    void aFunctionTooLongForTheSiteMapNamesItsCompiledFrameWithoutOffset() throws Exception {
        // 20,000 loads of address 0 (5 ints of pre-decoded code, 7 compiled), then one past the
        // end: more than the 16 bits of code the site map has room for (no board's cache holds it)
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(0); // no locals
        for (int i = 0; i < 20000; i++) {
            body.write(new byte[] {0x41, 0, 0x28, 2, 0, 0x1a}, 0, 6); // i32.const 0; i32.load; drop
        }
        body.write(new byte[] {0x20, 0, 0x28, 2, 0, 0x0b}, 0, 6); // local.get 0; i32.load; end
        java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
        code.write(1);
        leb(code, body.size());
        body.writeTo(code);
        java.io.ByteArrayOutputStream wasm = new java.io.ByteArrayOutputStream();
        wasm.write(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f, // type 0: (i32) -> i32
            3, 2, 1, 0, // function 0 of type 0
            5, 3, 1, 0, 1, // memory of 1 page
            7, 5, 1, 1, 'f', 0, 0}); // export "f"
        wasm.write(10);
        leb(wasm, code.size());
        code.writeTo(wasm);
        WasmModule m = Loader.load(wasm.toByteArray(), Loader.DEBUG);
        Store interp = Jit.store(Board.desktop(), "interp");
        expectTrap(interp, interp.instantiate(m, new Imports()), "f", 65536, Trap.memoryOutOfBounds);
        assertEquals(100002, interp.backtrace().codeOffset(0));
        assertTrue(interp.backtrace().offset(0) > 0);
        Store eager = Jit.store(Board.desktop(), "eager");
        expectTrap(eager, eager.instantiate(m, new Imports()), "f", 65536, Trap.memoryOutOfBounds);
        assertTrue(allCompiled(eager));
        assertEquals("0 -1 0xffffffff\n", frames(eager), "compiled, no map: the function only");
        assertEquals("    0:      ? - wasm-function[0]\n", text(eager));
    }

    static void leb(java.io.ByteArrayOutputStream out, int v) {
        while (v >= 0x80) {
            out.write(v & 0x7f | 0x80);
            v >>>= 7;
        }
        out.write(v);
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
            // every mode (tiered: interpreted, 129 calls do not reach the trigger)
            for (int i = 0; i < st.backtrace().depth(); i++) {
                assertEquals(0x83, st.backtrace().offset(i), mode + ": the call that found no frame left, and each below");
            }
            assertEquals(mode.equals("eager"), allCompiled(st), mode);
            String t = text(st);
            assertTrue(t.endsWith(" - recurse\n    ... " + (board.frames + 1 - 64) + " more frames\n"), mode + ": " + t);
            assertTrue(t.contains("   63:   0x83 - recurse\n"), t);
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
                assertEquals(0x83, st.backtrace().offset(i), mode + " frame " + i);
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
            assertEquals(!mode.equals("interp"), allCompiled(st), mode);
            // wasm-objdump -d: i32.rem_u at 0x66, call 2 <div> at 0x6c, call 0 <reenter> at 0x73
            assertEquals("    0:   0x66 - div\n    1:   0x6c - inner\n    2:   0x73 - outer\n", text(st), mode);
            for (int i = 0; i < 2000; i++) { // tiered: host_trap and after translated
                assertThrows(TrapException.class, () -> st.invoke(inst.function("after"), new long[] {0}, r));
            }
            expectTrap(st, inst, "after", 0, Trap.unreachable);
            assertArrayEquals(new int[] {5, 6}, functions(st), mode + ": the host call is the innermost frame");
            assertEquals(!mode.equals("interp"), allCompiled(st), mode);
            // call 1 <fail> at 0x7d, call 5 <host_trap> at 0x84
            assertEquals("    0:   0x7d - host_trap\n    1:   0x84 - after\n", text(st), mode);
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
            // polled at the loop's back-edge (br 0 at 0x91), named after the jump in both loops: the
            // loop header, its first instruction (local.get 0 at 0x8a)
            assertEquals("    0:   0x8a - spin\n", text(st), mode);
            // a compare fused with its br_if (i32.le_u; br_if 0 at 0xb8 in traps.wat): the branch
            // polls, the header is named (local.get $i at 0xa0)
            Instance traps = st.instantiate(load("traps.wasm", Loader.DEBUG), new Imports());
            st.interrupt();
            expectTrap(st, traps, "load", 1 << 16, Trap.interrupted);
            assertEquals(mode.equals("eager"), allCompiled(st), mode);
            assertArrayEquals(new int[] {0xa0, 0x114}, offsets(st), mode);
        }
    }

    @Test
    void anInterruptionAtABackEdgeNamesTheLoopHeaderInEveryFormAndTier() throws Exception {
        // tests/backtrace/loops.wat: a br and a br_if that move the stack (not the interpreter's
        // jump_back and br_if_back, which spin and load above use), and a br_table, which names itself
        String[] names = {"br", "br_if", "br_table"};
        int[] sites = {0x38, 0x4b, 0x69};
        for (int i = 0; i < names.length; i++) {
            String interp = null;
            for (String mode : MODES) {
                Store st = Jit.store(Board.desktop(), mode);
                Instance inst = st.instantiate(load("loops.wasm", Loader.DEBUG), new Imports());
                st.interrupt();
                expectTrap(st, inst, names[i], 0, Trap.interrupted);
                assertEquals(mode.equals("eager"), allCompiled(st), mode);
                assertArrayEquals(new int[] {sites[i]}, offsets(st), mode + " " + names[i]);
                if (interp == null) {
                    interp = frames(st);
                } else {
                    assertEquals(interp, frames(st), mode + " " + names[i] + ": as interpreted");
                }
            }
        }
    }
}
