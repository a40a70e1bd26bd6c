package io.wasmlet.board;

/**
 * What the VM's real heap limit is, for {@code heap.kb = auto}: implemented by
 * {@code io.wasmlet.desktop.DesktopHeap} (which {@link Board#hostHeapBytes()} finds by name) or
 * by a board port's own class of that name.
 */
public interface HostHeap {
    /** The most bytes the Java heap may grow to. */
    long maxBytes();
}
