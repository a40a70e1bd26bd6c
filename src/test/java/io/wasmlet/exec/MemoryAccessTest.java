package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.error.Trap;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.error.WasmException;
import io.wasmlet.validate.Loader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The embedder's memory accessors and the typed export lookups. */
class MemoryAccessTest {
    final Memory mem = new Memory(1, 2);
    static final int END = Memory.PAGE;

    @Test
    void numbersAreLittleEndian() {
        mem.writeI32(8, 0x11223344);
        assertEquals(0x44, mem.readByte(8));
        assertEquals(0x11, mem.readByte(11));
        assertEquals(0x11223344, mem.readI32(8));
        mem.writeI64(16, 0x0102030405060708L);
        assertEquals(0x08, mem.readByte(16));
        assertEquals(0x0102030405060708L, mem.readI64(16));
        mem.writeF32(32, 1.5f);
        assertEquals(1.5f, mem.readF32(32));
        assertEquals(Float.floatToIntBits(1.5f), mem.readI32(32));
        mem.writeF64(40, -2.25);
        assertEquals(-2.25, mem.readF64(40));
        mem.writeByte(END - 1, (byte) -3);
        assertEquals(-3, mem.readByte(END - 1));
    }

    @Test
    void everyAccessIsBoundsChecked() {
        assertSame(Trap.memoryOutOfBounds, assertThrows(TrapException.class, () -> mem.readI32(END - 3)));
        assertThrows(TrapException.class, () -> mem.writeI64(END - 7, 1));
        assertThrows(TrapException.class, () -> mem.readByte(-1), "addresses are unsigned");
        assertThrows(TrapException.class, () -> mem.readBytes(END - 2, new byte[4], 0, 4));
        assertThrows(TrapException.class, () -> mem.readUtf8(0, -1));
        assertThrows(TrapException.class, () -> mem.writeUtf8(END - 2, "abc"));
        assertEquals(0, mem.readByte(END - 2), "nothing written by the refused write");
        assertThrows(WasmException.class, () -> mem.readBytes(0, new byte[4], 2, 3), "the host array too");
        assertThrows(WasmException.class, () -> mem.readUtf8(0, 5, new char[4], 0));
        mem.grow(1);
        mem.writeI32(END, 7);
        assertEquals(7, mem.readI32(END), "after growth the accessors see the new pages");
    }

    @Test
    void bytesAndStrings() {
        mem.writeBytes(100, new byte[] {9, 1, 2, 3, 9}, 1, 3);
        byte[] got = new byte[5];
        mem.readBytes(99, got, 0, 5);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, got);
        String s = "h\u00e9llo \u20ac \ud83d\ude00";
        int n = mem.writeUtf8(200, s);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, n);
        assertEquals(n, Memory.utf8Length(s));
        byte[] back = new byte[n];
        mem.readBytes(200, back, 0, n);
        assertArrayEquals(utf8, back);
        assertEquals(s, mem.readUtf8(200, n));
        char[] chars = new char[n];
        int c = mem.readUtf8(200, n, chars, 0);
        assertEquals(s, new String(chars, 0, c));
        // invalid UTF-8 becomes U+FFFD, never an exception
        mem.writeBytes(300, new byte[] {'a', (byte) 0xC0, 'b', (byte) 0xE2, (byte) 0x82}, 0, 5);
        assertEquals("a\ufffdb\ufffd\ufffd", mem.readUtf8(300, 5));
    }

    @Test
    void exportsAreTypedAndNeverNull() throws Exception {
        Store store = new Store();
        Instance inst = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/programs/wasi-start.wasm"))),
                wasi());
        assertEquals(0, store.invoke(inst.function("errno"), new long[0])[0], "the host function read the string");
        assertTrue(inst.hasExport("memory"));
        assertSame(inst.memory(), inst.memory("memory"));
        assertEquals("unknown export \"nope\"", assertThrows(UnlinkableException.class, () -> inst.function("nope")).getMessage());
        assertEquals("export \"memory\" is a memory, not a function",
                assertThrows(UnlinkableException.class, () -> inst.function("memory")).getMessage());
        assertThrows(UnlinkableException.class, () -> inst.global("errno"));
        assertThrows(UnlinkableException.class, () -> inst.table("memory"));
        assertThrows(UnlinkableException.class, () -> inst.exportKind("nope"));
        Instance none = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/examples/add.wasm"))), new Imports());
        assertEquals("the module has no memory", assertThrows(UnlinkableException.class, none::memory).getMessage());
    }

    private static Imports wasi() {
        Imports im = new Imports();
        im.add("wasi_snapshot_preview1", "fd_write", new Function(
                new io.wasmlet.binary.FuncType(new byte[] {0x7F, 0x7F, 0x7F, 0x7F}, new byte[] {0x7F}),
                new HostFunction() {
                    public void call(Instance caller, long[] stack, int base) {
                        // fd_write(1, iovs, 1, nwritten): read the one iovec through the caller
                        Memory m = caller.memory();
                        int iov = (int) stack[base + 1];
                        String text = m.readUtf8(m.readI32(iov), m.readI32(iov + 4));
                        stack[base] = text.equals("hello from the start function\n") ? 0 : 99;
                    }
                }));
        return im;
    }
}
