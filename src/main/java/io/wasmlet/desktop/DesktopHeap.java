package io.wasmlet.desktop;

import io.wasmlet.board.HostHeap;

/** The JVM's heap limit ({@code -Xmx}) for {@code heap.kb = auto}; found by {@code Board} by name. */
public final class DesktopHeap implements HostHeap {
    @Override
    public long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
