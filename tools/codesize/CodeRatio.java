import io.wasmlet.binary.ModuleData;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.validate.Loader;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bytes of pre-decoded code per byte of the module's code section (issue 11: at most 2 on
 * average over tests/programs and tests/workloads), per module and in total (the sums' ratio).
 * Reads the loaded module's code array by reflection, so the same source measures any build:
 *
 * <pre>
 * java -cp target/wasmlet.jar tools/codesize/CodeRatio.java tests/programs/*.wasm tests/workloads/*.wasm
 * java -cp /tmp/old-wasmlet.jar tools/codesize/CodeRatio.java ...   # an older build (int[] code)
 * </pre>
 *
 * Prints a Markdown table: module, code-section bytes, code array length (units), element
 * size, bytes of code (elements times their size, array header excluded), bytes per code byte.
 */
public final class CodeRatio {
    public static void main(String[] args) throws Exception {
        long sectionTotal = 0;
        long codeTotal = 0;
        System.out.println("| module | code section (bytes) | code (units) | unit (bytes) | code (bytes) | per code byte |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String f : args) {
            byte[] b = Files.readAllBytes(Path.of(f));
            long section = codeSectionSize(b);
            Object code = ModuleData.class.getField("code").get(ModuleData.of(Loader.load(b)));
            int units = Array.getLength(code);
            int unit = code.getClass().getComponentType() == char.class ? 2 : 4;
            long bytes = (long) units * unit;
            sectionTotal += section;
            codeTotal += bytes;
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %d | %,d | %.2f |%n", f, section, units, unit, bytes,
                    bytes / (double) section);
        }
        System.out.printf(Locale.ROOT, "| **total** | %,d | | | %,d | **%.2f** |%n", sectionTotal, codeTotal,
                codeTotal / (double) sectionTotal);
    }

    /** Size of the code section (id 10) of a Wasm binary, 0 if none. */
    static long codeSectionSize(byte[] b) {
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
}
