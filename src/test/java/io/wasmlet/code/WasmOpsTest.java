package io.wasmlet.code;

import io.wasmlet.error.TrapException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WasmOpsTest {
    @Test
    void bitCounts() {
        assertEquals(32, WasmOps.i32Clz(0));
        assertEquals(0, WasmOps.i32Clz(-1));
        assertEquals(31, WasmOps.i32Clz(1));
        assertEquals(32, WasmOps.i32Ctz(0));
        assertEquals(31, WasmOps.i32Ctz(Integer.MIN_VALUE));
        assertEquals(32, WasmOps.i32Popcnt(-1));
        assertEquals(64, WasmOps.i64Clz(0));
        assertEquals(63, WasmOps.i64Ctz(Long.MIN_VALUE));
        assertEquals(64, WasmOps.i64Popcnt(-1L));
        for (int x : new int[] {1, 7, 0x1000, 0x7FFFFFFF, -5}) {
            assertEquals(Integer.numberOfLeadingZeros(x), WasmOps.i32Clz(x));
            assertEquals(Integer.numberOfTrailingZeros(x), WasmOps.i32Ctz(x));
            assertEquals(Integer.bitCount(x), WasmOps.i32Popcnt(x));
        }
    }

    @Test
    void unsignedDivisionMatchesTheJdk() {
        long[] vals = {0, 1, 2, 3, 7, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789ABCDEFL, -0x123456789L};
        for (long a : vals) {
            for (long b : vals) {
                if (b == 0) {
                    continue;
                }
                assertEquals(Long.divideUnsigned(a, b), WasmOps.i64DivU(a, b), a + " / " + b);
                assertEquals(Long.remainderUnsigned(a, b), WasmOps.i64RemU(a, b), a + " % " + b);
            }
        }
        assertSame(io.wasmlet.error.Trap.divByZero, assertThrows(TrapException.class, () -> WasmOps.i64DivU(1, 0)));
        assertSame(io.wasmlet.error.Trap.intOverflow,
                assertThrows(TrapException.class, () -> WasmOps.i32DivS(Integer.MIN_VALUE, -1)));
        assertEquals(0, WasmOps.i32RemS(Integer.MIN_VALUE, -1));
    }

    @Test
    void nearestRoundsHalfToEven() {
        for (double d : List.of(0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 4503599627370495.5, -0.0, 1e300)) {
            assertEquals(Math.rint(d), WasmOps.d(WasmOps.f64Nearest(WasmOps.bits(d))), String.valueOf(d));
        }
        assertEquals(Double.doubleToLongBits(-0.0), WasmOps.f64Nearest(WasmOps.bits(-0.4)));
        assertEquals(Float.floatToIntBits(2.0f), WasmOps.f32Nearest(Float.floatToIntBits(2.5f)));
    }

    @Test
    void truncationBoundaries() {
        assertEquals(Integer.MIN_VALUE, WasmOps.i32TruncS(-2147483648.9));
        assertThrows(TrapException.class, () -> WasmOps.i32TruncS(2147483648.0));
        assertEquals(-1, WasmOps.i32TruncU(4294967295.9));
        assertThrows(TrapException.class, () -> WasmOps.i32TruncU(-1.0));
        assertEquals(0, WasmOps.i32TruncU(-0.9));
        assertEquals(Long.MIN_VALUE, WasmOps.i64TruncS(-9.223372036854775808E18));
        assertEquals(-2048L, WasmOps.i64TruncU(1.8446744073709549568E19));
        assertSame(io.wasmlet.error.Trap.invalidConversion,
                assertThrows(TrapException.class, () -> WasmOps.i64TruncU(Double.NaN)));
        assertEquals(-1, WasmOps.i32TruncSatU(1e20));
        assertEquals(0, WasmOps.i32TruncSatU(Double.NaN));
        assertEquals(Long.MAX_VALUE, WasmOps.i64TruncSatS(1e300));
    }

    @Test
    void unsignedToFloatRoundsCorrectly() {
        assertEquals(1.8446744073709552E19, WasmOps.f64ConvertI64U(-1L));
        assertEquals(9.223373E18f, WasmOps.f32ConvertI64U(0x8000008000000001L));
        assertEquals(0x7FFFFFFF, WasmOps.f32Copysign(0xFFFFFFFF, 0));
    }
}
