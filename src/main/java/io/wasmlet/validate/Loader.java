package io.wasmlet.validate;

import io.wasmlet.binary.Module;
import io.wasmlet.binary.ModuleDecoder;

/** Decodes, validates and pre-decodes a module: the one entry point from bytes to code. */
public final class Loader {
    private Loader() {
    }

    /**
     * @throws io.wasmlet.error.MalformedException if the bytes are not a well-formed module
     * @throws io.wasmlet.error.InvalidException if the module does not validate
     */
    public static Module load(byte[] bytes) {
        Module m = ModuleDecoder.decode(bytes);
        new ModuleValidator(m).validate();
        return m;
    }
}
