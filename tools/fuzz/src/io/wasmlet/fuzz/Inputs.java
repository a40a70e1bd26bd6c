package io.wasmlet.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Where inputs come from: generated valid modules ({@link Gen}), mutations of the spec corpus,
 * of real programs and of generated modules ({@link Mutator}), and, when binaryen's wasm-opt is
 * installed, a batch of {@code wasm-opt -ttf} modules made at start (run as they are and mutated).
 */
public final class Inputs {
    final List<byte[]> spec = new ArrayList<>();
    final List<byte[]> programs = new ArrayList<>();
    final List<byte[]> ttf = new ArrayList<>();
    private final long seed;

    public Inputs(Path root, long seed) throws IOException {
        this.seed = seed;
        for (String dir : new String[] {"tests/spec", "tests/programs", "tests/workloads"}) {
            File[] fs = root.resolve(dir).toFile().listFiles();
            if (fs == null) {
                continue;
            }
            java.util.Arrays.sort(fs);
            for (File f : fs) {
                if (f.getName().endsWith(".wasm") && f.length() < 300000) {
                    (dir.equals("tests/spec") ? spec : programs).add(Files.readAllBytes(f.toPath()));
                }
            }
        }
    }

    /** Makes {@code n} modules with wasm-opt -ttf in a temp dir; returns how many it made (0 without binaryen). */
    public int binaryen(int n) {
        Random r = new Random(seed ^ 0x5eed);
        try {
            Path dir = Files.createTempDirectory("wasmlet-ttf");
            for (int i = 0; i < n; i++) {
                byte[] junk = new byte[256 + r.nextInt(8192)];
                r.nextBytes(junk);
                Path in = dir.resolve("in" + i + ".bin");
                Path out = dir.resolve("out" + i + ".wasm");
                Files.write(in, junk);
                Process p = new ProcessBuilder("wasm-opt", "-ttf", in.toString(), "-o", out.toString(),
                        "--mvp-features", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                        "--enable-bulk-memory", "--enable-multivalue", "--enable-mutable-globals")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    continue;
                }
                if (p.exitValue() == 0 && Files.exists(out)) {
                    ttf.add(Files.readAllBytes(out));
                }
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            return ttf.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ttf.size();
    }

    /** Input number {@code i}: a pure function of the seed and i. Sets what[0] to its source. */
    public byte[] get(long i, String[] what) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + i);
        Mutator mu = new Mutator(r);
        int k = r.nextInt(100);
        if (k < 35) {
            what[0] = "generated";
            return new Gen(r).build();
        }
        if (k < 45 && !ttf.isEmpty()) {
            what[0] = "wasm-opt-ttf";
            return ttf.get(r.nextInt(ttf.size()));
        }
        if (k < 55) {
            what[0] = "mutated-generated";
            return mu.mutate(new Gen(r).build(), pick(r, spec));
        }
        if (k < 60 && !ttf.isEmpty()) {
            what[0] = "mutated-ttf";
            return mu.mutate(ttf.get(r.nextInt(ttf.size())), pick(r, spec));
        }
        if (k < 68 && !programs.isEmpty()) {
            what[0] = "mutated-program";
            return mu.mutate(pick(r, programs), pick(r, spec));
        }
        what[0] = "mutated-spec";
        return mu.mutate(pick(r, spec), pick(r, spec));
    }

    private static byte[] pick(Random r, List<byte[]> l) {
        return l.isEmpty() ? null : l.get(r.nextInt(l.size()));
    }
}
