package io.wasmlet.exec;

import io.wasmlet.binary.DataSegment;
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
     * Executes the operator at {@code pc - 1} and returns the pc of the next instruction.
     * Operands are at the top of {@code st.stack} below {@code st.sp}.
     */
    static int slowOp(Store st, Instance inst, int[] code, int pc, int fp) {
        long[] s = st.stack;
        int sp = st.sp;
        int op = code[pc - 1];
        long a = sp > 0 ? s[sp - 1] : 0; // the top operand, for the operators that have one
        switch (op) {
            case Op.F32_CEIL: s[sp - 1] = WasmOps.f32Ceil((int) a); break;
            case Op.F32_FLOOR: s[sp - 1] = WasmOps.f32Floor((int) a); break;
            case Op.F32_TRUNC: s[sp - 1] = WasmOps.f32Trunc((int) a); break;
            case Op.F32_NEAREST: s[sp - 1] = WasmOps.f32Nearest((int) a); break;
            case Op.F32_SQRT: s[sp - 1] = WasmOps.f32Sqrt((int) a); break;
            case Op.F32_MIN: sp--; s[sp - 1] = WasmOps.f32Min((int) s[sp - 1], (int) a); break;
            case Op.F32_MAX: sp--; s[sp - 1] = WasmOps.f32Max((int) s[sp - 1], (int) a); break;
            case Op.F32_COPYSIGN: sp--; s[sp - 1] = WasmOps.f32Copysign((int) s[sp - 1], (int) a); break;
            case Op.F64_CEIL: s[sp - 1] = WasmOps.f64Ceil(a); break;
            case Op.F64_FLOOR: s[sp - 1] = WasmOps.f64Floor(a); break;
            case Op.F64_TRUNC: s[sp - 1] = WasmOps.f64Trunc(a); break;
            case Op.F64_NEAREST: s[sp - 1] = WasmOps.f64Nearest(a); break;
            case Op.F64_SQRT: s[sp - 1] = WasmOps.f64Sqrt(a); break;
            case Op.F64_MIN: sp--; s[sp - 1] = WasmOps.f64Min(s[sp - 1], a); break;
            case Op.F64_MAX: sp--; s[sp - 1] = WasmOps.f64Max(s[sp - 1], a); break;
            case Op.F64_COPYSIGN: sp--; s[sp - 1] = WasmOps.f64Copysign(s[sp - 1], a); break;
            case Op.I32_TRUNC_F32_S: s[sp - 1] = WasmOps.i32TruncS(f32(a)); break;
            case Op.I32_TRUNC_F32_U: s[sp - 1] = WasmOps.i32TruncU(f32(a)); break;
            case Op.I32_TRUNC_F64_S: s[sp - 1] = WasmOps.i32TruncS(f64(a)); break;
            case Op.I32_TRUNC_F64_U: s[sp - 1] = WasmOps.i32TruncU(f64(a)); break;
            case Op.I64_TRUNC_F32_S: s[sp - 1] = WasmOps.i64TruncS(f32(a)); break;
            case Op.I64_TRUNC_F32_U: s[sp - 1] = WasmOps.i64TruncU(f32(a)); break;
            case Op.I64_TRUNC_F64_S: s[sp - 1] = WasmOps.i64TruncS(f64(a)); break;
            case Op.I64_TRUNC_F64_U: s[sp - 1] = WasmOps.i64TruncU(f64(a)); break;
            case Op.F32_CONVERT_I32_S: s[sp - 1] = WasmOps.bits((float) (int) a); break;
            case Op.F32_CONVERT_I32_U: s[sp - 1] = WasmOps.bits((float) (a & 0xFFFFFFFFL)); break;
            case Op.F32_CONVERT_I64_S: s[sp - 1] = WasmOps.bits((float) a); break;
            case Op.F32_CONVERT_I64_U: s[sp - 1] = WasmOps.bits(WasmOps.f32ConvertI64U(a)); break;
            case Op.F32_DEMOTE_F64: s[sp - 1] = WasmOps.bits((float) f64(a)); break;
            case Op.F64_CONVERT_I32_S: s[sp - 1] = WasmOps.bits((double) (int) a); break;
            case Op.F64_CONVERT_I32_U: s[sp - 1] = WasmOps.bits((double) (a & 0xFFFFFFFFL)); break;
            case Op.F64_CONVERT_I64_S: s[sp - 1] = WasmOps.bits((double) a); break;
            case Op.F64_CONVERT_I64_U: s[sp - 1] = WasmOps.bits(WasmOps.f64ConvertI64U(a)); break;
            case Op.F64_PROMOTE_F32: s[sp - 1] = WasmOps.bits((double) f32(a)); break;
            case Op.I32_EXTEND8_S: s[sp - 1] = (byte) a; break;
            case Op.I32_EXTEND16_S: s[sp - 1] = (short) a; break;
            case Op.I64_EXTEND8_S: s[sp - 1] = (byte) a; break;
            case Op.I64_EXTEND16_S: s[sp - 1] = (short) a; break;
            case Op.I64_EXTEND32_S: s[sp - 1] = (int) a; break;
            case Op.I32_TRUNC_SAT_F32_S: s[sp - 1] = WasmOps.i32TruncSatS(f32(a)); break;
            case Op.I32_TRUNC_SAT_F32_U: s[sp - 1] = WasmOps.i32TruncSatU(f32(a)); break;
            case Op.I32_TRUNC_SAT_F64_S: s[sp - 1] = WasmOps.i32TruncSatS(f64(a)); break;
            case Op.I32_TRUNC_SAT_F64_U: s[sp - 1] = WasmOps.i32TruncSatU(f64(a)); break;
            case Op.I64_TRUNC_SAT_F32_S: s[sp - 1] = WasmOps.i64TruncSatS(f32(a)); break;
            case Op.I64_TRUNC_SAT_F32_U: s[sp - 1] = WasmOps.i64TruncSatU(f32(a)); break;
            case Op.I64_TRUNC_SAT_F64_S: s[sp - 1] = WasmOps.i64TruncSatS(f64(a)); break;
            case Op.I64_TRUNC_SAT_F64_U: s[sp - 1] = WasmOps.i64TruncSatU(f64(a)); break;
            case Op.MEMORY_INIT: {
                int seg = code[pc++];
                sp -= 3;
                DataSegment d = inst.data.datas[seg];
                int len = inst.dataLive[seg] ? d.length : 0;
                inst.memory.init(d.bytes, 0, len, (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            case Op.DATA_DROP:
                inst.dataLive[code[pc++]] = false;
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
                int seg = code[pc++];
                Table t = inst.tables[code[pc++]];
                sp -= 3;
                t.init(inst.elemRefs[seg], (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            case Op.ELEM_DROP:
                inst.elemRefs[code[pc++]] = null;
                break;
            case Op.TABLE_COPY: {
                Table dst = inst.tables[code[pc++]];
                Table src = inst.tables[code[pc++]];
                sp -= 3;
                dst.copyFrom(src, (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                break;
            }
            case Op.TABLE_GROW: {
                Table t = inst.tables[code[pc++]];
                sp--;
                s[sp - 1] = t.grow((int) a, (int) s[sp - 1]);
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
