package io.wasmlet.binary;

/**
 * A constant expression of Wasm 2.0: exactly one of {@code i32.const}, {@code i64.const},
 * {@code f32.const}, {@code f64.const} (value = raw bits), {@code ref.null} (value = ref type),
 * {@code ref.func} or {@code global.get} (value = index). {@code op} is the Wasm opcode, or
 * {@link #EMPTY} / {@link #MULTIPLE} when the expression had no or several instructions (the
 * validator reports those as type mismatches).
 */
public final class ConstExpr {
    /** The expression had no instruction. */
    public static final int EMPTY = -1;
    /** The expression had more than one instruction. */
    public static final int MULTIPLE = -2;
    /** Opcode {@code i32.const}. */
    public static final int I32_CONST = 0x41;
    /** Opcode {@code i64.const}. */
    public static final int I64_CONST = 0x42;
    /** Opcode {@code f32.const}. */
    public static final int F32_CONST = 0x43;
    /** Opcode {@code f64.const}. */
    public static final int F64_CONST = 0x44;
    /** Opcode {@code global.get}. */
    public static final int GLOBAL_GET = 0x23;
    /** Opcode {@code ref.null}. */
    public static final int REF_NULL = 0xD0;
    /** Opcode {@code ref.func}. */
    public static final int REF_FUNC = 0xD2;

    /** The Wasm opcode, or {@link #EMPTY} or {@link #MULTIPLE}. */
    public final int op;
    /** The operand: raw bits of a constant, a ref type, or an index. */
    public final long value;

    /** An expression of opcode {@code op} with operand {@code value}. */
    public ConstExpr(int op, long value) {
        this.op = op;
        this.value = value;
    }
}
