package io.wasmlet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark driver: for every workload of {@code tests/workloads/checksums.txt} and every
 * runtime of {@link Runtimes#ALL}, starts one child process (a fresh JVM running {@link Runner}
 * for the Java runtimes, the native binary, node), reads its timings, checks its checksums, and
 * writes {@code raw-MODE.tsv} into the output directory. {@link Report} turns those into the report.
 *
 * <pre>
 * Bench [--xint] [--iterations K] [--workloads a,b] [--runtimes x,y] [--xint-divisor D]
 *       [--timeout SECONDS] [--root DIR] [--native-dir DIR] [--out-dir DIR]
 * </pre>
 * The output directory defaults to a new {@code tools/bench/results/subset-TIMESTAMP/}, so that a
 * run never overwrites the committed results by accident: only {@code run.sh} with no arguments
 * (every workload, runtime and mode) passes {@code --out-dir tools/bench/results}.
 * <ul>
 * <li>default (mode "hotspot"): child JVMs with default flags, n = bench_n, 6 calls each;
 * <li>{@code --xint} (mode "xint"): child JVMs get -Xint and every runtime (native and node too)
 * gets n = test_n (1/40 to 1/100 of bench_n), 4 calls each, so all of one mode's times share one
 * n. Not bench_n / 20: Chicory's interpreter runs about 40 times slower than wasmlet's under
 * -Xint, so that n would take 15 minutes for this mode alone. {@code --xint-divisor D} uses
 * max(1, bench_n / D) instead.
 * </ul>
 * The expected checksum is the one checksums.txt gives for that n (bench_n or test_n), else native's result (if native ran; otherwise the one most runtimes agree on).
 */
public final class Bench {
    private Bench() {
    }

    /** One line of checksums.txt. */
    record Workload(String name, int testN, String testSum, int benchN, String benchSum) {
    }

    public static void main(String[] args) throws Exception {
        boolean xint = false;
        int iterations = -1;
        int divisor = 0;
        long timeoutS = 300;
        Set<String> onlyWorkloads = null;
        Set<String> onlyRuntimes = null;
        Path root = null;
        Path nativeDir = null;
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--xint" -> xint = true;
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--xint-divisor" -> divisor = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutS = Long.parseLong(args[++i]);
                case "--workloads" -> onlyWorkloads = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--runtimes" -> onlyRuntimes = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--root" -> root = Paths.get(args[++i]);
                case "--native-dir" -> nativeDir = Paths.get(args[++i]).toAbsolutePath();
                case "--out-dir" -> outDir = Paths.get(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (iterations < 1) {
            iterations = xint ? 4 : 6;
        }
        root = root != null ? root.toAbsolutePath().normalize() : findRoot();
        String mode = xint ? "xint" : "hotspot";
        if (nativeDir == null) {
            nativeDir = root.resolve("target/workloads/native");
        }
        if (outDir == null) {
            outDir = root.resolve("tools/bench/results/subset-"
                    + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }

        List<Workload> workloads = readChecksums(root.resolve("tests/workloads/checksums.txt"));
        Results res = new Results();
        res.meta.put("mode", mode);
        res.meta.put("jvm_flags", xint ? "-Xint" : "(defaults)");
        res.meta.put("iterations", String.valueOf(iterations));
        res.meta.put("n", !xint ? "bench_n" : divisor > 0 ? "max(1, bench_n / " + divisor + ")" : "test_n");
        res.meta.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        res.meta.put("machine", Env.machine());
        res.meta.put("java", Env.javaVersion());
        res.meta.put("node", Env.command("node", "--version"));
        res.meta.put("gcc", Env.command("gcc", "-dumpfullversion"));
        res.meta.put("chicory", "1.7.5");
        res.meta.put("workloads", onlyWorkloads == null ? "all" : String.join(",", onlyWorkloads));
        res.meta.put("runtimes", onlyRuntimes == null ? "all" : String.join(",", onlyRuntimes));
        res.meta.put("load_start", Env.loadAverage());

        System.out.printf("mode %s: %d workloads, %d calls per runtime%n", mode, workloads.size(), iterations);
        long start = System.nanoTime();
        for (Workload w : workloads) {
            if (onlyWorkloads != null && !onlyWorkloads.contains(w.name())) {
                continue;
            }
            int n = !xint ? w.benchN() : divisor > 0 ? Math.max(1, w.benchN() / divisor) : w.testN();
            List<Results.Row> rows = new ArrayList<>();
            for (Runtimes.Runtime rt : Runtimes.ALL) {
                if (onlyRuntimes != null && !onlyRuntimes.contains(rt.name())) {
                    continue;
                }
                rows.add(measure(root, nativeDir, rt, w.name(), n, iterations, xint, timeoutS));
            }
            String expected = n == w.benchN() ? w.benchSum() : n == w.testN() ? w.testSum() : consensus(rows);
            StringBuilder line = new StringBuilder(String.format("  %-10s n=%-5d", w.name(), n));
            for (Results.Row r : rows) {
                if (r.status() == Results.Status.OK && expected != null && !expected.equals(r.result())) {
                    r = r.withStatus(Results.Status.WRONG, "returned " + r.result() + ", expected " + expected);
                }
                res.rows.add(r);
                line.append(String.format("  %s %s", r.runtime(), r.status() == Results.Status.OK
                        ? String.format("%.1f ms", r.medianNs() / 1e6) : r.status().toString()));
                if (r.status() != Results.Status.OK && r.status() != Results.Status.ABSENT) {
                    System.out.println("    " + r.runtime() + " " + r.status() + ": " + r.message());
                }
            }
            System.out.println(line);
        }
        Files.createDirectories(outDir);
        Path out = outDir.resolve("raw-" + mode + ".tsv");
        res.meta.put("load_end", Env.loadAverage());
        res.meta.put("wall_s", String.format("%.0f", (System.nanoTime() - start) / 1e9));
        res.write(out);
        System.out.printf("mode %s done in %.0f s: %s%n", mode, (System.nanoTime() - start) / 1e9, root.relativize(out));
    }

    /** The checksum expected for a reduced n: native's, else the most common OK result. */
    private static String consensus(List<Results.Row> rows) {
        Map<String, Integer> votes = new HashMap<>();
        for (Results.Row r : rows) {
            if (r.status() == Results.Status.OK) {
                if (r.runtime().equals("native")) {
                    return r.result();
                }
                votes.merge(r.result(), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static Results.Row measure(Path root, Path nativeDir, Runtimes.Runtime rt, String workload, int n, int iterations,
                                       boolean xint, long timeoutS) throws IOException, InterruptedException {
        String wasm = root.resolve("tests/workloads/" + workload + ".wasm").toString();
        List<String> cmd = new ArrayList<>();
        switch (rt.kind()) {
            case JVM -> {
                cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
                if (xint) {
                    cmd.add("-Xint");
                }
                cmd.add("-cp");
                cmd.add(System.getProperty("java.class.path"));
                cmd.add(Runner.class.getName());
                cmd.add(rt.name());
                cmd.add(wasm);
            }
            case NATIVE -> {
                Path bin = nativeDir.resolve(workload);
                if (!Files.isExecutable(bin)) {
                    return absent(workload, n, rt, "no native binary (run tools/workloads/build.sh --native-only)");
                }
                cmd.add(bin.toString());
            }
            case NODE -> {
                if (Env.command("node", "--version").isEmpty()) {
                    return absent(workload, n, rt, "node not found");
                }
                cmd.add("node");
                cmd.add(root.resolve("tools/bench/src/main/js/runner.mjs").toString());
                cmd.add(wasm);
            }
        }
        cmd.add(String.valueOf(n));
        cmd.add(String.valueOf(iterations));

        Path outFile = Files.createTempFile("bench-out", ".txt");
        Path errFile = Files.createTempFile("bench-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
            boolean done = p.waitFor(timeoutS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            List<String> out = Files.readAllLines(outFile, StandardCharsets.UTF_8);
            String err = Files.readString(errFile, StandardCharsets.UTF_8).trim();
            long inst = -1;
            List<Long> its = new ArrayList<>();
            String result = null;
            String mismatch = null;
            for (String line : out) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("instantiate_ns")) {
                    inst = Long.parseLong(f[1]);
                } else if (f[0].equals("iter") && f.length == 4) {
                    its.add(Long.parseLong(f[2]));
                    if (result == null) {
                        result = f[3];
                    } else if (!result.equals(f[3]) && mismatch == null) {
                        mismatch = "call " + f[1] + " returned " + f[3] + ", call 0 returned " + result;
                    }
                }
            }
            long[] times = its.stream().mapToLong(Long::longValue).toArray();
            Results.Row row = new Results.Row(workload, n, rt.name(), Results.Status.OK, inst, times, result, null);
            if (!done) {
                return row.withStatus(Results.Status.TIMEOUT, "killed after " + timeoutS + " s, "
                        + times.length + " of " + iterations + " calls done");
            }
            if (p.exitValue() != 0 || times.length != iterations) {
                return row.withStatus(Results.Status.ERROR, "exit " + p.exitValue() + ": "
                        + (err.isEmpty() ? "no output" : err.lines().limit(6).reduce((a, b) -> a + " | " + b).get()));
            }
            if (mismatch != null) {
                return row.withStatus(Results.Status.WRONG, mismatch);
            }
            return row;
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    private static Results.Row absent(String workload, int n, Runtimes.Runtime rt, String why) {
        return new Results.Row(workload, n, rt.name(), Results.Status.ABSENT, -1, new long[0], null, why);
    }

    static List<Workload> readChecksums(Path file) throws IOException {
        List<Workload> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            out.add(new Workload(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4]));
        }
        return out;
    }

    /** The repository root: the nearest directory upwards that has tests/workloads/checksums.txt. */
    static Path findRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            if (Files.exists(p.resolve("tests/workloads/checksums.txt"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("run from inside the wasmlet repository, or pass --root");
    }
}
