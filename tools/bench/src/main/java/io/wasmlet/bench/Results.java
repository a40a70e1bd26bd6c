package io.wasmlet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw results of one mode, as written by {@link Bench} to {@code raw-MODE.tsv} of a results directory and
 * read by {@link Report}: {@code # key value} metadata lines, then one tab-separated row per
 * (workload, runtime). Times are nanoseconds; -1 means not measured.
 */
final class Results {
    /** Outcome of one child process. */
    enum Status {
        /** ran, and every iteration returned the expected checksum */
        OK,
        /** ran, but returned a different checksum */
        WRONG,
        /** failed (exception, trap, non-zero exit, unreadable output) */
        ERROR,
        /** killed after the time limit */
        TIMEOUT,
        /** not available here (no node, no native binary) */
        ABSENT
    }

    /** One workload on one runtime. {@code iterations} holds every call's time, first included. */
    record Row(String workload, int n, String runtime, Status status, long instantiateNs, long[] iterations,
               String result, String message) {
        long firstNs() {
            return iterations.length == 0 ? -1 : iterations[0];
        }

        /** Median of the steady-state calls (all but the first; the first if it is the only one). */
        long medianNs() {
            if (iterations.length == 0) {
                return -1;
            }
            long[] steady = iterations.length == 1 ? iterations.clone()
                    : Arrays.copyOfRange(iterations, 1, iterations.length);
            Arrays.sort(steady);
            int m = steady.length / 2;
            return steady.length % 2 == 1 ? steady[m] : (steady[m - 1] + steady[m]) / 2;
        }

        Row withStatus(Status s, String msg) {
            return new Row(workload, n, runtime, s, instantiateNs, iterations, result, msg);
        }
    }

    final Map<String, String> meta = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();

    Row find(String workload, String runtime) {
        for (Row r : rows) {
            if (r.workload().equals(workload) && r.runtime().equals(runtime)) {
                return r;
            }
        }
        return null;
    }

    List<String> workloads() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (!out.contains(r.workload())) {
                out.add(r.workload());
            }
        }
        return out;
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : meta.entrySet()) {
            sb.append("# ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        sb.append("workload\tn\truntime\tstatus\tinstantiate_ns\titerations_ns\tresult\tmessage\n");
        for (Row r : rows) {
            StringBuilder it = new StringBuilder();
            for (long t : r.iterations()) {
                it.append(it.length() == 0 ? "" : ",").append(t);
            }
            sb.append(r.workload()).append('\t').append(r.n()).append('\t').append(r.runtime()).append('\t')
                    .append(r.status()).append('\t').append(r.instantiateNs()).append('\t').append(it)
                    .append('\t').append(r.result() == null ? "" : r.result()).append('\t')
                    .append(r.message() == null ? "" : r.message().replace('\t', ' ').replace('\n', ' '))
                    .append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static Results read(Path file) throws IOException {
        Results res = new Results();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ")) {
                int sp = line.indexOf(' ', 2);
                res.meta.put(sp < 0 ? line.substring(2) : line.substring(2, sp), sp < 0 ? "" : line.substring(sp + 1));
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            long[] its = f[5].isEmpty() ? new long[0]
                    : Arrays.stream(f[5].split(",")).mapToLong(Long::parseLong).toArray();
            res.rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], Status.valueOf(f[3]), Long.parseLong(f[4]), its,
                    f[6].isEmpty() ? null : f[6], f[7].isEmpty() ? null : f[7]));
        }
        return res;
    }
}
