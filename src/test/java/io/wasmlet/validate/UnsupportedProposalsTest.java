package io.wasmlet.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.WasmException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A module using a proposal the runtime does not implement is refused with a message that
 * names the proposal, not only the byte ("illegal opcode 0xfd: SIMD ...").
 */
class UnsupportedProposalsTest {
    /** A module of one function [] -> [] with this body (locals and end included), and these sections first. */
    static byte[] module(byte[] memorySection, int... body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        out.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type: [] -> []
        out.writeBytes(new byte[] {3, 2, 1, 0}); // one function
        if (memorySection != null) {
            out.write(5);
            out.write(memorySection.length);
            out.writeBytes(memorySection);
        }
        out.write(10);
        out.write(body.length + 3);
        out.write(1);
        out.write(body.length + 1);
        out.write(0); // no locals
        for (int b : body) {
            out.write(b);
        }
        return out.toByteArray();
    }

    static String message(Class<? extends WasmException> kind, byte[] bytes) {
        return assertThrows(kind, () -> Loader.load(bytes)).getMessage();
    }

    static void assertNames(String feature, int... body) {
        String m = message(MalformedException.class, module(null, body));
        assertTrue(m.startsWith("illegal opcode 0x" + Integer.toHexString(body[0]) + ": " + feature
                + " (a proposal this runtime does not implement)"), m);
    }

    @Test
    void opcodesOfUnimplementedProposalsAreNamed() {
        assertNames("SIMD", 0xFD, 0x0C, 0x0B);
        assertNames("threads (atomics)", 0xFE, 0x03, 0x00, 0x0B);
        assertNames("garbage collection", 0xFB, 0x00, 0x0B);
        assertNames("garbage collection", 0xD3, 0x0B);
        assertNames("tail calls (return_call, return_call_indirect)", 0x12, 0x00, 0x0B);
        assertNames("tail calls (return_call, return_call_indirect)", 0x13, 0x00, 0x00, 0x0B);
        for (int op : new int[] {0x06, 0x07, 0x08, 0x09, 0x0A, 0x18, 0x19, 0x1F}) {
            assertNames("exception handling", op, 0x0B);
        }
        for (int op : new int[] {0x14, 0x15, 0xD4, 0xD5, 0xD6}) {
            assertNames("typed function references", op, 0x0B);
        }
    }

    @Test
    void anUnknownOpcodeOfNoProposalIsJustIllegal() {
        String m = message(MalformedException.class, module(null, 0xFF, 0x0B));
        assertTrue(m.startsWith("illegal opcode 0xff (at byte offset"), m);
    }

    @Test
    void memoryFeaturesAreNamed() {
        String m = message(MalformedException.class, module(new byte[] {1, 0x04, 1}, 0x0B));
        assertTrue(m.startsWith("integer too large (malformed limits flags: 64-bit, from memory64 (a proposal"), m);
        m = message(MalformedException.class, module(new byte[] {1, 0x03, 1, 2}, 0x0B));
        assertTrue(m.startsWith("integer too large (malformed limits flags: shared, from threads (a proposal"), m);
        m = message(InvalidException.class, module(new byte[] {2, 0, 1, 0, 1}, 0x0B));
        assertEquals("multiple memories: multi-memory (a proposal this runtime does not implement)", m);
        // memory.size 1: a memory index
        m = message(MalformedException.class, module(new byte[] {1, 0, 1}, 0x3F, 0x01, 0x1A, 0x0B));
        assertTrue(m.startsWith("zero byte expected (a memory index other than 0: multi-memory"), m);
        // i32.load with flag 0x40 (a memory index follows), memory 1, offset 0
        m = message(InvalidException.class, module(new byte[] {1, 0, 1}, 0x41, 0, 0x28, 0x42, 0x01, 0x00, 0x1A, 0x0B));
        assertTrue(m.startsWith("alignment must not be larger than natural (flag 0x40: a memory index, multi-memory"), m);
    }
}
