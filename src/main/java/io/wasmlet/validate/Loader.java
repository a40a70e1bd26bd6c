package io.wasmlet.validate;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ModuleDecoder;
import io.wasmlet.error.Msg;
import io.wasmlet.error.ResourceLimitException;

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
    /**
     * Flag: {@link #NAMES}, and a map from the pre-decoded code back to the byte offsets of
     * the module's instructions (about one byte per instruction), so that a trap's backtrace
     * gives each frame's offset in the file as wasmtime does ({@code Backtrace.offset}).
     * Without it a backtrace gives offsets in the pre-decoded code.
     */
    public static final int DEBUG = NAMES | 4;
    /**
     * Flag: profile the direction of each {@code if} and {@code br_if} (the one-unit forms: not
     * those of a function too long for them, nor a {@code br_if} that moves values) in the
     * instance's branch counters, for the JIT translator (code for stores with the JIT tier: the
     * command line sets it in tiered and eager mode). One counter increment per branch executed
     * in the interpreter and a third unit per such branch in the code; without it, nothing.
     */
    public static final int PROFILE = 8;

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
     * As {@link #load(byte[])}, with {@code flags} ({@link #COUNT}, {@link #NAMES}, {@link #DEBUG}). The module
     * does not keep {@code bytes}: data segments are copied out of it while decoding, and the
     * function bodies are read from it only until they are validated.
     */
    public static WasmModule load(byte[] bytes, int flags) {
        WasmModule m = ModuleDecoder.decode(bytes, (flags & NAMES) != 0);
        ModuleData d = ModuleData.of(m);
        new ModuleValidator(d, (flags & COUNT) != 0, (flags & DEBUG) == DEBUG, (flags & PROFILE) != 0).validate();
        d.bytes = null;
        d.bodyStart = null;
        d.bodyEnd = null;
        d.metered = (flags & COUNT) != 0;
        return m;
    }

    /** The default limit of {@link #load(InputStream)}: 256 MiB. */
    public static final int MAX_INPUT_BYTES = 256 << 20;

    /**
     * Reads the stream to its end (it is not closed), at most {@link #MAX_INPUT_BYTES}, and
     * loads the module.
     *
     * @throws IOException if reading fails
     * @throws ResourceLimitException if the stream holds more than the limit
     */
    public static WasmModule load(InputStream in) throws IOException {
        return load(in, MAX_INPUT_BYTES, 0);
    }

    /**
     * Reads the stream to its end (it is not closed) and loads the module, with {@code flags}
     * ({@link #COUNT}, {@link #NAMES}, {@link #DEBUG}). Stops reading as soon as the stream has given more than
     * {@code maxBytes}, so an endless stream (a device such as {@code /dev/zero}) ends too.
     *
     * @throws IOException if reading fails
     * @throws ResourceLimitException if the stream holds more than {@code maxBytes} bytes
     */
    public static WasmModule load(InputStream in, int maxBytes, int flags) throws IOException {
        int max = Math.max(0, Math.min(maxBytes, Integer.MAX_VALUE - 16));
        // A file's or a resource's stream usually knows its length: then one exact array and no
        // copy (the file is the largest transient of loading on a board); else grow by doubling.
        int avail = in.available();
        byte[] buf = new byte[avail > 0 && avail <= max ? avail : Math.min(4096, max + 1)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                int next = in.read(); // full: is there more?
                if (next < 0) {
                    break;
                }
                if (n + 1 > max) {
                    throw tooLarge(max);
                }
                byte[] b = new byte[(int) Math.min(Math.max(4096L, buf.length * 2L), max + 1L)];
                System.arraycopy(buf, 0, b, 0, n);
                buf = b;
                buf[n++] = (byte) next;
                continue;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r <= 0) {
                break;
            }
            n += r;
            if (n > max) {
                throw tooLarge(max);
            }
        }
        if (n == buf.length) {
            return load(buf, flags);
        }
        byte[] bytes = new byte[n];
        System.arraycopy(buf, 0, bytes, 0, n);
        return load(bytes, flags);
    }

    private static ResourceLimitException tooLarge(int max) {
        return new ResourceLimitException(Msg.num("module larger than the limit of ", max, " bytes"));
    }
}
