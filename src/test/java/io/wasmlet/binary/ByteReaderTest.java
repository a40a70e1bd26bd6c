package io.wasmlet.binary;

import io.wasmlet.error.MalformedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteReaderTest {
    private static ByteReader r(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteReader(b);
    }

    @Test
    void unsigned32() {
        assertEquals(0, r(0x00).u32());
        assertEquals(624485, r(0xE5, 0x8E, 0x26).u32());
        assertEquals(-1, r(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).u32());
        assertEquals(3, r(0x83, 0x80, 0x80, 0x80, 0x00).u32()); // padded, still 5 bytes
        assertThrows(MalformedException.class, () -> r(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).u32()); // bit 32 set
        assertThrows(MalformedException.class, () -> r(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32()); // 6 bytes
        assertThrows(MalformedException.class, () -> r(0x80).u32()); // truncated
    }

    @Test
    void signed32And64() {
        assertEquals(-1, r(0x7F).s32());
        assertEquals(Integer.MIN_VALUE, r(0x80, 0x80, 0x80, 0x80, 0x78).s32());
        assertEquals(Integer.MAX_VALUE, r(0xFF, 0xFF, 0xFF, 0xFF, 0x07).s32());
        assertThrows(MalformedException.class, () -> r(0xFF, 0xFF, 0xFF, 0xFF, 0x4F).s32()); // unused bits differ
        assertEquals(Long.MIN_VALUE, r(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).s64());
        assertEquals(-2, r(0x7E).s64());
        assertThrows(MalformedException.class,
                () -> r(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x41).s64());
    }

    @Test
    void blockTypes33() {
        assertEquals(-64, r(0x40).s33()); // empty
        assertEquals(-1, r(0x7F).s33()); // i32
        assertEquals(5, r(0x05).s33()); // type index
        assertEquals(0xFFFFFFFFL, r(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).s33());
    }

    @Test
    void utf8() {
        assertEquals("héllo", Utf8.decode(new byte[] {'h', (byte) 0xC3, (byte) 0xA9, 'l', 'l', 'o'}, 0, 6));
        assertNull(Utf8.decode(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)); // overlong
        assertNull(Utf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)); // surrogate
        assertNull(Utf8.decode(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4)); // > U+10FFFF
    }
}
