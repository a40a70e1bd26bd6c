package io.wasmlet.code;

import io.wasmlet.error.Trap;

/**
 * The operator semantics that are more than one Java bytecode, shared by the interpreter and
 * the template JIT so both tiers compute exactly the same thing. Floats travel as raw bits
 * ({@code int} for f32, {@code long} for f64); only CLDC 1.1 {@code Math} methods are used, and
 * sign-bit operations (abs, neg, copysign) work on bits so NaN payloads survive.
 */
public final class WasmOps {
    private static final long MASK32 = 0xFFFFFFFFL;
    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709551616E19;

    private WasmOps() {
    }

    // ---- integer bit counting (CLDC 1.1 has no Integer.numberOfLeadingZeros) ----

    /** {@code i32.clz}: leading zero bits, 32 for 0. */
    public static int i32Clz(int x) {
        if (x == 0) {
            return 32;
        }
        int n = 0;
        if ((x & 0xFFFF0000) == 0) { n += 16; x <<= 16; }
        if ((x & 0xFF000000) == 0) { n += 8; x <<= 8; }
        if ((x & 0xF0000000) == 0) { n += 4; x <<= 4; }
        if ((x & 0xC0000000) == 0) { n += 2; x <<= 2; }
        if ((x & 0x80000000) == 0) { n += 1; }
        return n;
    }

    /** {@code i32.ctz}: trailing zero bits, 32 for 0. */
    public static int i32Ctz(int x) {
        if (x == 0) {
            return 32;
        }
        return 31 - i32Clz(x & -x);
    }

    /** {@code i32.popcnt}: the number of one bits. */
    public static int i32Popcnt(int x) {
        x = x - ((x >>> 1) & 0x55555555);
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        x = (x + (x >>> 4)) & 0x0F0F0F0F;
        return (x * 0x01010101) >>> 24;
    }

    /** {@code i64.clz}: leading zero bits, 64 for 0. */
    public static long i64Clz(long x) {
        int hi = (int) (x >>> 32);
        return hi != 0 ? i32Clz(hi) : 32 + i32Clz((int) x);
    }

    /** {@code i64.ctz}: trailing zero bits, 64 for 0. */
    public static long i64Ctz(long x) {
        int lo = (int) x;
        return lo != 0 ? i32Ctz(lo) : 32 + i32Ctz((int) (x >>> 32));
    }

    /** {@code i64.popcnt}: the number of one bits. */
    public static long i64Popcnt(long x) {
        return i32Popcnt((int) x) + i32Popcnt((int) (x >>> 32));
    }

    // ---- division (traps are preallocated) ----

    /** {@code i32.div_s}; traps on division by zero and on MIN_VALUE / -1. */
    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw Trap.intOverflow;
        }
        return a / b;
    }

    /** {@code i32.div_u}: both read as unsigned; traps on division by zero. */
    public static int i32DivU(int a, int b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        return (int) ((a & MASK32) / (b & MASK32));
    }

    /** {@code i32.rem_s}, the sign of {@code a}; traps on division by zero. */
    public static int i32RemS(int a, int b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        return b == -1 ? 0 : a % b;
    }

    /** {@code i32.rem_u}: both read as unsigned; traps on division by zero. */
    public static int i32RemU(int a, int b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        return (int) ((a & MASK32) % (b & MASK32));
    }

    /** {@code i64.div_s}; traps on division by zero and on MIN_VALUE / -1. */
    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw Trap.intOverflow;
        }
        return a / b;
    }

    /** {@code i64.rem_s}, the sign of {@code a}; traps on division by zero. */
    public static long i64RemS(long a, long b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        return b == -1 ? 0 : a % b;
    }

    /** {@code i64.div_u}: both read as unsigned; traps on division by zero. */
    public static long i64DivU(long a, long b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        if (b < 0) {
            return ltU(a, b) ? 0 : 1;
        }
        if (a >= 0) {
            return a / b;
        }
        long q = ((a >>> 1) / b) << 1;
        long r = a - q * b;
        return ltU(r, b) ? q : q + 1;
    }

    /** {@code i64.rem_u}: both read as unsigned; traps on division by zero. */
    public static long i64RemU(long a, long b) {
        if (b == 0) {
            throw Trap.divByZero;
        }
        if (b < 0) {
            return ltU(a, b) ? a : a - b;
        }
        if (a >= 0) {
            return a % b;
        }
        long q = ((a >>> 1) / b) << 1;
        long r = a - q * b;
        return ltU(r, b) ? r : r - b;
    }

    /** Unsigned 64-bit less-than. */
    public static boolean ltU(long a, long b) {
        return (a ^ Long.MIN_VALUE) < (b ^ Long.MIN_VALUE);
    }

    // ---- floats as raw bits ----

    /** The f32 whose raw bits are {@code bits}. */
    public static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    /** The raw bits of {@code v}, NaN payload kept. */
    public static int bits(float v) {
        return Float.floatToIntBits(v);
    }

    /** The f64 whose raw bits are {@code bits}. */
    public static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** The raw bits of {@code v}, NaN payload kept. */
    public static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    /** {@code f32.ceil} on raw bits. */
    public static int f32Ceil(int a) {
        return bits((float) Math.ceil(f(a)));
    }

    /** {@code f32.floor} on raw bits. */
    public static int f32Floor(int a) {
        return bits((float) Math.floor(f(a)));
    }

    /** {@code f32.trunc} on raw bits: round toward zero. */
    public static int f32Trunc(int a) {
        float v = f(a);
        return bits((float) (v < 0 ? Math.ceil(v) : Math.floor(v)));
    }

    /** {@code f32.nearest} on raw bits: round to nearest, ties to even. */
    public static int f32Nearest(int a) {
        return bits((float) nearest(f(a)));
    }

    /** {@code f32.sqrt} on raw bits. */
    public static int f32Sqrt(int a) {
        return bits((float) Math.sqrt(f(a)));
    }

    /** {@code f32.min} on raw bits: NaN if either is NaN, -0 below +0. */
    public static int f32Min(int a, int b) {
        return bits(Math.min(f(a), f(b)));
    }

    /** {@code f32.max} on raw bits: NaN if either is NaN, +0 above -0. */
    public static int f32Max(int a, int b) {
        return bits(Math.max(f(a), f(b)));
    }

    /** {@code f32.copysign} on raw bits: the magnitude of {@code a}, the sign of {@code b}. */
    public static int f32Copysign(int a, int b) {
        return (a & 0x7FFFFFFF) | (b & 0x80000000);
    }

    /** {@code f64.ceil} on raw bits. */
    public static long f64Ceil(long a) {
        return bits(Math.ceil(d(a)));
    }

    /** {@code f64.floor} on raw bits. */
    public static long f64Floor(long a) {
        return bits(Math.floor(d(a)));
    }

    /** {@code f64.trunc} on raw bits: round toward zero. */
    public static long f64Trunc(long a) {
        double v = d(a);
        return bits(v < 0 ? Math.ceil(v) : Math.floor(v));
    }

    /** {@code f64.nearest} on raw bits: round to nearest, ties to even. */
    public static long f64Nearest(long a) {
        return bits(nearest(d(a)));
    }

    /** {@code f64.sqrt} on raw bits. */
    public static long f64Sqrt(long a) {
        return bits(Math.sqrt(d(a)));
    }

    /** {@code f64.min} on raw bits: NaN if either is NaN, -0 below +0. */
    public static long f64Min(long a, long b) {
        return bits(Math.min(d(a), d(b)));
    }

    /** {@code f64.max} on raw bits: NaN if either is NaN, +0 above -0. */
    public static long f64Max(long a, long b) {
        return bits(Math.max(d(a), d(b)));
    }

    /** {@code f64.copysign} on raw bits: the magnitude of {@code a}, the sign of {@code b}. */
    public static long f64Copysign(long a, long b) {
        return (a & 0x7FFFFFFFFFFFFFFFL) | (b & 0x8000000000000000L);
    }

    /** Round to nearest, ties to even (CLDC 1.1 has no Math.rint). */
    static double nearest(double x) {
        if (x != x || x == 0 || !(Math.abs(x) < 4503599627370496.0)) {
            return x; // NaN, zeros, infinities and values that are already integers
        }
        double r = Math.floor(x);
        double diff = x - r;
        if (diff > 0.5 || (diff == 0.5 && r % 2 != 0)) {
            r += 1;
        }
        if (r == 0 && x < 0) {
            return -0.0;
        }
        return r;
    }

    // ---- conversions ----

    /** {@code i32.trunc_f*_s}; traps on NaN and on a value out of the i32 range. */
    public static int i32TruncS(double v) {
        if (v != v) {
            throw Trap.invalidConversion;
        }
        if (!(v > -2147483649.0 && v < 2147483648.0)) {
            throw Trap.intOverflow;
        }
        return (int) v;
    }

    /** {@code i32.trunc_f*_u}; traps on NaN and on a value out of the u32 range. */
    public static int i32TruncU(double v) {
        if (v != v) {
            throw Trap.invalidConversion;
        }
        if (!(v > -1.0 && v < 4294967296.0)) {
            throw Trap.intOverflow;
        }
        return (int) (long) v;
    }

    /** {@code i64.trunc_f*_s}; traps on NaN and on a value out of the i64 range. */
    public static long i64TruncS(double v) {
        if (v != v) {
            throw Trap.invalidConversion;
        }
        if (!(v >= -TWO_63 && v < TWO_63)) {
            throw Trap.intOverflow;
        }
        return (long) v;
    }

    /** {@code i64.trunc_f*_u}; traps on NaN and on a value out of the u64 range. */
    public static long i64TruncU(double v) {
        if (v != v) {
            throw Trap.invalidConversion;
        }
        if (!(v > -1.0 && v < TWO_64)) {
            throw Trap.intOverflow;
        }
        return v < TWO_63 ? (long) v : (long) (v - TWO_63) + Long.MIN_VALUE;
    }

    /** {@code i32.trunc_sat_f*_s}: saturates at the i32 range, NaN gives 0. */
    public static int i32TruncSatS(double v) {
        return (int) v; // Java saturates and maps NaN to 0, as Wasm does
    }

    /** {@code i32.trunc_sat_f*_u}: saturates at 0 and 2^32-1, NaN gives 0. */
    public static int i32TruncSatU(double v) {
        if (!(v > -1.0)) {
            return 0;
        }
        if (v >= 4294967296.0) {
            return -1;
        }
        return (int) (long) v;
    }

    /** {@code i64.trunc_sat_f*_s}: saturates at the i64 range, NaN gives 0. */
    public static long i64TruncSatS(double v) {
        return (long) v;
    }

    /** {@code i64.trunc_sat_f*_u}: saturates at 0 and 2^64-1 (as unsigned), NaN gives 0. */
    public static long i64TruncSatU(double v) {
        if (!(v > -1.0)) {
            return 0;
        }
        if (v >= TWO_64) {
            return -1L;
        }
        return v < TWO_63 ? (long) v : (long) (v - TWO_63) + Long.MIN_VALUE;
    }

    /** {@code f32.convert_i64_u}: {@code x} read as unsigned, rounded to nearest even. */
    public static float f32ConvertI64U(long x) {
        if (x >= 0) {
            return (float) x;
        }
        long h = (x >>> 1) | (x & 1); // keep a sticky bit so rounding stays correct
        return (float) h * 2.0f;
    }

    /** {@code f64.convert_i64_u}: {@code x} read as unsigned, rounded to nearest even. */
    public static double f64ConvertI64U(long x) {
        if (x >= 0) {
            return (double) x;
        }
        long h = (x >>> 1) | (x & 1);
        return (double) h * 2.0;
    }
}
