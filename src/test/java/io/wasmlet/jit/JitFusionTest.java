package io.wasmlet.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.board.Board;
import io.wasmlet.error.TrapException;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The superinstructions of {@link Tuning#fuseMore} (tests/jit/fusion.wat, one function each)
 * against the interpreter: results at edge values (wrap-around, shift counts of 32 and more,
 * negative constants, large offsets), out-of-bounds traps with their backtrace offsets, and fuel
 * running out at every point of a call, in tiered (translated after the first call), eager, and
 * eager without the switch.
 */
class JitFusionTest {
    static final String[] CONFIGS = {"interp", "tiered", "eager", "eager, fuseMore off"};


    static final String[] NAMES = {
        "ss", "ss", "ss", "ss", "ss",
        "shk", "shk", "shk", "shk",
        "sh33", "sh33", "sh33",
        "mk", "mk", "mk",
        "mk0", "mk0", "mk0",
        "mkneg", "mkneg", "mkneg",
        "count", "count",
        "down", "down",
        "shlxor", "shlxor", "xorshr", "xorshr",
        "add3", "add3r", "addk", "addk", "muladd", "muladd",
        "xorld", "xorld", "mulld", "mulld", "mulld2", "mulld2", "mul16", "mul16", "mul16",
        "st32", "st32", "st32", "st8", "st8", "st8",
        "rotl33", "rotl33", "rotr7", "rotr7", "rotl0", "rotrm1",
        "mix",
    };

    static final long[][] ARGS = {
        {0, 0}, {0xfffffffcL, 4}, {8, 0}, {65528, 0}, {0x80000000L, 0x80000000L},
        {1}, {0}, {16381}, {0x40000000L},
        {3}, {0x80000003L}, {32766},
        {0x12}, {0xfffffffdL}, {15},
        {5}, {0x105}, {6},
        {16}, {17}, {0},
        {0x80000001L - 5}, {0x80000001L - 100000},
        {3}, {100000},
        {1, 0}, {0x20000001, 0x55}, {0x80, 1}, {0xffffffffL, 0x12345678},
        {0x7fffffff, 1, 0x7fffffff}, {0x7fffffff, 1, 0x7fffffff}, {1, 0}, {0x80000000L, 0x80000000L},
        {0x10000, 0x10000, 7}, {-3, 5, -1},
        {0, 3}, {65533, 0},
        {0, 3}, {65529, 2},
        {0, -1}, {65535, 1},
        {18, 0x10000}, {2, 3}, {0, 1},
        {104, 0x11223344}, {2, 0x04030201}, {65536, 1}, {104, 0x1ff}, {65536, 0xf7}, {65537, 0xf8},
        {0x80000001L}, {1}, {0x81}, {0x12345678}, {0x80000000L}, {0x80000001L},
        {1000},
    };

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
            default:
                t.fuseMore = false;
                return new Store(b, Jit.eager(t));
        }
    }

    static Instance instance(Store st, int flags) throws Exception {
        return st.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/jit/fusion.wasm")), flags), new Imports());
    }

    /** The result, or the trap and its backtrace's innermost offset. */
    static String outcome(Store st, Instance in, String name, long[] args) {
        try {
            return name + " = " + (int) st.invoke(in.function(name), args)[0];
        } catch (TrapException e) {
            return name + ": " + e.getMessage() + " at " + st.backtrace().codeOffset(0);
        }
    }

    static List<String> run(int config) throws Exception {
        Store st = store(config);
        Instance in = instance(st, 0);
        return Sweeps.rounds(st, in, NAMES, ARGS, JitFusionTest::outcome, CONFIGS[config]);
    }

    @Test
    void everyFusedTemplateMatchesTheInterpreter() throws Exception {
        List<String> interp = run(0);
        for (int k = 1; k < CONFIGS.length; k++) {
            assertEquals(interp, run(k), CONFIGS[k]);
        }
        // and the interpreter's own answers are the Wasm ones
        Store st = store(2);
        Instance in = instance(st, 0);
        assertEquals("ss = 134678021", outcome(st, in, "ss", new long[] {0xfffffffcL, 4}), "wraps to 0, then + 4: bytes 4..7");
        // (the stores below change bytes 4..7)
        assertEquals("shk = 235736075", outcome(st, in, "shk", new long[] {1}), "(1 << 2) + 4 + 2 = 10: bytes 10..13");
        assertEquals("sh33 = 168364039", outcome(st, in, "sh33", new long[] {3}), "3 << 33 is 3 << 1 = 6: bytes 6..9");
        assertEquals("sh33 = 168364039", outcome(st, in, "sh33", new long[] {0x80000003L}), "the top bit shifts out");
        assertEquals("mk = 7", outcome(st, in, "mk", new long[] {0x12}), "(0x12 & 15) + 3 + 1 = 6: byte 6");
        assertEquals("mk0 = 248", outcome(st, in, "mk0", new long[] {0x105}), "5 + 65530: the last byte");
        assertEquals("mkneg = 1", outcome(st, in, "mkneg", new long[] {16}), "16 - 16 = 0");
        assertEquals("count = " + (int) (5 * (0x80000001L - 5) + 10), outcome(st, in, "count", new long[] {0x80000001L - 5}));
        assertEquals("down = " + (int) (100000L * 100001 / 2), outcome(st, in, "down", new long[] {100000}), "wraps");
        assertEquals("shlxor = 8", outcome(st, in, "shlxor", new long[] {1, 0}), "a shift count of 35 is 3");
        assertEquals("xorshr = 0", outcome(st, in, "xorshr", new long[] {0x80, 1}));
        assertEquals("xorshr = " + (0x1ffffff ^ 0x12345678), outcome(st, in, "xorshr", new long[] {0xffffffffL, 0x12345678}),
                "an unsigned shift");
        assertEquals("add3 = -1", outcome(st, in, "add3", new long[] {0x7fffffff, 1, 0x7fffffff}), "wraps");
        assertEquals("addk = 2147483647", outcome(st, in, "addk", new long[] {0x80000000L, 0x80000000L}));
        assertEquals("muladd = 7", outcome(st, in, "muladd", new long[] {0x10000, 0x10000, 7}), "2^32 wraps to 0");
        assertEquals("st32 = 287454020", outcome(st, in, "st32", new long[] {104, 0x11223344}), "stored at 102 and read back");
        assertTrue(outcome(st, in, "st32", new long[] {2, 0x04030201}).startsWith("st32: out of bounds"),
                "2 - 4 wraps to 2^32 - 2; the offset does not wrap");
        assertEquals("st32 = 67305985", outcome(st, in, "st32", new long[] {6, 0x04030201}), "6 - 4 + 2 = 4: bytes 4..7 now 01 02 03 04");
        assertTrue(outcome(st, in, "st32", new long[] {65536, 1}).startsWith("st32: out of bounds"), "65,534 + 4 bytes");
        assertTrue(outcome(st, in, "st8", new long[] {65537, 0xf8}).startsWith("st8: out of bounds"), "the store fits (65,535), the load after it does not");
        assertEquals("rotl33 = 3", outcome(st, in, "rotl33", new long[] {0x80000001L}), "rotl by 33 is by 1");
        assertEquals("rotr7 = 33554433", outcome(st, in, "rotr7", new long[] {0x81}), "0x81 rotr 7 = 0x02000001");
        assertEquals("rotrm1 = 3", outcome(st, in, "rotrm1", new long[] {0x80000001L}), "rotr by -1 is rotl by 1");
        assertEquals("xorld = 7", outcome(st, in, "xorld", new long[] {0, 3}), "byte 3 (4) ^ 3");
        assertEquals("mul16 = -8388608", outcome(st, in, "mul16", new long[] {18, 0x10000}), "0xff80 sign-extends to -128, times 2^16");
        for (String trap : interp) {
            if (trap.contains(" at ")) {
                assertTrue(Integer.parseInt(trap.substring(trap.lastIndexOf(' ') + 1)) > 0, "the load's offset, not the entry's: " + trap);
            }
        }
        assertTrue(interp.toString().contains("mk0: out of bounds memory access"), interp.toString());
    }

    /** The switch changes the code: fewer cache ints for the same functions. */
    @Test
    void theSwitchFusesAndItsBoardKeyTurnsItOff() throws Exception {
        Store on = store(2);
        instance(on, 0);
        Store off = store(3);
        instance(off, 0);
        assertTrue(on.codeCacheUsed() < off.codeCacheUsed(), on.codeCacheUsed() + " < " + off.codeCacheUsed());
        String text = new String(JitFusionTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(true, Tuning.of(Board.desktop()).fuseMore);
        Board b = Board.parse(new ByteArrayInputStream((text + "\njit.fuse.more = false\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, Tuning.of(b).fuseMore);
    }

    /**
     * Fuel running out at every point of each call (each fuel level from 0 to what the call
     * needs) ends the same way, with the same fuel left, in every configuration.
     */
    @Test
    void fuelRunsOutAtTheSameInstructionInEveryTier() throws Exception {
        String[] names = {"ss", "shk", "mk0", "st32", "st8", "count", "down", "shlxor", "add3r", "muladd", "xorld", "mulld2", "mul16", "mix"};
        long[][] args = {{8, 0}, {1}, {6}, {65536, 9}, {65537, 0xf8}, {0x80000001L - 4}, {4}, {1, 2}, {1, 2, 3}, {3, 4, 5}, {0, 3}, {0, 2}, {2, 3}, {4}};
        List<List<String>> seen = new ArrayList<>();
        for (int k = 0; k < CONFIGS.length; k++) {
            Store st = store(k);
            Instance in = instance(st, Loader.COUNT);
            seen.add(Sweeps.fuel(st, in, names, args, JitFusionTest::outcome));
        }
        Sweeps.sameInEvery(seen, CONFIGS);
    }
}
