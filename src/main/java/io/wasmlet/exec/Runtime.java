package io.wasmlet.exec;

import io.wasmlet.binary.DataSegment;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.code.Op;
import io.wasmlet.code.WasmOps;
import io.wasmlet.error.Trap;

/**
 * The operators kept out of the interpreter's dispatch method: float rounding, conversions, sign
 * extension, saturating truncation, bulk memory and table operators. Each reads its operands
 * from the store's stack at {@code st.sp} and leaves {@code st.sp} updated; the JIT tier calls
 * the same code.
 */
final class Runtime {
    private Runtime() {
    }

    /** Resolves a call_indirect target or traps. */
    static Function indirectTarget(Store st, Instance inst, int typeIndex, int tableIndex, int i) {
        Table t = inst.tables[tableIndex];
        if (i < 0 || i >= t.size) {
            throw Trap.undefinedElement;
        }
        int ref = t.elems[i];
        if (ref == 0) {
            throw Trap.uninitializedElement;
        }
        Function fn = st.functionAt(ref);
        if (fn.typeId != inst.typeIds[typeIndex]) {
            throw Trap.indirectTypeMismatch;
        }
        return fn;
    }

    /** Cannot happen with code the validator emitted. */
    private static RuntimeException corrupt(int op) {
        return new RuntimeException(io.wasmlet.error.Msg.hex("corrupt pre-decoded code: opcode ", op));
    }

    private static float f32(long raw) {
        return Float.intBitsToFloat((int) raw);
    }

    private static double f64(long raw) {
        return Double.longBitsToDouble(raw);
    }

    /**
     * The one-operand numeric operators kept out of the interpreter's switch (rounding,
     * conversions, sign extension, saturating truncation): raw bits in, raw bits out. Both tiers
     * call it.
     */
    static long unary(int op, long a) {
        switch (op) {
            case Op.F32_CEIL: return WasmOps.f32Ceil((int) a);
            case Op.F32_FLOOR: return WasmOps.f32Floor((int) a);
            case Op.F32_TRUNC: return WasmOps.f32Trunc((int) a);
            case Op.F32_NEAREST: return WasmOps.f32Nearest((int) a);
            case Op.F32_SQRT: return WasmOps.f32Sqrt((int) a);
            case Op.F64_CEIL: return WasmOps.f64Ceil(a);
            case Op.F64_FLOOR: return WasmOps.f64Floor(a);
            case Op.F64_TRUNC: return WasmOps.f64Trunc(a);
            case Op.F64_NEAREST: return WasmOps.f64Nearest(a);
            case Op.F64_SQRT: return WasmOps.f64Sqrt(a);
            case Op.I32_TRUNC_F32_S: return WasmOps.i32TruncS(f32(a));
            case Op.I32_TRUNC_F32_U: return WasmOps.i32TruncU(f32(a));
            case Op.I32_TRUNC_F64_S: return WasmOps.i32TruncS(f64(a));
            case Op.I32_TRUNC_F64_U: return WasmOps.i32TruncU(f64(a));
            case Op.I64_TRUNC_F32_S: return WasmOps.i64TruncS(f32(a));
            case Op.I64_TRUNC_F32_U: return WasmOps.i64TruncU(f32(a));
            case Op.I64_TRUNC_F64_S: return WasmOps.i64TruncS(f64(a));
            case Op.I64_TRUNC_F64_U: return WasmOps.i64TruncU(f64(a));
            case Op.F32_CONVERT_I32_S: return WasmOps.bits((float) (int) a);
            case Op.F32_CONVERT_I32_U: return WasmOps.bits((float) (a & 0xFFFFFFFFL));
            case Op.F32_CONVERT_I64_S: return WasmOps.bits((float) a);
            case Op.F32_CONVERT_I64_U: return WasmOps.bits(WasmOps.f32ConvertI64U(a));
            case Op.F32_DEMOTE_F64: return WasmOps.bits((float) f64(a));
            case Op.F64_CONVERT_I32_S: return WasmOps.bits((double) (int) a);
            case Op.F64_CONVERT_I32_U: return WasmOps.bits((double) (a & 0xFFFFFFFFL));
            case Op.F64_CONVERT_I64_S: return WasmOps.bits((double) a);
            case Op.F64_CONVERT_I64_U: return WasmOps.bits(WasmOps.f64ConvertI64U(a));
            case Op.F64_PROMOTE_F32: return WasmOps.bits((double) f32(a));
            case Op.I32_EXTEND8_S: return (byte) a;
            case Op.I32_EXTEND16_S: return (short) a;
            case Op.I64_EXTEND8_S: return (byte) a;
            case Op.I64_EXTEND16_S: return (short) a;
            case Op.I64_EXTEND32_S: return (int) a;
            case Op.I32_TRUNC_SAT_F32_S: return WasmOps.i32TruncSatS(f32(a));
            case Op.I32_TRUNC_SAT_F32_U: return WasmOps.i32TruncSatU(f32(a));
            case Op.I32_TRUNC_SAT_F64_S: return WasmOps.i32TruncSatS(f64(a));
            case Op.I32_TRUNC_SAT_F64_U: return WasmOps.i32TruncSatU(f64(a));
            case Op.I64_TRUNC_SAT_F32_S: return WasmOps.i64TruncSatS(f32(a));
            case Op.I64_TRUNC_SAT_F32_U: return WasmOps.i64TruncSatU(f32(a));
            case Op.I64_TRUNC_SAT_F64_S: return WasmOps.i64TruncSatS(f64(a));
            case Op.I64_TRUNC_SAT_F64_U: return WasmOps.i64TruncSatU(f64(a));
            default: throw corrupt(op);
        }
    }

    /** The two-operand numeric operators kept out of the switch (float min, max, copysign). */
    static long binary(int op, long a, long b) {
        switch (op) {
            case Op.F32_MIN: return WasmOps.f32Min((int) a, (int) b);
            case Op.F32_MAX: return WasmOps.f32Max((int) a, (int) b);
            case Op.F32_COPYSIGN: return WasmOps.f32Copysign((int) a, (int) b);
            case Op.F64_MIN: return WasmOps.f64Min(a, b);
            case Op.F64_MAX: return WasmOps.f64Max(a, b);
            case Op.F64_COPYSIGN: return WasmOps.f64Copysign(a, b);
            default: throw corrupt(op);
        }
    }

    /**
     * Executes the operator at {@code pc - 1} and returns the pc of the next instruction.
     * Operands are at the top of {@code st.stack} below {@code st.sp}.
     */
    static int slowOp(Store st, Instance inst, char[] code, int pc, int fp) {
        long[] s = st.stack;
        int sp = st.sp;
        int op = code[pc - 1];
        switch (op) {
            case Op.F32_MIN:
            case Op.F32_MAX:
            case Op.F32_COPYSIGN:
            case Op.F64_MIN:
            case Op.F64_MAX:
            case Op.F64_COPYSIGN:
                sp--;
                s[sp - 1] = binary(op, s[sp - 1], s[sp]);
                break;
            case Op.F32_CEIL:
            case Op.F32_FLOOR:
            case Op.F32_TRUNC:
            case Op.F32_NEAREST:
            case Op.F32_SQRT:
            case Op.F64_CEIL:
            case Op.F64_FLOOR:
            case Op.F64_TRUNC:
            case Op.F64_NEAREST:
            case Op.F64_SQRT:
            case Op.I32_TRUNC_F32_S:
            case Op.I32_TRUNC_F32_U:
            case Op.I32_TRUNC_F64_S:
            case Op.I32_TRUNC_F64_U:
            case Op.I64_TRUNC_F32_S:
            case Op.I64_TRUNC_F32_U:
            case Op.I64_TRUNC_F64_S:
            case Op.I64_TRUNC_F64_U:
            case Op.F32_CONVERT_I32_S:
            case Op.F32_CONVERT_I32_U:
            case Op.F32_CONVERT_I64_S:
            case Op.F32_CONVERT_I64_U:
            case Op.F32_DEMOTE_F64:
            case Op.F64_CONVERT_I32_S:
            case Op.F64_CONVERT_I32_U:
            case Op.F64_CONVERT_I64_S:
            case Op.F64_CONVERT_I64_U:
            case Op.F64_PROMOTE_F32:
            case Op.I32_EXTEND8_S:
            case Op.I32_EXTEND16_S:
            case Op.I64_EXTEND8_S:
            case Op.I64_EXTEND16_S:
            case Op.I64_EXTEND32_S:
            case Op.I32_TRUNC_SAT_F32_S:
            case Op.I32_TRUNC_SAT_F32_U:
            case Op.I32_TRUNC_SAT_F64_S:
            case Op.I32_TRUNC_SAT_F64_U:
            case Op.I64_TRUNC_SAT_F32_S:
            case Op.I64_TRUNC_SAT_F32_U:
            case Op.I64_TRUNC_SAT_F64_S:
            case Op.I64_TRUNC_SAT_F64_U:
                s[sp - 1] = unary(op, s[sp - 1]);
                break;
            case Op.MEM_WIDE: {
                // an offset of 65,536 or more: added to the address here, for the load or store
                // that follows with offset 0 (a store's address is below its value)
                int at = code[pc + 2] >= Op.I32_STORE ? sp - 2 : sp - 1;
                long ea = (s[at] & 0xFFFFFFFFL) + ((code[pc] << 16 | code[pc + 1]) & 0xFFFFFFFFL);
                if (ea > 0xFFFFFFFFL) {
                    throw Trap.memoryOutOfBounds;
                }
                s[at] = (int) ea;
                pc += 2;
                break;
            }
            case Op.MEMORY_INIT: {
                int seg = code[pc] << 16 | code[pc + 1];
                pc += 2;
                sp -= 3;
                DataSegment d = inst.data.datas[seg];
                int len = inst.dataLive[seg] ? d.length : 0;
                inst.memory.init(ModuleData.bytes(d), 0, len, (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            case Op.DATA_DROP:
                inst.dataLive[code[pc] << 16 | code[pc + 1]] = false;
                pc += 2;
                break;
            case Op.MEMORY_COPY:
                sp -= 3;
                inst.memory.copy((int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            case Op.MEMORY_FILL:
                sp -= 3;
                inst.memory.fill((int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            case Op.TABLE_INIT: {
                int seg = code[pc] << 16 | code[pc + 1];
                Table t = inst.tables[code[pc + 2]];
                pc += 3;
                sp -= 3;
                t.init(inst.elemRefs[seg], (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            case Op.ELEM_DROP:
                inst.elemRefs[code[pc] << 16 | code[pc + 1]] = null;
                pc += 2;
                break;
            case Op.TABLE_COPY: {
                Table dst = inst.tables[code[pc + 1]]; // two units (the high one 0), as table.init's segment
                Table src = inst.tables[code[pc + 2]];
                pc += 3;
                sp -= 3;
                dst.copyFrom(src, (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            case Op.TABLE_GROW: {
                Table t = inst.tables[code[pc++]];
                sp--;
                s[sp - 1] = t.grow((int) s[sp], (int) s[sp - 1]);
                break;
            }
            case Op.TABLE_SIZE:
                s[sp++] = inst.tables[code[pc++]].size;
                break;
            case Op.TABLE_FILL: {
                Table t = inst.tables[code[pc++]];
                sp -= 3;
                t.fill((int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            default:
                throw corrupt(op);
        }
        st.sp = sp;
        return pc;
    }
}
