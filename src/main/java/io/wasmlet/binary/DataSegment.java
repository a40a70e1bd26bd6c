package io.wasmlet.binary;

/** A data segment; {@code bytes} is its own copy of the segment's contents. */
public final class DataSegment {
    public final boolean active;
    public final int memory;
    public final ConstExpr offset;
    public final byte[] bytes;
    public final int length;

    public DataSegment(boolean active, int memory, ConstExpr offset, byte[] bytes) {
        this.active = active;
        this.memory = memory;
        this.offset = offset;
        this.bytes = bytes;
        this.length = bytes.length;
    }
}
