package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The custom-page-sizes proposal (memories of 1-byte pages, limits flags 8 and 9), which lets a C
 * program built for a small board declare less than one 64 KiB page (issue 11): memory.size and
 * memory.grow count bytes, bounds are exact to the byte in every tier, and the binary and
 * validation errors are the proposal's.
 */
class CustomPageSizeTest {
    /** A module with {@code (memory 13 [max] (pagesize 2^log2))} and exports size, grow, load, store, mem. */
    static byte[] module(int flags, int min, int max, int log2) {
        ByteArrayOutputStream mem = new ByteArrayOutputStream();
        mem.write(1);
        mem.write(flags);
        mem.write(min);
        if ((flags & 1) != 0) {
            mem.write(max);
        }
        if (flags >= 8) {
            mem.write(log2);
        }
        return wasm(mem.toByteArray());
    }

    static byte[] wasm(byte[] memorySection) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        // types: () -> i32, (i32) -> i32, (i32 i32) -> nil
        section(o, 1, new byte[] {3, 0x60, 0, 1, 0x7f, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 2, 0x7f, 0x7f, 0});
        section(o, 3, new byte[] {4, 0, 1, 1, 2});
        section(o, 5, memorySection);
        section(o, 7, new byte[] {5, 4, 's', 'i', 'z', 'e', 0, 0, 4, 'g', 'r', 'o', 'w', 0, 1,
                4, 'l', 'o', 'a', 'd', 0, 2, 5, 's', 't', 'o', 'r', 'e', 0, 3, 3, 'm', 'e', 'm', 2, 0});
        section(o, 10, new byte[] {4,
                4, 0, 0x3f, 0, 0x0b, // memory.size
                6, 0, 0x20, 0, 0x40, 0, 0x0b, // memory.grow (local 0)
                7, 0, 0x20, 0, 0x2d, 0, 0, 0x0b, // i32.load8_u (local 0)
                9, 0, 0x20, 0, 0x20, 1, 0x3a, 0, 0, 0x0b}); // i32.store8 (local 0) (local 1)
        return o.toByteArray();
    }

    static void section(ByteArrayOutputStream o, int id, byte[] body) {
        o.write(id);
        o.write(body.length);
        o.writeBytes(body);
    }

    static long call(Store st, Instance inst, String name, long... args) {
        long[] r = st.invoke(inst.function(name), args);
        return r.length == 0 ? 0 : r[0];
    }

    @Test
    void oneBytePagesCountBytesInEveryTier() {
        for (String mode : new String[] {"interp", "tiered", "eager"}) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(Loader.load(module(9, 13, 40, 0)), new Imports());
            Memory m = inst.memory("mem");
            assertEquals(1, m.pageSize(), mode);
            assertEquals(13, m.byteSize(), mode);
            assertEquals(13, call(st, inst, "size"), mode);
            call(st, inst, "store", 12, 0xAB);
            assertEquals(0xAB, call(st, inst, "load", 12), mode);
            TrapException t = assertThrows(TrapException.class, () -> call(st, inst, "load", 13), mode);
            assertTrue(t.getMessage().contains("out of bounds memory access"), t.getMessage());
            assertEquals(13, call(st, inst, "grow", 3), mode + ": grow returns the old size in bytes");
            assertEquals(16, call(st, inst, "size"), mode);
            assertEquals(0, call(st, inst, "load", 15), mode + ": grown bytes are zero");
            assertThrows(TrapException.class, () -> call(st, inst, "store", 16, 1), mode);
            assertEquals(-1, (int) call(st, inst, "grow", 25), mode + ": past the declared maximum of 40");
            assertEquals(16, call(st, inst, "grow", 24), mode);
            assertEquals(40, call(st, inst, "size"), mode);
            assertEquals(0, call(st, inst, "load", 39), mode);
            for (int i = 0; i < 2000; i++) { // hot enough to tier up: the compiled code keeps the bounds
                assertEquals(40, call(st, inst, "size"));
                assertThrows(TrapException.class, () -> call(st, inst, "load", 40));
            }
        }
    }

    @Test
    void defaultPageSizeSpelledOutIsTheUsualMemory() {
        Store st = new Store();
        Instance inst = st.instantiate(Loader.load(module(8, 1, 0, 16)), new Imports());
        assertEquals(Memory.PAGE, inst.memory("mem").pageSize());
        assertEquals(1, call(st, inst, "size"));
        assertEquals(0, call(st, inst, "load", 65535));
        assertThrows(TrapException.class, () -> call(st, inst, "load", 65536));
    }

    @Test
    void onABoardTheMemoryIsTheBytesDeclared() throws Exception {
        Board rp2040 = Board.named("rp2040-pico");
        WasmModule m = Loader.load(module(9, 100, 120, 0));
        Footprint f = new Store(rp2040).footprint(m);
        // the array of 120 bytes (preallocated to the maximum), not 64 KiB
        assertTrue(f.bytes(Footprint.MEMORY) < 200, "memory " + f.bytes(Footprint.MEMORY));
        Store st = new Store(rp2040);
        Instance inst = st.instantiate(m, new Imports());
        assertEquals(120, inst.memory("mem").bytes().length);
        assertEquals(100, call(st, inst, "grow", 20));
        assertEquals(-1, (int) call(st, inst, "grow", 1));
        // a minimum beyond the board's memory budget is refused, in bytes
        byte[] big = wasm(new byte[] {1, 8, (byte) 0x80, (byte) 0x80, 0x08, 0}); // 131,072 one-byte pages
        String why = new Store(rp2040).footprint(Loader.load(big)).problem(Loader.load(big));
        assertTrue(why != null && why.contains("131072 pages (131072 bytes)") && why.contains("32768 bytes short"), why);
    }

    @Test
    void errorsAreTheProposals() {
        // page sizes other than 1 and 64 KiB are invalid; a log2 beyond 63 is malformed
        for (int log2 : new int[] {1, 2, 8, 15, 17, 32, 63}) {
            InvalidException e = assertThrows(InvalidException.class, () -> Loader.load(module(8, 0, 0, log2)),
                    "log2 " + log2);
            assertTrue(e.getMessage().contains("invalid custom page size"), e.getMessage());
        }
        MalformedException e = assertThrows(MalformedException.class, () -> Loader.load(module(8, 0, 0, 0x41)));
        assertTrue(e.getMessage().contains("invalid custom page size"), e.getMessage());
        // a table has no page size: its flags 8 stay malformed
        byte[] table = {0, 'a', 's', 'm', 1, 0, 0, 0, 4, 4, 1, 0x70, 8, 0};
        MalformedException te = assertThrows(MalformedException.class, () -> Loader.load(table));
        assertTrue(te.getMessage().contains("malformed limits flags"), te.getMessage());
        // 1-byte pages admit any 32-bit minimum; the maximum must not be below it
        Loader.load(module(8, 0x7f, 0, 0));
        InvalidException mm = assertThrows(InvalidException.class, () -> Loader.load(module(9, 5, 4, 0)));
        assertTrue(mm.getMessage().contains("size minimum must not be greater than maximum"), mm.getMessage());
    }

    @Test
    void importsMatchOnlyTheSamePageSize() {
        // (import "env" "mem" (memory 1 (pagesize 1)))
        byte[] imp = {0, 'a', 's', 'm', 1, 0, 0, 0, 2, 13, 1, 3, 'e', 'n', 'v', 3, 'm', 'e', 'm', 2, 8, 1, 0};
        WasmModule m = Loader.load(imp);
        Imports withBig = new Imports();
        withBig.add("env", "mem", new Memory(1, -1));
        UnlinkableException u = assertThrows(UnlinkableException.class, () -> new Store().instantiate(m, withBig));
        assertTrue(u.getMessage().contains("incompatible import type"), u.getMessage());
        Imports withSmall = new Imports();
        withSmall.add("env", "mem", new Memory(1, -1, 0));
        new Store().instantiate(m, withSmall);
        assertThrows(IllegalArgumentException.class, () -> new Memory(1, -1, 8));
    }
}
