package io.wasmlet.validate;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A loaded module keeps nothing of its file: its data segments are copies, names only on request. */
class LoaderRetentionTest {
    /** One function "f" (named in a name section), a memory exported as "mem", one active data byte 0x2A. */
    static final byte[] MODULE = {
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                         // type () -> ()
        0x03, 0x02, 0x01, 0x00,                                     // function 0: type 0
        0x05, 0x03, 0x01, 0x00, 0x01,                               // memory min 1
        0x07, 0x07, 0x01, 0x03, 'm', 'e', 'm', 0x02, 0x00,          // export "mem" memory 0
        0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,                         // code: empty body
        0x0B, 0x07, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x2A,       // data: at 0, one byte 42
        0x00, 0x0B, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x04, 0x01, 0x00, 0x01, 'f', // name: function 0 is "f"
    };

    @Test
    void theModuleDoesNotKeepItsFile() {
        byte[] file = MODULE.clone();
        WasmModule m = Loader.load(file);
        ModuleData d = ModuleData.of(m);
        assertNull(d.bytes, "the file");
        assertNull(d.bodyStart, "body offsets");
        assertEquals(1, ModuleData.bytes(d.datas[0]).length, "the data segment holds its own bytes, at its own size");
        java.util.Arrays.fill(file, (byte) 0); // the caller reuses its buffer
        Memory mem = new Store().instantiate(m, new Imports()).memory("mem");
        assertEquals(42, mem.bytes()[0]);
        assertNull(m.functionName(0), "names are not kept by default");
        assertNull(d.funcNames);
    }

    @Test
    void namesAreKeptOnRequest() {
        WasmModule m = Loader.load(MODULE.clone(), Loader.NAMES);
        assertEquals("f", m.functionName(0));
        assertNull(m.functionName(1));
    }

    @Test
    void theModuleTypeHasNoPublicFieldsButItsKindConstants() {
        for (java.lang.reflect.Field f : WasmModule.class.getFields()) {
            int mod = f.getModifiers();
            assertEquals(true, java.lang.reflect.Modifier.isStatic(mod) && java.lang.reflect.Modifier.isFinal(mod)
                    && f.getType() == byte.class, f.getName());
        }
        for (java.lang.reflect.Method meth : WasmModule.class.getMethods()) {
            assertEquals(false, meth.getReturnType().isArray(), meth.getName());
        }
    }
}
