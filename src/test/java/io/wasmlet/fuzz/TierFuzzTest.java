package io.wasmlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmlet.binary.WasmModule;
import io.wasmlet.board.Board;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Store;
import io.wasmlet.jit.Jit;
import io.wasmlet.jit.Tuning;
import io.wasmlet.validate.Loader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential: every import-free spec module and mutants of them, loaded with fuel metering
 * and branch profiles, run in the three execution modes (tiered with a threshold of 2 and a loop
 * weight of 8, so that tier switches happen inside the calls, and a side exit for every path that
 * had not run by then), each export called with the same arguments under the
 * same fuel. The tiers must agree on every outcome: the raw result bits or the very trap or
 * error, the fuel consumed, and the contents of every exported memory afterwards. Any exception
 * that is not one of the runtime's typed errors is a failure too.
 */
class TierFuzzTest {
    private static final int MUTANTS = 6000;
    private static final int STRUCTURAL = 3000;
    private static final long FUEL = 200_000;

    @Test
    void theTiersAgreeOnSpecModulesAndMutants() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(Paths.get("tests/spec"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".wasm")).sorted().collect(Collectors.toList())) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        Random rnd = new Random(20261201L);
        List<String> failures = new ArrayList<>();
        int[] counts = new int[3]; // modules run, export calls, calls that trapped or ran out of fuel
        for (byte[] seed : seeds) {
            compare(seed, "seed", failures, counts);
        }
        for (int i = 0; i < MUTANTS && failures.size() < 5; i++) {
            byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
            if (b.length > 4000) {
                continue;
            }
            for (int e = 1 + rnd.nextInt(3); e > 0; e--) {
                int at = 8 + rnd.nextInt(Math.max(1, b.length - 8));
                if (at < b.length) {
                    b[at] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) (b[at] ^ (1 << rnd.nextInt(8)));
                }
            }
            compare(b, "mutant " + i, failures, counts);
        }
        // and mutants by every edit of the long campaign, the section-aware ones included
        // (sections replaced, inserted, dropped, duplicated; function bodies swapped)
        List<byte[]> small = new ArrayList<>();
        for (byte[] seed : seeds) {
            if (seed.length <= 4000) {
                small.add(seed);
            }
        }
        for (int i = 0; i < STRUCTURAL && failures.size() < 5; i++) {
            compare(Mutator.mutate(small, rnd), "structural mutant " + i, failures, counts);
        }
        System.out.println("tier fuzz: " + seeds.size() + " spec modules and " + (MUTANTS + STRUCTURAL) + " mutants; " + counts[0]
                + " modules run in 3 modes, " + counts[1] + " export calls each, " + counts[2]
                + " of them trapping or out of fuel");
        assertEquals(List.of(), failures);
        assertTrue(counts[1] > 5000, "enough calls ran: " + counts[1]);
    }

    private static void compare(byte[] bytes, String what, List<String> failures, int[] counts) {
        WasmModule m;
        try {
            m = Loader.load(bytes, Loader.COUNT | Loader.PROFILE); // branch profiles: side exits in tiered mode
        } catch (WasmException expected) {
            return;
        } catch (Throwable t) {
            failures.add(what + ": load: " + t);
            return;
        }
        if (m.importCount() > 0) {
            return;
        }
        String[] modes = {"interp", "tiered", "eager"};
        List<List<String>> logs = new ArrayList<>();
        for (String mode : modes) {
            List<String> log = new ArrayList<>();
            try {
                run(m, mode, log);
            } catch (Throwable t) {
                failures.add(what + " [" + mode + "]: " + t);
                return;
            }
            logs.add(log);
        }
        if (logs.get(0).isEmpty()) {
            return;
        }
        counts[0]++;
        for (String entry : logs.get(0)) {
            if (entry.startsWith("call")) {
                counts[1]++;
                if (entry.contains("trap") || entry.contains("error")) {
                    counts[2]++;
                }
            }
        }
        for (int k = 1; k < modes.length; k++) {
            if (!logs.get(0).equals(logs.get(k))) {
                failures.add(what + ": " + modes[k] + " disagrees with interp:\n  interp " + logs.get(0) + "\n  "
                        + modes[k] + " " + logs.get(k));
            }
        }
    }

    private static Store store(String mode) {
        if (mode.equals("tiered")) {
            Tuning t = new Tuning();
            t.threshold = 2;
            t.loopWeight = 8;
            t.sideExitMin = 1;
            t.sideExitLimit = 2;
            return new Store(Board.desktop(), Jit.tiered(t));
        }
        return Jit.store(Board.desktop(), mode);
    }

    /** Instantiates and calls every exported function twice; logs outcomes, fuel and memories. */
    private static void run(WasmModule m, String mode, List<String> log) {
        Store store = store(mode);
        Instance inst;
        try {
            store.setFuel(FUEL);
            inst = store.instantiate(m, new Imports());
        } catch (WasmException e) {
            log.add("instantiate: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return;
        }
        ExportCalls.run(store, inst, FUEL, log);
    }
}
