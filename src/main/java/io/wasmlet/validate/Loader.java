package io.wasmlet.validate;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ModuleDecoder;

import java.io.IOException;
import java.io.InputStream;

/** Decodes, validates and pre-decodes a module: the one entry point from bytes to code. */
public final class Loader {
    /**
     * Flag: emit instruction and call counting into the pre-decoded code, so that
     * {@code Store.instructionsExecuted()} and {@code Store.callsExecuted()} report them.
     * Costs one dispatch per straight-line run of code; without it, counting costs nothing.
     */
    public static final int COUNT = 1;
    /**
     * Flag: keep the function names of the module's name section ({@code WasmModule.functionName}),
     * for messages and backtraces. Without it every custom section is skipped and nothing of
     * it is held.
     */
    public static final int NAMES = 2;

    private Loader() {
    }

    /**
     * @throws io.wasmlet.error.MalformedException if the bytes are not a well-formed module
     * @throws io.wasmlet.error.InvalidException if the module does not validate
     */
    public static WasmModule load(byte[] bytes) {
        return load(bytes, 0);
    }

    /**
     * As {@link #load(byte[])}, with {@code flags} ({@link #COUNT}, {@link #NAMES}). The module
     * does not keep {@code bytes}: data segments are copied out of it while decoding, and the
     * function bodies are read from it only until they are validated.
     */
    public static WasmModule load(byte[] bytes, int flags) {
        WasmModule m = ModuleDecoder.decode(bytes, (flags & NAMES) != 0);
        ModuleData d = ModuleData.of(m);
        new ModuleValidator(d, (flags & COUNT) != 0).validate();
        d.bytes = null;
        d.bodyStart = null;
        d.bodyEnd = null;
        return m;
    }

    /**
     * Reads the stream to its end (it is not closed) and loads the module.
     *
     * @throws IOException if reading fails
     */
    public static WasmModule load(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        int n = 0;
        int r;
        while ((r = in.read(buf, n, buf.length - n)) > 0) {
            n += r;
            if (n == buf.length) {
                byte[] b = new byte[buf.length * 2];
                System.arraycopy(buf, 0, b, 0, n);
                buf = b;
            }
        }
        byte[] bytes = new byte[n];
        System.arraycopy(buf, 0, bytes, 0, n);
        return load(bytes);
    }
}
