package io.wasmlet.binary;

/**
 * An element segment. Items are either function indices ({@code funcIndices}) or constant
 * expressions ({@code exprs}); exactly one of the two is non-null.
 */
public final class ElemSegment {
    public static final int ACTIVE = 0;
    public static final int PASSIVE = 1;
    public static final int DECLARATIVE = 2;

    public final int mode;
    public final int table;
    public final ConstExpr offset;
    public final byte type;
    public final int[] funcIndices;
    public final ConstExpr[] exprs;

    public ElemSegment(int mode, int table, ConstExpr offset, byte type, int[] funcIndices, ConstExpr[] exprs) {
        this.mode = mode;
        this.table = table;
        this.offset = offset;
        this.type = type;
        this.funcIndices = funcIndices;
        this.exprs = exprs;
    }

    public int size() {
        return funcIndices != null ? funcIndices.length : exprs.length;
    }
}
