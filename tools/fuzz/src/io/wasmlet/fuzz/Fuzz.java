package io.wasmlet.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.CRC32;

/**
 * The long-running fuzzer: {@code tools/fuzz/run.sh --inputs N | --hours H [--seed S]
 * [--fuel F] [--ttf N]}. Prints progress every 10 seconds and a summary at the end; every
 * failing input is written to tests/fuzz/regressions/ with a .txt saying what failed.
 */
public final class Fuzz {
    public static void main(String[] a) throws Exception {
        long inputs = Long.MAX_VALUE;
        double hours = 0;
        long seed = 1;
        long fuel = 100000;
        int ttfCount = 300;
        Path root = Paths.get(".");
        for (int i = 0; i < a.length; i++) {
            switch (a[i]) {
                case "--inputs": inputs = Long.parseLong(a[++i]); break;
                case "--hours": hours = Double.parseDouble(a[++i]); break;
                case "--seed": seed = Long.parseLong(a[++i]); break;
                case "--fuel": fuel = Long.parseLong(a[++i]); break;
                case "--ttf": ttfCount = Integer.parseInt(a[++i]); break;
                case "--root": root = Paths.get(a[++i]); break;
                default:
                    System.err.println("usage: run.sh [--inputs N] [--hours H] [--seed S] [--fuel F] [--ttf N] [--root DIR]");
                    System.exit(2);
            }
        }
        if (inputs == Long.MAX_VALUE && hours == 0) {
            inputs = 100000;
        }
        long t0 = System.nanoTime();
        Inputs in = new Inputs(root, seed);
        int made = in.binaryen(ttfCount);
        System.out.println("fuzz: seed " + seed + ", fuel " + fuel + " per call, " + in.spec.size() + " spec modules, "
                + in.programs.size() + " programs, " + made + " wasm-opt -ttf modules ("
                + String.format("%.1f", (System.nanoTime() - t0) / 1e9) + " s)");
        Harness h = new Harness();
        h.fuel = fuel;
        long start = System.nanoTime();
        long endAt = hours > 0 ? start + (long) (hours * 3600e9) : Long.MAX_VALUE;
        long nextReport = start + 10_000_000_000L;
        String[] what = new String[1];
        long failures = 0;
        for (long i = 0; i < inputs; i++) {
            long now = System.nanoTime();
            if (now > endAt) {
                break;
            }
            if (now > nextReport) {
                nextReport = now + 10_000_000_000L;
                System.out.println(String.format("[%.0f s] %d inputs, %d valid, %d calls, %d untyped, %d hangs, "
                        + "%d disagreements, %d nan-only, %.0f inputs/s", (now - start) / 1e9, h.inputs, h.valid,
                        h.calls, h.untyped, h.hangs, h.disagreements, h.nanOnly, h.inputs / ((now - start) / 1e9)));
            }
            byte[] b = in.get(i, what);
            Harness.Failure f = h.run(b);
            if (f != null) {
                failures++;
                Path p = save(root.resolve("tests/fuzz/regressions"), b, f, what[0] + " input " + i + " seed " + seed);
                System.out.println("FAILURE " + f.kind + " (" + what[0] + ", input " + i + ") saved as " + p);
            }
        }
        System.out.println("summary:\n" + h.summary((System.nanoTime() - start) / 1e9));
        System.out.println("failures saved: " + failures);
        System.exit(h.untyped + h.hangs + h.disagreements == 0 ? 0 : 1);
    }

    /** Writes the input and a .txt describing the failure; the name is the kind and a CRC of the bytes. */
    static Path save(Path dir, byte[] b, Harness.Failure f, String origin) throws IOException {
        Files.createDirectories(dir);
        CRC32 c = new CRC32();
        c.update(b);
        String base = f.kind + "-" + Long.toHexString(c.getValue());
        Path w = dir.resolve(base + ".wasm");
        Files.write(w, b);
        String txt = f.kind + " (" + origin + ", " + b.length + " bytes, not minimised)\n" + f.detail + "\n";
        Files.write(dir.resolve(base + ".txt"), txt.getBytes(StandardCharsets.UTF_8));
        return w;
    }
}
