package io.wasmlet.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process through {@link Main#run}. */
class MainTest {
    static final String ADD = "tests/examples/add.wasm";

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An error run: exit code, nothing on stdout, exactly one "error: ..." line on stderr. */
    static void assertError(Result r, int code, String fragment) {
        assertEquals(code, r.code(), () -> "exit code; stderr was: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        assertTrue(r.err().startsWith("error: "), () -> "stderr: " + r.err());
        assertEquals(1, r.err().lines().count(), () -> "one line on stderr: " + r.err());
        assertTrue(r.err().contains(fragment), () -> "stderr should mention '" + fragment + "': " + r.err());
    }

    /** A trap: exit status 134, nothing on stdout, "error: MESSAGE" then the Wasm backtrace on stderr. */
    static void assertTrap(Result r, String message) {
        assertEquals(Main.TRAP, r.code(), () -> "exit code; stderr was: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        assertTrue(r.err().startsWith("error: " + message + "\nwasm backtrace:\n    0: "), () -> "stderr: " + r.err());
    }

    @Test
    void addsTwoNumbers() {
        Result r = run("run", "--invoke", "add", ADD, "2", "3");
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals("5\n", r.out());
    }

    @Test
    void resultsAreSignedAndArgumentsMayBeHex() {
        Result r = run("run", "--invoke", "add", ADD, "0x7fffffff", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("-2147483648\n", r.out());
        r = run("run", "--invoke", "add", ADD, "-7", "4294967295");
        assertEquals(0, r.code(), r.err());
        assertEquals("-8\n", r.out());
    }

    @Test
    void factorialOf20() {
        Result r = run("run", "--invoke", "fac", ADD, "20");
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals("2432902008176640000\n", r.out());
    }

    @Test
    void missingExport() {
        assertError(run("run", "--invoke", "nope", ADD), Main.ERROR, "nope");
    }

    @Test
    void noInvokeAndNoStart() {
        assertError(run("run", ADD), Main.ERROR, "no --invoke given and no _start export");
    }

    @Test
    void missingFile() {
        assertError(run("run", "--invoke", "add", "tests/examples/does-not-exist.wasm"), Main.ERROR,
                "file not found");
    }

    @Test
    void malformedFile(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, "this is not wasm".getBytes(StandardCharsets.US_ASCII));
        assertError(run("run", "--invoke", "add", bad.toString()), Main.ERROR, "malformed module");
    }

    @Test
    void wrongArgumentCountIsUsageError() {
        assertError(run("run", "--invoke", "add", ADD, "1"), Main.USAGE, "takes 2 arguments");
    }

    @Test
    void badNumberIsUsageError() {
        assertError(run("run", "--invoke", "add", ADD, "1", "two"), Main.USAGE, "not a valid i32");
        assertError(run("run", "--invoke", "add", ADD, "1", "4294967296"), Main.USAGE, "not a valid i32");
    }

    /** Options after the file are the program's: here they reach no _start, so nothing is invoked. */
    @Test
    void optionsAfterTheFileAreNotTheRunners() {
        assertError(run("run", ADD, "--invoke", "add", "2", "3"), Main.ERROR, "no --invoke given and no _start export");
        Result r = run("run", ADD, "--footprint");
        assertEquals(Main.ERROR, r.code(), "--footprint after the file is a program argument: " + r.out());
        assertEquals("", r.out());
    }

    @Test
    void version() {
        String expected = "wasmlet " + io.wasmlet.Version.VERSION + "\n";
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"version"}, {"run", "--version"}, {"run", "-V"}}) {
            Result r = run(args);
            assertEquals(0, r.code(), r.err());
            assertEquals(expected, r.out(), String.join(" ", args));
            assertEquals("", r.err());
        }
        assertTrue(io.wasmlet.Version.VERSION.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), io.wasmlet.Version.VERSION);
    }

    @Test
    void usageErrors() {
        assertError(run(), Main.USAGE, "no command");
        assertError(run("frobnicate"), Main.USAGE, "unknown command");
        assertError(run("run"), Main.USAGE, "FILE");
        assertError(run("run", "--no-such-option", "x", ADD), Main.USAGE, "unknown option");
    }

    @Test
    void statsCountInstructionsAndCalls() {
        Result r = run("run", "--stats", "--invoke", "fac", ADD, "10");
        assertEquals(0, r.code(), r.err());
        assertEquals("3628800", r.out().trim());
        // fac(n > 1) runs 12 instructions (4 up to the if, 7 in the else arm, the final end);
        // fac(1) runs 7 (4, then-arm const + else, end): 9 * 12 + 7
        assertTrue(r.err().startsWith("stats: 115 Wasm instructions executed, 10 calls, "), r.err());
        assertTrue(r.err().contains("footprint on board desktop"), r.err());
    }

    @Test
    void boards() {
        assertError(run("run", "--board", "no-such-board", "--invoke", "add", ADD, "1", "2"), Main.ERROR,
                "unknown board 'no-such-board'");
        Result r = run("run", "--board", "stm32f746g-disco", "--invoke", "add", ADD, "40", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("42", r.out().trim());
        Result f = run("run", "--board", "nrf52840-dk", "--footprint", ADD);
        assertEquals(0, f.code(), f.err());
        assertTrue(f.out().startsWith("footprint on board nrf52840-dk (heap 131072 bytes)"), f.out());
        assertTrue(f.out().contains("value stack"), f.out());
    }

    /** The report gives the pre-decoded code per byte of the file's code section (issue 11: at most 2). */
    @Test
    void footprintPrintsTheCodeBytesPerCodeByte() throws Exception {
        for (String module : new String[] {"tests/programs/hello.wasm", "tests/workloads/sha256.wasm"}) {
            Result r = run("run", "--board", "stm32h747i-disco", "--footprint", module);
            assertEquals(0, r.code(), r.err());
            String line = r.out().lines().filter(l -> l.contains("per code-section byte")).findFirst().orElseThrow();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("per code-section byte: (\\d+\\.\\d\\d) \\((\\d+) bytes of code in the file\\)").matcher(line);
            assertTrue(m.find(), line);
            long code = 0;
            for (String l : r.out().lines().toList()) {
                if ((l.trim().startsWith("pre-decoded code ") || l.trim().startsWith("side table")) && !l.contains("per code")) {
                    code += Long.parseLong(l.replaceAll(".* ", ""));
                }
            }
            double ratio = Double.parseDouble(m.group(1));
            assertEquals((double) code / Long.parseLong(m.group(2)), ratio, 0.006, line);
            assertTrue(ratio <= 2.0, line);
        }
    }

    @Test
    void footprintOfAModuleThatDoesNotFitFailsAndSaysByHowMuch() {
        // hello.wasm needs 99 KB of pre-decoded code and two pages of memory: more than nrf52840-dk's 128 KB heap
        Result r = run("run", "--board", "nrf52840-dk", "--footprint", "tests/programs/hello.wasm");
        assertEquals(Main.ERROR, r.code(), r.err());
        assertTrue(r.out().startsWith("footprint on board nrf52840-dk (heap 131072 bytes)"), r.out());
        long free = Long.parseLong(r.out().lines().filter(l -> l.trim().startsWith("free on board"))
                .findFirst().orElseThrow().replaceAll("[^0-9-]", ""));
        assertTrue(free < 0, r.out());
        assertTrue(r.err().startsWith("error: tests/programs/hello.wasm does not fit on board nrf52840-dk: module needs "),
                r.err());
        assertTrue(r.err().contains("bytes of heap") && r.err().endsWith(": " + (-free) + " bytes short\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void knownBoardsListMatchesTheFolder() throws Exception {
        java.util.List<String> files = new java.util.ArrayList<>();
        try (var s = java.nio.file.Files.list(java.nio.file.Paths.get("mcu-boards"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".board"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".board".length())));
        }
        java.util.Collections.sort(files);
        assertEquals(files, java.util.Arrays.asList(Boards.KNOWN));
    }

    @Test
    void help() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("usage: wasmlet run"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void parsesFloats() {
        assertEquals(Float.floatToRawIntBits(1.5f), (int) Main.parseValue((byte) 0x7D, "1.5", 1));
        assertEquals(Double.doubleToRawLongBits(-2.5e10), Main.parseValue((byte) 0x7C, "-2.5e10", 1));
        assertTrue(Float.isNaN(Float.intBitsToFloat((int) Main.parseValue((byte) 0x7D, "nan", 1))));
        assertEquals(Double.POSITIVE_INFINITY,
                Double.longBitsToDouble(Main.parseValue((byte) 0x7C, "inf", 1)));
        assertEquals("1.5", Main.format((byte) 0x7D, Float.floatToRawIntBits(1.5f)));
        assertEquals("NaN", Main.format((byte) 0x7C, Double.doubleToRawLongBits(Double.NaN)));
        assertEquals("ref.null", Main.format((byte) 0x70, 0));
    }

    static final String TIERS = "tests/jit/tiers.wasm";

    @Test
    void everyModeGivesTheSameResults() {
        for (String mode : new String[] {"interp", "tiered", "eager"}) {
            Result r = run("run", "--mode", mode, "--invoke", "fib", TIERS, "25");
            assertEquals(0, r.code(), r.err());
            assertEquals("75025\n", r.out(), mode);
        }
        Result bad = run("run", "--mode", "fast", "--invoke", "fib", TIERS, "25");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("interp, tiered or eager"), bad.err());
    }

    @Test
    void statsReportTheJitTier() {
        Result r = run("run", "--mode", "eager", "--stats", "--invoke", "fib", TIERS, "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("functions translated"), r.err());
        assertTrue(r.err().contains("code cache"), r.err());
    }

    @Test
    void fuelStopsARunawayProgram() {
        for (String mode : new String[] {"interp", "tiered", "eager"}) {
            Result r = run("run", "--mode", mode, "--fuel", "100000", "--invoke", "spin", TIERS);
            assertEquals(134, r.code(), mode);
            assertTrue(r.err().contains("all fuel consumed"), r.err());
        }
        Result enough = run("run", "--fuel", "1000000", "--invoke", "fib", TIERS, "10");
        assertEquals(0, enough.code(), enough.err());
        assertEquals("55\n", enough.out());
        assertEquals(2, run("run", "--fuel", "-1", "--invoke", "spin", TIERS).code());
    }

    @Test
    void timeoutStopsARunawayProgram() {
        for (String mode : new String[] {"interp", "tiered"}) {
            long t0 = System.nanoTime();
            Result r = run("run", "--mode", mode, "--timeout", "0.5", "--invoke", "spin", TIERS);
            double s = (System.nanoTime() - t0) / 1e9;
            assertEquals(134, r.code(), mode);
            assertTrue(r.err().contains("interrupted"), r.err());
            assertTrue(s >= 0.5 && s < 20, "stopped after the timeout: " + s + " s");
        }
    }

    @Test
    void footprintInTieredModeCountsTheJit() {
        Result tiered = run("run", "--mode", "tiered", "--footprint", "--board", "stm32h747i-disco", TIERS);
        Result interp = run("run", "--mode", "interp", "--footprint", "--board", "stm32h747i-disco", TIERS);
        assertEquals(0, tiered.code(), tiered.err());
        assertTrue(tiered.out().matches("(?s).*code cache\\s+[1-9][0-9]*\n.*"), tiered.out());
        assertTrue(interp.out().matches("(?s).*code cache\\s+0\n.*"), interp.out());
    }
}
