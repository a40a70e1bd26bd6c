package io.wasmlet.exec;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.ValType;
import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Host functions that call back into their store, and traps crossing that boundary. */
class ReentrancyTest {
    private Instance inst;
    private String target = "inner";

    @Test
    void hostCallsBackIntoTheStoreAndTrapsUnwindBothLevels() throws Exception {
        Store store = new Store();
        Imports imports = new Imports();
        byte[] i32 = {ValType.I32};
        imports.add("env", "cb", new Function(new FuncType(i32, i32), new HostFunction() {
            public void call(Instance caller, long[] stack, int base) {
                assertSame(inst, caller, "the host function gets the instance that called it");
                long[] r = store.invoke(caller.function(target), new long[] {stack[base]});
                stack[base] = r[0];
            }
        }));
        inst = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/host/reenter.wasm"))), imports);
        // outer(20) = 1000 + inner(21) = 1042
        assertArrayEquals(new long[] {1042}, store.invoke(inst.function("outer"), new long[] {20}));
        target = "boom";
        TrapException t = assertThrows(TrapException.class, () -> store.invoke(inst.function("outer"), new long[] {1}));
        assertSame(Trap.unreachable, t);
        // both levels unwound: the store works as before
        target = "inner";
        for (int i = 0; i < 1000; i++) {
            assertArrayEquals(new long[] {1000 + 2 * (i + 1)}, store.invoke(inst.function("outer"), new long[] {i}));
        }
    }
}
