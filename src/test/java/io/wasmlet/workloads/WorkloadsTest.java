package io.wasmlet.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.board.Board;
import io.wasmlet.jit.Jit;
import io.wasmlet.validate.Loader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The embedded-style C kernels of {@code tests/workloads/} (built by tools/workloads/build.sh;
 * the .wasm files are committed): each must return, for its test n, the checksum its native gcc
 * build computes, recorded in {@code checksums.txt}. run() is called twice on one instance, since
 * the benchmark relies on repeated calls giving the same result.
 */
class WorkloadsTest {
    static final Path DIR = Paths.get("tests/workloads");

    /** One line of checksums.txt: name, test_n, test_sum, bench_n, bench_sum. */
    record Workload(String name, int testN, int testSum) {
    }

    static List<Workload> workloads() throws IOException {
        List<Workload> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("checksums.txt"), StandardCharsets.UTF_8)) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            out.add(new Workload(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> checksumsMatchTheNativeBuild() throws IOException {
        List<Workload> ws = workloads();
        assertFalse(ws.size() < 10, "checksums.txt lists at least ten workloads");
        return Stream.of("interp", "tiered", "eager").flatMap(mode -> ws.stream().map(w -> DynamicTest.dynamicTest(
                w.name() + "(" + w.testN() + ") [" + mode + "]", () -> {
            byte[] bytes = Files.readAllBytes(DIR.resolve(w.name() + ".wasm"));
            WasmModule m = Loader.load(bytes);
            Store store = Jit.store(Board.desktop(), mode);
            Instance inst = store.instantiate(m, new Imports());
            Function run = inst.function("run");
            assertNotNull(run, "export run");
            for (int call = 1; call <= 2; call++) {
                long[] results = store.invoke(run, new long[] {w.testN()});
                assertEquals(1, results.length, "one result");
                assertEquals(w.testSum(), (int) results[0], w.name() + " run(" + w.testN() + "), call " + call);
            }
            if (!mode.equals("interp")) {
                assertTrue(store.functionsTranslated() > 0, "the hot functions were translated");
            }
        })));
    }
}
