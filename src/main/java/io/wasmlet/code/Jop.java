// GENERATED FILE -- DO NOT EDIT.
// Source: tools/opgen/jit-ops.txt; generator: tools/opgen/JopGen.java.
package io.wasmlet.code;

/**
 * The JIT tier's template table: the register-style instructions the translator emits into
 * the code cache and {@code io.wasmlet.exec.CompiledLoop} runs. Each instruction is its
 * opcode followed by {@link JopTable#size}{@code (op) - 1} immediate ints (br_table and the float chains are variable).
 * Slots are fp-relative, as in the interpreter's frame (see {@link Layout}).
 */
public final class Jop {
    /** Number of templates. */
    public static final int TEMPLATES = 214;
    /** Selection form ss. */
    public static final int FORM_SS = 0;
    /** Selection form si. */
    public static final int FORM_SI = 1;
    /** Selection form s. */
    public static final int FORM_S = 2;
    /** Selection form brss. */
    public static final int FORM_BRSS = 3;
    /** Selection form brsi. */
    public static final int FORM_BRSI = 4;
    /** Selection form load. */
    public static final int FORM_LOAD = 5;
    /** Selection form store. */
    public static final int FORM_STORE = 6;
    /** Selection form loadak. */
    public static final int FORM_LOADAK = 7;
    /** {@link JopTable#select} result when a form has no template for an operator. */
    public static final int NONE = -1;

    /** mov d a. */
    public static final int MOV = 0;
    /** const d k. */
    public static final int CONST = 1;
    /** const64 d k k. */
    public static final int CONST64 = 2;
    /** i32.add_ss d a b (i32.add, form ss). */
    public static final int I32_ADD_SS = 3;
    /** i32.sub_ss d a b (i32.sub, form ss). */
    public static final int I32_SUB_SS = 4;
    /** i32.mul_ss d a b (i32.mul, form ss). */
    public static final int I32_MUL_SS = 5;
    /** i32.and_ss d a b (i32.and, form ss). */
    public static final int I32_AND_SS = 6;
    /** i32.or_ss d a b (i32.or, form ss). */
    public static final int I32_OR_SS = 7;
    /** i32.xor_ss d a b (i32.xor, form ss). */
    public static final int I32_XOR_SS = 8;
    /** i32.shl_ss d a b (i32.shl, form ss). */
    public static final int I32_SHL_SS = 9;
    /** i32.shr_s_ss d a b (i32.shr_s, form ss). */
    public static final int I32_SHR_S_SS = 10;
    /** i32.shr_u_ss d a b (i32.shr_u, form ss). */
    public static final int I32_SHR_U_SS = 11;
    /** i32.rotl_ss d a b (i32.rotl, form ss). */
    public static final int I32_ROTL_SS = 12;
    /** i32.rotr_ss d a b (i32.rotr, form ss). */
    public static final int I32_ROTR_SS = 13;
    /** i32.div_s_ss d a b (i32.div_s, form ss). */
    public static final int I32_DIV_S_SS = 14;
    /** i32.div_u_ss d a b (i32.div_u, form ss). */
    public static final int I32_DIV_U_SS = 15;
    /** i32.rem_s_ss d a b (i32.rem_s, form ss). */
    public static final int I32_REM_S_SS = 16;
    /** i32.rem_u_ss d a b (i32.rem_u, form ss). */
    public static final int I32_REM_U_SS = 17;
    /** i32.eq_ss d a b (i32.eq, form ss). */
    public static final int I32_EQ_SS = 18;
    /** i32.ne_ss d a b (i32.ne, form ss). */
    public static final int I32_NE_SS = 19;
    /** i32.lt_s_ss d a b (i32.lt_s, form ss). */
    public static final int I32_LT_S_SS = 20;
    /** i32.lt_u_ss d a b (i32.lt_u, form ss). */
    public static final int I32_LT_U_SS = 21;
    /** i32.gt_s_ss d a b (i32.gt_s, form ss). */
    public static final int I32_GT_S_SS = 22;
    /** i32.gt_u_ss d a b (i32.gt_u, form ss). */
    public static final int I32_GT_U_SS = 23;
    /** i32.le_s_ss d a b (i32.le_s, form ss). */
    public static final int I32_LE_S_SS = 24;
    /** i32.le_u_ss d a b (i32.le_u, form ss). */
    public static final int I32_LE_U_SS = 25;
    /** i32.ge_s_ss d a b (i32.ge_s, form ss). */
    public static final int I32_GE_S_SS = 26;
    /** i32.ge_u_ss d a b (i32.ge_u, form ss). */
    public static final int I32_GE_U_SS = 27;
    /** i32.add_si d a k (i32.add, form si). */
    public static final int I32_ADD_SI = 28;
    /** i32.sub_si d a k (i32.sub, form si). */
    public static final int I32_SUB_SI = 29;
    /** i32.mul_si d a k (i32.mul, form si). */
    public static final int I32_MUL_SI = 30;
    /** i32.and_si d a k (i32.and, form si). */
    public static final int I32_AND_SI = 31;
    /** i32.or_si d a k (i32.or, form si). */
    public static final int I32_OR_SI = 32;
    /** i32.xor_si d a k (i32.xor, form si). */
    public static final int I32_XOR_SI = 33;
    /** i32.shl_si d a k (i32.shl, form si). */
    public static final int I32_SHL_SI = 34;
    /** i32.shr_s_si d a k (i32.shr_s, form si). */
    public static final int I32_SHR_S_SI = 35;
    /** i32.shr_u_si d a k (i32.shr_u, form si). */
    public static final int I32_SHR_U_SI = 36;
    /** i32.eq_si d a k (i32.eq, form si). */
    public static final int I32_EQ_SI = 37;
    /** i32.ne_si d a k (i32.ne, form si). */
    public static final int I32_NE_SI = 38;
    /** i32.lt_s_si d a k (i32.lt_s, form si). */
    public static final int I32_LT_S_SI = 39;
    /** i32.lt_u_si d a k (i32.lt_u, form si). */
    public static final int I32_LT_U_SI = 40;
    /** i32.gt_s_si d a k (i32.gt_s, form si). */
    public static final int I32_GT_S_SI = 41;
    /** i32.gt_u_si d a k (i32.gt_u, form si). */
    public static final int I32_GT_U_SI = 42;
    /** i32.le_s_si d a k (i32.le_s, form si). */
    public static final int I32_LE_S_SI = 43;
    /** i32.le_u_si d a k (i32.le_u, form si). */
    public static final int I32_LE_U_SI = 44;
    /** i32.ge_s_si d a k (i32.ge_s, form si). */
    public static final int I32_GE_S_SI = 45;
    /** i32.ge_u_si d a k (i32.ge_u, form si). */
    public static final int I32_GE_U_SI = 46;
    /** i32.eqz_s d a (i32.eqz, form s). */
    public static final int I32_EQZ_S = 47;
    /** i32.clz_s d a (i32.clz, form s). */
    public static final int I32_CLZ_S = 48;
    /** i32.ctz_s d a (i32.ctz, form s). */
    public static final int I32_CTZ_S = 49;
    /** i32.popcnt_s d a (i32.popcnt, form s). */
    public static final int I32_POPCNT_S = 50;
    /** i64.add_ss d a b (i64.add, form ss). */
    public static final int I64_ADD_SS = 51;
    /** i64.sub_ss d a b (i64.sub, form ss). */
    public static final int I64_SUB_SS = 52;
    /** i64.mul_ss d a b (i64.mul, form ss). */
    public static final int I64_MUL_SS = 53;
    /** i64.and_ss d a b (i64.and, form ss). */
    public static final int I64_AND_SS = 54;
    /** i64.or_ss d a b (i64.or, form ss). */
    public static final int I64_OR_SS = 55;
    /** i64.xor_ss d a b (i64.xor, form ss). */
    public static final int I64_XOR_SS = 56;
    /** i64.shl_ss d a b (i64.shl, form ss). */
    public static final int I64_SHL_SS = 57;
    /** i64.shr_s_ss d a b (i64.shr_s, form ss). */
    public static final int I64_SHR_S_SS = 58;
    /** i64.shr_u_ss d a b (i64.shr_u, form ss). */
    public static final int I64_SHR_U_SS = 59;
    /** i64.rotl_ss d a b (i64.rotl, form ss). */
    public static final int I64_ROTL_SS = 60;
    /** i64.rotr_ss d a b (i64.rotr, form ss). */
    public static final int I64_ROTR_SS = 61;
    /** i64.div_s_ss d a b (i64.div_s, form ss). */
    public static final int I64_DIV_S_SS = 62;
    /** i64.div_u_ss d a b (i64.div_u, form ss). */
    public static final int I64_DIV_U_SS = 63;
    /** i64.rem_s_ss d a b (i64.rem_s, form ss). */
    public static final int I64_REM_S_SS = 64;
    /** i64.rem_u_ss d a b (i64.rem_u, form ss). */
    public static final int I64_REM_U_SS = 65;
    /** i64.eq_ss d a b (i64.eq, form ss). */
    public static final int I64_EQ_SS = 66;
    /** i64.ne_ss d a b (i64.ne, form ss). */
    public static final int I64_NE_SS = 67;
    /** i64.lt_s_ss d a b (i64.lt_s, form ss). */
    public static final int I64_LT_S_SS = 68;
    /** i64.lt_u_ss d a b (i64.lt_u, form ss). */
    public static final int I64_LT_U_SS = 69;
    /** i64.gt_s_ss d a b (i64.gt_s, form ss). */
    public static final int I64_GT_S_SS = 70;
    /** i64.gt_u_ss d a b (i64.gt_u, form ss). */
    public static final int I64_GT_U_SS = 71;
    /** i64.le_s_ss d a b (i64.le_s, form ss). */
    public static final int I64_LE_S_SS = 72;
    /** i64.le_u_ss d a b (i64.le_u, form ss). */
    public static final int I64_LE_U_SS = 73;
    /** i64.ge_s_ss d a b (i64.ge_s, form ss). */
    public static final int I64_GE_S_SS = 74;
    /** i64.ge_u_ss d a b (i64.ge_u, form ss). */
    public static final int I64_GE_U_SS = 75;
    /** i64.add_si d a k (i64.add, form si). */
    public static final int I64_ADD_SI = 76;
    /** i64.sub_si d a k (i64.sub, form si). */
    public static final int I64_SUB_SI = 77;
    /** i64.mul_si d a k (i64.mul, form si). */
    public static final int I64_MUL_SI = 78;
    /** i64.and_si d a k (i64.and, form si). */
    public static final int I64_AND_SI = 79;
    /** i64.or_si d a k (i64.or, form si). */
    public static final int I64_OR_SI = 80;
    /** i64.xor_si d a k (i64.xor, form si). */
    public static final int I64_XOR_SI = 81;
    /** i64.shl_si d a k (i64.shl, form si). */
    public static final int I64_SHL_SI = 82;
    /** i64.shr_s_si d a k (i64.shr_s, form si). */
    public static final int I64_SHR_S_SI = 83;
    /** i64.shr_u_si d a k (i64.shr_u, form si). */
    public static final int I64_SHR_U_SI = 84;
    /** i64.eq_si d a k (i64.eq, form si). */
    public static final int I64_EQ_SI = 85;
    /** i64.ne_si d a k (i64.ne, form si). */
    public static final int I64_NE_SI = 86;
    /** i64.lt_s_si d a k (i64.lt_s, form si). */
    public static final int I64_LT_S_SI = 87;
    /** i64.lt_u_si d a k (i64.lt_u, form si). */
    public static final int I64_LT_U_SI = 88;
    /** i64.gt_s_si d a k (i64.gt_s, form si). */
    public static final int I64_GT_S_SI = 89;
    /** i64.gt_u_si d a k (i64.gt_u, form si). */
    public static final int I64_GT_U_SI = 90;
    /** i64.le_s_si d a k (i64.le_s, form si). */
    public static final int I64_LE_S_SI = 91;
    /** i64.le_u_si d a k (i64.le_u, form si). */
    public static final int I64_LE_U_SI = 92;
    /** i64.ge_s_si d a k (i64.ge_s, form si). */
    public static final int I64_GE_S_SI = 93;
    /** i64.ge_u_si d a k (i64.ge_u, form si). */
    public static final int I64_GE_U_SI = 94;
    /** i64.eqz_s d a (i64.eqz, form s). */
    public static final int I64_EQZ_S = 95;
    /** i64.clz_s d a (i64.clz, form s). */
    public static final int I64_CLZ_S = 96;
    /** i64.ctz_s d a (i64.ctz, form s). */
    public static final int I64_CTZ_S = 97;
    /** i64.popcnt_s d a (i64.popcnt, form s). */
    public static final int I64_POPCNT_S = 98;
    /** f32.add_ss d a b (f32.add, form ss). */
    public static final int F32_ADD_SS = 99;
    /** f32.sub_ss d a b (f32.sub, form ss). */
    public static final int F32_SUB_SS = 100;
    /** f32.mul_ss d a b (f32.mul, form ss). */
    public static final int F32_MUL_SS = 101;
    /** f32.div_ss d a b (f32.div, form ss). */
    public static final int F32_DIV_SS = 102;
    /** f32.eq_ss d a b (f32.eq, form ss). */
    public static final int F32_EQ_SS = 103;
    /** f32.ne_ss d a b (f32.ne, form ss). */
    public static final int F32_NE_SS = 104;
    /** f32.lt_ss d a b (f32.lt, form ss). */
    public static final int F32_LT_SS = 105;
    /** f32.gt_ss d a b (f32.gt, form ss). */
    public static final int F32_GT_SS = 106;
    /** f32.le_ss d a b (f32.le, form ss). */
    public static final int F32_LE_SS = 107;
    /** f32.ge_ss d a b (f32.ge, form ss). */
    public static final int F32_GE_SS = 108;
    /** f32.abs_s d a (f32.abs, form s). */
    public static final int F32_ABS_S = 109;
    /** f32.neg_s d a (f32.neg, form s). */
    public static final int F32_NEG_S = 110;
    /** f64.add_ss d a b (f64.add, form ss). */
    public static final int F64_ADD_SS = 111;
    /** f64.sub_ss d a b (f64.sub, form ss). */
    public static final int F64_SUB_SS = 112;
    /** f64.mul_ss d a b (f64.mul, form ss). */
    public static final int F64_MUL_SS = 113;
    /** f64.div_ss d a b (f64.div, form ss). */
    public static final int F64_DIV_SS = 114;
    /** f64.eq_ss d a b (f64.eq, form ss). */
    public static final int F64_EQ_SS = 115;
    /** f64.ne_ss d a b (f64.ne, form ss). */
    public static final int F64_NE_SS = 116;
    /** f64.lt_ss d a b (f64.lt, form ss). */
    public static final int F64_LT_SS = 117;
    /** f64.gt_ss d a b (f64.gt, form ss). */
    public static final int F64_GT_SS = 118;
    /** f64.le_ss d a b (f64.le, form ss). */
    public static final int F64_LE_SS = 119;
    /** f64.ge_ss d a b (f64.ge, form ss). */
    public static final int F64_GE_SS = 120;
    /** f64.abs_s d a (f64.abs, form s). */
    public static final int F64_ABS_S = 121;
    /** f64.neg_s d a (f64.neg, form s). */
    public static final int F64_NEG_S = 122;
    /** f32.chain d a n m. */
    public static final int F32_CHAIN = 123;
    /** f64.chain d a n m. */
    public static final int F64_CHAIN = 124;
    /** f32.chain_l d a k k n m. */
    public static final int F32_CHAIN_L = 125;
    /** f64.chain_l d a k k n m. */
    public static final int F64_CHAIN_L = 126;
    /** i32.wrap_i64_s d a (i32.wrap_i64, form s). */
    public static final int I32_WRAP_I64_S = 127;
    /** i64.extend_i32_s_s d a (i64.extend_i32_s, form s). */
    public static final int I64_EXTEND_I32_S_S = 128;
    /** i64.extend_i32_u_s d a (i64.extend_i32_u, form s). */
    public static final int I64_EXTEND_I32_U_S = 129;
    /** unop d a o. */
    public static final int UNOP = 130;
    /** binop d a b o. */
    public static final int BINOP = 131;
    /** select d a b c. */
    public static final int SELECT = 132;
    /** i32.load_ak d a k k (i32.load, form loadak). */
    public static final int I32_LOAD_AK = 133;
    /** i64.load_m d a k (i64.load, form load). */
    public static final int I64_LOAD_M = 134;
    /** i32.load8_s_m d a k (i32.load8_s, form load). */
    public static final int I32_LOAD8_S_M = 135;
    /** i32.load8_u_ak d a k k (i32.load8_u, form loadak). */
    public static final int I32_LOAD8_U_AK = 136;
    /** i32.load16_s_ak d a k k (i32.load16_s, form loadak). */
    public static final int I32_LOAD16_S_AK = 137;
    /** i32.load16_u_ak d a k k (i32.load16_u, form loadak). */
    public static final int I32_LOAD16_U_AK = 138;
    /** i64.load8_s_m d a k (i64.load8_s, form load). */
    public static final int I64_LOAD8_S_M = 139;
    /** i64.load8_u_m d a k (i64.load8_u, form load). */
    public static final int I64_LOAD8_U_M = 140;
    /** i64.load16_s_m d a k (i64.load16_s, form load). */
    public static final int I64_LOAD16_S_M = 141;
    /** i64.load16_u_m d a k (i64.load16_u, form load). */
    public static final int I64_LOAD16_U_M = 142;
    /** i64.load32_s_m d a k (i64.load32_s, form load). */
    public static final int I64_LOAD32_S_M = 143;
    /** i64.load32_u_m d a k (i64.load32_u, form load). */
    public static final int I64_LOAD32_U_M = 144;
    /** i32.store_m a b k (i32.store, form store). */
    public static final int I32_STORE_M = 145;
    /** i64.store_m a b k (i64.store, form store). */
    public static final int I64_STORE_M = 146;
    /** f32.store_m a b k (f32.store, form store). */
    public static final int F32_STORE_M = 147;
    /** f64.store_m a b k (f64.store, form store). */
    public static final int F64_STORE_M = 148;
    /** i32.store8_m a b k (i32.store8, form store). */
    public static final int I32_STORE8_M = 149;
    /** i32.store16_m a b k (i32.store16, form store). */
    public static final int I32_STORE16_M = 150;
    /** i64.store8_m a b k (i64.store8, form store). */
    public static final int I64_STORE8_M = 151;
    /** i64.store16_m a b k (i64.store16, form store). */
    public static final int I64_STORE16_M = 152;
    /** i64.store32_m a b k (i64.store32, form store). */
    public static final int I64_STORE32_M = 153;
    /** i32.load_ss d a b k. */
    public static final int I32_LOAD_SS = 154;
    /** i32.load_shk d a k k k. */
    public static final int I32_LOAD_SHK = 155;
    /** i32.load8_u_mk d a k k k. */
    public static final int I32_LOAD8_U_MK = 156;
    /** i32.shl_xor_si d a k b. */
    public static final int I32_SHL_XOR_SI = 157;
    /** i32.shr_u_xor_si d a k b. */
    public static final int I32_SHR_U_XOR_SI = 158;
    /** i32.add3_ss d a b c. */
    public static final int I32_ADD3_SS = 159;
    /** i32.add_ss_si d a b k. */
    public static final int I32_ADD_SS_SI = 160;
    /** i32.mul_add_ss d a b c. */
    public static final int I32_MUL_ADD_SS = 161;
    /** i32.xor_load8_u d b a k k. */
    public static final int I32_XOR_LOAD8_U = 162;
    /** i32.mul_load d b a k k. */
    public static final int I32_MUL_LOAD = 163;
    /** i32.mul_load16_s d b a k k. */
    public static final int I32_MUL_LOAD16_S = 164;
    /** i32.rotl_si d a k (i32.rotl, form si). */
    public static final int I32_ROTL_SI = 165;
    /** i32.rotr_si d a k (i32.rotr, form si). */
    public static final int I32_ROTR_SI = 166;
    /** i32.store_ak a k b k. */
    public static final int I32_STORE_AK = 167;
    /** i32.store8_ak a k b k. */
    public static final int I32_STORE8_AK = 168;
    /** f32.load_ak d a k k (f32.load, form loadak). */
    public static final int F32_LOAD_AK = 169;
    /** f64.load_ak d a k k (f64.load, form loadak). */
    public static final int F64_LOAD_AK = 170;
    /** global.get_g d g. */
    public static final int GLOBAL_GET_G = 171;
    /** global.set_g a g. */
    public static final int GLOBAL_SET_G = 172;
    /** memory.size_m d. */
    public static final int MEMORY_SIZE_M = 173;
    /** memory.grow_m d a. */
    public static final int MEMORY_GROW_M = 174;
    /** jump t. */
    public static final int JUMP = 175;
    /** br_nz a t. */
    public static final int BR_NZ = 176;
    /** br_z a t. */
    public static final int BR_Z = 177;
    /** br.i32.eq_ss a b t (i32.eq, form brss). */
    public static final int BR_I32_EQ_SS = 178;
    /** br.i32.eq_si a k t (i32.eq, form brsi). */
    public static final int BR_I32_EQ_SI = 179;
    /** br.i32.ne_ss a b t (i32.ne, form brss). */
    public static final int BR_I32_NE_SS = 180;
    /** br.i32.ne_si a k t (i32.ne, form brsi). */
    public static final int BR_I32_NE_SI = 181;
    /** br.i32.lt_s_ss a b t (i32.lt_s, form brss). */
    public static final int BR_I32_LT_S_SS = 182;
    /** br.i32.lt_s_si a k t (i32.lt_s, form brsi). */
    public static final int BR_I32_LT_S_SI = 183;
    /** br.i32.lt_u_ss a b t (i32.lt_u, form brss). */
    public static final int BR_I32_LT_U_SS = 184;
    /** br.i32.lt_u_si a k t (i32.lt_u, form brsi). */
    public static final int BR_I32_LT_U_SI = 185;
    /** br.i32.gt_s_ss a b t (i32.gt_s, form brss). */
    public static final int BR_I32_GT_S_SS = 186;
    /** br.i32.gt_s_si a k t (i32.gt_s, form brsi). */
    public static final int BR_I32_GT_S_SI = 187;
    /** br.i32.gt_u_ss a b t (i32.gt_u, form brss). */
    public static final int BR_I32_GT_U_SS = 188;
    /** br.i32.gt_u_si a k t (i32.gt_u, form brsi). */
    public static final int BR_I32_GT_U_SI = 189;
    /** br.i32.le_s_ss a b t (i32.le_s, form brss). */
    public static final int BR_I32_LE_S_SS = 190;
    /** br.i32.le_s_si a k t (i32.le_s, form brsi). */
    public static final int BR_I32_LE_S_SI = 191;
    /** br.i32.le_u_ss a b t (i32.le_u, form brss). */
    public static final int BR_I32_LE_U_SS = 192;
    /** br.i32.le_u_si a k t (i32.le_u, form brsi). */
    public static final int BR_I32_LE_U_SI = 193;
    /** br.i32.ge_s_ss a b t (i32.ge_s, form brss). */
    public static final int BR_I32_GE_S_SS = 194;
    /** br.i32.ge_s_si a k t (i32.ge_s, form brsi). */
    public static final int BR_I32_GE_S_SI = 195;
    /** br.i32.ge_u_ss a b t (i32.ge_u, form brss). */
    public static final int BR_I32_GE_U_SS = 196;
    /** br.i32.ge_u_si a k t (i32.ge_u, form brsi). */
    public static final int BR_I32_GE_U_SI = 197;
    /** br.i32.add_ne_si d a k k t. */
    public static final int BR_I32_ADD_NE_SI = 198;
    /** br.add_nz d a k t. */
    public static final int BR_ADD_NZ = 199;
    /** br_move t n d s. */
    public static final int BR_MOVE = 200;
    /** br_nz_move a t n d s. */
    public static final int BR_NZ_MOVE = 201;
    /** br_table a n. */
    public static final int BR_TABLE = 202;
    /** return n s. */
    public static final int RETURN = 203;
    /** call f b. */
    public static final int CALL = 204;
    /** call_compiled e b. */
    public static final int CALL_COMPILED = 205;
    /** call_indirect y t x e b. */
    public static final int CALL_INDIRECT = 206;
    /** call_indirect_ic k q. */
    public static final int CALL_INDIRECT_IC = 207;
    /** call_inline h. */
    public static final int CALL_INLINE = 208;
    /** exit p h. */
    public static final int EXIT = 209;
    /** slow p h. */
    public static final int SLOW = 210;
    /** count n. */
    public static final int COUNT = 211;
    /** count_call n. */
    public static final int COUNT_CALL = 212;
    /** unreachable. */
    public static final int UNREACHABLE = 213;

    private Jop() {
    }
}
