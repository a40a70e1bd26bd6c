package io.wasmlet.exec;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.ValType;
import io.wasmlet.board.Board;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Host functions that call back into their store, and traps crossing that boundary. */
class ReentrancyTest {
    private Instance inst;
    private String target = "inner";

    private int levels;

    /**
     * host -> Wasm -> host -> ... asked for 100,000 times: each level is Java recursion, so the
     * board's reentry.depth stops it with an ExhaustionException (issue 10: a raw
     * StackOverflowError), and the store works afterwards.
     */
    @Test
    void hostReentryIsBoundedByTheBoard() throws Exception {
        for (Board board : new Board[] {Board.desktop(), Board.named("stm32f746g-disco")}) {
            Store store = new Store(board);
            Imports imports = new Imports();
            byte[] i32 = {ValType.I32};
            imports.add("env", "cb", new Function(new FuncType(i32, i32), new HostFunction() {
                public void call(Instance caller, long[] stack, int base) {
                    levels++;
                    int n = (int) stack[base];
                    stack[base] = n >= 100_000 ? n : store.invoke(inst.function("outer"), new long[] {n})[0];
                }
            }));
            inst = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/host/reenter.wasm"))), imports);
            levels = 0;
            ExhaustionException e = assertThrows(ExhaustionException.class,
                    () -> store.invoke(inst.function("outer"), new long[] {0}));
            assertEquals("host re-entry too deep: reentry.depth = " + board.reentryDepth + " on board " + board.name,
                    e.getMessage());
            assertEquals(board.reentryDepth, levels, "host calls made before the bound");
            levels = 0;
            assertArrayEquals(new long[] {1000L * 5 + 100_000}, store.invoke(inst.function("outer"),
                    new long[] {100_000 - 5}));
        }
    }

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
