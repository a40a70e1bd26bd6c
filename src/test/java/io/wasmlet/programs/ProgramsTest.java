package io.wasmlet.programs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wasmlet.desktop.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the real programs of tests/programs (C with wasi-libc, Rust with its standard library)
 * through the command line, {@link Main#run(String[], InputStream, PrintStream, PrintStream)},
 * one dynamic test per case of {@code tests/programs/cases.txt}, and checks their stdout byte for
 * byte against {@code CASE.stdout} (recorded from the native build by
 * {@code tools/programs/build.sh}) and their exit status.
 */
class ProgramsTest {
    static final Path DIR = Paths.get("tests", "programs");

    /** One line of cases.txt. */
    record Case(String name, String program, List<String> args, List<String> env, String stdin, int exit) {
        static Case parse(String line) {
            String[] f = line.split("\\|");
            if (f.length != 6) {
                throw new IllegalArgumentException("cases.txt: expected 6 fields: " + line);
            }
            return new Case(f[0].trim(), f[1].trim(), words(f[2]), words(f[3]), f[4].trim(),
                    Integer.parseInt(f[5].trim()));
        }

        private static List<String> words(String field) {
            String s = field.trim();
            return s.equals("-") ? List.of() : Arrays.asList(s.split("\\s+"));
        }

        boolean usesDir() {
            return args.contains("@DIR");
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(Case.parse(line));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    /** The command line a user would type for the case: {@code run [--dir ...] [--env ...] FILE ARGS}. */
    static List<String> commandLine(Case c, Path dataCopy, String... options) {
        List<String> cmd = new ArrayList<>();
        cmd.add("run");
        cmd.addAll(Arrays.asList(options));
        if (c.usesDir()) {
            cmd.add("--dir");
            cmd.add(dataCopy + ":/data");
        }
        for (String e : c.env()) {
            cmd.add("--env");
            cmd.add(e);
        }
        cmd.add(DIR.resolve(c.program() + ".wasm").toString());
        for (String a : c.args()) {
            cmd.add(a.equals("@DIR") ? "/data" : a);
        }
        return cmd;
    }

    /**
     * The C programs on a microcontroller board's budgets: preallocated memory, the board's value
     * stack and frames. (The 160 KB heap of the smaller boards is too little for wasi-libc's
     * two-page memory plus the code; the STM32H747I-DISCO and the ESP32-S3 have room.)
     */
    @TestFactory
    Stream<DynamicTest> onABoard() throws IOException {
        return cases().stream().filter(c -> !c.program().equals("rusty"))
                .map(c -> DynamicTest.dynamicTest(c.name() + " on stm32h747i-disco",
                        () -> check(c, "--board", "stm32h747i-disco")));
    }

    static void check(Case c, String... options) throws IOException {
        Path tmp = Files.createTempDirectory("wasmlet-" + c.name());
        try {
            copyTree(DIR.resolve("data"), tmp);
            byte[] input = c.stdin().equals("-") ? new byte[0] : Files.readAllBytes(DIR.resolve(c.stdin()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = Main.run(commandLine(c, tmp, options).toArray(new String[0]), new ByteArrayInputStream(input), o, e);
            }
            String stderr = err.toString(StandardCharsets.UTF_8);
            byte[] expected = Files.readAllBytes(DIR.resolve(c.name() + ".stdout"));
            assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8),
                    () -> c.name() + ": stdout; stderr was: " + stderr);
            assertArrayEquals(expected, out.toByteArray(), c.name() + ": stdout bytes");
            assertEquals(c.exit(), code, () -> c.name() + ": exit status; stderr was: " + stderr);
            if (c.exit() == 134) {
                assertEquals("error: trap: unreachable\n", stderr, c.name() + ": abort() is a trap");
            } else {
                assertEquals("", stderr, c.name() + ": stderr");
            }
            if (c.usesDir()) {
                assertEquals(tree(DIR.resolve("data")), tree(tmp), c.name() + ": the program leaves the directory as it found it");
            }
        } finally {
            deleteTree(tmp);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
