package io.wasmlet.binary;

/** A data segment: its bytes are {@code length} bytes at {@code start} in the module's bytes. */
public final class DataSegment {
    public final boolean active;
    public final int memory;
    public final ConstExpr offset;
    public final int start;
    public final int length;

    public DataSegment(boolean active, int memory, ConstExpr offset, int start, int length) {
        this.active = active;
        this.memory = memory;
        this.offset = offset;
        this.start = start;
        this.length = length;
    }
}
