package io.wasmlet.exec;

import io.wasmlet.code.Jop;
import io.wasmlet.code.Layout;
import io.wasmlet.code.WasmOps;
import io.wasmlet.error.Trap;

/**
 * The second tier's loop: runs the register-style code the JIT translator wrote into the
 * store's code cache ({@link Jop}, documented in {@code tools/opgen/jit-ops.txt}). Operands are
 * frame slots addressed fp-relative, exactly the interpreter's slots, so an instruction such as
 * {@code i32.add_ss d a b} does in one dispatch what the interpreter does in four
 * ({@code local.get a; local.get b; i32.add; local.set d}); the operand-stack pointer is static
 * and not kept at all. The semantics are {@link WasmOps}', {@link Memory}'s and {@link Runtime}'s,
 * shared with the interpreter so the tiers cannot drift. Like the interpreter it keeps its state
 * in locals, pushes frames instead of recursing, and returns to {@link Engine} to switch tiers.
 *
 * <p>Polls: every taken backward branch and every call decrements the poll counter; at zero it
 * checks for interruption ({@link Engine#poll}).
 */
final class CompiledLoop {
    private CompiledLoop() {
    }

    /** As {@link Interpreter#run}, for code in the cache; returns {@link Engine#INTERP} to switch back. */
    static int run(Store st, int baseFsp) {
        final long[] s = st.stack;
        final int[] frames = st.frames;
        final Object[] frameInst = st.frameInst;
        final int[] c = st.cache;
        int fsp = st.fsp;
        Instance inst = st.curInst;
        Memory mem = inst.memory;
        Global[] globals = inst.globals;
        int fp = st.fp;
        int pc = st.pc;
        int poll = st.pollLeft;
        // the fuel left, in a local: st.instructions is brought up to date wherever the loop
        // ends (one exit below the loop, and the handler) and around host calls
        long fuel = st.fuelLimit - st.instructions;
        boolean inHost = false;
        int tier;
        // one handler for the whole loop (not indented, to keep the loop's lines as they are):
        // it records where a trap or exhaustion left the loop, for the store's backtrace
        try {
        loop:
        while (true) {
            switch (c[pc++]) {
                case Jop.MOV:
                    s[fp + c[pc]] = s[fp + c[pc + 1]];
                    pc += 2;
                    break;
                case Jop.CONST:
                    s[fp + c[pc]] = c[pc + 1];
                    pc += 2;
                    break;
                case Jop.CONST64:
                    s[fp + c[pc]] = (c[pc + 1] & 0xFFFFFFFFL) | ((long) c[pc + 2] << 32);
                    pc += 3;
                    break;
                case Jop.I32_ADD_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] + (int) s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I32_SUB_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] - (int) s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I32_MUL_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] * (int) s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I32_AND_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] & (int) s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I32_OR_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] | (int) s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I32_XOR_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] ^ (int) s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I32_ROTL_SI: {
                    int x = (int) s[fp + c[pc + 1]];
                    s[fp + c[pc]] = x << c[pc + 2] | x >>> -c[pc + 2];
                    pc += 3;
                    break;
                }
                case Jop.I32_SHL_XOR_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] << c[pc + 2] ^ (int) s[fp + c[pc + 3]];
                    pc += 4;
                    break;
                case Jop.I32_SHR_U_XOR_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] >>> c[pc + 2] ^ (int) s[fp + c[pc + 3]];
                    pc += 4;
                    break;
                case Jop.I32_ADD3_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] + (int) s[fp + c[pc + 2]] + (int) s[fp + c[pc + 3]];
                    pc += 4;
                    break;
                case Jop.I32_ADD_SS_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] + (int) s[fp + c[pc + 2]] + c[pc + 3];
                    pc += 4;
                    break;
                case Jop.I32_MUL_ADD_SS:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] * (int) s[fp + c[pc + 2]] + (int) s[fp + c[pc + 3]];
                    pc += 4;
                    break;
                case Jop.I32_ADD_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_MUL_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] * c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_AND_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] & c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_OR_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] | c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_XOR_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] ^ c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_SHL_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] << c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_SHR_S_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] >> c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_SHR_U_SI:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] >>> c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I32_LT_U_SI:
                    s[fp + c[pc]] = ((int) s[fp + c[pc + 1]] ^ 0x80000000) < (c[pc + 2] ^ 0x80000000) ? 1 : 0;
                    pc += 3;
                    break;
                case Jop.I32_EQZ_S: {
                    long v = s[fp + c[pc + 1]];
                    s[fp + c[pc]] = (int) v == 0 ? 1 : 0;
                    pc += 2;
                    break;
                }
                case Jop.I64_ADD_SS:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] + s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I64_SUB_SS:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] - s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I64_AND_SS:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] & s[fp + c[pc + 2]];
                    pc += 3;
                    break;
                case Jop.I64_EQZ_S:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] == 0 ? 1 : 0;
                    pc += 2;
                    break;
                case Jop.F64_ADD_SS:
                    s[fp + c[pc]] = Double.doubleToLongBits(Double.longBitsToDouble(s[fp + c[pc + 1]]) + Double.longBitsToDouble(s[fp + c[pc + 2]]));
                    pc += 3;
                    break;
                case Jop.F64_SUB_SS:
                    s[fp + c[pc]] = Double.doubleToLongBits(Double.longBitsToDouble(s[fp + c[pc + 1]]) - Double.longBitsToDouble(s[fp + c[pc + 2]]));
                    pc += 3;
                    break;
                case Jop.F64_MUL_SS:
                    s[fp + c[pc]] = Double.doubleToLongBits(Double.longBitsToDouble(s[fp + c[pc + 1]]) * Double.longBitsToDouble(s[fp + c[pc + 2]]));
                    pc += 3;
                    break;
                case Jop.F32_CHAIN:
                case Jop.F32_CHAIN_L:
                    pc = CompiledOps.chain32(mem, s, c, pc, fp);
                    break;
                case Jop.F64_CHAIN:
                case Jop.F64_CHAIN_L:
                    pc = CompiledOps.chain64(mem, s, c, pc, fp);
                    break;
                case Jop.I32_WRAP_I64_S: {
                    long v = s[fp + c[pc + 1]];
                    s[fp + c[pc]] = (int) v;
                    pc += 2;
                    break;
                }
                case Jop.I64_EXTEND_I32_U_S: {
                    long v = s[fp + c[pc + 1]];
                    s[fp + c[pc]] = v & 0xFFFFFFFFL;
                    pc += 2;
                    break;
                }
                case Jop.I32_LOAD_AK: {
                    // memory access inlined: the address is a slot plus k (the i32.add the
                    // translator folded in, wrapping like it; k = 0 for a plain load), an int-only
                    // bounds check (addresses and offsets at or above 2^31 are out of bounds of
                    // any Java-backed memory) and the bytes
                    int a = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    int off = c[pc + 3];
                    if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    s[fp + c[pc]] = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
                    pc += 4;
                    break;
                }
                case Jop.I64_LOAD_M:
                    s[fp + c[pc]] = mem.i64Load((int) s[fp + c[pc + 1]], c[pc + 2]);
                    pc += 3;
                    break;
                case Jop.F32_LOAD_AK:
                case Jop.F64_LOAD_AK: {
                    // the bits, never a float (every NaN payload bit kept), addressed and checked
                    // as i32.load_ak's; f32 as i32.load's value, f64 as i64.load's
                    int a = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    int off = c[pc + 3];
                    boolean w = c[pc - 1] == Jop.F64_LOAD_AK;
                    if ((a | off) < 0 || a > mem.byteSize - (w ? 8 : 4) - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    long v = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
                    if (w) {
                        v = v & 0xFFFFFFFFL | (long) ((d[a + 4] & 0xFF) | (d[a + 5] & 0xFF) << 8 | (d[a + 6] & 0xFF) << 16 | d[a + 7] << 24) << 32;
                    }
                    s[fp + c[pc]] = v;
                    pc += 4;
                    break;
                }
                case Jop.I32_LOAD8_S_M:
                    s[fp + c[pc]] = mem.i32Load8S((int) s[fp + c[pc + 1]], c[pc + 2]);
                    pc += 3;
                    break;
                case Jop.I32_LOAD8_U_AK: {
                    int a = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    int off = c[pc + 3];
                    if ((a | off) < 0 || a > mem.byteSize - 1 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    s[fp + c[pc]] = mem.data[a + off] & 0xFF;
                    pc += 4;
                    break;
                }
                case Jop.I32_XOR_LOAD8_U: {
                    // a load whose value only the next operator reads, with that operator
                    int a = (int) s[fp + c[pc + 2]] + c[pc + 3];
                    int off = c[pc + 4];
                    if ((a | off) < 0 || a > mem.byteSize - 1 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] ^ mem.data[a + off] & 0xFF;
                    pc += 5;
                    break;
                }
                case Jop.I32_MUL_LOAD: {
                    int a = (int) s[fp + c[pc + 2]] + c[pc + 3];
                    int off = c[pc + 4];
                    if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]]
                            * ((d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24);
                    pc += 5;
                    break;
                }
                case Jop.I32_MUL_LOAD16_S: {
                    int a = (int) s[fp + c[pc + 2]] + c[pc + 3];
                    int off = c[pc + 4];
                    if ((a | off) < 0 || a > mem.byteSize - 2 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] * ((d[a] & 0xFF) | d[a + 1] << 8);
                    pc += 5;
                    break;
                }
                case Jop.I32_LOAD_SS: {
                    // the address computations the translator folds into a load (an add of two
                    // slots, a shift then an add, a mask then an add), wrapping like the operators
                    int a = (int) s[fp + c[pc + 1]] + (int) s[fp + c[pc + 2]];
                    int off = c[pc + 3];
                    if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    s[fp + c[pc]] = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
                    pc += 4;
                    break;
                }
                case Jop.I32_LOAD_SHK: {
                    int a = ((int) s[fp + c[pc + 1]] << c[pc + 2]) + c[pc + 3];
                    int off = c[pc + 4];
                    if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    s[fp + c[pc]] = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8 | (d[a + 2] & 0xFF) << 16 | d[a + 3] << 24;
                    pc += 5;
                    break;
                }
                case Jop.I32_LOAD8_U_MK: {
                    int a = ((int) s[fp + c[pc + 1]] & c[pc + 2]) + c[pc + 3];
                    int off = c[pc + 4];
                    if ((a | off) < 0 || a > mem.byteSize - 1 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    s[fp + c[pc]] = mem.data[a + off] & 0xFF;
                    pc += 5;
                    break;
                }
                case Jop.I32_STORE_M: {
                    int a = (int) s[fp + c[pc]];
                    int off = c[pc + 2];
                    if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    int v = (int) s[fp + c[pc + 1]];
                    d[a] = (byte) v;
                    d[a + 1] = (byte) (v >> 8);
                    d[a + 2] = (byte) (v >> 16);
                    d[a + 3] = (byte) (v >> 24);
                    pc += 3;
                    break;
                }
                case Jop.I64_STORE_M:
                    mem.i64Store((int) s[fp + c[pc]], c[pc + 2], s[fp + c[pc + 1]]);
                    pc += 3;
                    break;
                case Jop.F32_STORE_M:
                case Jop.F64_STORE_M: {
                    // the bits as they are, checked as i32.store_m's
                    int a = (int) s[fp + c[pc]];
                    int off = c[pc + 2];
                    boolean w = c[pc - 1] == Jop.F64_STORE_M;
                    if ((a | off) < 0 || a > mem.byteSize - (w ? 8 : 4) - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    long v = s[fp + c[pc + 1]];
                    d[a] = (byte) v;
                    d[a + 1] = (byte) (v >> 8);
                    d[a + 2] = (byte) (v >> 16);
                    d[a + 3] = (byte) (v >> 24);
                    if (w) {
                        d[a + 4] = (byte) (v >> 32);
                        d[a + 5] = (byte) (v >> 40);
                        d[a + 6] = (byte) (v >> 48);
                        d[a + 7] = (byte) (v >> 56);
                    }
                    pc += 3;
                    break;
                }
                case Jop.I32_STORE_AK: {
                    int a = (int) s[fp + c[pc]] + c[pc + 1];
                    int off = c[pc + 3];
                    if ((a | off) < 0 || a > mem.byteSize - 4 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    int v = (int) s[fp + c[pc + 2]];
                    d[a] = (byte) v;
                    d[a + 1] = (byte) (v >> 8);
                    d[a + 2] = (byte) (v >> 16);
                    d[a + 3] = (byte) (v >> 24);
                    pc += 4;
                    break;
                }
                case Jop.I32_STORE8_AK: {
                    int a = (int) s[fp + c[pc]] + c[pc + 1];
                    int off = c[pc + 3];
                    if ((a | off) < 0 || a > mem.byteSize - 1 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    mem.data[a + off] = (byte) s[fp + c[pc + 2]];
                    pc += 4;
                    break;
                }
                case Jop.I32_STORE8_M: {
                    int a = (int) s[fp + c[pc]];
                    int off = c[pc + 2];
                    if ((a | off) < 0 || a > mem.byteSize - 1 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    mem.data[a + off] = (byte) s[fp + c[pc + 1]];
                    pc += 3;
                    break;
                }
                case Jop.I32_STORE16_M: {
                    int a = (int) s[fp + c[pc]];
                    int off = c[pc + 2];
                    if ((a | off) < 0 || a > mem.byteSize - 2 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    int v = (int) s[fp + c[pc + 1]];
                    d[a] = (byte) v;
                    d[a + 1] = (byte) (v >> 8);
                    pc += 3;
                    break;
                }
                case Jop.I32_LOAD16_S_AK:
                case Jop.I32_LOAD16_U_AK: {
                    int a = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    int off = c[pc + 3];
                    if ((a | off) < 0 || a > mem.byteSize - 2 - off) {
                        throw Trap.memoryOutOfBounds;
                    }
                    byte[] d = mem.data;
                    a += off;
                    int v = (d[a] & 0xFF) | (d[a + 1] & 0xFF) << 8;
                    s[fp + c[pc]] = c[pc - 1] == Jop.I32_LOAD16_S_AK ? (short) v : v;
                    pc += 4;
                    break;
                }
                case Jop.BR_I32_EQ_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if (x == y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_EQ_SI: {
                    int x = (int) s[fp + c[pc]];
                    int y = c[pc + 1];
                    if (x == y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_NE_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if (x != y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_NE_SI: {
                    int x = (int) s[fp + c[pc]];
                    int y = c[pc + 1];
                    if (x != y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_LT_S_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if (x < y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_LT_S_SI: {
                    int x = (int) s[fp + c[pc]];
                    int y = c[pc + 1];
                    if (x < y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_LT_U_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if ((x ^ 0x80000000) < (y ^ 0x80000000)) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_LT_U_SI: {
                    int x = (int) s[fp + c[pc]];
                    int y = c[pc + 1];
                    if ((x ^ 0x80000000) < (y ^ 0x80000000)) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_GT_S_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if (x > y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_GT_U_SI: {
                    int x = (int) s[fp + c[pc]];
                    int y = c[pc + 1];
                    if ((x ^ 0x80000000) > (y ^ 0x80000000)) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_LE_S_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if (x <= y) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_GE_U_SS: {
                    int x = (int) s[fp + c[pc]];
                    int y = (int) s[fp + c[pc + 1]];
                    if ((x ^ 0x80000000) >= (y ^ 0x80000000)) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                }
                case Jop.BR_I32_GT_S_SI: case Jop.BR_I32_GT_U_SS: case Jop.BR_I32_LE_S_SI: case Jop.BR_I32_LE_U_SS:
                case Jop.BR_I32_LE_U_SI: case Jop.BR_I32_GE_S_SS: case Jop.BR_I32_GE_S_SI: case Jop.BR_I32_GE_U_SI:
                    // the rarest compare-and-branches, their comparison out of line
                    if (CompiledOps.holds(s, c, pc, fp)) {
                        int t = c[pc + 2];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 3;
                    }
                    break;
                case Jop.BR_I32_ADD_NE_SI: {
                    // a loop counter: add, write, compare, branch
                    int x = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    s[fp + c[pc]] = x;
                    if (x != c[pc + 3]) {
                        int t = c[pc + 4];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 5;
                    }
                    break;
                }
                case Jop.BR_ADD_NZ: {
                    int x = (int) s[fp + c[pc + 1]] + c[pc + 2];
                    s[fp + c[pc]] = x;
                    if (x != 0) {
                        int t = c[pc + 3];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 4;
                    }
                    break;
                }
                case Jop.SELECT:
                    s[fp + c[pc]] = (int) s[fp + c[pc + 3]] != 0 ? s[fp + c[pc + 1]] : s[fp + c[pc + 2]];
                    pc += 4;
                    break;
                case Jop.F32_ADD_SS:
                    s[fp + c[pc]] = Float.floatToIntBits(Float.intBitsToFloat((int) s[fp + c[pc + 1]])
                            + Float.intBitsToFloat((int) s[fp + c[pc + 2]]));
                    pc += 3;
                    break;
                case Jop.F32_SUB_SS:
                    s[fp + c[pc]] = Float.floatToIntBits(Float.intBitsToFloat((int) s[fp + c[pc + 1]])
                            - Float.intBitsToFloat((int) s[fp + c[pc + 2]]));
                    pc += 3;
                    break;
                case Jop.F32_MUL_SS:
                    s[fp + c[pc]] = Float.floatToIntBits(Float.intBitsToFloat((int) s[fp + c[pc + 1]])
                            * Float.intBitsToFloat((int) s[fp + c[pc + 2]]));
                    pc += 3;
                    break;
                case Jop.I64_ADD_SI:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] + c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I64_SUB_SI:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] - c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I64_AND_SI:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] & c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I64_SHL_SI:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] << c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I64_SHR_U_SI:
                    s[fp + c[pc]] = s[fp + c[pc + 1]] >>> c[pc + 2];
                    pc += 3;
                    break;
                case Jop.I64_EXTEND_I32_S_S: {
                    long v = s[fp + c[pc + 1]];
                    s[fp + c[pc]] = (int) v;
                    pc += 2;
                    break;
                }
                case Jop.GLOBAL_GET_G:
                    s[fp + c[pc]] = globals[c[pc + 1]].value;
                    pc += 2;
                    break;
                case Jop.GLOBAL_SET_G:
                    globals[c[pc + 1]].value = s[fp + c[pc]];
                    pc += 2;
                    break;
                case Jop.JUMP: {
                    int t = c[pc];
                    if (t < pc && --poll < 0) {
                        poll = Engine.poll(st);
                    }
                    pc = t;
                    break;
                }
                case Jop.BR_NZ:
                    if ((int) s[fp + c[pc]] != 0) {
                        int t = c[pc + 1];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 2;
                    }
                    break;
                case Jop.BR_Z:
                    if ((int) s[fp + c[pc]] == 0) {
                        int t = c[pc + 1];
                        if (t < pc && --poll < 0) {
                            poll = Engine.poll(st);
                        }
                        pc = t;
                    } else {
                        pc += 2;
                    }
                    break;
                case Jop.BR_NZ_MOVE:
                    if ((int) s[fp + c[pc]] == 0) {
                        pc += 5;
                        break;
                    }
                    pc++;
                    // fall through: the branch is taken
                case Jop.BR_MOVE: {
                    int n = c[pc + 1];
                    int d = fp + c[pc + 2];
                    int src = fp + c[pc + 3];
                    for (int i = 0; i < n; i++) {
                        s[d + i] = s[src + i];
                    }
                    int t = c[pc];
                    if (t < pc && --poll < 0) {
                        poll = Engine.poll(st);
                    }
                    pc = t;
                    break;
                }
                case Jop.BR_TABLE: {
                    int i = (int) s[fp + c[pc]];
                    int n = c[pc + 1];
                    if (i < 0 || i > n) {
                        i = n;
                    }
                    int rec = pc + 2 + 4 * i;
                    int k = c[rec + 1];
                    int d = fp + c[rec + 2];
                    int src = fp + c[rec + 3];
                    for (int j = 0; j < k; j++) {
                        s[d + j] = s[src + j];
                    }
                    int t = c[rec];
                    if (t < pc && --poll < 0) {
                        poll = Engine.poll(st);
                    }
                    pc = t;
                    break;
                }
                case Jop.RETURN: {
                    int n = c[pc];
                    int src = fp + c[pc + 1];
                    for (int i = 0; i < n; i++) {
                        s[fp + i] = s[src + i];
                    }
                    int sp = fp + n;
                    if (fsp == baseFsp) {
                        st.sp = sp;
                        tier = Engine.DONE;
                        break loop;
                    }
                    fsp -= 2;
                    int ret = frames[fsp];
                    fp = frames[fsp + 1];
                    Instance caller = (Instance) frameInst[fsp >> 1];
                    if (ret >= 0) {
                        tier = Engine.leave(st, ret, fp, sp, fsp, caller, poll, Engine.INTERP);
                        break loop;
                    }
                    pc = ~ret;
                    if (caller != inst) {
                        inst = caller;
                        mem = inst.memory;
                        globals = inst.globals;
                    }
                    break;
                }
                case Jop.CALL_INDIRECT_IC: {
                    // k q, then the site's call_indirect y t x e b: while the table slot holds
                    // funcref k (its type checked when it was cached), call its compiled entry e
                    // as call_compiled does, from e b; otherwise update the profile and run the
                    // call_indirect
                    Table tb = inst.tables[c[pc + 4]];
                    int i = (int) s[fp + c[pc + 5]];
                    if (i < 0 || i >= tb.size || tb.elems[i] != c[pc]) {
                        CompiledOps.icMiss(st, inst, c, pc, i);
                        pc += 2;
                        break;
                    }
                    pc += 6;
                }
                // fall through: a hit
                case Jop.CALL_COMPILED: {
                    int e = c[pc];
                    int nfp = fp + c[pc + 1];
                    pc += 2;
                    if (fsp == frames.length || nfp + c[e + CompileJob.M_MAX_HEIGHT] >= s.length) {
                        throw Trap.callStackExhausted;
                    }
                    frames[fsp] = ~pc;
                    frames[fsp + 1] = fp;
                    frameInst[fsp >> 1] = inst;
                    fsp += 2;
                    fp = nfp;
                    for (int i = fp + c[e + CompileJob.M_PARAMS], n = i + c[e + CompileJob.M_LOCALS]; i < n; i++) {
                        s[i] = 0;
                    }
                    if (--poll < 0) {
                        poll = Engine.poll(st);
                    }
                    pc = e;
                    break;
                }
                case Jop.CALL:
                case Jop.CALL_INDIRECT: {
                    int at = pc - 1;
                    Function fn;
                    int base;
                    if (c[at] == Jop.CALL) {
                        fn = inst.funcs[c[pc]];
                        base = fp + c[pc + 1];
                        pc += 2;
                    } else {
                        fn = Runtime.indirectTarget(st, inst, c[pc], c[pc + 1], (int) s[fp + c[pc + 2]]);
                        base = fp + c[pc + 4];
                        pc += 5;
                    }
                    if (fn.host != null) {
                        st.sp = base + fn.type.paramCount();
                        st.fsp = fsp;
                        // the host may read or set the fuel, or call Wasm that spends it
                        st.instructions = st.fuelLimit - fuel;
                        inHost = true;
                        fn.host.call(inst, s, base);
                        inHost = false;
                        fuel = st.fuelLimit - st.instructions;
                        break;
                    }
                    Instance ci = fn.instance;
                    char[] icode = ci.code;
                    int h = fn.entry;
                    if (fsp == frames.length || base + icode[h + Layout.H_MAX_HEIGHT] >= s.length) {
                        throw Trap.callStackExhausted;
                    }
                    frames[fsp] = ~pc;
                    frames[fsp + 1] = fp;
                    frameInst[fsp >> 1] = inst;
                    fsp += 2;
                    fp = base;
                    int sp = base + icode[h + Layout.H_PARAMS];
                    for (int n = icode[h + Layout.H_LOCALS]; n > 0; n--) {
                        s[sp++] = 0;
                    }
                    if (--poll < 0) {
                        poll = Engine.poll(st);
                    }
                    int e = Engine.enter(st, ci, Layout.u32(icode, h + Layout.H_FUNC_INDEX) - ci.firstDefined);
                    if (e < 0) {
                        tier = Engine.leave(st, h + Layout.HEADER_SIZE, fp, sp, fsp, ci, poll, Engine.INTERP);
                        break loop;
                    }
                    if (ci == inst && c[at] == Jop.CALL) {
                        // bind the direct call: from now on it enters the compiled callee at once
                        c[at] = Jop.CALL_COMPILED;
                        c[at + 1] = e;
                    }
                    if (ci != inst) {
                        inst = ci;
                        mem = inst.memory;
                        globals = inst.globals;
                    }
                    pc = e;
                    break;
                }
                case Jop.CALL_INLINE:
                    // a leaf translated in line: what a call does before the callee's first
                    // instruction (its locals read as 0 in the translation), without the frame;
                    // the checks fail where call_compiled's would, with the same trap
                    if (fsp == frames.length || fp + c[pc] >= s.length) {
                        throw Trap.callStackExhausted;
                    }
                    if (--poll < 0) {
                        poll = Engine.poll(st);
                    }
                    pc++;
                    break;
                case Jop.EXIT:
                    // fall back to the interpreter at the same point of the same frame
                    tier = Engine.leave(st, c[pc], fp, fp + c[pc + 1], fsp, inst, poll, Engine.INTERP);
                    break loop;
                case Jop.SLOW:
                    st.sp = fp + c[pc + 1];
                    st.fsp = fsp;
                    Runtime.slowOp(st, inst, inst.code, c[pc] + 1, fp);
                    pc += 2;
                    break;
                case Jop.COUNT_CALL:
                    st.calls++;
                    // fall through: the function's first run
                case Jop.COUNT:
                    if ((fuel -= c[pc++]) < 0) {
                        fuel = 0; // the run does not start; the handler leaves the fuel at 0
                        throw Trap.outOfFuel;
                    }
                    break;
                case Jop.UNREACHABLE:
                    throw Trap.unreachable;
                default:
                    // the rarer value templates: out of line, so that this method stays under
                    // HotSpot's 8,000-byte compilation limit
                    pc = CompiledOps.exec(inst, s, c, pc, fp);
                    break;
            }
        }
        } catch (RuntimeException e) {
            if (!inHost) {
                st.instructions = st.fuelLimit - fuel;
            }
            throw Backtrace.unwind(st, e, inst, pc, fsp, baseFsp, true);
        }
        st.instructions = st.fuelLimit - fuel;
        return tier;
    }
}
