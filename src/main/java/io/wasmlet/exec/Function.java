package io.wasmlet.exec;

import io.wasmlet.binary.FuncType;

/**
 * A function instance: either Wasm code of an {@link Instance} or a {@link HostFunction}. It is
 * also what a {@code funcref} points at: its raw reference value is {@link #ref()}.
 */
public final class Function {
    final FuncType type;
    final HostFunction host;
    final Instance instance;
    /** Header pc in the owning instance's code (Wasm functions). */
    final int entry;
    /** Store-wide canonical type id, set when registered. */
    int typeId = -1;
    /** Raw funcref value (store index + 1), 0 until registered with a store. */
    int ref;
    Store store;

    /** A host function with the given type. */
    public Function(FuncType type, HostFunction host) {
        this.type = type;
        this.host = host;
        this.instance = null;
        this.entry = -1;
    }

    Function(FuncType type, Instance instance, int entry) {
        this.type = type;
        this.host = null;
        this.instance = instance;
        this.entry = entry;
    }

    public FuncType type() {
        return type;
    }

    /** The raw funcref value of this function (non-zero once it belongs to a store). */
    public int ref() {
        return ref;
    }

    public boolean isHost() {
        return host != null;
    }
}
