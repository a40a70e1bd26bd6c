package io.wasmlet.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.Limits;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

/**
 * Loading is linear in the module's size (issue 10: duplicate exports compared pairwise, types
 * interned by a list search, locals expanded one by one), and every count a module declares is
 * bounded by {@link Limits} before anything of that size is allocated.
 */
class LoadLimitsTest {
    private static final Integer TYPE = 1, FUNC = 3, EXPORT = 7, CODE = 10, DATA = 11;

    private static long millis(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** One () -> () function exported under {@code n} names; {@code dup} repeats the first name last. */
    private static byte[] exports(int n, boolean dup) {
        WasmBuilder ex = new WasmBuilder().u32(n);
        for (int i = 0; i < n; i++) {
            ex.name(dup && i == n - 1 ? "export_0_padding" : "export_" + i + "_padding").u8(0).u32(0);
        }
        return WasmBuilder.module(TYPE, WasmBuilder.oneType(0, 0), FUNC, WasmBuilder.functions(1), EXPORT, ex,
                CODE, WasmBuilder.code(1, new byte[] {0, 0x0B}));
    }

    @Test
    void hundredThousandExportsLoadInLinearTime() {
        byte[] bytes = exports(Limits.MAX_EXPORTS, false);
        // pairwise name comparison took about 17 s for these 2.3 MB
        long ms = millis(() -> Loader.load(bytes));
        assertTrue(ms < 3000, "100,000 exports took " + ms + " ms to load");
        InvalidException e = assertThrows(InvalidException.class, () -> Loader.load(exports(1000, true)));
        assertEquals("duplicate export name \"export_0_padding\"", e.getMessage());
    }

    @Test
    void distinctTypesInternInLinearTime() {
        int n = 100_000;
        WasmBuilder t = new WasmBuilder().u32(n);
        for (int i = 0; i < n; i++) {
            t.u8(0x60).u32(9);
            for (int d = 0, v = i; d < 9; d++, v >>= 2) {
                t.u8(0x7F - (v & 3)); // base-4 digits over i32, i64, f32, f64: all distinct
            }
            t.u32(0);
        }
        WasmModule m = Loader.load(WasmBuilder.module(TYPE, t));
        // the list search compared about n^2 / 2 types: 21 s for these
        long ms = millis(() -> new Store().instantiate(m, new Imports()));
        assertTrue(ms < 3000, n + " distinct types took " + ms + " ms to instantiate");
    }

    @Test
    void fiftyThousandLocalsPerFunctionCostNothingPerLocal() {
        // 100,000 bodies of 10 bytes, each declaring 25,000 i32 and 25,000 i64 locals
        byte[] body = new WasmBuilder().u32(2).u32(25_000).u8(0x7F).u32(25_000).u8(0x7E).u8(0x0B).toByteArray();
        int n = 100_000;
        byte[] bytes = WasmBuilder.module(TYPE, WasmBuilder.oneType(0, 0), FUNC, WasmBuilder.functions(n), CODE,
                WasmBuilder.code(n, body));
        // expanding them one by one wrote 5e9 local types
        long ms = millis(() -> Loader.load(bytes));
        assertTrue(ms < 5000, n + " functions of 50,000 locals took " + ms + " ms to load");
    }

    @Test
    void groupedLocalsKeepTheirTypes() throws Exception {
        // (param i32) (local 3 i64) (local 0 f32) (local 2 f64): locals 1-3 are i64, 4 and 5 f64
        WasmBuilder t = new WasmBuilder().u32(1).u8(0x60).u32(1).u8(0x7F).u32(1).u8(0x7C);
        byte[] locals = new WasmBuilder().u32(3).u32(3).u8(0x7E).u32(0).u8(0x7D).u32(2).u8(0x7C).toByteArray();
        byte[] good = new WasmBuilder().raw(locals).u8(0x20).u32(5).u8(0x0B).toByteArray();
        WasmBuilder ex = new WasmBuilder().u32(1).name("f").u8(0).u32(0);
        WasmModule m = Loader.load(WasmBuilder.module(TYPE, t, FUNC, WasmBuilder.functions(1), EXPORT, ex, CODE,
                WasmBuilder.code(1, good)));
        Store store = new Store();
        Instance inst = store.instantiate(m, new Imports());
        assertEquals(0L, store.invoke(inst.function("f"), new long[] {7})[0]);
        byte[] bad = new WasmBuilder().raw(locals).u8(0x20).u32(3).u8(0x0B).toByteArray(); // i64, not f64
        InvalidException e = assertThrows(InvalidException.class, () -> Loader.load(WasmBuilder.module(TYPE, t,
                FUNC, WasmBuilder.functions(1), CODE, WasmBuilder.code(1, bad))));
        assertTrue(e.getMessage().startsWith("type mismatch"), e.getMessage());
        byte[] param = new WasmBuilder().raw(locals).u8(0x20).u32(0).u8(0xAD).u8(0xB9).u8(0x0B).toByteArray();
        Loader.load(WasmBuilder.module(TYPE, t, FUNC, WasmBuilder.functions(1), CODE, WasmBuilder.code(1, param)));
    }

    private static void assertLimit(String expected, byte[] module) {
        MalformedException e = assertThrows(MalformedException.class, () -> Loader.load(module));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void countsOverTheLimitsAreRefusedBeforeAllocating() {
        WasmBuilder ex = new WasmBuilder().u32(Limits.MAX_EXPORTS + 1);
        for (int i = 0; i <= Limits.MAX_EXPORTS; i++) {
            ex.u32(0).u8(0).u32(0);
        }
        assertLimit("too many exports: 100001 (io.wasmlet.binary.Limits allows 100000)",
                WasmBuilder.module(EXPORT, ex));
        assertLimit("too many parameters in one function type: 1001 (io.wasmlet.binary.Limits allows 1000)",
                WasmBuilder.module(TYPE, WasmBuilder.oneType(1001, 0)));
        assertLimit("too many results in one function type: 1001 (io.wasmlet.binary.Limits allows 1000)",
                WasmBuilder.module(TYPE, WasmBuilder.oneType(0, 1001)));
        WasmBuilder data = new WasmBuilder().u32(Limits.MAX_DATA_SEGMENTS + 1);
        for (int i = 0; i <= Limits.MAX_DATA_SEGMENTS; i++) {
            data.u8(1).u32(0);
        }
        assertLimit("too many data segments: 100001 (io.wasmlet.binary.Limits allows 100000)",
                WasmBuilder.module(DATA, data));
        byte[] longName = new byte[Limits.MAX_STRING_SIZE + 1];
        java.util.Arrays.fill(longName, (byte) 'a');
        assertLimit("too many bytes in one name: 100001 (io.wasmlet.binary.Limits allows 100000)",
                WasmBuilder.module(EXPORT, new WasmBuilder().u32(1).u32(longName.length).raw(longName).u8(0).u32(0)));
    }

    @Test
    void bodiesOverTheLimitsAreRefused() {
        byte[] big = new byte[Limits.MAX_FUNCTION_SIZE + 1];
        java.util.Arrays.fill(big, (byte) 0x01); // nops
        big[0] = 0;
        big[big.length - 1] = 0x0B;
        assertLimit("too many bytes in one function body: 131073 (io.wasmlet.binary.Limits allows 131072)",
                WasmBuilder.module(TYPE, WasmBuilder.oneType(0, 0), FUNC, WasmBuilder.functions(1), CODE,
                        WasmBuilder.code(1, big)));
        byte[] locals = new WasmBuilder().u32(1).u32(Limits.MAX_LOCALS).u8(0x7F).u8(0x0B).toByteArray();
        assertLimit("too many locals in one function (parameters included): 50001 (io.wasmlet.binary.Limits allows"
                + " 50000)", WasmBuilder.module(TYPE, WasmBuilder.oneType(1, 0), FUNC, WasmBuilder.functions(1), CODE,
                        WasmBuilder.code(1, locals)));
        // calls returning 1,000 values each: the validator's type stack would grow 500 values a byte
        WasmBuilder calls = new WasmBuilder().u32(0);
        for (int i = 0; i < 1100; i++) {
            calls.u8(0x10).u32(0);
        }
        calls.u8(0x0B);
        assertLimit("too many values on the operand stack of one function: 1048577 (io.wasmlet.binary.Limits allows"
                + " 1048576)", WasmBuilder.module(TYPE, WasmBuilder.oneType(0, 1000), FUNC, WasmBuilder.functions(1),
                        CODE, WasmBuilder.code(1, calls.toByteArray())));
    }
}
