package io.wasmlet.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Every {@code java -jar target/wasmlet.jar ...} command of the README, run in-process as written
 * (a {@code < FILE} becomes standard input; {@code tests/programs/data} is replaced by a fresh
 * copy, since programs write there), so that no README command can put an option where the
 * runner no longer takes it: each must succeed or end with the program's own exit status (the trap
 * backtrace example must trap, with the output the README shows).
 */
class ReadmeCommandsTest {
    static final String PREFIX = "java -jar target/wasmlet.jar ";

    static List<String> commands() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8)) {
            int at = line.indexOf(PREFIX);
            if (at >= 0) {
                String cmd = line.substring(at + PREFIX.length());
                int semi = cmd.indexOf(';');
                out.add((semi < 0 ? cmd : cmd.substring(0, semi)).trim());
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> readmeCommandsRun() throws IOException {
        List<String> cmds = commands();
        assertTrue(cmds.size() >= 7, "README commands found: " + cmds);
        return cmds.stream().map(c -> DynamicTest.dynamicTest(c, () -> check(c)));
    }

    static void check(String command) throws IOException {
        Path data = Files.createTempDirectory("wasmlet-readme");
        try {
            Path from = Paths.get("tests/programs/data");
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path q = data.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(q);
                    } else {
                        Files.copy(p, q);
                    }
                }
            }
            List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
            InputStream in = new ByteArrayInputStream(new byte[0]);
            int lt = words.indexOf("<");
            if (lt >= 0) {
                in = new ByteArrayInputStream(Files.readAllBytes(Paths.get(words.get(lt + 1))));
                words = new ArrayList<>(words.subList(0, lt));
            }
            words.replaceAll(w -> w.replace("tests/programs/data:", data + ":"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = Main.run(words.toArray(new String[0]), in, o, e);
            }
            String stderr = err.toString(StandardCharsets.UTF_8);
            if (command.contains("tests/backtrace/")) { // the trap backtrace example: the README shows its output
                assertEquals(Main.TRAP, code, command);
                assertEquals("error: trap: integer divide by zero\nwasm backtrace:\n    0:   0x58 - div\n"
                        + "    1:   0x5e - middle\n    2:   0x68 - run\n", stderr, command);
                return;
            }
            assertFalse(stderr.startsWith("error: "), () -> command + ": " + stderr);
            int expected = command.contains("exitcode.wasm 3") ? 3 : command.contains("rusty.wasm") ? 5 : 0;
            assertEquals(expected, code, () -> command + ": " + stderr);
            assertFalse(out.toString(StandardCharsets.UTF_8).isEmpty(), command + " printed nothing");
        } finally {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
