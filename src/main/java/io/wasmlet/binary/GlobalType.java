package io.wasmlet.binary;

/** A global's type and, for a defined global, its initializer. */
public final class GlobalType {
    public final byte type;
    public final boolean mutable;
    public final ConstExpr init;

    public GlobalType(byte type, boolean mutable, ConstExpr init) {
        this.type = type;
        this.mutable = mutable;
        this.init = init;
    }
}
