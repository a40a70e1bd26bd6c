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
        long budget = budget();
        assertTrue(size <= budget, "compact jar is " + size + " bytes, over the budget of " + budget);

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
        // the same rounds from the compact jar alone, interpreted and with the JIT tier
        for (String mode : new String[] {"interp", "tiered", "eager"}) {
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xint", "-Xmx8m", "-cp", cp,
                    "io.wasmlet.alloc.Kernels", "tests/alloc/kernels.wasm", BOARD, String.valueOf(ROUNDS), mode));
            pb.redirectErrorStream(true);
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.exitValue(), out);
            String[] lines = out.split("\n");
            assertEquals(expected, lines[0].trim(), mode);
            if (!mode.equals("interp")) {
                int translated = Integer.parseInt(lines[1].trim().substring("translated ".length()));
                assertTrue(translated > 0, mode + ": the JIT tier ran from the compact jar: " + out);
            }
        }
    }

    /**
     * The packaged boards work on the compact jar (issue 11: it carried none, so Board.named
     * returned null), and {@code new Store()} sizes its desktop board to the 8 MiB heap it runs
     * in (it assumed 2 GB and took an 8 MiB value stack).
     */
    @Test
    void compactJarCarriesTheBoardsAndSizesTheDesktopStoreToItsHeap() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = "target/wasmlet-compact.jar" + File.pathSeparator + "target/test-classes";
        Process p = new ProcessBuilder(List.of(java, "-Xint", "-Xmx8m", "-cp", cp, "io.wasmlet.alloc.BoardProbe"))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        assertEquals("stm32f746g-disco heap.kb 160; desktop heap fits true, stack.slots 65536; add 84", out);
    }

    /** C workloads (tests/workloads) whose test n is 1, so that -Xint stays quick. */
    @Test
    void compactJarRunsCWorkloadsUnderXint() throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xint", "-Xmx8m", "-cp",
                "target/wasmlet-compact.jar" + File.pathSeparator + "target/test-classes",
                "io.wasmlet.alloc.WorkloadRunner", BOARD));
        StringBuilder expected = new StringBuilder();
        for (String line : Files.readAllLines(Paths.get("tests/workloads/checksums.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (line.startsWith("#") || f.length < 3 || !f[1].equals("1")) {
                continue;
            }
            if (List.of("fft", "qsort", "nbody_f32", "vm").contains(f[0])) {
                args.add(f[0]);
                args.add("1");
                expected.append(f[0]).append(" 1 ").append(f[2]).append('\n');
            }
        }
        assertEquals(4, expected.toString().split("\n").length, expected.toString());
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertEquals(expected.toString(), out);
    }

    /** The budget compact-profile/build.xml enforces ({@code max.bytes}), so the two cannot disagree. */
    static long budget() throws Exception {
        String xml = Files.readString(Paths.get("compact-profile/build.xml"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<property name=\"max.bytes\" value=\"(\\d+)\"/>").matcher(xml);
        assertTrue(m.find(), "no max.bytes property in compact-profile/build.xml");
        long budget = Long.parseLong(m.group(1));
        // 102 KB until the ProGuard shrink step (build.xml says what)
        assertTrue(budget <= 96256, "budget " + budget + " above the 94 KB (96,256 bytes) set with the shrink step");
        return budget;
    }
}
