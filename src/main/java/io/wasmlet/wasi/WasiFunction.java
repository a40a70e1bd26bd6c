package io.wasmlet.wasi;

import io.wasmlet.exec.HostFunction;

/**
 * One imported WASI function: a number into {@link WasiPreview1}'s dispatch (no lambdas on
 * CLDC, and one small class instead of forty-six).
 */
final class WasiFunction implements HostFunction {
    private final WasiPreview1 wasi;
    private final int id;
    /** For a stub ({@link WasiPreview1#UNKNOWN}): the import's name, for the trap message. */
    final String name;
    /** For a stub: how many results the import declares (results are zeroed, an i32 gets ENOSYS). */
    final int results;

    WasiFunction(WasiPreview1 wasi, int id, String name, int results) {
        this.wasi = wasi;
        this.id = id;
        this.name = name;
        this.results = results;
    }

    public void call(long[] stack, int base) {
        wasi.dispatch(this, id, stack, base);
    }
}
