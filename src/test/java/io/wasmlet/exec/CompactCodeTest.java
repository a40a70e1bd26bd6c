package io.wasmlet.exec;

import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.code.Layout;
import io.wasmlet.code.Op;
import io.wasmlet.error.ResourceLimitException;
import io.wasmlet.error.TrapException;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 16-bit pre-decoded code ({@link Layout}): functions whose branch offsets do not fit 16 bits
 * (emitted wide), immediates just beyond 16 bits, the height limit, and the size of the code
 * against the code section (issue 11: at most 2 bytes per byte).
 */
class CompactCodeTest {
    static final String[] MODES = {"interp", "tiered", "eager"};
    static final int I32 = 0x7F;

    /** A module body writer: bytes, LEB128, sections. */
    static final class W extends ByteArrayOutputStream {
        W b(int... v) {
            for (int x : v) {
                write(x);
            }
            return this;
        }

        W u(long v) {
            do {
                int c = (int) (v & 0x7F);
                v >>>= 7;
                write(v != 0 ? c | 0x80 : c);
            } while (v != 0);
            return this;
        }

        W s(long v) {
            while (true) {
                int c = (int) (v & 0x7F);
                v >>= 7;
                boolean done = (v == 0 && (c & 0x40) == 0) || (v == -1 && (c & 0x40) != 0);
                write(done ? c : c | 0x80);
                if (done) {
                    return this;
                }
            }
        }

        W raw(byte[] x) {
            write(x, 0, x.length);
            return this;
        }

        W name(String n) {
            return u(n.length()).raw(n.getBytes());
        }

        W section(int id, W content) {
            return b(id).u(content.size()).raw(content.toByteArray());
        }

        /** A body: its size, then locals and code. */
        W body(W code) {
            return u(code.size()).raw(code.toByteArray());
        }
    }

    static W header() {
        return new W().b(0, 'a', 's', 'm', 1, 0, 0, 0);
    }

    static long call(Store st, Instance inst, String f, long... args) {
        return st.invoke(inst.function(f), args)[0];
    }

    // ---- far branches ----

    /** With {@code far}, 32,772 units of code that change nothing: {@code i64.const 0; drop}, 3 bytes for 6 units. */
    static void pad(W w, boolean far) {
        for (int i = far ? 5462 : 2; i > 0; i--) {
            w.b(0x42, 0x00, 0x1A);
        }
    }

    static void addAcc(W w, int k) { // acc (local 1) += k
        w.b(0x20, 1).b(0x41).s(k).b(0x6A, 0x21, 1);
    }

    /**
     * {@code f(n)} with every kind of branch crossing a pad: a loop closed by br_if and one by br
     * (backward), if/else, br_if and br out of blocks, a br carrying a value, br_table (forward).
     * With {@code far} the pads make every distance more than 32K units.
     */
    static byte[] branchy(boolean far) {
        W c = new W().b(3, 1, I32, 1, I32, 1, I32); // locals: acc (1), i (2), count (3)
        // loop 1: do { pad; acc += 1; i++ } while (i < n)   (br_if back)
        c.b(0x03, 0x40);
        pad(c, far);
        addAcc(c, 1);
        c.b(0x20, 2, 0x41, 1, 0x6A, 0x22, 2, 0x20, 0, 0x48, 0x0D, 0);
        c.b(0x0B);
        // loop 2 with a plain br back: block { loop { if (count >= n) br 1; pad; count++; acc += 7; br 0 } }
        c.b(0x02, 0x40, 0x03, 0x40);
        c.b(0x20, 3, 0x20, 0, 0x4E, 0x0D, 1); // i32.ge_s; br_if 1 (forward, out of the block)
        pad(c, far);
        c.b(0x20, 3, 0x41, 1, 0x6A, 0x21, 3);
        addAcc(c, 7);
        c.b(0x0C, 0, 0x0B, 0x0B);
        // if (n % 2) { pad; acc += 10 } else { pad; acc += 100 }
        c.b(0x20, 0, 0x41, 2, 0x6F, 0x04, 0x40);
        pad(c, far);
        addAcc(c, 10);
        c.b(0x05);
        pad(c, far);
        addAcc(c, 100);
        c.b(0x0B);
        // block { if (n == 3) br 0 (from inside an if: a forward jump); pad; acc += 1000 }
        c.b(0x02, 0x40, 0x20, 0, 0x41, 3, 0x46, 0x04, 0x40, 0x0C, 1, 0x0B);
        pad(c, far);
        addAcc(c, 1000);
        c.b(0x0B);
        // acc += block (result i32) { 9; 5; br_if 0 if n > 4 (moving the 5 over the 9); drop; pad; drop; 42 }
        c.b(0x20, 1);
        c.b(0x02, I32, 0x41, 9, 0x41, 5, 0x20, 0, 0x41, 4, 0x4A, 0x0D, 0, 0x1A);
        pad(c, far);
        c.b(0x1A, 0x41, 0x2A, 0x0B);
        c.b(0x6A, 0x21, 1);
        // br_table: block $a { block $b { block $c { n % 3; br_table $c $b $a }; acc += 20000; pad }; acc += 300000 }
        c.b(0x02, 0x40, 0x02, 0x40, 0x02, 0x40, 0x20, 0, 0x41, 3, 0x70, 0x0E, 2, 0, 1, 2, 0x0B);
        addAcc(c, 20000);
        pad(c, far);
        c.b(0x0B);
        addAcc(c, 300000);
        c.b(0x0B);
        c.b(0x20, 1, 0x0B);
        return c.toByteArray();
    }

    /** The result of {@link #branchy} for n >= 1, by hand. */
    static int expected(int n) {
        int acc = n; // loop 1 runs n times (do-while, n >= 1)
        acc += 7 * n; // loop 2 runs n times
        acc += n % 2 != 0 ? 10 : 100;
        if (n != 3) {
            acc += 1000;
        }
        acc += n > 4 ? 5 : 42;
        switch (n % 3) {
            case 0: acc += 20000 + 300000; break;
            case 1: acc += 300000; break;
            default: break;
        }
        return acc;
    }

    static byte[] branchModule() {
        W types = new W().u(1).b(0x60, 1, I32, 1, I32);
        W funcs = new W().u(2).u(0).u(0);
        W exports = new W().u(2).name("far").b(0).u(0).name("near").b(0).u(1);
        W code = new W().u(2).body(new W().raw(branchy(true))).body(new W().raw(branchy(false)));
        return header().section(1, types).section(3, funcs).section(7, exports).section(10, code).toByteArray();
    }

    /** True when defined function {@code def}'s code has a one-unit (relative) branch. */
    static boolean hasShortBranch(ModuleData d, int def) {
        int end = def + 1 < d.funcEntry.length ? d.funcEntry[def + 1] : d.code.length;
        for (int pc = d.funcEntry[def] + Layout.HEADER_SIZE; pc < end; pc += Layout.instructionSize(d.code, pc)) {
            switch (d.code[pc]) {
                case Op.IF: case Op.ELSE: case Op.JUMP: case Op.JUMP_BACK: case Op.BR_IF_SIMPLE: case Op.BR_IF_BACK:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    @Test
    void farBranchesForwardAndBackwardRunInEveryMode() {
        WasmModule m = Loader.load(branchModule());
        ModuleData d = ModuleData.of(m);
        int farLength = d.funcEntry[1] - d.funcEntry[0];
        assertTrue(farLength > 6 * 32768, "far's code is " + farLength + " units");
        assertFalse(hasShortBranch(d, 0), "far is emitted wide: its branches carry absolute targets");
        assertTrue(hasShortBranch(d, 1), "near keeps one-unit offsets");
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(m, new Imports());
            for (int n = 1; n <= 7; n++) {
                assertEquals(expected(n), (int) call(st, inst, "far", n), mode + " far(" + n + ")");
                assertEquals(expected(n), (int) call(st, inst, "near", n), mode + " near(" + n + ")");
            }
            if (mode.equals("eager")) {
                assertTrue(inst.compiled[0] >= 0, "eager: the wide function was translated");
            }
        }
        // metered, the counts agree with the near function's plus the pads' instructions
        WasmModule counted = Loader.load(branchModule(), Loader.COUNT);
        assertFalse(hasShortBranch(ModuleData.of(counted), 0));
        Store st = new Store();
        Instance inst = st.instantiate(counted, new Imports());
        assertEquals(expected(5), (int) call(st, inst, "far", 5));
    }

    // ---- immediates beyond 16 bits ----

    static final int[] CONSTS = {0, 1, -1, 32767, 32768, -32768, -32769, 65535, 65536, Integer.MIN_VALUE,
            Integer.MAX_VALUE};
    static final long[] CONSTS64 = {0, -1, 32767, -32769, 0x123456789ABCDEFL, Long.MIN_VALUE};

    @Test
    void constantsAndOffsetsJustBeyondSixteenBits() {
        int nf = CONSTS.length + CONSTS64.length + 3;
        W types = new W().u(3).b(0x60, 0, 1, I32).b(0x60, 0, 1, 0x7E).b(0x60, 2, I32, I32, 1, 0x7E);
        W funcs = new W().u(nf);
        W exports = new W().u(nf);
        W code = new W().u(nf);
        int f = 0;
        for (int v : CONSTS) {
            funcs.u(0);
            exports.name("c" + f).b(0).u(f++);
            code.body(new W().b(0).b(0x41).s(v).b(0x0B));
        }
        for (long v : CONSTS64) {
            funcs.u(1);
            exports.name("c" + f).b(0).u(f++);
            code.body(new W().b(0).b(0x42).s(v).b(0x0B));
        }
        // mem(a, v): stores v at a + 65536 (i32) and at a + 65544 (i64), reads both back through
        // other offsets: (i64) load32_u at 65535 + 1 + a, plus i64 load at offset 65544 + a
        funcs.u(2);
        exports.name("mem").b(0).u(f++);
        code.body(new W().b(0)
                .b(0x20, 0, 0x20, 1, 0x36, 2).u(65536) // i32.store offset=65536
                .b(0x20, 0, 0x20, 1, 0xAC, 0x37, 3).u(65544) // i64.store (extend_s v) offset=65544
                .b(0x20, 0, 0x41, 1, 0x6A, 0x35, 2).u(65535) // i64.load32_u at (a + 1) + 65535
                .b(0x20, 0, 0x29, 3).u(65544) // i64.load offset=65544
                .b(0x7C) // i64.add
                .b(0x20, 0, 0x2D, 0).u(65536 + 3) // i32.load8_u offset=65539: the stored i32's top byte
                .b(0xAD, 0x7C, 0x0B));
        // f32 and f64 constants: bits as i32/i64
        funcs.u(0);
        exports.name("f32").b(0).u(f++);
        code.body(new W().b(0, 0x43, 0x00, 0x00, 0xC0, 0x7F, 0xBC, 0x0B)); // f32 NaN 0x7FC00000
        funcs.u(1);
        exports.name("f64").b(0).u(f++);
        code.body(new W().b(0, 0x44, 1, 2, 3, 4, 5, 6, 7, 8, 0xBD, 0x0B));
        W mem = new W().u(1).b(0).u(2); // two pages: offsets up to 131072
        byte[] bytes = header().section(1, types).section(3, funcs).section(5, mem).section(7, exports)
                .section(10, code).toByteArray();
        WasmModule m = Loader.load(bytes);
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(m, new Imports());
            for (int i = 0; i < CONSTS.length; i++) {
                assertEquals(CONSTS[i], (int) call(st, inst, "c" + i), mode + " i32.const " + CONSTS[i]);
            }
            for (int i = 0; i < CONSTS64.length; i++) {
                assertEquals(CONSTS64[i], call(st, inst, "c" + (CONSTS.length + i)), mode + " i64.const");
            }
            long v = 0x89ABCDEF;
            // load32_u gives 0x89ABCDEF, the i64 load the sign-extended value: their sum, plus 0x89
            long want = ((int) v & 0xFFFFFFFFL) + (long) (int) v + 0x89;
            assertEquals(want, call(st, inst, "mem", 8, (int) v), mode);
            assertEquals(0x7FC00000, (int) call(st, inst, "f32"), mode);
            assertEquals(0x0807060504030201L, call(st, inst, "f64"), mode);
            // the last byte of memory: a + 65536 + 4 > 131072 traps, the address plus offset past 2^32 too
            assertThrows(TrapException.class, () -> call(st, inst, "mem", 131072 - 65536 - 3, 1), mode);
            assertThrows(TrapException.class, () -> call(st, inst, "mem", -8, 1), mode);
            assertEquals(want, call(st, inst, "mem", 131072 - 65544 - 8, (int) v), mode + " at the end");
        }
    }

    @Test
    void globalAndFunctionIndicesBeyondSixteenBits() {
        int n = 65537;
        W types = new W().u(1).b(0x60, 0, 1, I32);
        W funcs = new W().u(n);
        W code = new W().u(n);
        // function 0: global 65536 = 77 + global 1; call function 65536 (returns 42); add
        funcs.u(0);
        code.body(new W().b(0, 0x41).s(77).b(0x23, 1, 0x6A, 0x24).u(65536)
                .b(0x10).u(65536).b(0x23).u(65536).b(0x6A, 0x0B));
        for (int i = 1; i < n; i++) {
            funcs.u(0);
            code.body(new W().b(0, 0x41).s(i == 65536 ? 42 : i & 0x3F).b(0x0B));
        }
        W globals = new W().u(n);
        for (int i = 0; i < n; i++) {
            globals.b(I32, 1, 0x41).s(i == 1 ? 1000 : 0).b(0x0B);
        }
        W exports = new W().u(1).name("f").b(0).u(0);
        byte[] bytes = header().section(1, types).section(3, funcs).section(6, globals).section(7, exports)
                .section(10, code).toByteArray();
        WasmModule m = Loader.load(bytes);
        for (String mode : MODES) {
            Store st = Jit.store(Board.desktop(), mode);
            Instance inst = st.instantiate(m, new Imports());
            assertEquals(42 + 1077, (int) call(st, inst, "f"), mode);
        }
    }

    // ---- the height limit ----

    /** A function of 50,000 locals that pushes {@code extra} values, then drops them. */
    static byte[] tall(int extra) {
        W body = new W().b(1).u(50000).b(I32);
        for (int i = 0; i < extra; i++) {
            body.b(0x41, 0);
        }
        for (int i = 0; i < extra; i++) {
            body.b(0x1A);
        }
        body.b(0x41, 7, 0x0B);
        W types = new W().u(1).b(0x60, 0, 1, I32);
        return header().section(1, types).section(3, new W().u(1).u(0))
                .section(7, new W().u(1).name("f").b(0).u(0)).section(10, new W().u(1).body(body)).toByteArray();
    }

    @Test
    void heightsBeyondSixteenBitsAreRefused() throws Exception {
        // 50,000 locals and 15,535 operands: 65,535 slots, the most a function may use
        WasmModule m = Loader.load(tall(65535 - 50000));
        Store st = new Store(BacktraceTest.board(70000, 100));
        assertEquals(7, (int) call(st, st.instantiate(m, new Imports()), "f"));
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> Loader.load(tall(65536 - 50000)));
        assertTrue(e.getMessage().contains("MAX_HEIGHT") && e.getMessage().contains("65535"), e.getMessage());
    }

    // ---- size ----

    /** Bytes of the code section of a module file. */
    static long codeSection(byte[] b) {
        int p = 8;
        while (p < b.length) {
            int id = b[p++] & 0xFF;
            long size = 0;
            int shift = 0;
            int c;
            do {
                c = b[p++] & 0xFF;
                size |= (long) (c & 0x7F) << shift;
                shift += 7;
            } while ((c & 0x80) != 0);
            if (id == 10) {
                return size;
            }
            p += (int) size;
        }
        return 0;
    }

    @Test
    void preDecodedCodeIsAtMostTwoBytesPerCodeByte() throws Exception {
        List<File> files = new ArrayList<>();
        for (String dir : new String[] {"tests/programs", "tests/workloads"}) {
            File[] fs = new File(dir).listFiles((x, name) -> name.endsWith(".wasm"));
            for (File x : fs) {
                files.add(x);
            }
        }
        assertTrue(files.size() > 20);
        long section = 0;
        long code = 0;
        for (File x : files) {
            byte[] b = Files.readAllBytes(x.toPath());
            long s = codeSection(b);
            ModuleData d = ModuleData.of(Loader.load(b));
            assertEquals(s, d.codeSectionBytes, x + ": the size the footprint report divides by");
            long c = 2L * d.code.length; // a char per unit
            section += s;
            code += c;
            if (x.getName().equals("hello.wasm") || x.getPath().contains("workloads")) {
                assertTrue(c <= 2 * s, x + ": " + c + " bytes of code for " + s + " code bytes");
            }
        }
        assertTrue(code <= 2 * section, "in all: " + code + " bytes for " + section);
        byte[] hello = Files.readAllBytes(Path.of("tests/programs/hello.wasm"));
        assertTrue(ModuleData.of(Loader.load(hello)).code.length * 2L < 1.8 * codeSection(hello));
    }
}
