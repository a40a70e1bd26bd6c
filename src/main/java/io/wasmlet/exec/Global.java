package io.wasmlet.exec;

/** A global variable; imported globals share the exporter's object, so writes are seen by both. */
public final class Global {
    final byte type;
    final boolean mutable;
    /** The raw value (see {@link HostFunction} for the encoding); {@link #get}, {@link #set}. */
    long value;

    public Global(byte type, boolean mutable, long raw) {
        this.type = type;
        this.mutable = mutable;
        this.value = raw;
    }

    public byte type() {
        return type;
    }

    public boolean mutable() {
        return mutable;
    }

    public long get() {
        return value;
    }

    public void set(long raw) {
        value = raw;
    }
}
