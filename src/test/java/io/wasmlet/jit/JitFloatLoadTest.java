package io.wasmlet.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.board.Board;
import io.wasmlet.error.TrapException;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * f32 / f64 loads and stores of the compiled tier (tests/jit/floatloads.wat): f32.load_ak /
 * f64.load_ak with an i32.add folded into the address, chains starting with such a load, and the
 * stores, against the interpreter: values, the bits of NaNs, out-of-bounds traps at every byte
 * of the memory's end (with their backtrace offsets), wrap-around, the largest offsets (also on a
 * memory of 0 bytes, tests/jit/floatloads0.wat), and fuel running out at every instruction.
 */
class JitFloatLoadTest {
    static final String[] CONFIGS = {"interp", "tiered", "eager", "eager, fuseFloats off", "eager, fuseAddresses off"};

    static Store store(int config) {
        Board b = Board.desktop();
        Tuning t = new Tuning();
        switch (config) {
            case 0:
                return new Store(b);
            case 1:
                t.threshold = 1;
                return new Store(b, Jit.tiered(t));
            case 2:
                return new Store(b, Jit.eager(t));
            case 3:
                t.fuseFloats = false;
                return new Store(b, Jit.eager(t));
            default:
                t.fuseAddresses = false;
                return new Store(b, Jit.eager(t));
        }
    }

    static Instance instance(Store st, String file, int flags) throws Exception {
        return st.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/jit/" + file)), flags), new Imports());
    }

    /** The result's bits, or the trap and its backtrace's innermost offset. */
    static String outcome(Store st, Instance in, String name, long... args) {
        try {
            long[] r = st.invoke(in.function(name), args);
            return name + " " + java.util.Arrays.toString(args) + " = " + (r.length == 0 ? "-" : Long.toHexString(r[0]));
        } catch (TrapException e) {
            return name + " " + java.util.Arrays.toString(args) + ": " + e.getMessage() + " at " + st.backtrace().codeOffset(0);
        }
    }

    static final String[] LOADS = {"ld32k", "ld32m", "ld32", "ld64k", "ld64m", "ld64", "ld32big", "ld64huge", "ch32", "ch64", "ch64r"};

    /** Addresses near both ends of the 32-bit space and of the memory, every byte of its last 24. */
    static List<Long> addresses() {
        List<Long> a = new ArrayList<>();
        for (long p = 65536 - 24; p <= 65536 + 4; p++) {
            a.add(p);
        }
        long[] more = {0, 1, 3, 4, 8, 12, 0xfffffffcL, 0xfffffff8L, 0xfffffff0L, 0xffffffffL, 0x7fffffffL, 0x80000000L,
            0x7ffffffcL, 0x80000004L};
        for (long p : more) {
            a.add(p);
        }
        return a;
    }

    static List<String> run(int config) throws Exception {
        Store st = store(config);
        Instance in = instance(st, "floatloads.wasm", 0);
        List<String> out = new ArrayList<>();
        long[] v32 = {0x7f800001L, 0xffc00123L, 0x7fa00001L, 0x3fc00000L, 0x80000000L};
        long[] v64 = {0x7ff0000000000001L, 0xfff8000000000123L, 0x7ff4000000000000L, 0x3ff8000000000000L, Long.MIN_VALUE};
        for (int rep = 0; rep < 3; rep++) { // tiered: the first call interprets, the others run compiled
            for (long p : addresses()) {
                for (String f : LOADS) {
                    out.add(outcome(st, in, f, p));
                }
                int i = (int) (p & 3);
                out.add(outcome(st, in, "st32", p, v32[i]));
                out.add(outcome(st, in, "st64", p, v64[(i + rep) % v64.length]));
                out.add(outcome(st, in, "stch", p));
                out.add(outcome(st, in, "ld64", p));
            }
            out.add(outcome(st, in, "dot", 0, 3));
            out.add(outcome(st, in, "dot", 65536 - 40, 5));
            out.add(outcome(st, in, "dot", 65536 - 40, 6));
        }
        Instance zero = instance(st, "floatloads0.wasm", 0);
        for (int rep = 0; rep < 3; rep++) {
            for (long p : new long[] {0, 1, 2, 3, 7, 8, 0xffffffffL, 0x80000000L, 0x7fffffffL}) {
                out.add(outcome(st, zero, "ld32", p, 0));
                out.add(outcome(st, zero, "ld32", 0, p));
                out.add(outcome(st, zero, "ld64", p));
                out.add(outcome(st, zero, "ld64c", p));
                out.add(outcome(st, zero, "st64", p));
                out.add(outcome(st, zero, "st32", p));
                out.add(outcome(st, zero, "i32ld", p));
            }
        }
        return out;
    }

    @Test
    void everyLoadAndStoreMatchesTheInterpreter() throws Exception {
        List<String> interp = run(0);
        for (int k = 1; k < CONFIGS.length; k++) {
            List<String> got = run(k);
            assertEquals(interp.size(), got.size(), CONFIGS[k]);
            for (int i = 0; i < interp.size(); i++) {
                assertEquals(interp.get(i), got.get(i), CONFIGS[k] + ", outcome " + i);
            }
        }
        String all = String.join("\n", interp);
        assertTrue(all.contains("ld64 [65528] = "), "the last 8 bytes load");
        assertTrue(all.contains("ld64 [65529]: out of bounds"), "one byte further traps");
        assertTrue(all.contains("ld32k [65526] = "), "65,526 + 4 + 2 = 65,532: the last 4 bytes");
        assertTrue(all.contains("ld32k [65527]: out of bounds"));
        assertTrue(all.contains("ld64m [4294967288]: out of bounds"), "2^32 - 8 - 16 wraps, the offset 16 does not");
        assertTrue(all.contains("ld64huge [0]: out of bounds"));
        for (String o : interp) {
            if (o.contains(" at ")) {
                assertTrue(Integer.parseInt(o.substring(o.lastIndexOf(' ') + 1)) > 0, "the access's offset, not the entry's: " + o);
            }
        }
    }

    static long call(Store st, Instance in, String name, long... args) {
        long[] r = st.invoke(in.function(name), args);
        return r.length == 0 ? 0 : r[0];
    }

    @Test
    void nanPayloadsSurviveLoadsAndStores() throws Exception {
        for (int k = 0; k < CONFIGS.length; k++) {
            Store st = store(k);
            Instance in = instance(st, "floatloads.wasm", 0);
            String m = CONFIGS[k];
            for (int rep = 0; rep < 3; rep++) {
                assertEquals(0x7fa00001L, call(st, in, "ld32", 0) & 0xFFFFFFFFL, m);
                assertEquals(0x7ff0000000000001L, call(st, in, "ld64", 8), m);
                call(st, in, "poke", 400, 0x7ff0000000000001L);
                assertEquals(0x7ff0000000000001L, call(st, in, "ld64m", 400), m);
                assertEquals(0x7fa0L, call(st, in, "ld32k", 0xfffffffcL) & 0xFFFFFFFFL, m + ": 2^32 - 4 + 4 wraps to 0, + 2: bytes 2..5");
                assertEquals(0x7ff0000000000001L, call(st, in, "ld64k", 0), m + ": 0 + 7 + 1: 8");
                assertEquals(0xfff8000000000123L, call(st, in, "ld64k", 65528 - 8), m);
                call(st, in, "st32", 100, 0xff800001L);
                assertEquals(0xff800001L, call(st, in, "ld32", 102) & 0xFFFFFFFFL, m + ": a signalling NaN stored");
                call(st, in, "st64", 200, 0xfff0000000000abcL);
                assertEquals(0xfff0000000000abcL, call(st, in, "ld64", 201), m);
                call(st, in, "poke", 300, 0x7ff0000000000005L);
                // the chain's NaN result is canonical, as the interpreter's arithmetic makes it
                assertEquals(0x7ff8000000000000L, call(st, in, "stch", 300), m);
            }
        }
    }

    @Test
    void theFoldShortensTheCode() throws Exception {
        Store on = store(2);
        instance(on, "floatloads.wasm", 0);
        Store off = store(4);
        instance(off, "floatloads.wasm", 0);
        // ld32k, ld32m, ld64k, ld64m, ld32big, ld64huge, ch32, ch64, ch64r: an add of 4 ints each
        assertTrue(on.codeCacheUsed() <= off.codeCacheUsed() - 9 * 4, on.codeCacheUsed() + " vs " + off.codeCacheUsed());
    }

    /** Fuel running out at every instruction of each call ends the same way, with the same fuel left. */
    @Test
    void fuelRunsOutAtTheSameInstructionInEveryTier() throws Exception {
        String[] names = {"ld32k", "ld64m", "ch32", "ch64", "ch64r", "st32", "st64", "stch", "dot", "dot", "ld64"};
        long[][] args = {{8}, {16}, {4}, {65528}, {0}, {9, 0x7f800001L}, {65529, 1}, {64}, {0, 3}, {65536 - 40, 6}, {65529}};
        List<List<String>> seen = new ArrayList<>();
        for (int k = 0; k < CONFIGS.length; k++) {
            Store st = store(k);
            Instance in = instance(st, "floatloads.wasm", Loader.COUNT);
            seen.add(Sweeps.fuel(st, in, names, args, JitFloatLoadTest::outcome));
        }
        Sweeps.sameInEvery(seen, CONFIGS);
    }
}
