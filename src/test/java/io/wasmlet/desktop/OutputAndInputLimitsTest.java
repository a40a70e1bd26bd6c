package io.wasmlet.desktop;

import static io.wasmlet.desktop.MainTest.assertError;
import static io.wasmlet.desktop.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.error.ResourceLimitException;
import io.wasmlet.validate.Loader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's output errors (a closed pipe, a full disk) and its bound on the module
 * file: a program is told when its writes fail, and the run ends.
 */
class OutputAndInputLimitsTest {
    static final String YES = "tests/programs/yes.wasm";
    static final String RUSTY = "tests/programs/rusty.wasm";

    /** Takes {@code limit} bytes, then fails every write with {@code message}. */
    static final class Closing extends OutputStream {
        final int limit;
        final String message;
        int taken;

        Closing(int limit, String message) {
            this.limit = limit;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (taken + len > limit) {
                throw new IOException(message);
            }
            taken += len;
        }
    }

    static int runWith(OutputStream out, ByteArrayOutputStream err, String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aProgramWritingIntoAClosedPipeIsStopped() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Closing out = new Closing(100, "Broken pipe");
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runWith(out, err, "run", YES),
                "yes ignores every error; the run must end anyway");
        assertEquals(Main.BROKEN_PIPE, code);
        assertEquals(100, out.taken);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "silent, as a native program killed by SIGPIPE");
    }

    static Path data(Path tmp) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("data"));
        try (var s = Files.list(Paths.get("tests/programs/data"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, d.resolve(p.getFileName()));
                }
            }
        }
        return d;
    }

    @Test
    void aFullDiskIsAnErrorTheProgramSees(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = runWith(new Closing(0, "No space left on device"), err, "run", "--dir", data(tmp) + ":/data", RUSTY, "/data");
        assertEquals(Main.TRAP, code, "Rust's println! panics on the error (and aborts)");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No space left on device"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPrintStreamsHiddenErrorStillReachesTheProgram(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream swallowing = new PrintStream(new Closing(0, "Input/output error"), true);
        int code = runWith(swallowing, err, "run", "--dir", data(tmp) + ":/data", RUSTY, "/data");
        assertEquals(Main.TRAP, code, err.toString(StandardCharsets.UTF_8));
    }

    /** The command line in a JVM of its own, stdout as given. */
    static ProcessBuilder cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.wasmlet.desktop.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    @Test
    void writingToDevFullExitsNonZero(@TempDir Path tmp) throws Exception {
        Process p = cli("run", "--dir", data(tmp) + ":/data", RUSTY, "/data")
                .redirectOutput(new File("/dev/full")).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Main.TRAP, p.exitValue(), err);
        assertTrue(err.contains("No space left on device"), err);
    }

    @Test
    void yesIntoHeadEnds() throws Exception {
        Process p = cli("run", YES).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("y", r.readLine());
        r.close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends once its reader has gone");
        assertEquals(Main.BROKEN_PIPE, p.exitValue());
    }

    // ---- the module file ----------------------------------------------------------------

    @Test
    void anEndlessModuleFileIsRefused() {
        assertError(assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> run("run", "--max-module-size", "1M", "/dev/zero")), Main.ERROR,
                "module larger than the limit of 1048576 bytes (--max-module-size)");
    }

    @Test
    void aModuleFileOverTheLimitIsRefusedBeforeReading(@TempDir Path tmp) throws IOException {
        Path big = Files.write(tmp.resolve("big.wasm"), new byte[5000]);
        assertError(run("run", "--max-module-size", "4096", big.toString()), Main.ERROR,
                "5000 bytes, larger than the limit of 4096 bytes");
        assertError(run("run", "--max-module-size", "lots", big.toString()), Main.USAGE, "--max-module-size needs");
        assertEquals(0, run("run", "--max-module-size", "1K", "--invoke", "add", "tests/examples/add.wasm", "1", "2").code());
        assertEquals(64L << 20, Main.parseSize("64M"));
        assertEquals(256L << 20, Main.MAX_MODULE_BYTES);
    }

    @Test
    void loaderStopsReadingAtItsLimit() {
        InputStream zeros = new InputStream() {
            long given;

            @Override
            public int read() {
                given++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                given += len;
                return len;
            }
        };
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> Loader.load(zeros, 10_000, 0));
        assertEquals("module larger than the limit of 10000 bytes", e.getMessage());
    }
}
