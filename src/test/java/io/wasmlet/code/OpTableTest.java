package io.wasmlet.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated opcode table is fresh and says what the specification says. */
class OpTableTest {
    @Test
    void generatedOpJavaIsUpToDate() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "tools/opgen/OpGen.java", "--check").redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void tableEntries() {
        assertEquals(0x6A, Op.I32_ADD);
        assertEquals("i32.add", Op.name(Op.I32_ADD));
        assertEquals(1, Op.sigIn(Op.I32_ADD, 0));
        assertEquals(1, Op.sigOut(Op.I32_ADD));
        assertEquals(Op.IMM_MEMARG, Op.imm(Op.I64_LOAD32_U));
        assertEquals(2, Op.size(Op.I64_LOAD32_U));
        assertEquals(0, Op.size(Op.F32_REINTERPRET_I32)); // raw bits: nothing to execute
        assertEquals(Op.FC_BASE + 17, Op.TABLE_FILL);
        assertEquals(Op.VARIABLE, Op.size(Op.BR_TABLE));
        assertEquals("br_if_simple", Op.name(Op.BR_IF_SIMPLE));
        assertFalse(Op.exists(0x06)); // try: not in Wasm 2.0
        assertFalse(Op.exists(0xD3));
    }
}
