package io.wasmlet.binary;

/** Value types, by their binary encoding. */
public final class ValType {
    /** The binary code of {@code i32}. */
    public static final byte I32 = 0x7F;
    /** The binary code of {@code i64}. */
    public static final byte I64 = 0x7E;
    /** The binary code of {@code f32}. */
    public static final byte F32 = 0x7D;
    /** The binary code of {@code f64}. */
    public static final byte F64 = 0x7C;
    /** The binary code of {@code v128} (decoded, not executed: no SIMD). */
    public static final byte V128 = 0x7B;
    /** The binary code of {@code funcref}. */
    public static final byte FUNCREF = 0x70;
    /** The binary code of {@code externref}. */
    public static final byte EXTERNREF = 0x6F;
    /** Validator-only: the unknown type produced by a stack-polymorphic instruction. */
    public static final byte UNKNOWN = 0;

    private ValType() {
    }

    /** Whether {@code t} is a number type (i32, i64, f32, f64). */
    public static boolean isNum(byte t) {
        return t == I32 || t == I64 || t == F32 || t == F64;
    }

    /** Whether {@code t} is a reference type (funcref, externref). */
    public static boolean isRef(byte t) {
        return t == FUNCREF || t == EXTERNREF;
    }

    /** Whether byte {@code b} encodes a value type. */
    public static boolean isValid(int b) {
        return b == I32 || b == I64 || b == F32 || b == F64 || b == FUNCREF || b == EXTERNREF;
    }

    /** The text-format name of {@code t}, e.g. {@code i32}. */
    public static String name(byte t) {
        switch (t) {
            case I32: return "i32";
            case I64: return "i64";
            case F32: return "f32";
            case F64: return "f64";
            case V128: return "v128";
            case FUNCREF: return "funcref";
            case EXTERNREF: return "externref";
            case UNKNOWN: return "unknown";
            default: return "?";
        }
    }
}
