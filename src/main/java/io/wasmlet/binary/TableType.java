package io.wasmlet.binary;

/** Limits of a table or memory (memories leave {@code elemType} 0). {@code max} is -1 when absent. */
public final class TableType {
    public final byte elemType;
    public final long min;
    public final long max;

    public TableType(byte elemType, long min, long max) {
        this.elemType = elemType;
        this.min = min;
        this.max = max;
    }
}
