package io.wasmlet.validate;

import io.wasmlet.binary.ByteReader;
import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.ValType;
import io.wasmlet.code.Op;
import io.wasmlet.code.OpTable;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.Msg;

/**
 * The decoding half of function bodies: walks every instruction and its immediates using the
 * opcode table, without typing anything. Run over all bodies before any is validated, so a
 * structurally broken body is reported as malformed even when an earlier one is invalid, as
 * the specification's decode-then-validate order requires.
 */
final class BodyScanner {
    private final ModuleData m;
    private final ByteReader in;

    BodyScanner(ModuleData m, ByteReader in) {
        this.m = m;
        this.in = in;
    }

    void scan(int def) {
        in.reset(m.bytes, m.bodyStart[def], m.bodyEnd[def]);
        int groups = in.count();
        for (int g = 0; g < groups; g++) {
            in.u32();
            in.u8();
        }
        int depth = 0;
        while (true) {
            int op = readOp(in);
            if (op == Op.BLOCK || op == Op.LOOP || op == Op.IF) {
                depth++;
            } else if (op == Op.END) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            immediates(OpTable.imm(op));
        }
        if (in.pos() != in.limit()) {
            throw in.error("section size mismatch: bytes after the function's final end");
        }
    }

    /** Reads one opcode (0xFC page included) as its {@link Op} number; unknown ones are malformed. */
    static int readOp(ByteReader in) {
        int b = in.u8();
        if (b == 0xFC) {
            int sub = in.u32();
            if (sub < 0 || sub >= Op.INTERNAL_BASE - Op.FC_BASE || !OpTable.exists(Op.FC_BASE + sub)) {
                throw in.error(Msg.num("illegal opcode 0xfc ", sub & 0xFFFFFFFFL));
            }
            return Op.FC_BASE + sub;
        }
        if (b >= Op.FC_BASE || !OpTable.exists(b)) {
            throw in.illegalOpcode(b);
        }
        return b;
    }

    private void zero() {
        if (in.u8() != 0) {
            throw in.error(ByteReader.zeroByteExpected());
        }
    }

    /**
     * memory.init and data.drop need the data count section. A module with no data segments at
     * all is let through to validation, which rejects the index as unknown: text-format tools
     * (wabt) omit the section there, and the testsuite expects "unknown data segment".
     */
    private void requireDataCount() {
        if (m.dataCount < 0 && m.datas.length > 0) {
            throw new MalformedException("data count section required");
        }
    }

    private void immediates(int kind) {
        switch (kind) {
            case Op.IMM_NONE:
                break;
            case Op.IMM_BLOCK: {
                long v = in.s33();
                if (v < 0 && v != -64 && !ValType.isValid((int) (v & 0x7F))) {
                    throw in.error("malformed value type in block type");
                }
                break;
            }
            case Op.IMM_LABELS: {
                int n = in.count();
                for (int i = 0; i <= n; i++) {
                    in.u32();
                }
                break;
            }
            case Op.IMM_LABEL: case Op.IMM_FUNC: case Op.IMM_LOCAL: case Op.IMM_GLOBAL: case Op.IMM_TABLE:
            case Op.IMM_ELEM:
                in.u32();
                break;
            case Op.IMM_CALL_INDIRECT: case Op.IMM_MEMARG: case Op.IMM_TABLE_INIT: case Op.IMM_TABLE_COPY:
                in.u32();
                in.u32();
                break;
            case Op.IMM_I32:
                in.s32();
                break;
            case Op.IMM_I64:
                in.s64();
                break;
            case Op.IMM_F32:
                in.f32Bits();
                break;
            case Op.IMM_F64:
                in.f64Bits();
                break;
            case Op.IMM_MEMIDX:
                zero();
                break;
            case Op.IMM_MEMORY_COPY:
                zero();
                zero();
                break;
            case Op.IMM_REFTYPE: {
                int t = in.u8();
                if (t != ValType.FUNCREF && t != ValType.EXTERNREF) {
                    throw in.error("malformed reference type");
                }
                break;
            }
            case Op.IMM_SELECT_T: {
                int n = in.count();
                for (int i = 0; i < n; i++) {
                    if (!ValType.isValid(in.u8())) {
                        throw in.error("malformed value type");
                    }
                }
                break;
            }
            case Op.IMM_DATA:
                requireDataCount();
                in.u32();
                break;
            case Op.IMM_MEMORY_INIT:
                requireDataCount();
                in.u32();
                zero();
                break;
            default:
                throw in.error("unknown immediate kind");
        }
    }
}
