package io.wasmlet.alloc;

import io.wasmlet.board.Board;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact jar alone (no desktop classes, no target/classes) runs the test workloads on a
 * plain {@code java -Xint -Xmx8m}: the stand-in for an interpreting MCU JVM with a small heap.
 * The result must equal the same rounds run in-process.
 */
class CompactProfileTest {
    private static final String BOARD = "mcu-boards/stm32f746g-disco.board";
    private static final int ROUNDS = 300;

    @Test
    void compactJarRunsKernelsUnderXintWithSmallHeap() throws Exception {
        Path jar = Paths.get("target/wasmlet-compact.jar");
        assertTrue(Files.isRegularFile(jar), "run the build first: " + jar + " is missing");
        long size = Files.size(jar);
        System.out.println("compact jar: " + size + " bytes");
        assertTrue(size <= 65536, "compact jar is " + size + " bytes, over 64 KB");

        Board board;
        try (FileInputStream in = new FileInputStream(BOARD)) {
            board = Board.parse(in);
        }
        Kernels k = new Kernels("tests/alloc/kernels.wasm", board);
        long total = 0;
        for (int i = 0; i < ROUNDS; i++) {
            total += k.round(i);
        }
        String expected = "rounds " + ROUNDS + " checksum " + total + " ticks " + k.ticks;

        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = jar + File.pathSeparator + "target/test-classes";
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xint", "-Xmx8m", "-cp", cp,
                "io.wasmlet.alloc.Kernels", "tests/alloc/kernels.wasm", BOARD, String.valueOf(ROUNDS)));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        assertEquals(expected, out);
    }
}
