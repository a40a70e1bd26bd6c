package io.wasmlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.error.WasmException;
import io.wasmlet.validate.Loader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The section-aware edits keep the module's framing, so their mutants reach the validator. */
class MutatorTest {
    static byte[] read(String p) throws Exception {
        return Files.readAllBytes(Paths.get(p));
    }

    @Test
    void sectionEditsKeepTheFramingAndBodySplicesOftenStayValid() throws Exception {
        byte[] a = read("tests/workloads/crc32.wasm");
        byte[] b = read("tests/workloads/sha256.wasm");
        int[] sa = Mutator.sections(a);
        assertNotNull(sa);
        Random rnd = new Random(7);
        int valid = 0;
        int changed = 0;
        for (int i = 0; i < 200; i++) {
            byte[][] outs = {Mutator.replaceSection(a.clone(), b, rnd), Mutator.insertSection(a.clone(), b, rnd),
                Mutator.dropSection(a.clone(), rnd), Mutator.duplicateSection(a.clone(), rnd),
                Mutator.spliceBody(a.clone(), b, rnd), Mutator.spliceBody(a.clone(), a, rnd)};
            for (byte[] o : outs) {
                assertNotNull(Mutator.sections(o), "framing kept");
            }
            if (!java.util.Arrays.equals(outs[4], a)) {
                changed++;
            }
            try {
                Loader.load(outs[5]); // a body of the same module moved over another
                valid++;
            } catch (WasmException expected) {
                // a body of another type: the validator says so
            }
        }
        assertEquals(200, changed, "every splice from another module changed a body");
        assertTrue(valid > 0, "bodies moved within a module reach the validator and pass: " + valid);
        // dropping a section removes exactly its bytes
        byte[] d = Mutator.dropSection(a.clone(), new Random(1));
        int[] sd = Mutator.sections(d);
        assertEquals(sa.length - 3, sd.length);
    }
}
