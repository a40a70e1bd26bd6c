package io.wasmlet.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ValType;
import io.wasmlet.board.Board;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.HostFunction;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import io.wasmlet.wasi.FileSystem;
import io.wasmlet.wasi.WasiPreview1;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding" examples, copied here verbatim and run, so that they cannot rot:
 * {@link #readmeBlocksAreCopiedHere()} fails when a {@code java} block of that section is not
 * found, line for line, in this file.
 */
class EmbeddingExampleTest {

    @Test
    void linkCallAndReadResults() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // ---- README: Embedding, first block ----
            WasmModule module = Loader.load(new FileInputStream("tests/programs/embed.wasm"));
            Imports imports = new Imports();
            FuncType i64ToI64 = new FuncType(new byte[] {ValType.I64}, new byte[] {ValType.I64});
            imports.add("host", "scale", new Function(i64ToI64, new HostFunction() {
                public void call(Instance caller, long[] stack, int base) {
                    stack[base] = stack[base] * 10; // parameters at stack[base..], results written there
                }
            }));
            Store store = new Store(Board.named("stm32f746g-disco"));
            Instance instance = store.instantiate(module, imports);
            Function sumScaled = instance.function("sum_scaled");
            long[] args = {4};
            long[] results = new long[1];
            store.invoke(sumScaled, args, results);   // allocates nothing
            System.out.println(results[0]);           // 100 = 10 * (1 + 2 + 3 + 4)
            // ---- end ----
            args[0] = 10;
            store.invoke(sumScaled, args, results);
            assertEquals(550, results[0], "the arrays are reused");
        } finally {
            System.setOut(saved);
        }
        assertEquals("100" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runAWasiProgram() throws Exception {
        WasmModule module = Loader.load(Files.readAllBytes(Paths.get("tests/programs/exitcode.wasm")));
        Store store = new Store();
        FileSystem myFileSystem = new FileSystem() {
            public void stat(String path, boolean follow, io.wasmlet.wasi.FileStat out) {
                out.filetype = io.wasmlet.wasi.FileStat.DIRECTORY;
            }

            public io.wasmlet.wasi.FileHandle open(String path, int flags, boolean read, boolean write)
                    throws io.wasmlet.wasi.ErrnoException {
                throw new io.wasmlet.wasi.ErrnoException(io.wasmlet.wasi.Errno.NOENT);
            }

            public String[] list(String path) {
                return new String[0];
            }

            public void createDirectory(String path) {
            }

            public void removeDirectory(String path) {
            }

            public void unlinkFile(String path) {
            }

            public void rename(String from, String to) {
            }
        };
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int result;
        try {
            // ---- README: Embedding, second block ----
            WasiPreview1 wasi = new WasiPreview1().args(new String[] {"prog.wasm"}).stdout(System.out).stderr(System.err);
            wasi.preopen("/data", myFileSystem);          // optional: an io.wasmlet.wasi.FileSystem
            Imports imports = new Imports();
            wasi.addTo(imports, module);                  // every preview1 function, ENOSYS for unknown ones
            int exitCode = wasi.start(store.instantiate(module, imports));
            // ---- end ----
            result = exitCode;
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, result, "exitcode without an argument exits with 0");
        assertEquals("leaving with 0\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readmeBlocksAreCopiedHere() throws Exception {
        List<String> readme = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
        String self = String.join("\n", strip(Files.readAllLines(
                Paths.get("src/test/java/io/wasmlet/programs/EmbeddingExampleTest.java"), StandardCharsets.UTF_8)));
        int start = readme.indexOf("## Embedding");
        assertTrue(start >= 0, "README has an Embedding section");
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            String line = readme.get(i);
            if (block == null && line.equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        assertEquals(2, blocks.size(), "two java blocks in the Embedding section");
        for (List<String> b : blocks) {
            String code = String.join("\n", strip(b));
            assertTrue(self.contains(code), "README block not found verbatim in this test:\n" + code);
        }
    }

    /** Each line without its leading indentation (the README's blocks start at column 0). */
    private static List<String> strip(List<String> lines) {
        List<String> r = new ArrayList<>();
        for (String l : lines) {
            r.add(l.stripLeading());
        }
        return r;
    }
}
