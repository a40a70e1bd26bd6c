package io.wasmlet.binary;

/** One import. {@code index} is the type index (functions) or the slot in the kind's space. */
public final class Import {
    public final String module;
    public final String name;
    public final byte kind;
    public final int index;

    public Import(String module, String name, byte kind, int index) {
        this.module = module;
        this.name = name;
        this.kind = kind;
        this.index = index;
    }
}
