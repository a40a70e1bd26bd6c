// GENERATED FILE -- DO NOT EDIT.
// Source: tools/opgen/wasm-ops.txt; generator: tools/opgen/OpGen.java.
package io.wasmlet.code;

/**
 * Opcode numbers of the pre-decoded code (their static properties are in OpTable; mnemonics are in
 * tools/opgen/wasm-ops.txt only: the runtime never needs them). Single-byte Wasm
 * opcodes keep their value, the 0xFC page starts at {@link #FC_BASE}, internal
 * instructions start at {@link #INTERNAL_BASE}. Compile-time constants only: javac copies
 * them into the code that uses them, so the compact jar leaves this class out; the tables
 * are in {@link OpTable}.
 */
public final class Op {
    public static final int FC_BASE = 0xE0;
    public static final int INTERNAL_BASE = 0xF8;
    /** One past the highest opcode. */
    public static final int LIMIT = 0x104;
    /** {@link OpTable#size} of a variable-length instruction. */
    public static final int VARIABLE = 0xFE;

    public static final int IMM_NONE = 0;
    public static final int IMM_BLOCK = 1;
    public static final int IMM_LABEL = 2;
    public static final int IMM_LABELS = 3;
    public static final int IMM_FUNC = 4;
    public static final int IMM_CALL_INDIRECT = 5;
    public static final int IMM_LOCAL = 6;
    public static final int IMM_GLOBAL = 7;
    public static final int IMM_TABLE = 8;
    public static final int IMM_MEMARG = 9;
    public static final int IMM_I32 = 10;
    public static final int IMM_I64 = 11;
    public static final int IMM_F32 = 12;
    public static final int IMM_F64 = 13;
    public static final int IMM_MEMIDX = 14;
    public static final int IMM_REFTYPE = 15;
    public static final int IMM_SELECT_T = 16;
    public static final int IMM_DATA = 17;
    public static final int IMM_ELEM = 18;
    public static final int IMM_MEMORY_INIT = 19;
    public static final int IMM_TABLE_INIT = 20;
    public static final int IMM_TABLE_COPY = 21;
    public static final int IMM_MEMORY_COPY = 22;
    /** Signature type codes: 0 none, 1 i32, 2 i64, 3 f32, 4 f64, 15 checked by hand. */
    public static final int SIG_HAND = 15;

    /** unreachable, Wasm 0x00. */
    public static final int UNREACHABLE = 0x00;
    /** nop, Wasm 0x01. */
    public static final int NOP = 0x01;
    /** block, Wasm 0x02. */
    public static final int BLOCK = 0x02;
    /** loop, Wasm 0x03. */
    public static final int LOOP = 0x03;
    /** if, Wasm 0x04. */
    public static final int IF = 0x04;
    /** else, Wasm 0x05. */
    public static final int ELSE = 0x05;
    /** end, Wasm 0x0B. */
    public static final int END = 0x0B;
    /** br, Wasm 0x0C. */
    public static final int BR = 0x0C;
    /** br_if, Wasm 0x0D. */
    public static final int BR_IF = 0x0D;
    /** br_table, Wasm 0x0E. */
    public static final int BR_TABLE = 0x0E;
    /** return, Wasm 0x0F. */
    public static final int RETURN = 0x0F;
    /** call, Wasm 0x10. */
    public static final int CALL = 0x10;
    /** call_indirect, Wasm 0x11. */
    public static final int CALL_INDIRECT = 0x11;
    /** drop, Wasm 0x1A. */
    public static final int DROP = 0x1A;
    /** select, Wasm 0x1B. */
    public static final int SELECT = 0x1B;
    /** select_t, Wasm 0x1C. */
    public static final int SELECT_T = 0x1C;
    /** local.get, Wasm 0x20. */
    public static final int LOCAL_GET = 0x20;
    /** local.set, Wasm 0x21. */
    public static final int LOCAL_SET = 0x21;
    /** local.tee, Wasm 0x22. */
    public static final int LOCAL_TEE = 0x22;
    /** global.get, Wasm 0x23. */
    public static final int GLOBAL_GET = 0x23;
    /** global.set, Wasm 0x24. */
    public static final int GLOBAL_SET = 0x24;
    /** table.get, Wasm 0x25. */
    public static final int TABLE_GET = 0x25;
    /** table.set, Wasm 0x26. */
    public static final int TABLE_SET = 0x26;
    /** i32.load, Wasm 0x28. */
    public static final int I32_LOAD = 0x28;
    /** i64.load, Wasm 0x29. */
    public static final int I64_LOAD = 0x29;
    /** f32.load, Wasm 0x2A. */
    public static final int F32_LOAD = 0x2A;
    /** f64.load, Wasm 0x2B. */
    public static final int F64_LOAD = 0x2B;
    /** i32.load8_s, Wasm 0x2C. */
    public static final int I32_LOAD8_S = 0x2C;
    /** i32.load8_u, Wasm 0x2D. */
    public static final int I32_LOAD8_U = 0x2D;
    /** i32.load16_s, Wasm 0x2E. */
    public static final int I32_LOAD16_S = 0x2E;
    /** i32.load16_u, Wasm 0x2F. */
    public static final int I32_LOAD16_U = 0x2F;
    /** i64.load8_s, Wasm 0x30. */
    public static final int I64_LOAD8_S = 0x30;
    /** i64.load8_u, Wasm 0x31. */
    public static final int I64_LOAD8_U = 0x31;
    /** i64.load16_s, Wasm 0x32. */
    public static final int I64_LOAD16_S = 0x32;
    /** i64.load16_u, Wasm 0x33. */
    public static final int I64_LOAD16_U = 0x33;
    /** i64.load32_s, Wasm 0x34. */
    public static final int I64_LOAD32_S = 0x34;
    /** i64.load32_u, Wasm 0x35. */
    public static final int I64_LOAD32_U = 0x35;
    /** i32.store, Wasm 0x36. */
    public static final int I32_STORE = 0x36;
    /** i64.store, Wasm 0x37. */
    public static final int I64_STORE = 0x37;
    /** f32.store, Wasm 0x38. */
    public static final int F32_STORE = 0x38;
    /** f64.store, Wasm 0x39. */
    public static final int F64_STORE = 0x39;
    /** i32.store8, Wasm 0x3A. */
    public static final int I32_STORE8 = 0x3A;
    /** i32.store16, Wasm 0x3B. */
    public static final int I32_STORE16 = 0x3B;
    /** i64.store8, Wasm 0x3C. */
    public static final int I64_STORE8 = 0x3C;
    /** i64.store16, Wasm 0x3D. */
    public static final int I64_STORE16 = 0x3D;
    /** i64.store32, Wasm 0x3E. */
    public static final int I64_STORE32 = 0x3E;
    /** memory.size, Wasm 0x3F. */
    public static final int MEMORY_SIZE = 0x3F;
    /** memory.grow, Wasm 0x40. */
    public static final int MEMORY_GROW = 0x40;
    /** i32.const, Wasm 0x41. */
    public static final int I32_CONST = 0x41;
    /** i64.const, Wasm 0x42. */
    public static final int I64_CONST = 0x42;
    /** f32.const, Wasm 0x43. */
    public static final int F32_CONST = 0x43;
    /** f64.const, Wasm 0x44. */
    public static final int F64_CONST = 0x44;
    /** i32.eqz, Wasm 0x45. */
    public static final int I32_EQZ = 0x45;
    /** i32.eq, Wasm 0x46. */
    public static final int I32_EQ = 0x46;
    /** i32.ne, Wasm 0x47. */
    public static final int I32_NE = 0x47;
    /** i32.lt_s, Wasm 0x48. */
    public static final int I32_LT_S = 0x48;
    /** i32.lt_u, Wasm 0x49. */
    public static final int I32_LT_U = 0x49;
    /** i32.gt_s, Wasm 0x4A. */
    public static final int I32_GT_S = 0x4A;
    /** i32.gt_u, Wasm 0x4B. */
    public static final int I32_GT_U = 0x4B;
    /** i32.le_s, Wasm 0x4C. */
    public static final int I32_LE_S = 0x4C;
    /** i32.le_u, Wasm 0x4D. */
    public static final int I32_LE_U = 0x4D;
    /** i32.ge_s, Wasm 0x4E. */
    public static final int I32_GE_S = 0x4E;
    /** i32.ge_u, Wasm 0x4F. */
    public static final int I32_GE_U = 0x4F;
    /** i64.eqz, Wasm 0x50. */
    public static final int I64_EQZ = 0x50;
    /** i64.eq, Wasm 0x51. */
    public static final int I64_EQ = 0x51;
    /** i64.ne, Wasm 0x52. */
    public static final int I64_NE = 0x52;
    /** i64.lt_s, Wasm 0x53. */
    public static final int I64_LT_S = 0x53;
    /** i64.lt_u, Wasm 0x54. */
    public static final int I64_LT_U = 0x54;
    /** i64.gt_s, Wasm 0x55. */
    public static final int I64_GT_S = 0x55;
    /** i64.gt_u, Wasm 0x56. */
    public static final int I64_GT_U = 0x56;
    /** i64.le_s, Wasm 0x57. */
    public static final int I64_LE_S = 0x57;
    /** i64.le_u, Wasm 0x58. */
    public static final int I64_LE_U = 0x58;
    /** i64.ge_s, Wasm 0x59. */
    public static final int I64_GE_S = 0x59;
    /** i64.ge_u, Wasm 0x5A. */
    public static final int I64_GE_U = 0x5A;
    /** f32.eq, Wasm 0x5B. */
    public static final int F32_EQ = 0x5B;
    /** f32.ne, Wasm 0x5C. */
    public static final int F32_NE = 0x5C;
    /** f32.lt, Wasm 0x5D. */
    public static final int F32_LT = 0x5D;
    /** f32.gt, Wasm 0x5E. */
    public static final int F32_GT = 0x5E;
    /** f32.le, Wasm 0x5F. */
    public static final int F32_LE = 0x5F;
    /** f32.ge, Wasm 0x60. */
    public static final int F32_GE = 0x60;
    /** f64.eq, Wasm 0x61. */
    public static final int F64_EQ = 0x61;
    /** f64.ne, Wasm 0x62. */
    public static final int F64_NE = 0x62;
    /** f64.lt, Wasm 0x63. */
    public static final int F64_LT = 0x63;
    /** f64.gt, Wasm 0x64. */
    public static final int F64_GT = 0x64;
    /** f64.le, Wasm 0x65. */
    public static final int F64_LE = 0x65;
    /** f64.ge, Wasm 0x66. */
    public static final int F64_GE = 0x66;
    /** i32.clz, Wasm 0x67. */
    public static final int I32_CLZ = 0x67;
    /** i32.ctz, Wasm 0x68. */
    public static final int I32_CTZ = 0x68;
    /** i32.popcnt, Wasm 0x69. */
    public static final int I32_POPCNT = 0x69;
    /** i32.add, Wasm 0x6A. */
    public static final int I32_ADD = 0x6A;
    /** i32.sub, Wasm 0x6B. */
    public static final int I32_SUB = 0x6B;
    /** i32.mul, Wasm 0x6C. */
    public static final int I32_MUL = 0x6C;
    /** i32.div_s, Wasm 0x6D. */
    public static final int I32_DIV_S = 0x6D;
    /** i32.div_u, Wasm 0x6E. */
    public static final int I32_DIV_U = 0x6E;
    /** i32.rem_s, Wasm 0x6F. */
    public static final int I32_REM_S = 0x6F;
    /** i32.rem_u, Wasm 0x70. */
    public static final int I32_REM_U = 0x70;
    /** i32.and, Wasm 0x71. */
    public static final int I32_AND = 0x71;
    /** i32.or, Wasm 0x72. */
    public static final int I32_OR = 0x72;
    /** i32.xor, Wasm 0x73. */
    public static final int I32_XOR = 0x73;
    /** i32.shl, Wasm 0x74. */
    public static final int I32_SHL = 0x74;
    /** i32.shr_s, Wasm 0x75. */
    public static final int I32_SHR_S = 0x75;
    /** i32.shr_u, Wasm 0x76. */
    public static final int I32_SHR_U = 0x76;
    /** i32.rotl, Wasm 0x77. */
    public static final int I32_ROTL = 0x77;
    /** i32.rotr, Wasm 0x78. */
    public static final int I32_ROTR = 0x78;
    /** i64.clz, Wasm 0x79. */
    public static final int I64_CLZ = 0x79;
    /** i64.ctz, Wasm 0x7A. */
    public static final int I64_CTZ = 0x7A;
    /** i64.popcnt, Wasm 0x7B. */
    public static final int I64_POPCNT = 0x7B;
    /** i64.add, Wasm 0x7C. */
    public static final int I64_ADD = 0x7C;
    /** i64.sub, Wasm 0x7D. */
    public static final int I64_SUB = 0x7D;
    /** i64.mul, Wasm 0x7E. */
    public static final int I64_MUL = 0x7E;
    /** i64.div_s, Wasm 0x7F. */
    public static final int I64_DIV_S = 0x7F;
    /** i64.div_u, Wasm 0x80. */
    public static final int I64_DIV_U = 0x80;
    /** i64.rem_s, Wasm 0x81. */
    public static final int I64_REM_S = 0x81;
    /** i64.rem_u, Wasm 0x82. */
    public static final int I64_REM_U = 0x82;
    /** i64.and, Wasm 0x83. */
    public static final int I64_AND = 0x83;
    /** i64.or, Wasm 0x84. */
    public static final int I64_OR = 0x84;
    /** i64.xor, Wasm 0x85. */
    public static final int I64_XOR = 0x85;
    /** i64.shl, Wasm 0x86. */
    public static final int I64_SHL = 0x86;
    /** i64.shr_s, Wasm 0x87. */
    public static final int I64_SHR_S = 0x87;
    /** i64.shr_u, Wasm 0x88. */
    public static final int I64_SHR_U = 0x88;
    /** i64.rotl, Wasm 0x89. */
    public static final int I64_ROTL = 0x89;
    /** i64.rotr, Wasm 0x8A. */
    public static final int I64_ROTR = 0x8A;
    /** f32.abs, Wasm 0x8B. */
    public static final int F32_ABS = 0x8B;
    /** f32.neg, Wasm 0x8C. */
    public static final int F32_NEG = 0x8C;
    /** f32.ceil, Wasm 0x8D. */
    public static final int F32_CEIL = 0x8D;
    /** f32.floor, Wasm 0x8E. */
    public static final int F32_FLOOR = 0x8E;
    /** f32.trunc, Wasm 0x8F. */
    public static final int F32_TRUNC = 0x8F;
    /** f32.nearest, Wasm 0x90. */
    public static final int F32_NEAREST = 0x90;
    /** f32.sqrt, Wasm 0x91. */
    public static final int F32_SQRT = 0x91;
    /** f32.add, Wasm 0x92. */
    public static final int F32_ADD = 0x92;
    /** f32.sub, Wasm 0x93. */
    public static final int F32_SUB = 0x93;
    /** f32.mul, Wasm 0x94. */
    public static final int F32_MUL = 0x94;
    /** f32.div, Wasm 0x95. */
    public static final int F32_DIV = 0x95;
    /** f32.min, Wasm 0x96. */
    public static final int F32_MIN = 0x96;
    /** f32.max, Wasm 0x97. */
    public static final int F32_MAX = 0x97;
    /** f32.copysign, Wasm 0x98. */
    public static final int F32_COPYSIGN = 0x98;
    /** f64.abs, Wasm 0x99. */
    public static final int F64_ABS = 0x99;
    /** f64.neg, Wasm 0x9A. */
    public static final int F64_NEG = 0x9A;
    /** f64.ceil, Wasm 0x9B. */
    public static final int F64_CEIL = 0x9B;
    /** f64.floor, Wasm 0x9C. */
    public static final int F64_FLOOR = 0x9C;
    /** f64.trunc, Wasm 0x9D. */
    public static final int F64_TRUNC = 0x9D;
    /** f64.nearest, Wasm 0x9E. */
    public static final int F64_NEAREST = 0x9E;
    /** f64.sqrt, Wasm 0x9F. */
    public static final int F64_SQRT = 0x9F;
    /** f64.add, Wasm 0xA0. */
    public static final int F64_ADD = 0xA0;
    /** f64.sub, Wasm 0xA1. */
    public static final int F64_SUB = 0xA1;
    /** f64.mul, Wasm 0xA2. */
    public static final int F64_MUL = 0xA2;
    /** f64.div, Wasm 0xA3. */
    public static final int F64_DIV = 0xA3;
    /** f64.min, Wasm 0xA4. */
    public static final int F64_MIN = 0xA4;
    /** f64.max, Wasm 0xA5. */
    public static final int F64_MAX = 0xA5;
    /** f64.copysign, Wasm 0xA6. */
    public static final int F64_COPYSIGN = 0xA6;
    /** i32.wrap_i64, Wasm 0xA7. */
    public static final int I32_WRAP_I64 = 0xA7;
    /** i32.trunc_f32_s, Wasm 0xA8. */
    public static final int I32_TRUNC_F32_S = 0xA8;
    /** i32.trunc_f32_u, Wasm 0xA9. */
    public static final int I32_TRUNC_F32_U = 0xA9;
    /** i32.trunc_f64_s, Wasm 0xAA. */
    public static final int I32_TRUNC_F64_S = 0xAA;
    /** i32.trunc_f64_u, Wasm 0xAB. */
    public static final int I32_TRUNC_F64_U = 0xAB;
    /** i64.extend_i32_s, Wasm 0xAC. */
    public static final int I64_EXTEND_I32_S = 0xAC;
    /** i64.extend_i32_u, Wasm 0xAD. */
    public static final int I64_EXTEND_I32_U = 0xAD;
    /** i64.trunc_f32_s, Wasm 0xAE. */
    public static final int I64_TRUNC_F32_S = 0xAE;
    /** i64.trunc_f32_u, Wasm 0xAF. */
    public static final int I64_TRUNC_F32_U = 0xAF;
    /** i64.trunc_f64_s, Wasm 0xB0. */
    public static final int I64_TRUNC_F64_S = 0xB0;
    /** i64.trunc_f64_u, Wasm 0xB1. */
    public static final int I64_TRUNC_F64_U = 0xB1;
    /** f32.convert_i32_s, Wasm 0xB2. */
    public static final int F32_CONVERT_I32_S = 0xB2;
    /** f32.convert_i32_u, Wasm 0xB3. */
    public static final int F32_CONVERT_I32_U = 0xB3;
    /** f32.convert_i64_s, Wasm 0xB4. */
    public static final int F32_CONVERT_I64_S = 0xB4;
    /** f32.convert_i64_u, Wasm 0xB5. */
    public static final int F32_CONVERT_I64_U = 0xB5;
    /** f32.demote_f64, Wasm 0xB6. */
    public static final int F32_DEMOTE_F64 = 0xB6;
    /** f64.convert_i32_s, Wasm 0xB7. */
    public static final int F64_CONVERT_I32_S = 0xB7;
    /** f64.convert_i32_u, Wasm 0xB8. */
    public static final int F64_CONVERT_I32_U = 0xB8;
    /** f64.convert_i64_s, Wasm 0xB9. */
    public static final int F64_CONVERT_I64_S = 0xB9;
    /** f64.convert_i64_u, Wasm 0xBA. */
    public static final int F64_CONVERT_I64_U = 0xBA;
    /** f64.promote_f32, Wasm 0xBB. */
    public static final int F64_PROMOTE_F32 = 0xBB;
    /** i32.reinterpret_f32, Wasm 0xBC. */
    public static final int I32_REINTERPRET_F32 = 0xBC;
    /** i64.reinterpret_f64, Wasm 0xBD. */
    public static final int I64_REINTERPRET_F64 = 0xBD;
    /** f32.reinterpret_i32, Wasm 0xBE. */
    public static final int F32_REINTERPRET_I32 = 0xBE;
    /** f64.reinterpret_i64, Wasm 0xBF. */
    public static final int F64_REINTERPRET_I64 = 0xBF;
    /** i32.extend8_s, Wasm 0xC0. */
    public static final int I32_EXTEND8_S = 0xC0;
    /** i32.extend16_s, Wasm 0xC1. */
    public static final int I32_EXTEND16_S = 0xC1;
    /** i64.extend8_s, Wasm 0xC2. */
    public static final int I64_EXTEND8_S = 0xC2;
    /** i64.extend16_s, Wasm 0xC3. */
    public static final int I64_EXTEND16_S = 0xC3;
    /** i64.extend32_s, Wasm 0xC4. */
    public static final int I64_EXTEND32_S = 0xC4;
    /** ref.null, Wasm 0xD0. */
    public static final int REF_NULL = 0xD0;
    /** ref.is_null, Wasm 0xD1. */
    public static final int REF_IS_NULL = 0xD1;
    /** ref.func, Wasm 0xD2. */
    public static final int REF_FUNC = 0xD2;
    /** i32.trunc_sat_f32_s, Wasm 0xFC 0. */
    public static final int I32_TRUNC_SAT_F32_S = 0xE0;
    /** i32.trunc_sat_f32_u, Wasm 0xFC 1. */
    public static final int I32_TRUNC_SAT_F32_U = 0xE1;
    /** i32.trunc_sat_f64_s, Wasm 0xFC 2. */
    public static final int I32_TRUNC_SAT_F64_S = 0xE2;
    /** i32.trunc_sat_f64_u, Wasm 0xFC 3. */
    public static final int I32_TRUNC_SAT_F64_U = 0xE3;
    /** i64.trunc_sat_f32_s, Wasm 0xFC 4. */
    public static final int I64_TRUNC_SAT_F32_S = 0xE4;
    /** i64.trunc_sat_f32_u, Wasm 0xFC 5. */
    public static final int I64_TRUNC_SAT_F32_U = 0xE5;
    /** i64.trunc_sat_f64_s, Wasm 0xFC 6. */
    public static final int I64_TRUNC_SAT_F64_S = 0xE6;
    /** i64.trunc_sat_f64_u, Wasm 0xFC 7. */
    public static final int I64_TRUNC_SAT_F64_U = 0xE7;
    /** memory.init, Wasm 0xFC 8. */
    public static final int MEMORY_INIT = 0xE8;
    /** data.drop, Wasm 0xFC 9. */
    public static final int DATA_DROP = 0xE9;
    /** memory.copy, Wasm 0xFC 10. */
    public static final int MEMORY_COPY = 0xEA;
    /** memory.fill, Wasm 0xFC 11. */
    public static final int MEMORY_FILL = 0xEB;
    /** table.init, Wasm 0xFC 12. */
    public static final int TABLE_INIT = 0xEC;
    /** elem.drop, Wasm 0xFC 13. */
    public static final int ELEM_DROP = 0xED;
    /** table.copy, Wasm 0xFC 14. */
    public static final int TABLE_COPY = 0xEE;
    /** table.grow, Wasm 0xFC 15. */
    public static final int TABLE_GROW = 0xEF;
    /** table.size, Wasm 0xFC 16. */
    public static final int TABLE_SIZE = 0xF0;
    /** table.fill, Wasm 0xFC 17. */
    public static final int TABLE_FILL = 0xF1;
    /** jump, Wasm internal. */
    public static final int JUMP = 0xF8;
    /** call_direct, Wasm internal. */
    public static final int CALL_DIRECT = 0xF9;
    /** br_if_simple, Wasm internal. */
    public static final int BR_IF_SIMPLE = 0xFA;
    /** count, Wasm internal. */
    public static final int COUNT = 0xFB;
    /** count_call, Wasm internal. */
    public static final int COUNT_CALL = 0xFC;
    /** jump_back, Wasm internal. */
    public static final int JUMP_BACK = 0xFD;
    /** br_if_back, Wasm internal. */
    public static final int BR_IF_BACK = 0xFE;
    /** i32.const16, Wasm internal. */
    public static final int I32_CONST16 = 0xFF;
    /** mem.wide, Wasm internal. */
    public static final int MEM_WIDE = 0x100;
    /** if.p, Wasm internal. */
    public static final int IF_P = 0x101;
    /** br_if_simple.p, Wasm internal. */
    public static final int BR_IF_SIMPLE_P = 0x102;
    /** br_if_back.p, Wasm internal. */
    public static final int BR_IF_BACK_P = 0x103;

    private Op() {
    }
}
