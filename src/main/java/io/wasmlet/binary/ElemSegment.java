package io.wasmlet.binary;

/**
 * An element segment. Its {@link #size()} items are either function indices
 * ({@link #hasIndices()}, {@link #funcIndex}) or constant expressions ({@link #expr}).
 */
public final class ElemSegment {
    public static final int ACTIVE = 0;
    public static final int PASSIVE = 1;
    public static final int DECLARATIVE = 2;

    public final int mode;
    public final int table;
    public final ConstExpr offset;
    public final byte type;
    /** Exactly one of the two is non-null. */
    private final int[] funcIndices;
    private final ConstExpr[] exprs;

    ElemSegment(int mode, int table, ConstExpr offset, byte type, int[] funcIndices, ConstExpr[] exprs) {
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

    /** True when the items are function indices, false when they are constant expressions. */
    public boolean hasIndices() {
        return funcIndices != null;
    }

    /** The function index of item {@code k} ({@link #hasIndices()}). */
    public int funcIndex(int k) {
        return funcIndices[k];
    }

    /** The constant expression of item {@code k} (not {@link #hasIndices()}). */
    public ConstExpr expr(int k) {
        return exprs[k];
    }
}
