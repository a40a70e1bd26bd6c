package io.wasmlet.binary;

/** One export: a name for an index in one index space. */
public final class Export {
    public final String name;
    public final byte kind;
    public final int index;

    public Export(String name, byte kind, int index) {
        this.name = name;
        this.kind = kind;
        this.index = index;
    }
}
