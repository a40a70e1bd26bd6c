package io.wasmlet.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.board.Board;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Chains of f32 / f64 arithmetic fused into one template ({@link Tuning#fuseFloats},
 * tests/jit/floats.wat): every Wasm operator still rounds as on its own (f32 to float after each
 * step), NaNs come out as the separate operators make them, and the chains are really used.
 */
class FloatChainTest {
    static final float F1 = 1f + 0x1p-12f;

    static Store[] stores() {
        Tuning off = new Tuning();
        off.fuseFloats = false;
        Tuning hot = new Tuning();
        hot.threshold = 2;
        hot.loopWeight = 8;
        return new Store[] {new Store(Board.desktop()), new Store(Board.desktop(), Jit.tiered(hot)),
            new Store(Board.desktop(), Jit.eager()), new Store(Board.desktop(), Jit.eager(off))};
    }

    static Instance instance(Store st) throws Exception {
        return st.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/jit/floats.wasm"))), new Imports());
    }

    static long f(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static long call(Store st, Instance in, String name, long... args) {
        long r = 0;
        for (int i = 0; i < 4; i++) { // again and again: tiered mode translates after 2 calls
            r = st.invoke(in.function(name), args)[0];
        }
        return r;
    }

    @Test
    void chainsRoundAtEveryWasmOperator() throws Exception {
        // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: rounded to float (a tie, to even) it is 1 + 2^-11, so
        // a*b + c is 2^-11; unrounded it would be 2^-11 + 2^-24
        float a = F1;
        float b = F1;
        assertEquals(0x1p-11f, a * b + -1f);
        double big = 0x1p60;
        Store[] all = stores();
        for (int k = 0; k < all.length; k++) {
            Store st = all[k];
            String m = "store " + k;
            Instance in = instance(st);
            assertEquals(f(0x1p-11f), call(st, in, "f32muladd", f(F1), f(F1), f(-1f)), m);
            float c = 3.25f;
            float e = 1f / 3f;
            assertEquals(f(c - F1 * F1 * e), call(st, in, "f32msub", f(F1), f(F1), f(c), f(e)), m);
            assertEquals(f((float) Math.sqrt(F1 * F1 + e * e) / 7f), call(st, in, "f32hyp", f(F1), f(e), f(7f)), m);
            assertEquals(d(0.1 * 0.2 + 0.3), call(st, in, "f64muladd", d(0.1), d(0.2), d(0.3)), m);
            assertEquals(d(2.5 / ((0.7 - 0.3) * (0.7 - 0.3)) - 0.7), call(st, in, "f64rdiv", d(0.7), d(0.3), d(2.5)), m);
            assertEquals(d(big * 3.0 + big), call(st, in, "f64self", d(big), d(3.0)), m);
            double d2 = 0.3 * 0.3 + 0.4 * 0.4;
            assertEquals(d(0.01 / (d2 * Math.sqrt(d2))), call(st, in, "f64mag", d(0.3), d(0.4)), m);
            assertEquals(f(0.1f * e + c), call(st, in, "f32konst", f(e), f(c)), m);
            assertEquals(d((0.7 - 1.5) / 3), call(st, in, "f64konst", d(0.7)), m);
            assertEquals(d(2 / 0.7), call(st, in, "f64kdiv", d(0.7)), m);
            assertEquals(d(Double.NEGATIVE_INFINITY), call(st, in, "f64kdiv", d(-0.0)), m);
            double s = 0;
            for (int i = 0; i < 1000; i++) {
                s = s * 0.999 + i;
            }
            assertEquals(d(s), call(st, in, "f64loop", 1000, d(0.999)), m);
        }
    }

    @Test
    void nansAndSignedZerosComeOutAsFromTheSeparateOperators() throws Exception {
        long[][] f32Args = {{0x7fc00001L, f(1f), f(2f)}, {f(1f), 0xffa00000L, f(0f)}, {f(-0f), f(0f), f(-0f)},
            {f(Float.POSITIVE_INFINITY), f(0f), f(1f)}, {f(-0f), f(1f), f(0f)}};
        long[][] f64Args = {{0x7ff0000000000001L, d(1), d(2)}, {d(1), 0xfff8000000000123L, d(0)},
            {d(-0.0), d(0.0), d(-0.0)}, {d(Double.POSITIVE_INFINITY), d(0), d(1)}, {d(1), d(1), d(0)}};
        Store[] st = stores();
        Instance[] in = new Instance[st.length];
        for (int k = 0; k < st.length; k++) {
            in[k] = instance(st[k]);
        }
        for (int i = 0; i < f32Args.length; i++) {
            long[] x = f32Args[i];
            long[] y = f64Args[i];
            long[] want = {call(st[0], in[0], "f32muladd", x), call(st[0], in[0], "f32hyp", x),
                call(st[0], in[0], "f64muladd", y), call(st[0], in[0], "f64rdiv", y)};
            for (int k = 1; k < st.length; k++) {
                String m = "store " + k + ", case " + i;
                assertEquals(want[0], call(st[k], in[k], "f32muladd", x), m);
                assertEquals(want[1], call(st[k], in[k], "f32hyp", x), m);
                assertEquals(want[2], call(st[k], in[k], "f64muladd", y), m);
                assertEquals(want[3], call(st[k], in[k], "f64rdiv", y), m);
            }
        }
        // the NaNs the arithmetic makes are canonical in every tier
        assertEquals(0x7fc00000L, call(st[2], in[2], "f32muladd", f32Args[0]));
        assertEquals(0x7ff8000000000000L, call(st[2], in[2], "f64rdiv", f64Args[0]));
    }

    /** Loads that start chains: their values, their bits when alone, their traps and trap offsets. */
    @Test
    void loadsStartChainsKeepTheirBitsAloneAndTrapAsLoads() throws Exception {
        java.util.Set<Integer> offsets = new java.util.HashSet<>();
        Store[] all = stores();
        for (int k = 0; k < all.length; k++) {
            Store st = all[k];
            String m = "store " + k;
            Instance in = instance(st);
            assertEquals(d(2.25 + 1.5), call(st, in, "ldadd", 0), m);
            assertEquals(0x7ff8000000000000L, call(st, in, "ldadd", 8) & 0xFFFFFFFFFFFFFFFFL, m + ": canonical");
            assertEquals(f(-1.5f * -1.5f - 1), call(st, in, "ld32", 24), m);
            assertEquals(0x7ff0000000000001L, call(st, in, "ldbits", 0), m + ": the signalling NaN as stored");
            assertEquals(0x7fa00001L, call(st, in, "ld32bits", 0) & 0xFFFFFFFFL, m);
            io.wasmlet.error.TrapException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.wasmlet.error.TrapException.class, () -> call(st, in, "ldadd", 65536 - 16));
            org.junit.jupiter.api.Assertions.assertSame(io.wasmlet.error.Trap.memoryOutOfBounds, e, m);
            offsets.add(st.backtrace().codeOffset(0));
            org.junit.jupiter.api.Assertions.assertThrows(io.wasmlet.error.TrapException.class,
                    () -> call(st, in, "ldadd", -8), m + ": -8 + 8 wraps to 0, + 8 is in bounds, but -8 itself is not");
            org.junit.jupiter.api.Assertions.assertThrows(io.wasmlet.error.TrapException.class,
                    () -> call(st, in, "ld32", 65536 - 4), m);
        }
        assertEquals(1, offsets.size(), "the first load's offset in every tier: " + offsets);
    }

    @Test
    void theBoardKeyTurnsThemOff() throws Exception {
        String text = new String(FloatChainTest.class.getResourceAsStream("/mcu-boards/desktop.board").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(Tuning.of(Board.desktop()).fuseFloats, "on by default");
        Board off = Board.parse(new java.io.ByteArrayInputStream((text + "\njit.fuse.floats = false\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(false, Tuning.of(off).fuseFloats);
    }

    @Test
    void theChainsAreUsedAndShortenTheCode() throws Exception {
        Store[] st = stores();
        instance(st[2]);
        instance(st[3]);
        assertTrue(st[2].codeCacheUsed() < st[3].codeCacheUsed() - 10,
                "fused " + st[2].codeCacheUsed() + " ints, unfused " + st[3].codeCacheUsed());
    }
}
