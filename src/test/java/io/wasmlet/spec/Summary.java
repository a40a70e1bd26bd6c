package io.wasmlet.spec;

import static org.junit.jupiter.api.Assertions.fail;

import io.wasmlet.binary.FuncType;
import io.wasmlet.binary.WasmModule;
import io.wasmlet.binary.ValType;
import io.wasmlet.error.ExhaustionException;
import io.wasmlet.error.InvalidException;
import io.wasmlet.error.MalformedException;
import io.wasmlet.error.TrapException;
import io.wasmlet.error.UninstantiableException;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.error.WasmException;
import io.wasmlet.exec.Function;
import io.wasmlet.exec.Global;
import io.wasmlet.exec.HostFunction;
import io.wasmlet.exec.Imports;
import io.wasmlet.exec.Instance;
import io.wasmlet.exec.Memory;
import io.wasmlet.exec.Store;
import io.wasmlet.exec.Table;
import io.wasmlet.validate.Loader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Counts outcomes per command kind and runs each command (with a time limit). */
final class Summary {
    private final Set<String> known;
    final String mode;
    private final long start = System.nanoTime();
    /** kind -> {passed, failed, skipped, of which known failures}. */
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> failing = new ArrayList<>();
    private final Map<String, Long> fileNanos = new LinkedHashMap<>();
    private final Map<String, int[]> fileCounts = new LinkedHashMap<>();
    private final long timeoutSeconds = Long.getLong("wasmlet.spec.timeout", 60L);
    private final long stackSize = parseSize(System.getProperty("wasmlet.spec.stack", "0"));
    private volatile Thread worker;
    private final java.util.concurrent.BlockingQueue<FutureTask<?>> queue =
            new java.util.concurrent.LinkedBlockingQueue<>();

    Summary(Set<String> known, String mode) {
        this.known = known;
        this.mode = mode;
        for (String k : SpecTest.KINDS) {
            counts.put(k, new int[4]);
        }
    }

    void run(SpecTest.FileContext ctx, String name, Map<String, Object> cmd) throws Throwable {
        String kind = String.valueOf(cmd.get("type"));
        int[] c = counts.computeIfAbsent(kind, k -> new int[4]);
        int[] fc = fileCounts.computeIfAbsent(ctx.wastName, k -> new int[4]);
        boolean isKnown = known.contains(name);
        Throwable failure = null;
        long t0 = System.nanoTime();
        try {
            if (ctx.broken != null) {
                fail(ctx.broken);
            }
            call(ctx, cmd);
        } catch (TestAbortedException e) {
            c[2]++;
            fc[2]++;
            throw e;
        } catch (Throwable t) {
            failure = t;
        } finally {
            long dt = System.nanoTime() - t0;
            ctx.nanos += dt;
            fileNanos.merge(ctx.wastName, dt, Long::sum);
        }
        if (failure == null) {
            if (isKnown) {
                c[1]++;
                fc[1]++;
                fail("now passes: remove it from known-failures.txt");
            }
            c[0]++;
            fc[0]++;
            return;
        }
        failing.add(name);
        if (isKnown) {
            c[2]++;
            c[3]++;
            fc[2]++;
            fc[3]++;
            throw new TestAbortedException("known failure: " + failure.getMessage(), failure);
        }
        c[1]++;
        fc[1]++;
        throw failure;
    }

    /** Runs one command on the worker thread, with the time limit. */
    private void call(SpecTest.FileContext ctx, Map<String, Object> cmd) throws Throwable {
        if (timeoutSeconds <= 0) {
            ctx.execute(cmd);
            return;
        }
        FutureTask<Void> task = new FutureTask<>((Callable<Void>) () -> {
            ctx.execute(cmd);
            return null;
        });
        ensureWorker();
        queue.add(task);
        try {
            task.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            Thread w = worker;
            worker = null; // abandon it; the next command gets a fresh thread
            w.interrupt();
            stopThread(w);
            ctx.broken = "an earlier command (line " + cmd.get("line") + ") timed out; rest of file not run";
            fail("timed out after " + timeoutSeconds + " s (-Dwasmlet.spec.timeout=SECONDS)");
        }
    }

    private void ensureWorker() {
        if (worker != null && worker.isAlive()) {
            return;
        }
        java.util.concurrent.BlockingQueue<FutureTask<?>> q = queue;
        q.clear();
        Thread t = new Thread(null, () -> {
            try {
                while (true) {
                    FutureTask<?> task = q.take();
                    task.run();
                    if (Thread.currentThread() != worker) {
                        return; // abandoned after a time-out
                    }
                }
            } catch (InterruptedException e) {
                // abandoned
            }
        }, "wasmlet-spec", stackSize);
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThread(Thread t) {
        // A runaway interpreter loop cannot be interrupted; Thread.stop still works on
        // JDK 17 (later JDKs throw UnsupportedOperationException and the thread just idles).
        try {
            t.stop();
        } catch (UnsupportedOperationException | SecurityException e) {
            // leave it; it is a daemon thread
        }
    }

    private static long parseSize(String s) {
        s = s.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        if (s.endsWith("k")) {
            mul = 1024;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            mul = 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("g")) {
            mul = 1024L * 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s) * mul;
    }

    void finish() throws IOException {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append("WebAssembly spec tests, mode ").append(mode).append('\n');
        sb.append(String.format("%-24s %8s %8s %8s %8s%n", "command", "passed", "failed", "skipped", "(known)"));
        int[] total = new int[4];
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format("%-24s %8d %8d %8d %8d%n", e.getKey(), c[0], c[1], c[2], c[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        }
        sb.append(String.format("%-24s %8d %8d %8d %8d%n", "total", total[0], total[1], total[2], total[3]));
        sb.append(String.format("files: %d, wall time: %.1f s%n", fileNanos.size(), seconds));
        sb.append("(skipped = text modules + known failures; (known) = known failures that still fail)\n");

        List<Map.Entry<String, int[]>> failingFiles = new ArrayList<>();
        for (Map.Entry<String, int[]> e : fileCounts.entrySet()) {
            if (e.getValue()[1] > 0) {
                failingFiles.add(e);
            }
        }
        failingFiles.sort((a, b) -> Integer.compare(b.getValue()[1], a.getValue()[1]));
        if (!failingFiles.isEmpty()) {
            sb.append("files with failures:");
            for (Map.Entry<String, int[]> e : failingFiles) {
                sb.append(' ').append(e.getKey()).append('(').append(e.getValue()[1]).append(')');
            }
            sb.append('\n');
        }
        List<Map.Entry<String, Long>> slow = new ArrayList<>(fileNanos.entrySet());
        slow.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        sb.append("slowest files:");
        for (int i = 0; i < slow.size() && i < 5; i++) {
            sb.append(String.format(" %s %.2fs", slow.get(i).getKey(), slow.get(i).getValue() / 1e9));
        }
        sb.append('\n');
        String text = sb.toString();
        System.out.print(text);
        System.out.flush();

        Path target = SpecTest.BASE.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("spec-summary-" + mode + ".txt"), text, StandardCharsets.UTF_8);

        String out = System.getProperty("wasmlet.spec.failures.out");
        if (out != null && !out.isEmpty()) {
            Path p = Paths.get(out);
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.write(p, failing, StandardCharsets.UTF_8);
            System.out.println("failing test names (" + failing.size() + ") written to " + p.toAbsolutePath());
        }
    }
}
