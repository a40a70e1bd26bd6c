package io.wasmlet.desktop;

import static io.wasmlet.desktop.MainTest.assertError;
import static io.wasmlet.desktop.MainTest.assertTrap;
import static io.wasmlet.desktop.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.desktop.MainTest.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's WASI side: {@code run FILE [ARGS]}, {@code --dir}, {@code --env}, exit codes. */
class RunCommandTest {
    static final String HELLO = "tests/programs/hello.wasm";
    static final String EXIT = "tests/programs/exitcode.wasm";
    static final String FILES = "tests/programs/files.wasm";
    static final String STUBS = "tests/programs/wasi-stubs.wasm";

    @Test
    void programArgumentsAndEnvironment() {
        Result r = run("run", "--env", "GREETING=hey", HELLO, "one", "-x", "--two");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("argc=4\nargv[1]=\"one\" (3 bytes)\nargv[2]=\"-x\" (2 bytes)\n"
                + "argv[3]=\"--two\" (5 bytes)\nGREETING=hey\n"), r.out());
        assertTrue(r.out().contains("environ[0]=GREETING=hey\n"), r.out());
    }

    /** wasmtime's rule: everything after the file goes to the program, runner options and -- included. */
    @Test
    void everythingAfterTheFileGoesToTheProgram() {
        Result r = run("run", HELLO, "alpha", "--verbose", "-v", "--env", "GREETING=no", "--", "--help");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("argc=8\nargv[1]=\"alpha\" (5 bytes)\nargv[2]=\"--verbose\" (9 bytes)\n"
                + "argv[3]=\"-v\" (2 bytes)\nargv[4]=\"--env\" (5 bytes)\nargv[5]=\"GREETING=no\" (11 bytes)\n"
                + "argv[6]=\"--\" (2 bytes)\nargv[7]=\"--help\" (6 bytes)\n"), r.out());
        assertTrue(!r.out().contains("environ[0]"), () -> "--env after the file set nothing: " + r.out());
        // "--" before the file ends the runner's options: the next argument is the file
        Result dashes = run("run", "--env", "GREETING=hey", "--", HELLO, "--stats");
        assertEquals(0, dashes.code(), dashes.err());
        assertTrue(dashes.out().contains("argc=2\nargv[1]=\"--stats\" (7 bytes)\n"), dashes.out());
        assertEquals("", dashes.err(), "--stats went to the program, so the runner printed no stats");
        // an unknown option before the file is still a usage error
        assertError(run("run", "--verbose", HELLO), Main.USAGE, "unknown option '--verbose'");
        assertError(run("run", "-v", HELLO), Main.USAGE, "unknown option '-v'");
        assertError(run("run", "--"), Main.USAGE, "FILE");
    }

    @Test
    void exitStatusIsTheProgramsOwn() {
        assertEquals(3, run("run", EXIT, "3").code());
        assertEquals(0, run("run", EXIT, "0").code());
        assertEquals(7, run("run", EXIT, "return").code());
        Result r = run("run", EXIT, "abort");
        assertEquals(Main.TRAP, r.code());
        assertEquals("leaving with abort\n", r.out());
        // exitcode.wasm is stripped (no name section); wasm-objdump -d: func[9] holds the
        // unreachable at 0x292, func[64] is _start, whose call of main is at 0x6429
        assertTrue(r.err().startsWith("error: trap: unreachable\nwasm backtrace:\n"
                + "    0:  0x292 - wasm-function[9]\n    1:  0x288 - wasm-function[8]\n"), r.err());
        assertTrue(r.err().endsWith("    5: 0x6429 - wasm-function[64]\n"), r.err());
    }

    /**
     * A trap three calls deep (tests/backtrace/deep.wat, with a name section) prints wasmtime's
     * backtrace: byte offsets of the instructions (those of wasm-objdump -d) and the names.
     */
    @Test
    void aTrapPrintsTheWasmBacktrace() {
        Result r = run("run", "--invoke", "run", "tests/backtrace/deep.wasm", "0");
        assertEquals(Main.TRAP, r.code());
        assertEquals("error: trap: integer divide by zero\nwasm backtrace:\n"
                + "    0:   0x58 - div\n    1:   0x5e - middle\n    2:   0x68 - run\n", r.err());
        r = run("run", "--invoke", "indirect", "tests/backtrace/deep.wasm", "0");
        assertEquals("error: trap: integer divide by zero\nwasm backtrace:\n"
                + "    0:   0x58 - div\n    1:   0x71 - middle_indirect\n    2:   0x79 - indirect\n", r.err());
        // eager: every frame compiled, the same text
        r = run("run", "--mode", "eager", "--invoke", "indirect", "tests/backtrace/deep.wasm", "0");
        assertEquals("error: trap: integer divide by zero\nwasm backtrace:\n"
                + "    0:   0x58 - div\n    1:   0x71 - middle_indirect\n    2:   0x79 - indirect\n", r.err());
    }

    /** Exhaustion: the innermost 64 frames, then how many more there were (the desktop's 20,000 frames and the entry). */
    @Test
    void exhaustionPrintsTheInnermostFramesAndCountsTheRest() {
        Result r = run("run", "--mode", "interp", "--invoke", "recurse", "tests/backtrace/deep.wasm", "0");
        assertEquals(Main.TRAP, r.code());
        assertTrue(r.err().startsWith("error: exhausted: call stack exhausted: stack.slots = 65536, frames = 20000 on board desktop\nwasm backtrace:\n    0:   0x83 - recurse\n"),
                r.err());
        assertTrue(r.err().endsWith("   63:   0x83 - recurse\n    ... 19937 more frames\n"), r.err());
        // tiered: recurse is compiled after 1,000 calls, so the innermost frames are compiled ones,
        // mapped back to the same offsets
        Result t = run("run", "--mode", "tiered", "--invoke", "recurse", "tests/backtrace/deep.wasm", "0");
        assertEquals(r.code(), t.code());
        assertEquals(r.err(), t.err());
    }

    /** On a board the module is loaded as a board would load it: no names, offsets in the pre-decoded code. */
    @Test
    void onABoardTheBacktraceGivesPreDecodedOffsets() {
        Result r = run("run", "--board", "stm32f746g-disco", "--invoke", "run", "tests/backtrace/deep.wasm", "0");
        assertEquals("error: trap: integer divide by zero\nwasm backtrace:\n    0:   pc+4 - wasm-function[0]\n"
                + "    1:   pc+2 - wasm-function[1]\n    2:   pc+2 - wasm-function[2]\n", r.err());
    }

    @Test
    void invokeAlsoHasWasi() {
        assertError(run("run", "--invoke", "add", STUBS, "2", "3"), Main.ERROR,
                "cannot link " + STUBS + ": unknown import (function): \"wasi_snapshot_preview1\" \"frobnicate\"");
        Result r = run("run", "--unknown-imports-default", "--invoke", "add", STUBS, "2", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("5\n", r.out());
        r = run("run", "--unknown-imports-default", "--invoke", "frobnicate", STUBS);
        assertEquals("52\n", r.out(), "an unknown WASI import returns ENOSYS");
        r = run("run", "--unknown-imports-default", "--invoke", "deep", STUBS, "100");
        assertEquals(42, r.code(), "proc_exit during --invoke sets the exit status");
        assertEquals("", r.out());
        r = run("run", "--unknown-imports-default", "--invoke", "no_result", STUBS);
        assertEquals(0, r.code(), r.err());
        assertTrap(run("run", "--unknown-imports-trap", "--invoke", "frobnicate", STUBS),
                "trap: unknown import wasi_snapshot_preview1.frobnicate called");
        assertEquals("52\n", run("run", "--unknown-imports-trap", "--invoke", "sock_accept", STUBS).out(),
                "a preview1 function is not a stub");
    }

    @Test
    void unknownImportsOfOtherModulesNeedAFlag() {
        String wasm = "tests/programs/env-import.wasm";
        assertError(run("run", "--invoke", "g", wasm), Main.ERROR, "imports env.f (function)");
        Result r = run("run", "--unknown-imports-default", "--invoke", "g", wasm);
        assertEquals("0\n", r.out(), r.err());
        assertTrap(run("run", "--unknown-imports-trap", "--invoke", "g", wasm), "trap: unknown import env.f called");
    }

    @Test
    void aStartFunctionMayCallWasi() {
        Result r = run("run", "tests/programs/wasi-start.wasm");
        assertEquals(0, r.code(), r.err());
        assertEquals("hello from the start function\n", r.out());
    }

    @Test
    void preview0CommandsRun() {
        Result r = run("run", "tests/programs/wasi-preview0.wasm");
        assertEquals(0, r.code(), r.err());
        assertEquals("preview0 says hi\n", r.out());
    }

    @Test
    void aReactorIsInitialisedBeforeInvoke() {
        Result r = run("run", "--invoke", "square", "tests/programs/reactor.wasm", "5");
        assertEquals(0, r.code(), r.err());
        assertEquals("reactor initialised\n25\n", r.out(), "the C constructors ran once, first");
        assertError(run("run", "tests/programs/reactor.wasm"), Main.ERROR,
                "no --invoke given and no _start export (function exports: _initialize, square); it is a reactor");
    }

    @Test
    void aCommandAndReactorAtOnceIsRefused() {
        assertError(run("run", "tests/programs/wasi-both.wasm"), Main.ERROR, "exports both _start and _initialize");
        assertError(run("run", "--invoke", "_start", "tests/programs/wasi-both.wasm"), Main.ERROR,
                "exports both _start and _initialize");
    }

    @Test
    void standardInput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "tests/programs/wc.wasm"},
                new ByteArrayInputStream("a b\nc\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("2 3 6\n"), out.toString(StandardCharsets.UTF_8));
        Result empty = run("run", "tests/programs/wc.wasm");
        assertTrue(empty.out().startsWith("0 0 0\n"), "run(args, out, err) gives an empty stdin");
    }

    @Test
    void dirsAreTheOnlyWayToFiles(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("input.txt"), "x y\n");
        Files.createDirectories(tmp.resolve("sub"));
        Result r = run("run", "--dir", tmp + ":/data", FILES, "/data");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("input.txt:1: x y\ninput.txt: 2 words, 4 bytes read"), r.out());
        Result none = run("run", FILES, "/data");
        assertTrue(none.out().startsWith("fopen input.txt: ENOENT\n") || none.out().startsWith("fopen input.txt: other\n"),
                none.out());
        Result escape = run("run", "--dir", tmp + ":/data", FILES, "/data/..");
        assertTrue(escape.out().startsWith("fopen input.txt: "), "'..' above the preopen is refused: " + escape.out());
        assertTrue(!escape.out().startsWith("input.txt:1:"), escape.out());
    }

    @Test
    void linksInTheDirLeadNowhereOutside(@TempDir Path tmp) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("d"));
        Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt"), "top secret\n");
        Files.createSymbolicLink(d.resolve("input.txt"), tmp.resolve("outside/secret.txt"));
        Files.createSymbolicLink(d.resolve("sub"), Path.of("../outside"));
        Result r = run("run", "--dir", d + ":/data", FILES, "/data");
        assertTrue(r.out().startsWith("fopen input.txt: other\n"), "ENOTCAPABLE: " + r.out());
        assertTrue(!r.out().contains("secret"), r.out());
        assertEquals("top secret\n", Files.readString(tmp.resolve("outside/secret.txt")));
    }

    @Test
    void optionErrors(@TempDir Path tmp) throws IOException {
        assertError(run("run", "--dir", tmp.resolve("nope").toString(), HELLO), Main.ERROR, "no such directory");
        Path file = Files.writeString(tmp.resolve("f.txt"), "");
        assertError(run("run", "--dir", file.toString(), HELLO), Main.ERROR, "not a directory");
        assertError(run("run", "--dir", tmp + ":", HELLO), Main.USAGE, "--dir needs HOST or HOST:GUEST");
        assertError(run("run", "--dir"), Main.USAGE, "--dir needs");
        assertError(run("run", "--env", "NOEQUALS", HELLO), Main.USAGE, "--env needs NAME=VALUE");
        assertError(run("run", "--env", "=v", HELLO), Main.USAGE, "--env needs NAME=VALUE");
        assertError(run("run", "--invoke", "sum_scaled", "tests/programs/embed.wasm", "1"), Main.ERROR,
                "imports host.scale (function), which this runner does not provide");
    }

    @Test
    void helpNamesTheNewOptions() {
        Result r = run("--help");
        for (String s : new String[] {"--dir HOST[:GUEST]", "--env NAME=VALUE", "--invoke", "--board", "--footprint", "134"}) {
            assertTrue(r.out().contains(s), s);
        }
    }
}
