package io.wasmlet.validate;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The validator's pre-decoded output, asserted unit by unit (see {@link Layout}). */
class SideTableTest {
    /** A section: id, LEB size, content. */
    static byte[] section(int id, int... content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(id);
        out.write(content.length); // all test sections are < 128 bytes
        for (int b : content) {
            out.write(b);
        }
        return out.toByteArray();
    }

    static int[] body(int... content) {
        int[] r = new int[content.length + 1];
        r[0] = content.length;
        System.arraycopy(content, 0, r, 1, content.length);
        return r;
    }

    static int[] cat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] r = new int[n];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, r, k, p.length);
            k += p.length;
        }
        return r;
    }

    static byte[] module(byte[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (byte[] s : sections) {
            out.writeBytes(s);
        }
        return out.toByteArray();
    }

    private static final int I32 = 0x7F;

    /** The code as ints, to compare with expected arrays. */
    static int[] units(char[] code) {
        int[] r = new int[code.length];
        for (int i = 0; i < code.length; i++) {
            r[i] = code[i];
        }
        return r;
    }

    /** A one-unit branch offset as stored. */
    static int off(int o) {
        return o & 0xFFFF;
    }

    @Test
    void loopWithBrIfAndBlockWithValueBranch() {
        int[] loopBody = body(0x01, 0x01, I32, // one extra i32 local
                0x03, 0x40, // loop
                0x20, 0x01, 0x20, 0x00, 0x6A, 0x21, 0x01, // acc += n
                0x20, 0x00, 0x41, 0x01, 0x6B, 0x21, 0x00, // n -= 1
                0x20, 0x00, 0x0D, 0x00, // br_if 0 (the loop)
                0x0B, 0x20, 0x01, 0x0B); // end, local.get acc, end
        int[] blockBody = body(0x00, 0x02, I32, // block (result i32)
                0x41, 0x01, 0x41, 0x02, 0x0C, 0x00, // i32.const 1, i32.const 2, br 0 (carries 2, drops 1)
                0x0B, 0x0B);
        WasmModule m = Loader.load(module(
                section(1, 0x02, 0x60, 0x01, I32, 0x01, I32, 0x60, 0x00, 0x01, I32),
                section(3, 0x02, 0x00, 0x01),
                section(10, cat(new int[] {0x02}, loopBody, blockBody))));
        int[] expected = {
                // function 0 at pc 0: header params=1 locals=1 maxHeight=2+2 results=1 index=0 (2 units)
                1, 1, 4, 1, 0, 0,
                Op.LOCAL_GET, 1, Op.LOCAL_GET, 0, Op.I32_ADD, Op.LOCAL_SET, 1, // pc 6: the loop's start
                Op.LOCAL_GET, 0, Op.I32_CONST16, 1, Op.I32_SUB, Op.LOCAL_SET, 0,
                // no values move: a conditional back-edge (it polls), offset 6 - 23 from its immediate
                Op.LOCAL_GET, 0, Op.BR_IF_BACK, off(6 - 23),
                Op.LOCAL_GET, 1, Op.RETURN, 1,
                // function 1 at pc 28: header params=0 locals=0 maxHeight=2 results=1 index=1
                0, 0, 2, 1, 0, 1,
                Op.I32_CONST16, 1, Op.I32_CONST16, 2,
                Op.BR, 0, 43, 1, 0, // branch record: target pc 43 (two units), arity 1, height 0
                Op.RETURN, 1};
        assertArrayEquals(expected, units(ModuleData.of(m).code));
        assertArrayEquals(new int[] {0, 28}, ModuleData.of(m).funcEntry);
        assertEquals(Layout.HEADER_SIZE, 6);
    }

    @Test
    void countingModeCountsEveryExecutedInstruction() {
        int[] loopBody = body(0x01, 0x01, I32, 0x03, 0x40,
                0x20, 0x01, 0x20, 0x00, 0x6A, 0x21, 0x01,
                0x20, 0x00, 0x41, 0x01, 0x6B, 0x21, 0x00,
                0x20, 0x00, 0x0D, 0x00, 0x0B, 0x20, 0x01, 0x0B);
        byte[] bytes = module(section(1, 0x01, 0x60, 0x01, I32, 0x01, I32), section(3, 0x01, 0x00),
                section(7, 0x01, 0x01, 'f', 0x00, 0x00), section(10, cat(new int[] {0x01}, loopBody)));
        WasmModule m = Loader.load(bytes, Loader.COUNT);
        // runs: [loop] [10 loop-body instructions up to br_if] [end of loop] [local.get, end]
        assertArrayEquals(new int[] {1, 1, 4, 1, 0, 0,
                Op.COUNT_CALL, 0, 1,
                Op.COUNT, 0, 10, Op.LOCAL_GET, 1, Op.LOCAL_GET, 0, Op.I32_ADD, Op.LOCAL_SET, 1, // pc 9: the loop
                Op.LOCAL_GET, 0, Op.I32_CONST16, 1, Op.I32_SUB, Op.LOCAL_SET, 0,
                Op.LOCAL_GET, 0, Op.BR_IF_BACK, off(9 - 29),
                Op.COUNT, 0, 1, Op.COUNT, 0, 2, Op.LOCAL_GET, 1, Op.RETURN, 1}, units(ModuleData.of(m).code));
        io.wasmlet.exec.Store store = new io.wasmlet.exec.Store();
        io.wasmlet.exec.Instance inst = store.instantiate(m, new io.wasmlet.exec.Imports());
        assertArrayEquals(new long[] {6}, store.invoke(inst.function("f"), new long[] {3}));
        assertEquals(10 * 3 + 4, store.instructionsExecuted());
        assertEquals(1, store.callsExecuted());
        // without the flag the code has no counting and the counters stay still
        io.wasmlet.exec.Store plain = new io.wasmlet.exec.Store();
        io.wasmlet.exec.Instance p = plain.instantiate(Loader.load(bytes), new io.wasmlet.exec.Imports());
        assertArrayEquals(new long[] {6}, plain.invoke(p.function("f"), new long[] {3}));
        assertEquals(0, plain.instructionsExecuted());
    }

    @Test
    void typeErrorsAreInvalidAndBrokenBodiesMalformed() {
        byte[] type = section(1, 0x01, 0x60, 0x00, 0x01, I32);
        byte[] func = section(3, 0x01, 0x00);
        // returns an i64 where an i32 is declared
        assertThrows(InvalidException.class, () -> Loader.load(module(type, func,
                section(10, cat(new int[] {0x01}, body(0x00, 0x42, 0x00, 0x0B))))));
        // body ends inside an instruction
        assertThrows(MalformedException.class, () -> Loader.load(module(type, func,
                section(10, cat(new int[] {0x01}, body(0x00, 0x41))))));
        // an opcode that does not exist
        assertThrows(MalformedException.class, () -> Loader.load(module(type, func,
                section(10, cat(new int[] {0x01}, body(0x00, 0x41, 0x00, 0xFF, 0x0B))))));
    }
}
