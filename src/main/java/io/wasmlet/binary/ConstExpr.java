package io.wasmlet.binary;

/**
 * A constant expression of Wasm 2.0: exactly one of {@code i32.const}, {@code i64.const},
 * {@code f32.const}, {@code f64.const} (value = raw bits), {@code ref.null} (value = ref type),
 * {@code ref.func} or {@code global.get} (value = index). {@code op} is the Wasm opcode, or
 * {@link #EMPTY} / {@link #MULTIPLE} when the expression had no or several instructions (the
 * validator reports those as type mismatches).
 */
public final class ConstExpr {
    public static final int EMPTY = -1;
    public static final int MULTIPLE = -2;
    public static final int I32_CONST = 0x41;
    public static final int I64_CONST = 0x42;
    public static final int F32_CONST = 0x43;
    public static final int F64_CONST = 0x44;
    public static final int GLOBAL_GET = 0x23;
    public static final int REF_NULL = 0xD0;
    public static final int REF_FUNC = 0xD2;

    public final int op;
    public final long value;

    public ConstExpr(int op, long value) {
        this.op = op;
        this.value = value;
    }
}
