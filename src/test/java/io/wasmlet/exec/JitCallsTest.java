package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.code.Jop;
import io.wasmlet.code.JopTable;
import io.wasmlet.code.Layout;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.Trap;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.validate.Loader;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Calls in the JIT tier (tests/jit/calls.wat): the call_indirect inline cache hits while the
 * table slot keeps its function, misses to the right callee when the slot changes (table.set,
 * table.init, a table grown by the host), traps as the interpreter does, and gives up at a
 * megamorphic site; every mode computes, charges and unwinds the same.
 */
class JitCallsTest {
    static final String[] MODES = {"interp", "tiered", "eager"};

    static WasmModule module(int flags) throws Exception {
        return Loader.load(Files.readAllBytes(Paths.get("tests/jit/calls.wasm")), flags);
    }

    static int call(Store st, Instance inst, String name, long... args) {
        long[] r = st.invoke(inst.function(name), args);
        return r.length == 0 ? 0 : (int) r[0];
    }

    static int sum(int n, int mul, int add) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += i * mul + add;
        }
        return s;
    }

    /** The cache pc of the first call_indirect_ic (or the jump it became) of export {@code name}, or -1. */
    static int icOf(Store st, Instance inst, String name) {
        Function f = inst.function(name);
        int e = inst.compiled[Layout.u32(inst.code, f.entry + Layout.H_FUNC_INDEX) - inst.firstDefined];
        assertTrue(e >= 0, name + " is compiled");
        int[] c = st.cache;
        for (int pc = e; pc < st.cacheTop; pc += JopTable.size(c[pc])) {
            if (c[pc] == Jop.CALL_INDIRECT_IC || c[pc] == Jop.JUMP && c[pc + 3] == Jop.CALL_INDIRECT) {
                return pc;
            }
            if (c[pc] == Jop.RETURN) {
                break;
            }
        }
        return -1;
    }

    @Test
    void aSlotThatKeepsItsFunctionIsAHitBoundToItsCompiledEntry() throws Exception {
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(module(0), new Imports());
            for (int r = 0; r < 3; r++) {
                assertEquals(sum(5000, 1, 1), call(st, inst, "loop", 5000, 0), mode);
            }
            if (mode.equals("interp")) {
                assertEquals(0, inst.icTarget.length, "an interpreter-only store has no call_indirect profile");
                continue;
            }
            assertEquals(3, inst.icTarget.length, "one profile site per call_indirect of the module");
            int at = icOf(st, inst, "loop");
            assertEquals(Jop.CALL_INDIRECT_IC, st.cache[at], mode);
            int site = st.cache[at + 2];
            int inc = inst.function("inc").ref();
            assertEquals(inc, inst.icTarget[site], mode + ": the last target");
            assertEquals(0, inst.icMisses[site], mode + ": one target, no miss");
            assertEquals(inc, st.cache[at + 1], mode + ": bound to inc");
            Function f = inst.function("inc");
            int incEntry = inst.compiled[Layout.u32(inst.code, f.entry + Layout.H_FUNC_INDEX) - inst.firstDefined];
            assertEquals(incEntry, st.cache[at + 8], mode + ": at its compiled entry");
        }
    }

    @Test
    void aSlotChangedByTableSetTableInitOrTheHostCallsTheNewFunction() throws Exception {
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(module(0), new Imports());
            assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 0), mode);
            call(st, inst, "point", 0, 1); // table.set: slot 0 := dbl
            assertEquals(sum(3000, 2, 0), call(st, inst, "loop", 3000, 0), mode + ": after table.set");
            call(st, inst, "point", 0, 0);
            assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 0), mode + ": and back");
            call(st, inst, "init", 0); // table.init: slot 0 := dbl
            assertEquals(sum(3000, 2, 0), call(st, inst, "loop", 3000, 0), mode + ": after table.init");
            Table tab = inst.table("tab");
            tab.set(0, inst.function("inc").ref()); // the host
            assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 0), mode + ": after a host set");
            assertSame(Trap.undefinedElement, assertThrows(RuntimeException.class,
                    () -> call(st, inst, "loop", 10, 4)), mode);
            assertEquals(4, tab.grow(2, inst.function("dbl").ref()), mode);
            assertEquals(sum(3000, 2, 0), call(st, inst, "loop", 3000, 4), mode + ": a slot the host grew");
            tab.set(4, inst.function("inc").ref());
            assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 4), mode);
            if (!mode.equals("interp")) {
                int at = icOf(st, inst, "loop");
                int site = st.cache[at + 2];
                assertEquals(inst.function("inc").ref(), inst.icTarget[site], mode);
                assertEquals(6, inst.icMisses[site], mode + ": dbl, inc, dbl, inc, dbl, inc after the first inc");
                assertEquals(Jop.CALL_INDIRECT_IC, st.cache[at], mode + ": within the 8 target changes allowed");
                assertEquals(inst.function("inc").ref(), st.cache[at + 1], mode + ": bound to inc again");
            }
        }
    }

    @Test
    void aMegamorphicSiteGivesUpAndStaysRight() throws Exception {
        for (String mode : MODES) {
            Tuning t = new Tuning();
            Store st = mode.equals("interp") ? new Store(Board.desktop())
                    : new Store(Board.desktop(), mode.equals("eager") ? Jit.eager(t) : Jit.tiered(t));
            Instance inst = st.instantiate(module(0), new Imports());
            int expect = 0;
            for (int i = 0; i < 3000; i++) {
                expect += (i & 1) != 0 ? i + 1 : i * 2;
            }
            for (int r = 0; r < 3; r++) {
                assertEquals(expect, call(st, inst, "alternate", 3000, 0, 1), mode);
            }
            if (!mode.equals("interp")) {
                int at = icOf(st, inst, "alternate");
                assertEquals(Jop.JUMP, st.cache[at], mode);
                assertEquals(t.inlineCacheMisses + 1, inst.icMisses[st.cache[at + 2]], mode);
            }
        }
    }

    /** Every frame as "function codeOffset", one a line. */
    static String frames(Store st) {
        StringBuilder b = new StringBuilder();
        Backtrace bt = st.backtrace();
        for (int i = 0; i < bt.depth(); i++) {
            b.append(bt.function(i)).append(' ').append(bt.codeOffset(i)).append('\n');
        }
        return b.toString();
    }

    @Test
    void aBoundSiteThatNowHoldsAWrongSignatureNullOrNothingTrapsAsTheInterpreterDoes() throws Exception {
        Object[][] cases = {{2, Trap.indirectTypeMismatch}, {3, Trap.uninitializedElement}, {9, Trap.undefinedElement}};
        for (Object[] k : cases) {
            String[] bt = new String[MODES.length];
            for (int m = 0; m < MODES.length; m++) {
                Store st = Jit.store(Board.desktop(), MODES[m]);
                Instance inst = st.instantiate(module(Loader.DEBUG), new Imports());
                for (int r = 0; r < 3; r++) {
                    assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 0), MODES[m]);
                }
                // the cache holds inc; slot k[0] is another story
                RuntimeException e = assertThrows(RuntimeException.class, () -> call(st, inst, "loop", 10, (Integer) k[0]));
                assertSame(k[1], e, MODES[m] + " slot " + k[0]);
                bt[m] = frames(st);
                assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 0), MODES[m] + ": usable after it");
            }
            assertEquals(bt[0], bt[1], "tiered unwinds as the interpreter: slot " + k[0]);
            assertEquals(bt[0], bt[2], "eager unwinds as the interpreter: slot " + k[0]);
        }
    }

    @Test
    void deepRecursionThroughTheTableExhaustsAtTheSameDepthInEveryMode() throws Exception {
        int[] total = new int[MODES.length];
        String[] inner = new String[MODES.length];
        for (int m = 0; m < MODES.length; m++) {
            Store st = Jit.store(Board.desktop(), MODES[m]);
            Instance inst = st.instantiate(module(0), new Imports());
            call(st, inst, "pointRec");
            for (int r = 0; r < 20; r++) {
                assertEquals(500, call(st, inst, "rec", 500), MODES[m]);
            }
            assertThrows(ExhaustionException.class, () -> call(st, inst, "rec", 100_000_000), MODES[m]);
            total[m] = st.backtrace().total();
            inner[m] = st.backtrace().function(0) + " " + st.backtrace().codeOffset(0);
            assertEquals(500, call(st, inst, "rec", 500), MODES[m] + ": usable after it");
        }
        assertEquals(total[0], total[1], "tiered exhausts at the interpreter's depth");
        assertEquals(total[0], total[2], "eager exhausts at the interpreter's depth");
        assertEquals(inner[0], inner[1]);
        assertEquals(inner[0], inner[2]);
    }

    @Test
    void fuelIsChargedTheSameThroughTheInlineCache() throws Exception {
        long[] used = new long[MODES.length];
        for (int m = 0; m < MODES.length; m++) {
            Store st = Jit.store(Board.desktop(), MODES[m]);
            Instance inst = st.instantiate(module(Loader.COUNT), new Imports());
            st.setFuel(Long.MAX_VALUE / 2);
            call(st, inst, "loop", 5000, 0);
            call(st, inst, "point", 0, 1);
            call(st, inst, "loop", 5000, 0);
            call(st, inst, "alternate", 5000, 0, 1);
            used[m] = Long.MAX_VALUE / 2 - st.fuel();
        }
        assertEquals(used[0], used[1]);
        assertEquals(used[0], used[2]);
    }

    @Test
    void theBoardKeyTurnsTheInlineCacheOff() throws Exception {
        String text = new String(JitCallsTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8) + "\njit.inline.cache = false\n";
        Board off = Board.parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(false, Tuning.of(off).inlineCache);
        assertEquals(true, Tuning.of(Board.desktop()).inlineCache, "on by default");
        Store st = Jit.store(off, "eager");
        Instance inst = st.instantiate(module(0), new Imports());
        assertEquals(sum(3000, 1, 1), call(st, inst, "loop", 3000, 0));
        assertEquals(-1, icOf(st, inst, "loop"), "a plain call_indirect");
        assertEquals(0, inst.icTarget[0], "no feedback without the cache");
    }
}
