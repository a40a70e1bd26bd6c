package io.wasmlet.binary;

/**
 * Limits of a table or memory (memories leave {@code elemType} 0). {@code max} is -1 when absent.
 * A memory's {@code min} and {@code max} count pages of {@code 1 << pageShift} bytes: 16 (64 KiB)
 * unless the module declares a custom page size (the custom-page-sizes proposal: 1-byte pages,
 * {@code pageShift} 0); tables leave it 16.
 */
public final class TableType {
    /** The page size of memories without a custom one: 64 KiB. */
    public static final int DEFAULT_PAGE_SHIFT = 16;

    public final byte elemType;
    public final long min;
    public final long max;
    /** Log2 of a memory's page size as declared (validation admits only 0 and 16). */
    public final int pageShift;

    public TableType(byte elemType, long min, long max) {
        this(elemType, min, max, DEFAULT_PAGE_SHIFT);
    }

    public TableType(byte elemType, long min, long max, int pageShift) {
        this.elemType = elemType;
        this.min = min;
        this.max = max;
        this.pageShift = pageShift;
    }
}
