package io.wasmlet.wasi;

import io.wasmlet.exec.HostFunction;
import io.wasmlet.exec.Instance;

/**
 * One imported WASI function: a number into {@link WasiPreview1}'s dispatch (no lambdas on
 * CLDC, and one small class instead of forty-six).
 */
final class WasiFunction implements HostFunction {
    private final WasiPreview1 wasi;
    private final int id;
    /** Linked under {@code wasi_unstable}: preview0's struct layouts and whence values. */
    final boolean preview0;
    /** For a stub ({@link WasiPreview1#UNKNOWN}): the import's names, for the trap message. */
    final String name;
    /** For a stub: how many results the import declares. */
    final int results;
    /** For a stub: {@link WasiPreview1#STUB_TRAP}, {@code STUB_ZERO} or {@code STUB_NOSYS}. */
    final int stub;

    WasiFunction(WasiPreview1 wasi, int id, boolean preview0, String name, int results, int stub) {
        this.wasi = wasi;
        this.id = id;
        this.preview0 = preview0;
        this.name = name;
        this.results = results;
        this.stub = stub;
    }

    public void call(Instance caller, long[] stack, int base) {
        wasi.dispatch(this, id, caller, stack, base);
    }
}
