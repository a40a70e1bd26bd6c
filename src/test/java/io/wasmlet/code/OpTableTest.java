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

    /** Every row of tools/opgen/wasm-ops.txt is the constant of its mnemonic, at its Wasm encoding. */
    @Test
    void everyMnemonicIsItsConstant() throws Exception {
        int rows = 0;
        for (String line : java.nio.file.Files.readAllLines(Paths.get("tools/opgen/wasm-ops.txt"))) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            int value = Op.class.getField(f[1].toUpperCase().replace('.', '_')).getInt(null);
            if (f[0].startsWith("FC:")) {
                assertEquals(Op.FC_BASE + Integer.parseInt(f[0].substring(3)), value, f[1]);
            } else if (!f[0].equals("-")) {
                assertEquals(Integer.parseInt(f[0], 16), value, f[1]);
            } else {
                assertTrue(value >= Op.INTERNAL_BASE && value < Op.LIMIT, f[1]);
            }
            assertTrue(OpTable.exists(value), f[1]);
            rows++;
        }
        assertTrue(rows > 200, "rows: " + rows);
    }

    @Test
    void tableEntries() {
        assertEquals(0x6A, Op.I32_ADD);
        assertEquals(1, OpTable.sigIn(Op.I32_ADD, 0));
        assertEquals(1, OpTable.sigOut(Op.I32_ADD));
        assertEquals(Op.IMM_MEMARG, OpTable.imm(Op.I64_LOAD32_U));
        assertEquals(2, OpTable.size(Op.I64_LOAD32_U));
        assertEquals(0, OpTable.size(Op.F32_REINTERPRET_I32)); // raw bits: nothing to execute
        assertEquals(Op.FC_BASE + 17, Op.TABLE_FILL);
        assertEquals(Op.VARIABLE, OpTable.size(Op.BR_TABLE));
        assertFalse(OpTable.exists(0x06)); // try: not in Wasm 2.0
        assertFalse(OpTable.exists(0xD3));
    }
}
