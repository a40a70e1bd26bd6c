package io.wasmlet.exec;

import io.wasmlet.code.Jop;
import io.wasmlet.code.Layout;
import io.wasmlet.code.WasmOps;
import io.wasmlet.error.Trap;

/**
 * The value templates of the compiled tier that are too rare to earn a case in
 * {@link CompiledLoop}'s switch (division, rotation, bit counts, most float operators, the
 * generic unary and binary operators, memory size and growth): one static call each, so that
 * the loop stays small enough for HotSpot to compile. Same operand conventions as the loop.
 */
final class CompiledOps {
    private CompiledOps() {
    }

    /** Runs the template at {@code pc - 1}; returns the pc of the next one. */
    static int exec(Instance inst, long[] s, int[] c, int pc, int fp) {
        Memory mem = inst.memory;
        switch (c[pc - 1]) {
        // the i32 shifts by a slot and the comparisons seldom left as values (most fuse with
        // their branch), moved out of the loop to make room for superinstructions
        case Jop.I32_SHL_SS: case Jop.I32_SHR_S_SS: case Jop.I32_SHR_U_SS:
        case Jop.I32_EQ_SS: case Jop.I32_NE_SS: case Jop.I32_LT_S_SS: case Jop.I32_LT_U_SS: case Jop.I32_GT_S_SS: case Jop.I32_GT_U_SS:
        case Jop.I32_LE_S_SS: case Jop.I32_LE_U_SS: case Jop.I32_GE_S_SS: case Jop.I32_GE_U_SS:
            s[fp + c[pc]] = i32(c[pc - 1], (int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
            return pc + 3;
        case Jop.I32_SUB_SI: case Jop.I32_EQ_SI: case Jop.I32_NE_SI: case Jop.I32_LT_S_SI: case Jop.I32_GT_S_SI:
        case Jop.I32_GT_U_SI: case Jop.I32_LE_S_SI: case Jop.I32_LE_U_SI: case Jop.I32_GE_S_SI: case Jop.I32_GE_U_SI:
            s[fp + c[pc]] = i32(c[pc - 1], (int) s[fp + c[pc + 1]], c[pc + 2]);
            return pc + 3;
        case Jop.I32_ROTR_SI: { // (clang rotates left: rotl_si stays in the loop)
            int x = (int) s[fp + c[pc + 1]];
            s[fp + c[pc]] = x >>> c[pc + 2] | x << -c[pc + 2];
            return pc + 3;
        }
        case Jop.I32_ROTL_SS: {
            int x = (int) s[fp + c[pc + 1]];
            int y = (int) s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x << y) | (x >>> -y);
            pc += 3;
            return pc;
                }
        case Jop.I32_ROTR_SS: {
            int x = (int) s[fp + c[pc + 1]];
            int y = (int) s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x >>> y) | (x << -y);
            pc += 3;
            return pc;
                }
        case Jop.I32_DIV_S_SS: {
            int x = (int) s[fp + c[pc + 1]];
            int y = (int) s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i32DivS(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I32_DIV_U_SS: {
            int x = (int) s[fp + c[pc + 1]];
            int y = (int) s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i32DivU(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I32_REM_S_SS: {
            int x = (int) s[fp + c[pc + 1]];
            int y = (int) s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i32RemS(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I32_REM_U_SS: {
            int x = (int) s[fp + c[pc + 1]];
            int y = (int) s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i32RemU(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I32_CLZ_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = WasmOps.i32Clz((int) v);
            pc += 2;
            return pc;
                }
        case Jop.I32_CTZ_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = WasmOps.i32Ctz((int) v);
            pc += 2;
            return pc;
                }
        case Jop.I32_POPCNT_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = WasmOps.i32Popcnt((int) v);
            pc += 2;
            return pc;
                }
        case Jop.I64_ROTL_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x << (int) y) | (x >>> (int) -y);
            pc += 3;
            return pc;
                }
        case Jop.I64_ROTR_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x >>> (int) y) | (x << (int) -y);
            pc += 3;
            return pc;
                }
        case Jop.I64_DIV_S_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i64DivS(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I64_DIV_U_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i64DivU(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I64_REM_S_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i64RemS(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I64_REM_U_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = WasmOps.i64RemU(x, y);
            pc += 3;
            return pc;
                }
        case Jop.I64_EQ_SS:
            s[fp + c[pc]] = s[fp + c[pc + 1]] == s[fp + c[pc + 2]] ? 1 : 0;
            return pc + 3;
        case Jop.I64_NE_SS:
            s[fp + c[pc]] = s[fp + c[pc + 1]] != s[fp + c[pc + 2]] ? 1 : 0;
            return pc + 3;
        case Jop.I64_LT_S_SS:
            s[fp + c[pc]] = s[fp + c[pc + 1]] < s[fp + c[pc + 2]] ? 1 : 0;
            return pc + 3;
        case Jop.I64_LT_U_SS:
            s[fp + c[pc]] = (s[fp + c[pc + 1]] ^ Long.MIN_VALUE) < (s[fp + c[pc + 2]] ^ Long.MIN_VALUE) ? 1 : 0;
            return pc + 3;
        case Jop.I64_GT_S_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x > y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GT_U_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) > (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_LE_S_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x <= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_LE_U_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) <= (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GE_S_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x >= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GE_U_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) >= (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_MUL_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x * y;
            pc += 3;
            return pc;
                }
        case Jop.I64_OR_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x | y;
            pc += 3;
            return pc;
                }
        case Jop.I64_XOR_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x ^ y;
            pc += 3;
            return pc;
                }
        case Jop.I64_SHR_S_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x >> (int) y;
            pc += 3;
            return pc;
                }
        case Jop.I64_EQ_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x == y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_NE_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x != y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_LT_S_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x < y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_LT_U_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) < (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GT_S_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x > y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GT_U_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) > (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_LE_S_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x <= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_LE_U_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) <= (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GE_S_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = x >= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_GE_U_SI: {
            long x = s[fp + c[pc + 1]];
            long y = c[pc + 2];
            s[fp + c[pc]] = (x ^ Long.MIN_VALUE) >= (y ^ Long.MIN_VALUE) ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.I64_CLZ_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = WasmOps.i64Clz(v);
            pc += 2;
            return pc;
                }
        case Jop.I64_CTZ_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = WasmOps.i64Ctz(v);
            pc += 2;
            return pc;
                }
        case Jop.I64_POPCNT_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = WasmOps.i64Popcnt(v);
            pc += 2;
            return pc;
                }
        case Jop.F32_DIV_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = Float.floatToIntBits(x / y);
            pc += 3;
            return pc;
                }
        case Jop.F32_EQ_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x == y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F32_NE_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x != y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F32_LT_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x < y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F32_GT_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x > y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F32_LE_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x <= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F32_GE_SS: {
            float x = Float.intBitsToFloat((int) s[fp + c[pc + 1]]);
            float y = Float.intBitsToFloat((int) s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x >= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F32_ABS_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = (int) v & 0x7FFFFFFF;
            pc += 2;
            return pc;
                }
        case Jop.F32_NEG_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = (int) v ^ 0x80000000;
            pc += 2;
            return pc;
                }
        case Jop.F64_EQ_SS: {
            double x = Double.longBitsToDouble(s[fp + c[pc + 1]]);
            double y = Double.longBitsToDouble(s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x == y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F64_NE_SS: {
            double x = Double.longBitsToDouble(s[fp + c[pc + 1]]);
            double y = Double.longBitsToDouble(s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x != y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F64_LT_SS:
            s[fp + c[pc]] = Double.longBitsToDouble(s[fp + c[pc + 1]]) < Double.longBitsToDouble(s[fp + c[pc + 2]]) ? 1 : 0;
            return pc + 3;
        case Jop.F64_GT_SS:
            s[fp + c[pc]] = Double.longBitsToDouble(s[fp + c[pc + 1]]) > Double.longBitsToDouble(s[fp + c[pc + 2]]) ? 1 : 0;
            return pc + 3;
        case Jop.F64_LE_SS: {
            double x = Double.longBitsToDouble(s[fp + c[pc + 1]]);
            double y = Double.longBitsToDouble(s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x <= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F64_GE_SS: {
            double x = Double.longBitsToDouble(s[fp + c[pc + 1]]);
            double y = Double.longBitsToDouble(s[fp + c[pc + 2]]);
            s[fp + c[pc]] = x >= y ? 1 : 0;
            pc += 3;
            return pc;
                }
        case Jop.F64_ABS_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = v & 0x7FFFFFFFFFFFFFFFL;
            pc += 2;
            return pc;
                }
        case Jop.F64_NEG_S: {
            long v = s[fp + c[pc + 1]];
            s[fp + c[pc]] = v ^ 0x8000000000000000L;
            pc += 2;
            return pc;
                }
        case Jop.I64_LOAD8_S_M:
            s[fp + c[pc]] = mem.i32Load8S((int) s[fp + c[pc + 1]], c[pc + 2]);
            pc += 3;
            return pc;
        case Jop.I64_LOAD8_U_M:
            s[fp + c[pc]] = mem.i32Load8U((int) s[fp + c[pc + 1]], c[pc + 2]);
            pc += 3;
            return pc;
        case Jop.I64_LOAD16_S_M:
            s[fp + c[pc]] = mem.i32Load16S((int) s[fp + c[pc + 1]], c[pc + 2]);
            pc += 3;
            return pc;
        case Jop.I64_LOAD16_U_M:
            s[fp + c[pc]] = mem.i32Load16U((int) s[fp + c[pc + 1]], c[pc + 2]);
            pc += 3;
            return pc;
        case Jop.I64_LOAD32_S_M:
            s[fp + c[pc]] = mem.i32Load((int) s[fp + c[pc + 1]], c[pc + 2]);
            pc += 3;
            return pc;
        case Jop.I64_LOAD32_U_M:
            s[fp + c[pc]] = mem.i32Load((int) s[fp + c[pc + 1]], c[pc + 2]) & 0xFFFFFFFFL;
            pc += 3;
            return pc;
        case Jop.I64_STORE8_M:
            mem.i32Store8((int) s[fp + c[pc]], c[pc + 2], (int) s[fp + c[pc + 1]]);
            pc += 3;
            return pc;
        case Jop.I64_STORE16_M:
            mem.i32Store16((int) s[fp + c[pc]], c[pc + 2], (int) s[fp + c[pc + 1]]);
            pc += 3;
            return pc;
        case Jop.I64_STORE32_M:
            mem.i32Store((int) s[fp + c[pc]], c[pc + 2], (int) s[fp + c[pc + 1]]);
            pc += 3;
            return pc;
        case Jop.UNOP:
            s[fp + c[pc]] = Runtime.unary(c[pc + 2], s[fp + c[pc + 1]]);
            pc += 3;
            return pc;
        case Jop.BINOP:
            s[fp + c[pc]] = Runtime.binary(c[pc + 3], s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            pc += 4;
            return pc;
        case Jop.MEMORY_SIZE_M:
            s[fp + c[pc]] = mem.pages();
            pc++;
            return pc;
        case Jop.MEMORY_GROW_M:
            s[fp + c[pc]] = mem.grow((int) s[fp + c[pc + 1]]);
            pc += 2;
            return pc;
        case Jop.I64_SHL_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x << (int) y;
            pc += 3;
            return pc;
                }
        case Jop.I64_SHR_S_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x >> (int) y;
            pc += 3;
            return pc;
                }
        case Jop.I64_SHR_U_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x >>> (int) y;
            pc += 3;
            return pc;
                }
        case Jop.I64_OR_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x | y;
            pc += 3;
            return pc;
                }
        case Jop.I64_XOR_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x ^ y;
            pc += 3;
            return pc;
                }
        case Jop.I64_MUL_SS: {
            long x = s[fp + c[pc + 1]];
            long y = s[fp + c[pc + 2]];
            s[fp + c[pc]] = x * y;
            pc += 3;
            return pc;
                }
        case Jop.F64_DIV_SS: {
            double x = Double.longBitsToDouble(s[fp + c[pc + 1]]);
            double y = Double.longBitsToDouble(s[fp + c[pc + 2]]);
            s[fp + c[pc]] = Double.doubleToLongBits(x / y);
            pc += 3;
            return pc;
                }
        default:
            throw Engine.corrupt("corrupt compiled code: template ", c[pc - 1]);
        }
    }

    /**
     * Runs the {@code f32.chain d a n} or {@code f32.chain_l d a k off n} steps at {@code pc}
     * (jit-ops.txt): one conversion from bits for each operand and one back for the result, the
     * intermediate values Java floats, so every step rounds as the Wasm operator does. Returns the
     * pc after it. (f32 and f64 have a method each, so that neither tests its width per step.)
     */
    static int chain32(Memory mem, long[] s, int[] c, int pc, int fp) {
        int i = pc + 2;
        int bits = (int) s[fp + c[pc + 1]];
        if (c[pc - 1] == Jop.F32_CHAIN_L) {
            // the load, as f32.load_ak's: the address wraps, then the offset is added
            int a = bits + c[pc + 2];
            int off = c[pc + 3];
            if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                throw Trap.memoryOutOfBounds;
            }
            byte[] d = mem.data;
            a += off;
            bits = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
            i = pc + 4;
        }
        int end = i + 1 + c[i];
        float acc = Float.intBitsToFloat(bits);
        float x = 0;
        for (i++; i < end; i++) {
            int m = c[i];
            if ((m & 16) != 0) { // a constant: its bits follow (in the first of two ints)
                x = Float.intBitsToFloat(c[i + 1]);
                i += 2;
            } else if (m != 4) { // not sqrt, which has no operand
                x = Float.intBitsToFloat((int) s[fp + (m >> 5)]);
            }
            switch (m & 15) {
                case 0: case 8: acc += x; break;
                case 1: acc -= x; break;
                case 9: acc = x - acc; break;
                case 2: case 10: acc *= x; break;
                case 3: acc /= x; break;
                case 11: acc = x / acc; break;
                default: acc = (float) Math.sqrt(acc); break;
            }
        }
        s[fp + c[pc]] = Float.floatToIntBits(acc);
        return end;
    }

    /** As {@link #chain32}, for {@code f64.chain} / {@code f64.chain_l}, the values Java doubles. */
    static int chain64(Memory mem, long[] s, int[] c, int pc, int fp) {
        int i = pc + 2;
        long v = s[fp + c[pc + 1]];
        if (c[pc - 1] == Jop.F64_CHAIN_L) {
            // the load, as f64.load_ak's
            int a = (int) v + c[pc + 2];
            int off = c[pc + 3];
            if ((a | off) < 0 || a > mem.byteSize - 8 - off) {
                throw Trap.memoryOutOfBounds;
            }
            byte[] d = mem.data;
            a += off;
            v = ((d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24) & 0xFFFFFFFFL
                    | (long) ((d[a + 4] & 0xFF) | (d[a + 5] & 0xFF) << 8 | (d[a + 6] & 0xFF) << 16 | d[a + 7] << 24) << 32;
            i = pc + 4;
        }
        int end = i + 1 + c[i];
        double acc = Double.longBitsToDouble(v);
        double x = 0;
        for (i++; i < end; i++) {
            int m = c[i];
            if ((m & 16) != 0) { // a constant: its bits follow (low, high)
                x = Double.longBitsToDouble((c[i + 1] & 0xFFFFFFFFL) | ((long) c[i + 2] << 32));
                i += 2;
            } else if (m != 4) {
                x = Double.longBitsToDouble(s[fp + (m >> 5)]);
            }
            switch (m & 15) {
                case 0: case 8: acc += x; break;
                case 1: acc -= x; break;
                case 9: acc = x - acc; break;
                case 2: case 10: acc *= x; break;
                case 3: acc /= x; break;
                case 11: acc = x / acc; break;
                default: acc = Math.sqrt(acc); break;
            }
        }
        s[fp + c[pc]] = Double.doubleToLongBits(acc);
        return end;
    }

    /**
     * A miss of the inline cache {@code call_indirect_ic k q} at cache pc {@code pc - 1} (the
     * site's {@code call_indirect y t x e b} follows it) with table index {@code i}: records the
     * target in the site's profile ({@link Instance#icTarget}, {@link Instance#icMisses}) and
     * caches it when it is a compiled function of this instance. Silent on a target that traps:
     * the call_indirect that runs next raises the interpreter's trap. After
     * {@link Compiler#inlineCacheMisses} target changes the cache becomes a jump to the
     * call_indirect for good.
     */
    static void icMiss(Store st, Instance inst, int[] c, int pc, int i) {
        Table tb = inst.tables[c[pc + 4]];
        if (i < 0 || i >= tb.size || tb.elems[i] == 0) {
            return;
        }
        int ref = tb.elems[i];
        Function fn = st.functionAt(ref);
        if (fn.typeId != inst.typeIds[c[pc + 3]]) {
            return;
        }
        int site = c[pc + 1];
        int last = inst.icTarget[site];
        if (last != ref) {
            inst.icTarget[site] = ref;
            if (last != 0 && ++inst.icMisses[site] > st.compiler.inlineCacheMisses()) {
                c[pc - 1] = Jop.JUMP; // megamorphic: straight to the call_indirect (a forward jump: no poll)
                c[pc] = pc + 2;
                return;
            }
        }
        if (fn.host == null && fn.instance == inst) {
            int e = inst.compiled[Layout.u32(inst.code, fn.entry + Layout.H_FUNC_INDEX) - inst.firstDefined];
            if (e >= 0) {
                c[pc] = ref;
                c[pc + 6] = e;
            }
        }
    }

    /**
     * Whether the comparison of the compare-and-branch template at {@code pc - 1} (one of the
     * rarest, which CompiledLoop runs out of line) holds.
     */
    static boolean holds(long[] s, int[] c, int pc, int fp) {
        int x = (int) s[fp + c[pc]];
        switch (c[pc - 1]) {
            case Jop.BR_I32_GT_S_SI: return x > c[pc + 1];
            case Jop.BR_I32_GT_U_SS: return (x ^ 0x80000000) > ((int) s[fp + c[pc + 1]] ^ 0x80000000);
            case Jop.BR_I32_LE_S_SI: return x <= c[pc + 1];
            case Jop.BR_I32_LE_U_SS: return (x ^ 0x80000000) <= ((int) s[fp + c[pc + 1]] ^ 0x80000000);
            case Jop.BR_I32_LE_U_SI: return (x ^ 0x80000000) <= (c[pc + 1] ^ 0x80000000);
            case Jop.BR_I32_GE_S_SS: return x >= (int) s[fp + c[pc + 1]];
            case Jop.BR_I32_GE_S_SI: return x >= c[pc + 1];
            case Jop.BR_I32_GE_U_SI: return (x ^ 0x80000000) >= (c[pc + 1] ^ 0x80000000);
            default: throw Engine.corrupt("corrupt compiled code: template ", c[pc - 1]);
        }
    }

    /** {@code x op y} for the i32 template {@code jop} (slot or immediate {@code y}). */
    private static int i32(int jop, int x, int y) {
        switch (jop) {
            case Jop.I32_SHL_SS: return x << y;
            case Jop.I32_SHR_S_SS: return x >> y;
            case Jop.I32_SHR_U_SS: return x >>> y;
            case Jop.I32_SUB_SI: return x - y;
            case Jop.I32_EQ_SS: case Jop.I32_EQ_SI: return x == y ? 1 : 0;
            case Jop.I32_NE_SS: case Jop.I32_NE_SI: return x != y ? 1 : 0;
            case Jop.I32_LT_S_SS: case Jop.I32_LT_S_SI: return x < y ? 1 : 0;
            case Jop.I32_GT_S_SS: case Jop.I32_GT_S_SI: return x > y ? 1 : 0;
            case Jop.I32_LE_S_SS: case Jop.I32_LE_S_SI: return x <= y ? 1 : 0;
            case Jop.I32_GE_S_SS: case Jop.I32_GE_S_SI: return x >= y ? 1 : 0;
            case Jop.I32_LT_U_SS: return (x ^ 0x80000000) < (y ^ 0x80000000) ? 1 : 0;
            case Jop.I32_GT_U_SS: case Jop.I32_GT_U_SI: return (x ^ 0x80000000) > (y ^ 0x80000000) ? 1 : 0;
            case Jop.I32_LE_U_SS: case Jop.I32_LE_U_SI: return (x ^ 0x80000000) <= (y ^ 0x80000000) ? 1 : 0;
            default: return (x ^ 0x80000000) >= (y ^ 0x80000000) ? 1 : 0; // ge_u
        }
    }
}
