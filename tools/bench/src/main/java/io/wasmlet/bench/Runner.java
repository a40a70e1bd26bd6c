package io.wasmlet.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process for one in-JVM runtime and one workload:
 * {@code Runner RUNTIME FILE.wasm N ITER}. Prints, on stdout,
 * <pre>
 * instantiate_ns NANOS
 * iter 0 NANOS RESULT
 * ...
 * iter ITER-1 NANOS RESULT
 * </pre>
 * and on failure one {@code error: ...} line on stderr and exit status 1. Reading the file is not
 * timed; instantiate covers decoding, validation and instantiation, in a fresh JVM (so it
 * includes loading the runtime's classes, as a real first use does).
 */
public final class Runner {
    private Runner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Runner RUNTIME FILE.wasm N ITER");
            System.exit(2);
        }
        Runtimes.Runtime rt = Runtimes.byName(args[0]);
        if (rt.kind() != Runtimes.Kind.JVM) {
            throw new IllegalArgumentException(rt.name() + " does not run in a JVM");
        }
        byte[] wasm = Files.readAllBytes(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        try {
            Engine engine = rt.engine().get();
            long t0 = System.nanoTime();
            engine.instantiate(wasm);
            long t1 = System.nanoTime();
            System.out.println("instantiate_ns " + (t1 - t0));
            for (int i = 0; i < iterations; i++) {
                long s = System.nanoTime();
                int result = engine.run(n);
                long e = System.nanoTime();
                System.out.println("iter " + i + " " + (e - s) + " " + result);
                System.out.flush();
            }
        } catch (Throwable t) {
            System.out.flush();
            System.err.println("error: " + t);
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(8, st.length); i++) {
                System.err.println("  at " + st[i]);
            }
            System.exit(1);
        }
    }
}
