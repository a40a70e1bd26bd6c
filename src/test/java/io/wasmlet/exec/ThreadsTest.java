package io.wasmlet.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wasmlet.validate.Loader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two threads calling into one store (issue 10: they shared its stack pointers and corrupted
 * each other's results silently). Calls are serialised on the store; every result must be right.
 */
class ThreadsTest {
    @Test
    void twoThreadsHammeringOneStoreGetEveryResultRight() throws Exception {
        Store store = new Store();
        Instance inst = store.instantiate(Loader.load(Files.readAllBytes(Paths.get("tests/limits/sum.wasm"))),
                new Imports());
        Function sum = inst.function("sum");
        AtomicReference<String> failure = new AtomicReference<>();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int seed = t;
            threads[t] = new Thread(() -> {
                long[] args = new long[1];
                long[] results = new long[1];
                try {
                    for (int i = 0; i < 20_000 && failure.get() == null; i++) {
                        int n = (i * 7919 + seed * 104_729) % 2000;
                        args[0] = n;
                        store.invoke(sum, args, results);
                        if ((int) results[0] != n * (n + 1) / 2) {
                            failure.compareAndSet(null, "sum(" + n + ") = " + results[0]);
                        }
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e.toString());
                }
            });
        }
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
            // unserialised, the two threads' stack pointers corrupted each other (loops ran away)
            assertEquals(false, t.isAlive(), "a calling thread hangs");
        }
        assertEquals(null, failure.get());
    }
}
