package io.wasmlet.exec;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.ResourceLimitException;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instantiation and execution within a board's budgets. */
class BoardBudgetTest {
    private static WasmModule load(String name) throws Exception {
        return Loader.load(Files.readAllBytes(Paths.get("tests/boards", name)));
    }

    private static Board board(String name) throws Exception {
        return Board.named(name);
    }

    @Test
    void everyPackagedBoardParses() throws Exception {
        for (String n : new String[] {"desktop", "stm32f746g-disco", "stm32h747i-disco", "imxrt1170-evk",
                "esp32-s3-devkitc-1-n8r8", "nrf52840-dk", "rp2040-pico", "rp2350-pico2"}) {
            Board b = board(n);
            assertEquals(n, b.name);
            assertTrue(b.heapKb > 0 && b.stackSlots > 0 && b.frames > 0, n);
            assertTrue(b.memoryBytes <= b.heapKb * 1024L, n + ": memory budget exceeds heap");
        }
    }

    @Test
    void memoryThatDoesNotFitIsRefusedWithBothNumbers() throws Exception {
        Store store = new Store(board("nrf52840-dk"));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> store.instantiate(load("mem4.wasm"), new Imports()));
        assertEquals("module needs a linear memory of 4 pages (262144 bytes); board nrf52840-dk allows 98304 bytes: at least 98305 bytes short",
                e.getMessage());
    }

    @Test
    void tableThatDoesNotFitIsRefused() throws Exception {
        Store store = new Store(board("rp2040-pico"));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> store.instantiate(load("table1000.wasm"), new Imports()));
        assertEquals("module needs table 0 with 1000 entries; board rp2040-pico allows 256", e.getMessage());
    }

    @Test
    void partialLastPageIsBackedUpToTheBudget() throws Exception {
        Store store = new Store(board("nrf52840-dk"));
        Instance inst = store.instantiate(load("mem2.wasm"), new Imports());
        Memory mem = inst.memory("memory");
        assertEquals(98304, mem.bytes().length, "preallocated to the budget");
        assertArrayEquals(new long[] {2}, store.invoke(inst.function("size"), new long[0]));
        store.invoke(inst.function("store"), new long[] {98303, 77});
        assertArrayEquals(new long[] {77}, store.invoke(inst.function("load"), new long[] {98303}));
        TrapException t = assertThrows(TrapException.class,
                () -> store.invoke(inst.function("load"), new long[] {98304}));
        assertSame(Trap.memoryOutOfBounds, t);
        // a third page cannot be backed at all
        assertArrayEquals(new long[] {-1}, store.invoke(inst.function("grow"), new long[] {1}));
    }

    @Test
    void deepRecursionExhaustsTheFrameBudgetNotTheJavaStack() throws Exception {
        Board b = board("rp2040-pico"); // 128 frames
        Store store = new Store(b);
        Instance inst = store.instantiate(load("mem2.wasm"), new Imports());
        assertArrayEquals(new long[] {100}, store.invoke(inst.function("down"), new long[] {100}));
        assertThrows(ExhaustionException.class, () -> store.invoke(inst.function("down"), new long[] {1000}));
        // the store is usable again after exhaustion
        assertArrayEquals(new long[] {5}, store.invoke(inst.function("down"), new long[] {5}));
    }

    @Test
    void footprintAddsUp() throws Exception {
        WasmModule m = load("mem2.wasm");
        Footprint f = Footprint.of(m, board("stm32f746g-disco"));
        assertEquals(12 + 1024 * 8, f.bytes(Footprint.VALUE_STACK));
        assertEquals(20 + 12 + 12 + 122880, f.bytes(Footprint.MEMORY)); // the Memory object, then its byte[]
        long sum = 0;
        for (int i = 0; i < Footprint.ARENAS; i++) {
            sum += f.bytes(i);
        }
        assertEquals(sum, f.total());
        assertEquals(160 * 1024 - sum, f.free());
        assertTrue(f.toString().contains("linear memory"), f.toString());
    }
}
