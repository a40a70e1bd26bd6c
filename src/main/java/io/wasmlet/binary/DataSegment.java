package io.wasmlet.binary;

/**
 * A data segment, which owns its copy of the segment's {@link #length} bytes (the runtime's
 * memory.init reads them through {@link ModuleData#bytes(DataSegment)}).
 */
public final class DataSegment {
    public final boolean active;
    public final int memory;
    public final ConstExpr offset;
    final byte[] bytes;
    public final int length;

    DataSegment(boolean active, int memory, ConstExpr offset, byte[] bytes) {
        this.active = active;
        this.memory = memory;
        this.offset = offset;
        this.bytes = bytes;
        this.length = bytes.length;
    }
}
