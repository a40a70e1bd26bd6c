package io.wasmlet.fuzz;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input, deterministic and short: mutated spec-suite binaries must either load or fail
 * with a {@link WasmException}; whatever loads is instantiated on a small board and its
 * parameterless exports are called, which again may only end normally or in a WasmException.
 * Never an ArrayIndexOutOfBounds, NegativeArraySize, OutOfMemory or StackOverflow error.
 */
class MutationFuzzTest {
    private static final int MUTANTS = 20000;

    @Test
    void mutatedModulesFailCleanly() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(Paths.get("tests/spec"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".wasm")).sorted().collect(Collectors.toList())) {
                byte[] b = Files.readAllBytes(p);
                if (b.length < 2000) {
                    seeds.add(b);
                }
            }
        }
        assertTrue(seeds.size() > 1000);
        Board board = Board.named("stm32h747i-disco");
        Random rnd = new Random(20261125L);
        List<String> crashes = new ArrayList<>();
        int loaded = 0;
        int ran = 0;
        for (int i = 0; i < MUTANTS && crashes.size() < 5; i++) {
            byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = 8 + rnd.nextInt(Math.max(1, b.length - 8));
                if (at >= b.length) {
                    continue;
                }
                switch (rnd.nextInt(3)) {
                    case 0: b[at] = (byte) rnd.nextInt(256); break;
                    case 1: b[at] ^= (byte) (1 << rnd.nextInt(8)); break;
                    default: b[at] = (byte) (rnd.nextBoolean() ? 0xFF : 0x80); break;
                }
            }
            WasmModule m;
            try {
                m = Loader.load(b);
                loaded++;
            } catch (WasmException expected) {
                continue;
            } catch (Throwable t) {
                crashes.add("load, mutant " + i + ": " + t);
                continue;
            }
            if (m.importCount() > 0) {
                continue;
            }
            try {
                Store store = new Store(board);
                Instance inst = store.instantiate(m, new Imports());
                for (String name : inst.exportNames()) {
                    Object o = inst.exportKind(name) == WasmModule.KIND_FUNC ? inst.function(name) : null;
                    if (o instanceof Function && ((Function) o).type().paramCount() == 0) {
                        FuncType t = ((Function) o).type();
                        try {
                            store.invoke((Function) o, new long[0], new long[t.resultCount()]);
                            ran++;
                        } catch (WasmException expected) {
                            ran++;
                        }
                    }
                }
            } catch (WasmException expected) {
                // unlinkable, uninstantiable, too big for the board
            } catch (Throwable t) {
                crashes.add("run, mutant " + i + ": " + t);
            }
        }
        System.out.println("fuzz: " + MUTANTS + " mutants, " + loaded + " loaded, " + ran + " export calls");
        assertEquals(List.of(), crashes);
    }
}
