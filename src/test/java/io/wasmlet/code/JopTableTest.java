package io.wasmlet.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generated template table is fresh and maps Wasm operators to the templates it names. */
class JopTableTest {
    @Test
    void generatedJopJavaIsUpToDate() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "tools/opgen/JopGen.java", "--check").redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void selection() {
        assertEquals(Jop.I32_ADD_SS, JopTable.select(Jop.FORM_SS, Op.I32_ADD));
        assertEquals(Jop.I32_ADD_SI, JopTable.select(Jop.FORM_SI, Op.I32_ADD));
        assertEquals(Jop.BR_I32_LT_U_SS, JopTable.select(Jop.FORM_BRSS, Op.I32_LT_U));
        assertEquals(Jop.I64_LOAD32_U_M, JopTable.select(Jop.FORM_LOAD, Op.I64_LOAD32_U));
        assertEquals(Jop.I32_STORE8_M, JopTable.select(Jop.FORM_STORE, Op.I32_STORE8));
        assertEquals(Jop.NONE, JopTable.select(Jop.FORM_SI, Op.F64_ADD)); // no float immediates
        assertEquals(Jop.NONE, JopTable.select(Jop.FORM_BRSS, Op.F32_LT)); // float compares do not fuse
        assertEquals(4, JopTable.size(Jop.I32_ADD_SS));
        assertEquals(0, JopTable.size(Jop.BR_TABLE)); // variable
        assertEquals(0, JopTable.size(Jop.F64_CHAIN)); // variable too
    }
}
