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
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import io.wasmlet.desktop.DesktopWasi;
import io.wasmlet.wasi.Directory;
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
    void aHostFunctionReadsTheCallersMemory() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // ---- README: Embedding, second block ----
            WasmModule module = Loader.load(new FileInputStream("tests/host/strlen.wasm"));
            Imports imports = new Imports();
            FuncType ptrLenToI32 = new FuncType(new byte[] {ValType.I32, ValType.I32}, new byte[] {ValType.I32});
            final char[] chars = new char[256];                 // made once: the calls allocate nothing
            imports.add("env", "length", new Function(ptrLenToI32, new HostFunction() {
                public void call(Instance caller, long[] stack, int base) {
                    Memory memory = caller.memory();            // the memory of the instance that called
                    stack[base] = memory.readUtf8((int) stack[base], (int) stack[base + 1], chars, 0);
                }
            }));
            Store store = new Store();
            Instance instance = store.instantiate(module, imports);
            long[] results = new long[1];
            store.invoke(instance.function("run"), new long[] {3}, results);
            System.out.println(results[0]);                     // 42: three calls on "h\u00e9llo, wasmlet", 14 chars
            // ---- end ----
        } finally {
            System.setOut(saved);
        }
        assertEquals("42" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void desktopWasiInOneCall() throws Exception {
        WasmModule module = Loader.load(Files.readAllBytes(Paths.get("tests/programs/files.wasm")));
        Store store = new Store();
        java.nio.file.Path tmp = Files.createTempDirectory("wasmlet-readme");
        java.nio.file.Path src = Paths.get("tests/programs/data");
        try (java.util.stream.Stream<java.nio.file.Path> all = Files.walk(src)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) all::iterator) {
                if (!f.equals(src)) {
                    Files.copy(f, tmp.resolve(src.relativize(f).toString()));
                }
            }
        }
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int result;
        try {
            java.nio.file.Path dataDir = tmp;
            // ---- README: Embedding, fourth block ----
            WasiPreview1 wasi = DesktopWasi.create("files.wasm", "/data");  // SecureRandom, clocks, System.in/out/err
            DesktopWasi.preopen(wasi, dataDir, "/data");                    // a host directory, as --dir does
            Imports imports = new Imports();
            wasi.addTo(imports, module);
            int exitCode = wasi.start(store.instantiate(module, imports));
            // ---- end ----
            result = exitCode;
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, result);
        assertEquals(Files.readString(Paths.get("tests/programs/files.stdout")), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runAWasiProgram() throws Exception {
        WasmModule module = Loader.load(Files.readAllBytes(Paths.get("tests/programs/exitcode.wasm")));
        Store store = new Store();
        Directory myDirectory = new Directory() {
            public void stat(String name, io.wasmlet.wasi.FileStat out) {
                out.filetype = io.wasmlet.wasi.FileStat.DIRECTORY;
            }

            public String readLink(String name) throws io.wasmlet.wasi.ErrnoException {
                throw new io.wasmlet.wasi.ErrnoException(io.wasmlet.wasi.Errno.INVAL);
            }

            public Directory openDirectory(String name) {
                return this;
            }

            public io.wasmlet.wasi.FileHandle openFile(String name, int flags, boolean read, boolean write)
                    throws io.wasmlet.wasi.ErrnoException {
                throw new io.wasmlet.wasi.ErrnoException(io.wasmlet.wasi.Errno.NOENT);
            }

            public String[] list() {
                return new String[0];
            }

            public void createDirectory(String name) {
            }

            public void removeDirectory(String name) {
            }

            public void unlinkFile(String name) {
            }

            public void rename(String from, Directory target, String to) {
            }

            public void close() {
            }
        };
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int result;
        try {
            // ---- README: Embedding, third block ----
            WasiPreview1 wasi = new WasiPreview1().args(new String[] {"prog.wasm"}).stdout(System.out).stderr(System.err);
            wasi.preopen("/data", myDirectory);           // optional: an io.wasmlet.wasi.Directory
            Imports imports = new Imports();
            wasi.addTo(imports, module);                  // preview1 (and preview0) functions; see "Linking"
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
        assertEquals(4, blocks.size(), "four java blocks in the Embedding section");
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
